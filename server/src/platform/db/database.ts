import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { dataVersionsOf, listenOnPglite, listenOnPostgres, type DataVersions } from './data-versions.js';

/** The query builder, the same on the embedded database and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction: every use case that changes something runs in one. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The embedded engine, when that is what runs (tests clone its data folder). */
  readonly pglite: PGlite | undefined;
  /** The versions of the cached datasets, kept current by LISTEN/NOTIFY. */
  readonly versions: DataVersions;
  /** Applies every migration not yet applied; safe when several processes start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `read` without PostgreSQL's parallel workers (in a transaction with the setting local to it), for
 * a statement of tens of milliseconds that the planner would otherwise run in parallel: each query then
 * starts workers that read their catalogs afresh, which costs more than they save (the one search: p95
 * 73 -> 51 ms on the bench). PGlite has no parallel workers: `read` runs as it is.
 */
export async function withoutParallelWorkers<T>(database: Pick<Database, 'db' | 'kind'>, read: (db: Executor) => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return read(database.db);
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return read(tx);
  });
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite'; image: Blob };

/**
 * Each driver is loaded only when it is the one that runs: on PostgreSQL the embedded engine's code is
 * never read, and the other way round (README, "Memory and start-up").
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A client that errors while idle must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool) as unknown as Db;
    const versions = dataVersionsOf(db, listenOnPostgres(target.url));
    return {
      db,
      kind: 'postgres',
      pglite: undefined,
      versions,
      migrate: async () => {
        // Serialise concurrent starts on one server: one process migrates, the others wait.
        const conn = await pool.connect();
        try {
          await conn.query('SELECT pg_advisory_lock(727200001)');
          await migratePg(drizzlePg(conn), { migrationsFolder });
        } finally {
          await conn.query('SELECT pg_advisory_unlock(727200001)').catch(() => undefined);
          conn.release();
        }
      },
      close: async () => {
        await versions.close();
        await pool.end();
      },
    };
  }
  // Trigram matching for search in scripts without a stemmer (Arabic, Chinese); see drizzle/0019_search.sql.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const extensions = { pg_trgm };
  const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])];
  let client: PGlite;
  if ('image' in target) {
    client = await PGlite.create({ loadDataDir: target.image, extensions, startParams });
  } else {
    if (!target.dataDir.startsWith('memory://')) {
      fs.mkdirSync(target.dataDir, { recursive: true });
      // initdb runs in a second, temporary engine whose WebAssembly memory (~0.5 GB) this process
      // would keep mapped for good: a new data folder is made by a child process that then exits.
      if (!fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))) await initDataDirInChild(target.dataDir);
    }
    client = await PGlite.create({ dataDir: target.dataDir, extensions, startParams });
  }
  const db = drizzlePglite(client) as unknown as Db;
  const versions = dataVersionsOf(db, listenOnPglite(client));
  return {
    db,
    kind: 'pglite',
    pglite: client,
    versions,
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    close: async () => {
      await versions.close();
      await client.close();
    },
  };
}

/**
 * The embedded engine's settings (on top of PGlite's own start parameters; README "Memory of the
 * embedded database"). PostgreSQL's default of 128 MB of shared buffers is sized for a server with
 * many connections; the embedded engine has one session and the operating system's file cache beneath
 * it, so 16 MB keeps it small with no loss of durability: every commit still reaches the data folder
 * exactly as before (the WAL and fsync settings are left as PGlite sets them).
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB', 'work_mem=4MB', 'maintenance_work_mem=16MB', 'temp_buffers=2MB', 'wal_buffers=1MB'];

/** Creates the PGlite data folder in a child process (initdb), so that its memory goes when the child exits. */
async function initDataDirInChild(dataDir: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); const db = await PGlite.create({ dataDir: process.argv[1] }); await db.close();`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script, dataDir], { timeout: 120_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`Could not create the database folder ${dataDir}: ${stderr || error.message}`)) : resolve(),
    );
  });
}

/** The rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
