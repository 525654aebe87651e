import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { loadReferenceData } from '../../src/start.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data folder image with the reference data, cloned by each test file. */
    pgliteImage: string;
    /** PostgreSQL: the template database each test file is created from. */
    pgTemplate: string;
    /** PostgreSQL: this run's id, in the name of each of its databases. */
    pgRun: string;
  }
}

/** Every database of one run is named `poa_test_<run>_…`; the run holds an advisory lock on its id while it lasts. */
const RUN = randomUUID().replace(/-/g, '').slice(0, 12);
const RUN_LOCK = `SELECT pg_try_advisory_lock(hashtext('poa_test_' || $1::text)) AS free`;

/**
 * Migrates one database with the reference data, once per run: each test file then gets its own
 * clean copy (a PGlite image loaded in about a second, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // This run's lock, held by this connection until the run ends: another run on the same server
    // (a second checkout, CI beside a developer) never drops this run's databases.
    await admin.query(RUN_LOCK, [RUN]);
    // Databases left by an earlier run that was killed: its lock is free.
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'poa\\_test\\_%'`);
    const staleRuns = new Set(stale.rows.map((r) => /^poa_test_([0-9a-f]{12})_/.exec(r.datname)?.[1] ?? r.datname).filter((run) => run !== RUN));
    for (const run of staleRuns) {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      const { rows } = await probe.query<{ free: boolean }>(RUN_LOCK, [run]);
      await probe.end(); // releases the lock it may just have taken
      if (!rows[0]!.free) continue;
      for (const { datname } of stale.rows.filter((r) => r.datname === run || r.datname.startsWith(`poa_test_${run}_`))) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    const TEMPLATE_DB = `poa_test_${RUN}_template`;
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const database = await openDatabase({ kind: 'postgres', url: templateUrl, poolSize: 2 });
    await database.migrate();
    await loadReferenceData(database);
    await database.close();
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgRun', RUN);
    project.provide('pgliteImage', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await database.migrate();
  await loadReferenceData(database);
  const image = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'poa-test-')), 'image.tar.gz');
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
