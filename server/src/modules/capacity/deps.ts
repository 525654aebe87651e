import type { Db } from '../../platform/db/database.js';

/** What the use cases that tell the other side need: the database, and the platform's address for links. */
export interface CapacityDeps {
  db: Db;
  publicUrl: string;
}
