import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { loadReferenceData } from '../../src/platform/start.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data folder image with the reference data, cloned by each test file. */
    pgliteImage: string;
    /** PostgreSQL: the template database each test file is created from. */
    pgTemplate: string;
  }
}

export const TEMPLATE_DB = 'poa_test_template';

/**
 * Migrates one database with the reference data, once per run: each test file then gets its own
 * clean copy (a PGlite image loaded in about a second, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Databases left by an earlier run that was killed.
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'poa_test_%'`);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const database = await openDatabase({ kind: 'postgres', url: templateUrl, poolSize: 2 });
    await database.migrate();
    await loadReferenceData(database);
    await database.close();
    project.provide('pgTemplate', TEMPLATE_DB);
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
