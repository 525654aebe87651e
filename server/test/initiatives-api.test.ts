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
    expect(s.body.can).toEqual({ publish: true, decline: true });
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
