import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { organisations } from '../src/modules/stakeholders/tables.js';

/**
 * Technical working groups through the HTTP API: any State joins and leaves by itself; accredited
 * organisations observe when the modalities allow; a stakeholder is never a member.
 */
type Who = 'public' | 'secretariat' | 'focal CHL' | 'delegate CHL' | 'focal ARG' | 'stakeholder' | 'applicant' | 'chair';
let p: TestPlatform;
const c = {} as Record<Who, Client>;
let org: string;
let applicantOrg: string;
let groupId: string;
let closedDoorsId: string;

beforeAll(async () => {
  p = await testPlatform();
  org = randomUUID();
  applicantOrg = randomUUID();
  await p.ctx.database.db.insert(organisations).values([
    { id: org, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' },
    { id: applicantOrg, name: 'Applicant Org', kind: 'academia', accreditation: 'applied' },
  ]);
  c.public = await new Client(p.app).start();
  const make = async (who: Who, options: Parameters<typeof makeAccount>[2]) => {
    c[who] = await signedIn(p.app, await makeAccount(p.ctx, p.app, options));
  };
  await make('secretariat', { role: 'secretariat' });
  await make('focal CHL', { role: 'focal_point', state: 'CHL' });
  await make('delegate CHL', { role: 'delegate', state: 'CHL' });
  await make('focal ARG', { role: 'focal_point', state: 'ARG' });
  await make('stakeholder', { role: 'stakeholder', organisationId: org });
  await make('applicant', { role: 'stakeholder', organisationId: applicantOrg });
  await make('chair', { role: 'chair' });
});
afterAll(() => p.close());

const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field).sort();
const group = (overrides: Record<string, unknown> = {}) => ({
  name: { en: 'Technical working group on confidence-building measures', es: 'Grupo de trabajo técnico sobre medidas de fomento de la confianza' },
  mandate: { en: 'To advance the implementation of the global confidence-building measures.' },
  mandateSource: 'A/AC.300/2027/2, decision 1',
  chairs: [{ name: 'Ambassador Lucía Fernández', role: 'chair', state: 'chl' }],
  workProgramme: [{ title: { en: 'Points of contact directory' }, period: '2027-Q3' }],
  stakeholderObservers: true,
  ...overrides,
});

describe('setting up a group', () => {
  it('is for the Secretariat, with its mandate, chairs and work programme', async () => {
    expect((await c.public.post('/api/v1/groups', group())).status).toBe(401);
    for (const who of ['focal CHL', 'stakeholder', 'chair'] as const) expect((await c[who].post('/api/v1/groups', group())).status, who).toBe(403);
    const res = await c.secretariat.post('/api/v1/groups', group());
    expect(res.status).toBe(201);
    groupId = res.body.id;
    expect(res.body).toMatchObject({ status: 'active', stakeholderObservers: true, chairs: [{ state: 'CHL', role: 'chair' }], members: { states: [], observers: [] }, drafts: [] });
    const closed = await c.secretariat.post('/api/v1/groups', group({ name: { en: 'Group without observers' }, stakeholderObservers: false }));
    closedDoorsId = closed.body.id;
  });

  it('names every bad field, and 404s an unknown group', async () => {
    const res = await c.secretariat.post('/api/v1/groups', { name: { fr: 'Sans anglais' }, mandate: {}, chairs: [{ name: '', role: 'king' }], stakeholderObservers: 'yes' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.name.en', 'body.mandate.en', 'body.chairs.0.name', 'body.chairs.0.role', 'body.stakeholderObservers']));
    expect((await c.public.get(`/api/v1/groups/${randomUUID()}`)).status).toBe(404);
    expect((await c['focal CHL'].post(`/api/v1/groups/${randomUUID()}/members`, { state: 'CHL' })).status).toBe(404);
    expect((await c.secretariat.post('/api/v1/groups', group({ chairs: [{ name: 'X', role: 'chair', state: 'XXX' }] }))).status).toBe(404);
  });
});

describe('membership', () => {
  it('a State joins by itself, through a delegate or its focal point, with no approval', async () => {
    const page = await c['delegate CHL'].get(`/api/v1/groups/${groupId}`);
    expect(page.body.can).toMatchObject({ join: true, leave: false, observe: false });
    const joined = await c['delegate CHL'].post(`/api/v1/groups/${groupId}/members`, { state: 'CHL' });
    expect(joined.status).toBe(201);
    expect(joined.body.members.states.map((s: { iso3: string }) => s.iso3)).toEqual(['CHL']);
    expect(joined.body.can).toMatchObject({ join: false, leave: true });
    expect((await c['focal CHL'].post(`/api/v1/groups/${groupId}/members`, { state: 'chl' })).status).toBe(200); // already in
    expect((await c['focal ARG'].post(`/api/v1/groups/${groupId}/members`, { state: 'ARG' })).status).toBe(201);
    const pub = await c.public.get(`/api/v1/groups/${groupId}`);
    expect(pub.body.members.states.map((s: { iso3: string }) => s.iso3)).toEqual(['ARG', 'CHL']);
    const list = await c.public.get('/api/v1/groups');
    expect(list.body.items.find((g: { id: string }) => g.id === groupId)).toMatchObject({ memberCount: 2, observerCount: 0 });
    // The list says who may set up a group, so the web app offers the form only to them.
    expect(list.body.can).toEqual({ create: false });
    expect((await c['focal CHL'].get('/api/v1/groups')).body.can).toEqual({ create: false });
    expect((await c.secretariat.get('/api/v1/groups')).body.can).toEqual({ create: true });
  });

  it('never for another State', async () => {
    expect((await c['delegate CHL'].post(`/api/v1/groups/${groupId}/members`, { state: 'BRA' })).status).toBe(403);
    expect((await c['focal CHL'].delete(`/api/v1/groups/${groupId}/members/ARG`)).status).toBe(403);
    expect((await c.secretariat.post(`/api/v1/groups/${groupId}/members`, { state: 'BRA' })).status).toBe(403);
    expect((await c.chair.delete(`/api/v1/groups/${groupId}/members/CHL`)).status).toBe(403);
    expect((await c.public.post(`/api/v1/groups/${groupId}/members`, { state: 'BRA' })).status).toBe(401);
  });

  it('a State leaves by itself, and may come back', async () => {
    const left = await c['focal CHL'].delete(`/api/v1/groups/${groupId}/members/CHL`);
    expect(left.status).toBe(200);
    expect(left.body.members.states.map((s: { iso3: string }) => s.iso3)).toEqual(['ARG']);
    expect((await c['focal CHL'].delete(`/api/v1/groups/${groupId}/members/CHL`)).status).toBe(404);
    expect((await c['delegate CHL'].post(`/api/v1/groups/${groupId}/members`, { state: 'CHL' })).status).toBe(201);
  });

  it('a stakeholder can never join as a member', async () => {
    const asOrg = await c.stakeholder.post(`/api/v1/groups/${groupId}/members`, { organisationId: org });
    expect(asOrg.status).toBe(403);
    expect((await c.stakeholder.post(`/api/v1/groups/${groupId}/members`, { state: 'CHL' })).status).toBe(403);
    expect((await c.secretariat.post(`/api/v1/groups/${groupId}/members`, { organisationId: org })).status).toBe(403);
    const page = await c.stakeholder.get(`/api/v1/groups/${groupId}`);
    expect(page.body.can).toMatchObject({ join: false, observe: true });
    expect(page.body.members.states.every((s: { iso3: string }) => s.iso3.length === 3)).toBe(true);
    expect(page.body.members.observers).toEqual([]);
  });

  it('an accredited organisation observes when the modalities allow, for itself only', async () => {
    expect((await c.stakeholder.post(`/api/v1/groups/${closedDoorsId}/observers`, { organisationId: org })).status).toBe(409);
    expect((await c.applicant.get(`/api/v1/groups/${groupId}`)).body.can.observe).toBe(false); // not accredited
    expect((await c.applicant.post(`/api/v1/groups/${groupId}/observers`, { organisationId: applicantOrg })).status).toBe(403);
    expect((await c.applicant.post(`/api/v1/groups/${groupId}/observers`, { organisationId: org })).status).toBe(403);
    expect((await c['focal CHL'].post(`/api/v1/groups/${groupId}/observers`, { organisationId: org })).status).toBe(403);
    const res = await c.stakeholder.post(`/api/v1/groups/${groupId}/observers`, { organisationId: org });
    expect(res.status).toBe(201);
    expect(res.body.members.observers.map((o: { name: string }) => o.name)).toEqual(['Cyber Peace Institute']);
    expect(res.body.can).toMatchObject({ observe: false, stopObserving: true });
    expect((await c.applicant.delete(`/api/v1/groups/${groupId}/observers/${org}`)).status).toBe(403);
    expect((await c.stakeholder.delete(`/api/v1/groups/${groupId}/observers/${org}`)).status).toBe(200);
    expect((await c.stakeholder.post(`/api/v1/groups/${groupId}/observers`, { organisationId: org })).status).toBe(201);
  });
});

describe('a group meets and issues documents', () => {
  it('the Secretariat schedules its intersessional meeting; stakeholders attend as its modalities say', async () => {
    const body = { ...meetingBody({ kind: 'twg-meeting', title: { en: 'First intersessional meeting of the TWG on CBMs' }, timeZone: 'Europe/Zurich', venue: 'Palais des Nations, Geneva' }) };
    expect((await c['focal CHL'].post(`/api/v1/groups/${groupId}/meetings`, body)).status).toBe(403);
    const res = await c.secretariat.post(`/api/v1/groups/${groupId}/meetings`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: { kind: 'group', groupId }, stakeholdersMayAttend: true, kind: 'twg-meeting' });
    const closed = await c.secretariat.post(`/api/v1/groups/${closedDoorsId}/meetings`, body);
    expect(closed.body.stakeholdersMayAttend).toBe(false);
    const plenaryKind = await c.secretariat.post(`/api/v1/groups/${groupId}/meetings`, { ...body, kind: 'annual-meeting' });
    expect(fieldsOf(plenaryKind)).toEqual(['body.kind']);
    const doc = await c.secretariat.post(`/api/v1/groups/${groupId}/documents`, { type: 'working-paper', title: { en: 'Draft work programme' }, date: '2027-02-01' });
    expect(doc.status).toBe(201);
    expect(doc.body.groupId).toBe(groupId);
    const mdoc = await c.secretariat.post(`/api/v1/meetings/${res.body.id}/documents`, { type: 'information-note', title: { en: 'Practical information' }, date: '2027-02-02' });
    expect(mdoc.body.groupId).toBe(groupId);
  });

  it("lists members, meetings, documents and drafts on the group's page", async () => {
    const page = await c.public.get(`/api/v1/groups/${groupId}`);
    expect(page.status).toBe(200);
    expect(page.body.meetings.map((m: { title: { en: string } }) => m.title.en)).toEqual(['First intersessional meeting of the TWG on CBMs']);
    expect(page.body.documents.map((d: { symbol: string }) => d.symbol).sort()).toEqual(['A/AC.300/2027/INF/1', 'A/AC.300/2027/WP.1']);
    expect(page.body.drafts).toEqual([]);
    expect(page.body.can).toEqual({ manage: false, join: false, leave: false, observe: false, stopObserving: false });
    expect((await c.public.get(`/api/v1/meetings?group=${groupId}`)).body.items).toHaveLength(1);
  });

  it('is updated and closed by the Secretariat (If-Match); a closed group takes no new member', async () => {
    const page = await c.secretariat.get(`/api/v1/groups/${closedDoorsId}`);
    expect((await c.secretariat.patch(`/api/v1/groups/${closedDoorsId}`, { status: 'closed' })).status).toBe(428);
    expect((await c['focal CHL'].patch(`/api/v1/groups/${closedDoorsId}`, { status: 'closed' }, { 'if-match': page.headers.etag as string })).status).toBe(403);
    const closed = await c.secretariat.patch(`/api/v1/groups/${closedDoorsId}`, { status: 'closed' }, { 'if-match': page.headers.etag as string });
    expect(closed.status).toBe(200);
    expect((await c.secretariat.patch(`/api/v1/groups/${closedDoorsId}`, { status: 'active' }, { 'if-match': page.headers.etag as string })).status).toBe(412);
    const refused = await c['focal CHL'].post(`/api/v1/groups/${closedDoorsId}/members`, { state: 'CHL' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:poa:problem:group-closed');
  });
});
