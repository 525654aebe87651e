import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from './database.js';
import { rowsOf } from './database.js';
import { scheduleJobOnce, type LeasedJobHandler } from '../jobs/runner.js';
import { jobs } from '../jobs/tables.js';

/**
 * The embedded database's maintenance. PGlite runs PostgreSQL in one session with no autovacuum: rows
 * that updates and deletes leave behind are never reclaimed, the planner's statistics grow stale, and
 * the visibility map that lets a count or an index-only scan skip the table's pages is never set. A job
 * does what autovacuum would, every hour, table by table. On PostgreSQL nothing is scheduled: its own
 * autovacuum does this, better, in background workers.
 */
export const VACUUM_JOB = 'database-vacuum';

/** How often the tables are looked at: the look is one query on the statistics; a table is vacuumed only when due. */
export const VACUUM_EVERY_MS = 3_600_000;
/** The first look after a start: not during the start itself. */
const FIRST_AFTER_MS = 10 * 60_000;
/** Done runs kept in the job table, for whoever looks at what ran. */
const KEEP_RUNS_MS = 7 * 86_400_000;

/**
 * When a table is due, by autovacuum's default thresholds (PostgreSQL's `autovacuum_*` settings):
 * vacuumed when its dead rows pass 50 + 20 % of its live rows, or its rows inserted since the last
 * vacuum pass 1,000 + 20 % (so that the visibility map of a table only ever added to is kept); analysed
 * when its rows changed since the last analysis pass 50 + 10 %. PGlite keeps these counts in memory only
 * (they start from zero at each start: what a table gathered before is unknown), so a table that is not
 * empty and was not vacuumed since the engine started is vacuumed once too; after that, by its counts.
 */
const DUE = {
  vacuum: sql`n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup OR (last_vacuum IS NULL AND pg_relation_size(relid) > 0)`,
  analyze: sql`n_mod_since_analyze > 50 + 0.1 * n_live_tup`,
};

export interface MaintenanceStep {
  /** The table, schema-qualified and quoted as PostgreSQL quotes it. */
  table: string;
  command: 'VACUUM (ANALYZE)' | 'ANALYZE';
  deadRows: number;
  ms: number;
}

/** The tables due for a vacuum or an analysis, the one with most dead rows first. */
export async function tablesDue(db: Executor): Promise<{ table: string; vacuum: boolean; deadRows: number }[]> {
  // The session's counts reach the shared statistics when it is next idle: now, before they are read.
  await db.execute(sql`SELECT pg_stat_force_next_flush()`);
  const rows = rowsOf<{ table: string; vacuum: boolean; dead: number | string }>(
    await db.execute(sql`
      SELECT format('%I.%I', schemaname, relname) AS "table", (${DUE.vacuum}) AS vacuum, n_dead_tup AS dead
      FROM pg_stat_user_tables
      WHERE (${DUE.vacuum}) OR (${DUE.analyze})
      ORDER BY n_dead_tup DESC, relname`),
  );
  return rows.map((r) => ({ table: r.table, vacuum: r.vacuum, deadRows: Number(r.dead) }));
}

/**
 * Vacuums (and analyses) each table that is due, one statement per table. The embedded engine runs in
 * the process's thread, one statement at a time: a vacuum of everything at once would hold every request
 * (and the event loop itself) for as long as it took. Table by table, with a turn of the event loop
 * between two, the requests that arrived meanwhile run before the next table (PGlite serves its queue in
 * order), so a request waits at most for one table's vacuum (measured on a busy machine: 50,000 rows
 * with as many dead in 30-90 ms, 200,000 rows of 100 bytes in 0.3-0.5 s). No new table is started once
 * `budgetMs` has passed: the rest waits for the next run. On PostgreSQL it does nothing: autovacuum does
 * it there.
 */
export async function vacuumWhereDue(database: Pick<Database, 'db' | 'kind'>, options: { budgetMs?: number } = {}): Promise<MaintenanceStep[]> {
  if (database.kind !== 'pglite') return [];
  const budgetMs = options.budgetMs ?? 10_000;
  const started = performance.now();
  const steps: MaintenanceStep[] = [];
  for (const due of await tablesDue(database.db)) {
    // The engine runs on the process's own thread: while a statement runs, not even a request is read.
    // A turn of the event loop lets what arrived meanwhile in, and queue its queries before the next table.
    await new Promise((resolve) => setImmediate(resolve));
    if (performance.now() - started > budgetMs) break;
    const command = due.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE';
    const at = performance.now();
    // VACUUM runs outside any transaction: one statement, on its own. The name was quoted by format('%I').
    await database.db.execute(sql.raw(`${command} ${due.table}`));
    steps.push({ table: due.table, command, deadRows: due.deadRows, ms: Math.round(performance.now() - at) });
  }
  return steps;
}

const slotKey = (runAt: Date) => `${VACUUM_JOB}:${runAt.toISOString().slice(0, 13)}`;

/** One run per hour, keyed by the hour: however often the platform restarts, each hour's run is written once and runs once. */
async function scheduleRun(db: Executor, runAt: Date): Promise<void> {
  await scheduleJobOnce(db, { kind: VACUUM_JOB, key: slotKey(runAt), runAt });
}

/** At start, on the embedded database only: the first run, ten minutes on. On PostgreSQL: nothing. */
export async function scheduleDatabaseMaintenance(database: Pick<Database, 'db' | 'kind'>, now: Date = new Date()): Promise<void> {
  if (database.kind !== 'pglite') return;
  await scheduleRun(database.db, new Date(now.getTime() + FIRST_AFTER_MS));
}

/**
 * The job: a leased one, since VACUUM cannot run inside the transaction that claims a job; safe to run
 * twice, should the process die during it. It writes the next hour's run first, then vacuums what is
 * due, then forgets its own runs older than a week.
 */
export function databaseMaintenanceHandler(database: Pick<Database, 'kind'>, options: { onSteps?: (steps: MaintenanceStep[]) => void } = {}): LeasedJobHandler {
  return {
    leaseMs: 30 * 60_000,
    run: async ({ db, now }) => {
      if (database.kind !== 'pglite') return;
      await scheduleRun(db, new Date(now().getTime() + VACUUM_EVERY_MS));
      const steps = await vacuumWhereDue({ db, kind: database.kind });
      options.onSteps?.(steps);
      await db.delete(jobs).where(and(eq(jobs.kind, VACUUM_JOB), eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now().getTime() - KEEP_RUNS_MS))));
    },
  };
}
