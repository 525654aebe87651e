import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Mailer } from './mail/mailer.js';
import type { AuditSigner } from './audit/signing-key.js';

/** What the platform gives every module: its database, configuration, mail and the key that signs audit checkpoints. */
export interface PlatformContext {
  config: Config;
  database: Database;
  mailer: Mailer;
  auditSigner: AuditSigner;
}
