import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { loadStateReference, states } from '../src/modules/states/index.js';
import { auditEvents } from '../src/platform/audit/tables.js';

let p: TestPlatform;
let secretariat: TestAccount;
let focalPoint: TestAccount;
beforeAll(async () => {
  p = await testPlatform();
  secretariat = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
  focalPoint = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' });
});
afterAll(() => p.close());

describe('GET /api/v1/states', () => {
  it('lists the 193 Member States and the 2 observer States', async () => {
    const res = await new Client(p.app).get('/api/v1/states');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(195);
    const items = res.body.items as { iso3: string; status: string; names: Record<string, string> }[];
    expect(items.filter((s) => s.status === 'member')).toHaveLength(193);
    expect(items.filter((s) => s.status === 'observer').map((s) => s.iso3).sort()).toEqual(['PSE', 'VAT']);
    const vat = items.find((s) => s.iso3 === 'VAT')!;
    expect(vat.names.en).toBe('Holy See');
    expect(vat.names.fr).toBe('Saint-Siège');
    expect(items.find((s) => s.iso3 === 'TUR')!.names.en).toBe('Türkiye');
  });

  it('filters by regional group: GRULAC has 33', async () => {
    const res = await new Client(p.app).get('/api/v1/states?group=GRULAC');
    expect(res.body.total).toBe(33);
    expect(res.body.items.every((s: { regionalGroup: string }) => s.regionalGroup === 'GRULAC')).toBe(true);
  });

  it.each([
    ['bolivia', 'BOL'],
    ['BOLIVIE', 'BOL'],
    ['turkiye', 'TUR'],
    ['Türkiye', 'TUR'],
    ['cote d', 'CIV'],
    ['Святейший', 'VAT'],
    ['فلسطين', 'PSE'],
    ['智利', 'CHL'],
    ['Países Bajos', 'NLD'],
  ])('finds %s in any language, ignoring case and accents', async (q, iso3) => {
    const res = await new Client(p.app).get(`/api/v1/states?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { iso3: string }) => s.iso3)).toContain(iso3);
  });

  it('combines the filters, and treats LIKE wildcards as text', async () => {
    const both = await new Client(p.app).get('/api/v1/states?group=WEOG&q=bolivia');
    expect(both.body.total).toBe(0);
    const wild = await new Client(p.app).get('/api/v1/states?q=%25');
    expect(wild.body.total).toBe(0);
  });
});

describe('GET /api/v1/states/{iso3}', () => {
  it('gives one State with what the caller may do, and its ETag', async () => {
    const res = await new Client(p.app).get('/api/v1/states/chl');
    expect(res.status).toBe(200);
    expect(res.body.iso3).toBe('CHL');
    expect(res.body.regionalGroup).toBe('GRULAC');
    expect(res.body.can).toEqual({ correctNames: false });
    expect(res.headers.etag).toMatch(/^"\d+"$/);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await new Client(p.app).get('/api/v1/states/XYZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('urn:poa:problem:not-found');
    const bad = await new Client(p.app).get('/api/v1/states/FRANCE');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.iso3');
  });
});

describe('correcting a name', () => {
  it('is refused to the public (401) and to a focal point (403)', async () => {
    const anon = await new Client(p.app).start();
    expect((await anon.patch('/api/v1/states/CHL/names', { fr: 'Chili!' }, { 'if-match': '"1"' })).status).toBe(401);
    const fp = await signedIn(p.app, focalPoint);
    expect((await fp.patch('/api/v1/states/CHL/names', { fr: 'Chili!' }, { 'if-match': '"1"' })).status).toBe(403);
  });

  it('is done by the Secretariat with If-Match, recorded on the audit chain, and kept by the next reference load', async () => {
    const c = await signedIn(p.app, secretariat);
    const before = await c.get('/api/v1/states/CIV');
    expect(before.body.can.correctNames).toBe(true);
    const noIfMatch = await c.patch('/api/v1/states/CIV/names', { es: 'Côte d’Ivoire' });
    expect(noIfMatch.status).toBe(428);
    const ok = await c.patch('/api/v1/states/CIV/names', { es: 'Côte d’Ivoire' }, { 'if-match': before.headers.etag as string });
    expect(ok.status).toBe(200);
    expect(ok.body.names.es).toBe('Côte d’Ivoire');
    const stale = await c.patch('/api/v1/states/CIV/names', { es: 'Other' }, { 'if-match': before.headers.etag as string });
    expect(stale.status).toBe(412);

    const [event] = await p.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'CIV'));
    expect(event!.action).toBe('states.correct-names');
    expect(event!.actorAccountId).toBe(secretariat.id);

    const reloaded = await loadStateReference(p.ctx.database.db);
    expect(reloaded).toEqual({ inserted: 0, updated: 0 });
    const [row] = await p.ctx.database.db.select().from(states).where(eq(states.iso3, 'CIV'));
    expect(row!.names.es).toBe('Côte d’Ivoire');
  });

  it('refuses an empty correction and unknown languages', async () => {
    const c = await signedIn(p.app, secretariat);
    const etag = (await c.get('/api/v1/states/CHL')).headers.etag as string;
    expect((await c.patch('/api/v1/states/CHL/names', {}, { 'if-match': etag })).status).toBe(400);
    const de = await c.patch('/api/v1/states/CHL/names', { de: 'Chile' }, { 'if-match': etag });
    expect(de.status).toBe(400);
  });
});

describe('the cached list', () => {
  it('answers 304 to a client that has the current list, and never serves a stale one after a change', async () => {
    const c = await signedIn(p.app, secretariat);
    const first = await new Client(p.app).get('/api/v1/states?group=GRULAC');
    const etag = first.headers.etag as string;
    expect((await new Client(p.app).get('/api/v1/states?group=GRULAC', { 'if-none-match': etag })).status).toBe(304);
    const state = await c.get('/api/v1/states/URY');
    await c.patch('/api/v1/states/URY/names', { fr: 'Uruguay (corrigé)' }, { 'if-match': state.headers.etag as string });
    const after = await new Client(p.app).get('/api/v1/states?group=GRULAC', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.items.find((s: { iso3: string }) => s.iso3 === 'URY').names.fr).toBe('Uruguay (corrigé)');
    expect(after.headers.etag).not.toBe(etag);
  });
});

describe('reference data', () => {
  it('loads idempotently: a second load changes nothing and records nothing', async () => {
    const db = p.ctx.database.db;
    const count = async () => (await db.select().from(auditEvents)).length;
    const before = await count();
    expect(await loadStateReference(db)).toEqual({ inserted: 0, updated: 0 });
    expect(await count()).toBe(before);
  });
});
