import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from './support/platform.js';
import { rowsOf, type Database } from '../src/platform/db/database.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { databaseMaintenanceHandler, scheduleDatabaseMaintenance, tablesDue, VACUUM_EVERY_MS, VACUUM_JOB, vacuumWhereDue, type MaintenanceStep } from '../src/platform/db/maintenance.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await testDatabase());
});
afterAll(() => drop());

interface TableStats {
  n_dead_tup: number;
  last_vacuum: Date | null;
  last_analyze: Date | null;
}

async function statsOf(table: string): Promise<TableStats> {
  if (database.kind === 'pglite') await database.db.execute(sql`SELECT pg_stat_force_next_flush()`);
  const [row] = rowsOf<TableStats>(await database.db.execute(sql`SELECT n_dead_tup::int AS n_dead_tup, last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = ${table}`));
  return row!;
}

/** A table of 2,000 rows, each updated twice: 4,000 dead row versions, as a busy table leaves them. */
async function tableWithDeadRows(table: string): Promise<void> {
  await database.db.execute(sql.raw(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`));
  await database.db.execute(sql.raw(`INSERT INTO ${table} SELECT g, 0 FROM generate_series(1, 2000) g`));
  for (let i = 0; i < 2; i++) await database.db.execute(sql.raw(`UPDATE ${table} SET n = n + 1`));
}

const jobsOfKind = () => database.db.select().from(jobs).where(eq(jobs.kind, VACUUM_JOB));

describe.runIf(!process.env.TEST_DATABASE_URL)('the embedded database (PGlite), which has no autovacuum', () => {
  it('vacuums once every table that is not empty after a start (the counts start from zero), then only a table whose dead rows justify it', async () => {
    await database.db.execute(sql`CREATE TABLE quiet_probe (id int PRIMARY KEY)`);
    await database.db.execute(sql`INSERT INTO quiet_probe VALUES (1), (2), (3)`);
    await database.db.execute(sql`CREATE TABLE empty_probe (id int PRIMARY KEY)`);
    const first = (await vacuumWhereDue(database)).map((s) => s.table);
    expect(first).toContain('public.quiet_probe');
    expect(first).toContain('public.states');
    expect(first).not.toContain('public.empty_probe');
    expect((await statsOf('quiet_probe')).last_vacuum).not.toBeNull();

    await tableWithDeadRows('busy_probe');
    await database.db.execute(sql`INSERT INTO quiet_probe VALUES (4)`);
    expect(await statsOf('busy_probe')).toMatchObject({ n_dead_tup: 4000, last_vacuum: null });
    expect((await tablesDue(database.db)).map((t) => t.table)).toEqual(['public.busy_probe']);
    const steps = await vacuumWhereDue(database);
    expect(steps).toMatchObject([{ table: 'public.busy_probe', command: 'VACUUM (ANALYZE)', deadRows: 4000 }]);
    const after = await statsOf('busy_probe');
    expect(after.n_dead_tup).toBe(0);
    expect(after.last_vacuum).not.toBeNull();
    expect(after.last_analyze).not.toBeNull();
    // Nothing is due any more: a third run does nothing.
    expect(await vacuumWhereDue(database)).toEqual([]);
  });

  it('runs as an hourly job from the job table: written once per hour however often the platform starts, the next hour written by each run', async () => {
    const start = new Date();
    await scheduleDatabaseMaintenance(database, start);
    await scheduleDatabaseMaintenance(database, new Date(start.getTime() + 1000));
    const [first, ...others] = await jobsOfKind();
    expect(others).toEqual([]);
    expect(first).toMatchObject({ status: 'pending' });

    await tableWithDeadRows('job_probe');
    const seen: MaintenanceStep[][] = [];
    const handlers = { [VACUUM_JOB]: databaseMaintenanceHandler(database, { onSteps: (s) => seen.push(s) }) };
    const at = new Date(first!.runAt.getTime() + 1000);
    expect(await runOneJob(database.db, handlers, () => at)).toBe(true);
    expect(await runOneJob(database.db, handlers, () => at)).toBe(false);
    expect(seen.flat().map((s) => s.table)).toContain('public.job_probe');
    expect(await statsOf('job_probe')).toMatchObject({ n_dead_tup: 0, last_vacuum: expect.anything() });

    const all = await jobsOfKind();
    expect(all.find((j) => j.id === first!.id)).toMatchObject({ status: 'done' });
    const next = all.filter((j) => j.status === 'pending');
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBe(at.getTime() + VACUUM_EVERY_MS);
  });

  it('forgets its own runs after a week', async () => {
    const [pending] = (await jobsOfKind()).filter((j) => j.status === 'pending');
    const handlers = { [VACUUM_JOB]: databaseMaintenanceHandler(database) };
    const weekLater = new Date(pending!.runAt.getTime() + 8 * 86_400_000);
    await database.db.update(jobs).set({ runAt: new Date(weekLater.getTime() - 1000) }).where(eq(jobs.id, pending!.id));
    expect(await runOneJob(database.db, handlers, () => weekLater)).toBe(true);
    const left = await jobsOfKind();
    // The run of a week ago is gone; the one just done and the next hour's stay.
    expect(left.map((j) => j.status).sort()).toEqual(['done', 'pending']);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('PostgreSQL, whose autovacuum does it', () => {
  it('schedules nothing, and the job, should one run, vacuums nothing', async () => {
    await scheduleDatabaseMaintenance(database);
    expect(await jobsOfKind()).toEqual([]);
    await tableWithDeadRows('busy_probe');
    expect(await vacuumWhereDue(database)).toEqual([]);
    const seen: MaintenanceStep[][] = [];
    await database.db.insert(jobs).values({ id: randomUUID(), kind: VACUUM_JOB, key: `${VACUUM_JOB}:test`, runAt: new Date(Date.now() - 1000), payload: {} });
    expect(await runOneJob(database.db, { [VACUUM_JOB]: databaseMaintenanceHandler(database, { onSteps: (s) => seen.push(s) }) })).toBe(true);
    expect(seen).toEqual([]);
    // A manual VACUUM sets last_vacuum (autovacuum sets last_autovacuum): none was run.
    expect((await statsOf('busy_probe')).last_vacuum).toBeNull();
    expect((await jobsOfKind()).map((j) => j.status)).toEqual(['done']);
  });
});
