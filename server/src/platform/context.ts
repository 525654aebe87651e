import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Mailer } from './mail/mailer.js';

/** What the platform gives every module: its database, configuration and mail. */
export interface PlatformContext {
  config: Config;
  database: Database;
  mailer: Mailer;
}
