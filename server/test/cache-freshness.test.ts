import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { chooseCoding } from '../src/platform/http/versioned-cache.js';
import type { App } from '../src/platform/http/server.js';
import { states } from '../src/modules/states/tables.js';
import { dataVersionsOf } from '../src/platform/db/data-versions.js';

/**
 * The cached public reads know they are fresh without asking the database on each request: a version
 * the writes bump in their transaction and NOTIFY (drizzle/0021), heard by every process. On
 * PostgreSQL a second platform process (its own pool, its own LISTEN connection, its own caches) on the
 * same database must see a change made through the first at once.
 */
let p: TestPlatform;
let secretariat: Awaited<ReturnType<typeof makeAccount>>;
beforeAll(async () => {
  p = await testPlatform();
  secretariat = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
});
afterAll(() => p.close());

/** Reads `url` until `done` says the answer is the new one; returns how long that took (ms), or fails after 3 s. */
async function freshWithin(app: App, url: string, done: (body: { items: { iso3: string; names: Record<string, string> }[] }) => boolean): Promise<number> {
  const start = performance.now();
  for (;;) {
    const res = await new Client(app).get(url);
    expect(res.status).toBe(200);
    if (done(res.body)) return performance.now() - start;
    if (performance.now() - start > 3_000) throw new Error(`${url} still stale after 3 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const frenchName = (iso3: string) => (body: { items: { iso3: string; names: Record<string, string> }[] }) => body.items.find((s) => s.iso3 === iso3)!.names.fr!;

describe('the cached list of States', () => {
  it('serves repeated public reads from memory: no query at all while the data is unchanged', async () => {
    await new Client(p.app).get('/api/v1/states');
    const db = p.ctx.database.db;
    const spies = [vi.spyOn(db, 'select'), vi.spyOn(db, 'execute'), vi.spyOn(db, 'transaction')];
    try {
      for (let i = 0; i < 20; i++) expect((await new Client(p.app).get('/api/v1/states')).status).toBe(200);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('sees a change written straight to the database, outside any request of this process, as soon as it commits', async () => {
    const db = p.ctx.database.db;
    const before = frenchName('NZL')((await new Client(p.app).get('/api/v1/states')).body);
    await db.update(states).set({ names: sql`jsonb_set(${states.names}, '{fr}', '"Nouvelle-Zélande (test)"')`, version: sql`${states.version} + 1` }).where(eq(states.iso3, 'NZL'));
    const ms = await freshWithin(p.app, '/api/v1/states', (b) => frenchName('NZL')(b) === 'Nouvelle-Zélande (test)');
    expect(before).not.toBe('Nouvelle-Zélande (test)');
    expect(ms).toBeLessThan(1_000);
  });

  it("learns of its own write from the database on its next read, when the NOTIFY has not arrived yet", async () => {
    // A LISTEN whose notifications never come (as when they are still on their way): only \`wrote()\`
    // tells these versions that the process changed something.
    const versions = dataVersionsOf(p.ctx.database.db, async () => async () => undefined);
    try {
      await versions.listen();
      const before = await versions.of('states');
      await p.ctx.database.db.update(states).set({ version: sql`${states.version} + 1` }).where(eq(states.iso3, 'NZL'));
      expect(await versions.of('states')).toBe(before);
      versions.wrote();
      expect(await versions.of('states')).toBe(before + 1);
      // Caught up: the next read is from memory again.
      expect(typeof versions.of('states')).toBe('number');
      // The platform of this file hears of the change too before the next test reads through it.
      await vi.waitFor(async () => expect(await p.ctx.database.versions.of('states')).toBe(before + 1));
    } finally {
      await versions.close();
    }
  });

  it('sends the body compressed when the client accepts it, compressed once and the same data as the plain body', async () => {
    const plain = await p.app.inject({ method: 'GET', url: '/api/v1/states' });
    const gz = await p.app.inject({ method: 'GET', url: '/api/v1/states', headers: { 'accept-encoding': 'gzip' } });
    const br = await p.app.inject({ method: 'GET', url: '/api/v1/states', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    for (const r of [plain, gz, br]) expect(String(r.headers.vary)).toMatch(/Accept-Encoding/);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    // Three representations, three ETags; any of them shows the client holds the current data.
    expect(new Set([plain.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
    const revalidated = await p.app.inject({ method: 'GET', url: '/api/v1/states', headers: { 'accept-encoding': 'br', 'if-none-match': String(gz.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('chooses brotli, then gzip, and honours q=0', () => {
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('gzip, deflate, br')).toBe('br');
    expect(chooseCoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('*, br;q=0, gzip;q=0')).toBeNull();
    expect(chooseCoding('x-gzip')).toBe('gzip');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two processes on one PostgreSQL', () => {
  let second: { database: Database; app: App };
  beforeAll(async () => {
    const database = await openDatabase({ kind: 'postgres', url: p.databaseUrl!, poolSize: 2 });
    const { app } = await buildApp({ ...p.ctx, database });
    second = { database, app };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database.close();
  });

  it('a write in one process invalidates the cache of the other at once', async () => {
    const url = '/api/v1/states?group=WEOG';
    // Both processes hold the list in their caches.
    const firstA = await new Client(p.app).get(url);
    const firstB = await new Client(second.app).get(url);
    expect(firstB.headers.etag).toBe(firstA.headers.etag);
    expect((await new Client(second.app).get(url, { 'if-none-match': firstB.headers.etag as string })).status).toBe(304);

    const c = await signedIn(p.app, secretariat);
    const state = await c.get('/api/v1/states/ISL');
    expect((await c.patch('/api/v1/states/ISL/names', { fr: 'Islande (corrigé)' }, { 'if-match': state.headers.etag as string })).status).toBe(200);

    // The writing process knows before its answer leaves; the other hears the NOTIFY within milliseconds.
    expect(frenchName('ISL')((await new Client(p.app).get(url)).body)).toBe('Islande (corrigé)');
    const ms = await freshWithin(second.app, url, (b) => frenchName('ISL')(b) === 'Islande (corrigé)');
    expect(ms).toBeLessThan(1_000);
    const afterB = await new Client(second.app).get(url, { 'if-none-match': firstB.headers.etag as string });
    expect(afterB.status).toBe(200);
    expect(afterB.headers.etag).toBe((await new Client(p.app).get(url)).headers.etag);
  });

  it('a process whose LISTEN connection is lost serves nothing stale: it asks the database until it listens again', async () => {
    const url = '/api/v1/states?group=EEG';
    await new Client(second.app).get(url);
    // Cut the second process's LISTEN connection from the server's side.
    const admin = p.ctx.database.db;
    await admin.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN data_versions' AND pid <> pg_backend_pid()`);
    const c = await signedIn(p.app, secretariat);
    const state = await c.get('/api/v1/states/POL');
    expect((await c.patch('/api/v1/states/POL/names', { fr: 'Pologne (corrigé)' }, { 'if-match': state.headers.etag as string })).status).toBe(200);
    const ms = await freshWithin(second.app, url, (b) => frenchName('POL')(b) === 'Pologne (corrigé)');
    // Under the retry (1 s) of the LISTEN: the reads went to the database meanwhile.
    expect(ms).toBeLessThan(500);
  });
});
