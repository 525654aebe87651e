import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { auditEventsOf } from '../src/platform/audit/record.js';

/**
 * The registry of other initiatives: proposed by a State's focal point, an organisation or the
 * Secretariat; public only once published; a proposer sees its own; "who else works on this" by
 * framework element; searchable; exported as CSV and JSON with only what is published.
 */
type Who = 'public' | 'secretariat' | 'focal CHL' | 'delegate CHL' | 'focal ARG' | 'stakeholder' | 'chair';
let p: TestPlatform;
const c = {} as Record<Who, Client>;
let org: string;

beforeAll(async () => {
  p = await testPlatform();
  org = randomUUID();
  await p.ctx.database.db.insert(organisations).values([{ id: org, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' }]);
  c.public = await new Client(p.app).start();
  const make = async (who: Who, options: Parameters<typeof makeAccount>[2]) => {
    c[who] = await signedIn(p.app, await makeAccount(p.ctx, p.app, options));
  };
  await make('secretariat', { role: 'secretariat' });
  await make('focal CHL', { role: 'focal_point', state: 'CHL' });
  await make('delegate CHL', { role: 'delegate', state: 'CHL' });
  await make('focal ARG', { role: 'focal_point', state: 'ARG' });
  await make('stakeholder', { role: 'stakeholder', organisationId: org });
  await make('chair', { role: 'chair' });
});
afterAll(() => p.close());

const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field).sort();
const initiative = (overrides: Record<string, unknown> = {}) => ({
  name: { en: 'Regional confidence-building measures in cyberspace', es: 'Medidas regionales de fomento de la confianza en el ciberespacio' },
  owner: { en: 'Organización Regional Ejemplo' },
  kind: 'regional-cbms',
  elements: ['global-cbm-5', 'gge2013-poc'],
  states: ['chl', 'ARG'],
  contact: 'cbm@example.org',
  links: [],
  ...overrides,
});

let chilean: string;
let fromOrg: string;
let fromSecretariat: string;

describe('proposing an initiative', () => {
  it('is for focal points, organisations and the Secretariat', async () => {
    expect((await c.public.post('/api/v1/initiatives', initiative())).status).toBe(401);
    for (const who of ['delegate CHL', 'chair'] as const) expect((await c[who].post('/api/v1/initiatives', initiative())).status, who).toBe(403);
    const a = await c['focal CHL'].post('/api/v1/initiatives', initiative());
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'proposed', states: ['ARG', 'CHL'], elements: ['gge2013-poc', 'global-cbm-5'], can: { publish: false, decline: false } });
    chilean = a.body.id;
    const b = await c.stakeholder.post('/api/v1/initiatives', initiative({ name: { en: 'Capacity-building programme Zeta' }, owner: { en: 'Zeta Foundation' }, kind: 'capacity-building', elements: ['cb-principle-1'] }));
    expect(b.status).toBe(201);
    fromOrg = b.body.id;
    const s = await c.secretariat.post('/api/v1/initiatives', initiative({ name: { en: 'Directory Omega' }, owner: { en: 'Omega Network' }, kind: 'directory', elements: ['global-cbm-1'], states: [] }));
    expect(s.status).toBe(201);
    expect(s.body.can).toEqual({ publish: true, decline: true, edit: true });
    fromSecretariat = s.body.id;
  });

  it('validates framework codes through the framework, States, links and unknown fields', async () => {
    const bad = await c['focal CHL'].post('/api/v1/initiatives', initiative({ elements: ['no-such-element'] }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.elements']);
    expect(fieldsOf(await c['focal CHL'].post('/api/v1/initiatives', initiative({ states: ['XXX'] })))).toEqual(['body.states']);
    const link = await c['focal CHL'].post('/api/v1/initiatives', initiative({ links: [{ label: 'x', url: 'javascript:alert(1)' }] }));
    expect(link.status).toBe(400);
    expect((await c['focal CHL'].post('/api/v1/initiatives', initiative({ status: 'published' }))).status).toBe(400);
  });
});

describe('visibility before publication', () => {
  it('a proposed initiative is seen by its proposer and the Secretariat only, never as a row, a page or an export', async () => {
    const ids = async (who: Who) => ((await c[who].get('/api/v1/initiatives')).body.items as { id: string }[]).map((i) => i.id).sort();
    expect(await ids('public')).toEqual([]);
    expect(await ids('focal CHL')).toEqual([chilean]);
    expect(await ids('stakeholder')).toEqual([fromOrg]);
    expect(await ids('focal ARG')).toEqual([]);
    expect((await ids('secretariat')).length).toBe(3);
    expect((await c.public.get(`/api/v1/initiatives/${chilean}`)).status).toBe(404);
    expect((await c['focal ARG'].get(`/api/v1/initiatives/${chilean}`)).status).toBe(404);
    expect((await c['focal CHL'].get(`/api/v1/initiatives/${chilean}`)).status).toBe(200);
    expect((await c.secretariat.get('/api/v1/framework/elements/global-cbm-5/initiatives')).body.items).toEqual([]);
    expect((await c.secretariat.get('/api/v1/initiatives/export?format=json')).body.initiatives).toEqual([]);
  });
});

describe('review by the Secretariat', () => {
  it('publishes and declines with a reason, only the Secretariat, once, on the audit chain', async () => {
    expect((await c['focal CHL'].post(`/api/v1/initiatives/${chilean}/publish`)).status).toBe(403);
    expect((await c.public.post(`/api/v1/initiatives/${chilean}/publish`)).status).toBe(401);
    const pub = await c.secretariat.post(`/api/v1/initiatives/${chilean}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', can: { publish: false, decline: false } });
    expect((await c.secretariat.post(`/api/v1/initiatives/${chilean}/publish`)).status).toBe(409);
    expect((await c.secretariat.post(`/api/v1/initiatives/${fromOrg}/decline`, {})).status).toBe(400);
    const dec = await c.secretariat.post(`/api/v1/initiatives/${fromOrg}/decline`, { reason: 'Outside the scope of the PoA.' });
    expect(dec.body).toMatchObject({ status: 'declined', declineReason: 'Outside the scope of the PoA.' });
    expect((await c.stakeholder.get(`/api/v1/initiatives/${fromOrg}`)).body.declineReason).toBe('Outside the scope of the PoA.');
    expect((await c.public.get(`/api/v1/initiatives/${fromOrg}`)).status).toBe(404);
    await c.secretariat.post(`/api/v1/initiatives/${fromSecretariat}/publish`);
    const db = p.ctx.database.db;
    expect((await auditEventsOf(db, 'initiatives.propose')).length).toBe(3);
    expect((await auditEventsOf(db, 'initiatives.publish', chilean)).length).toBe(1);
    expect((await auditEventsOf(db, 'initiatives.decline', fromOrg)).length).toBe(1);
  });

  it('the public sees what is published; "who else works on this" by element', async () => {
    const list = await c.public.get('/api/v1/initiatives');
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([chilean, fromSecretariat].sort());
    expect(list.body.can).toEqual({ propose: false, review: false });
    const who = await c.public.get('/api/v1/framework/elements/global-cbm-5/initiatives');
    expect(who.status).toBe(200);
    expect(who.body.items).toMatchObject([{ id: chilean, kind: 'regional-cbms' }]);
    expect((await c.public.get('/api/v1/framework/elements/cb-principle-1/initiatives')).body.items).toEqual([]);
    expect((await c.public.get('/api/v1/initiatives?element=global-cbm-1')).body.items.map((i: { id: string }) => i.id)).toEqual([fromSecretariat]);
    expect((await c.public.get('/api/v1/initiatives?state=arg')).body.items.map((i: { id: string }) => i.id)).toEqual([chilean]);
  });

  it('searches folded, in every language of the name and owner', async () => {
    const q = async (s: string) => ((await c.public.get(`/api/v1/initiatives?q=${encodeURIComponent(s)}`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await q('MEDIDAS REGIONALES')).toEqual([chilean]);
    expect(await q('organizacion regional')).toEqual([chilean]);
    expect(await q('omega')).toEqual([fromSecretariat]);
    expect(await q('zeta')).toEqual([]);
    expect(await q('100%_')).toEqual([]);
  });

  it('exports the published registry as CSV and JSON', async () => {
    const csv = await c.stakeholder.get('/api/v1/initiatives/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('name_es');
    expect(csv.text).toContain('Medidas regionales');
    expect(csv.text).not.toContain('Zeta');
    const json = await c.public.get('/api/v1/initiatives/export');
    expect(json.body.initiatives.map((i: { id: string }) => i.id).sort()).toEqual([chilean, fromSecretariat].sort());
    expect(json.body.initiatives[0]).not.toHaveProperty('declineReason');
  });
});

describe('editing an initiative', () => {
  const put = (who: Who, id: string, body: Record<string, unknown>, version?: number) => c[who].put(`/api/v1/initiatives/${id}`, body, version === undefined ? {} : { 'if-match': `"${version}"` });

  it('its proposer edits its own until the Secretariat decides, naming the version read; nobody else does', async () => {
    const made = await c['focal CHL'].post('/api/v1/initiatives', initiative({ name: { en: 'Cyber drills in the Pacific' }, owner: { en: 'Pacific Forum' }, elements: ['global-cbm-5'] }));
    const id = made.body.id as string;
    expect(made.body).toMatchObject({ version: 1, can: { edit: true, publish: false } });
    const read = await c['focal CHL'].get(`/api/v1/initiatives/${id}`);
    expect(read.headers.etag).toBe('"1"');
    const change = initiative({ name: { en: 'Cyber drills in the Pacific and the Andes' }, owner: { en: 'Pacific Forum' }, elements: ['global-cbm-1'], states: ['CHL'] });
    expect((await put('focal CHL', id, change)).status).toBe(428);
    expect((await put('public', id, change, 1)).status).toBe(401);
    expect((await put('delegate CHL', id, change, 1)).status).toBe(403);
    // Those who may not see it find nothing to edit.
    expect((await put('focal ARG', id, change, 1)).status).toBe(404);
    expect((await put('stakeholder', id, change, 1)).status).toBe(404);
    expect(fieldsOf(await put('focal CHL', id, { ...change, elements: ['no-such-element'] }, 1))).toEqual(['body.elements']);
    const saved = await put('focal CHL', id, change, 1);
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.body).toMatchObject({ status: 'proposed', version: 2, name: { en: 'Cyber drills in the Pacific and the Andes' }, elements: ['global-cbm-1'], states: ['CHL'] });
    // An edit made on the version before is refused, and says which version is current.
    const stale = await put('focal CHL', id, initiative({ name: { en: 'Something else' } }), 1);
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    expect((await c['focal CHL'].get(`/api/v1/initiatives/${id}`)).body.name.en).toBe('Cyber drills in the Pacific and the Andes');
    // Once published, it is the Secretariat's to keep.
    expect((await c.secretariat.post(`/api/v1/initiatives/${id}/publish`)).body).toMatchObject({ version: 3, can: { edit: true } });
    expect((await c['focal CHL'].get(`/api/v1/initiatives/${id}`)).body.can.edit).toBe(false);
    expect((await put('focal CHL', id, change, 3)).status).toBe(403);
  });

  it('the Secretariat edits a published initiative: the public pages, "who else works on this" and the search follow; audited with what changed', async () => {
    const before = await c.public.get(`/api/v1/initiatives/${chilean}`);
    expect(before.body.can.edit).toBe(false);
    const version = Number(String(before.headers.etag).replace(/"/g, ''));
    const change = initiative({ name: { en: 'Regional CBMs in cyberspace', es: 'Medidas regionales de confianza' }, elements: ['global-cbm-1'], links: [{ label: 'Programme', url: 'https://cbm.example.org' }] });
    const saved = await put('secretariat', chilean, change, version);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'published', version: version + 1, elements: ['global-cbm-1'], states: ['ARG', 'CHL'] });
    expect((await c.public.get(`/api/v1/initiatives/${chilean}`)).body.name.en).toBe('Regional CBMs in cyberspace');
    expect((await c.public.get('/api/v1/framework/elements/global-cbm-5/initiatives')).body.items).toEqual([]);
    expect((await c.public.get('/api/v1/framework/elements/global-cbm-1/initiatives')).body.items.map((i: { id: string }) => i.id)).toContain(chilean);
    const q = async (s: string) => ((await c.public.get(`/api/v1/initiatives?q=${encodeURIComponent(s)}`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await q('medidas regionales de confianza')).toEqual([chilean]);
    expect(await q('fomento')).toEqual([]);
    const events = await auditEventsOf(p.ctx.database.db, 'initiatives.edit', chilean);
    expect(events).toHaveLength(1);
    const recorded = JSON.stringify(events[0]);
    expect(recorded).toContain('Medidas regionales de fomento de la confianza en el ciberespacio');
    expect(recorded).toContain('Medidas regionales de confianza');
    expect(recorded).toContain('global-cbm-5');
    // Unchanged fields are not recorded as changes.
    expect(recorded).not.toContain('cbm@example.org');
  });

  it('two edits made on the same version: one is saved, the other refused (412), never both', async () => {
    const version = Number(String((await c.secretariat.get(`/api/v1/initiatives/${fromSecretariat}`)).headers.etag).replace(/"/g, ''));
    const results = await Promise.all(
      ['Directory Omega, first', 'Directory Omega, second'].map((en) => put('secretariat', fromSecretariat, initiative({ name: { en }, owner: { en: 'Omega Network' }, kind: 'directory', elements: ['global-cbm-1'], states: [] }), version)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const now = (await c.public.get(`/api/v1/initiatives/${fromSecretariat}`)).body;
    expect(now.version).toBe(version + 1);
    expect(now.name.en).toBe(results.find((r) => r.status === 200)!.body.name.en);
  });

  it('a declined initiative stays as it was declined', async () => {
    const read = await c.secretariat.get(`/api/v1/initiatives/${fromOrg}`);
    expect(read.body.can.edit).toBe(false);
    expect((await put('secretariat', fromOrg, initiative(), read.body.version)).status).toBe(403);
    expect((await put('stakeholder', fromOrg, initiative(), read.body.version)).status).toBe(403);
  });
});
