import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { organisations } from '../src/modules/stakeholders/tables.js';

/**
 * Capacity-building through the HTTP API: needs (also from a national report), offers, ranked matches
 * with reasons, the match workflow with its emails, projects, the analysis and the open data; and above
 * all that a need or offer a viewer may not see is in none of its lists, counts, rankings or exports.
 */

let p: TestPlatform;
let secretariat: Client;
let kenFp: Client;
let kenDelegate: Client;
let fraFp: Client;
let chlFp: Client;
let stakeholder: Client;
let unaccredited: Client;
const anon = () => new Client(p.app);
let fraEmail: string;

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  const otherId = randomUUID();
  await p.ctx.database.db.insert(organisations).values([
    { id: organisationId, name: 'Cyber Capacity Forum', kind: 'intergovernmental', accreditation: 'accredited' },
    { id: otherId, name: 'Applied Only', kind: 'ngo', accreditation: 'applied' },
  ]);
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  kenFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'KEN' }));
  kenDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'KEN' }));
  const fra = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' });
  fraEmail = fra.email;
  fraFp = await signedIn(p.app, fra);
  expect((await fraFp.put('/api/v1/me/language', { language: 'fr' })).status).toBeLessThan(300);
  chlFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
  unaccredited = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId: otherId }));
});
afterAll(() => p.close());

const need = (over: Record<string, unknown> = {}) => ({
  title: { en: 'CSIRT training', fr: 'Formation des CSIRT' },
  description: { en: 'Incident handling for the national CSIRT.' },
  codes: ['norm-13g', 'global-cbm-7'],
  modality: 'training',
  languages: ['en'],
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  visibility: 'public',
  ...over,
});
const offer = (over: Record<string, unknown> = {}) => ({
  title: { en: 'Incident response training' },
  description: { en: 'A week of training for CSIRT staff.' },
  codes: ['norm-13g'],
  modalities: ['training', 'advisory'],
  languages: ['en', 'fr'],
  regions: ['AG'],
  capacity: 1,
  visibility: 'public',
  ...over,
});

let publicNeed: string;
let participantsNeed: string;
let secretNeed: string;
let fraOffer: string;
let orgOffer: string;
let secretOffer: string;

describe('needs', () => {
  it("are published by a State's focal point alone, with framework codes in force", async () => {
    expect([401, 403]).toContain((await anon().post('/api/v1/capacity/needs', need())).status);
    expect((await kenDelegate.post('/api/v1/capacity/needs', need())).status).toBe(403);
    expect((await stakeholder.post('/api/v1/capacity/needs', need())).status).toBe(403);
    const bad = await kenFp.post('/api/v1/capacity/needs', need({ codes: ['norm-99z'] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.codes');
    expect((await kenFp.post('/api/v1/capacity/needs', need({ state: 'FRA' }))).status).toBe(400);
    expect((await kenFp.post('/api/v1/capacity/needs', need({ periodStart: '2028-01-01' }))).body.errors[0].field).toBe('body.periodEnd');
    publicNeed = (await kenFp.post('/api/v1/capacity/needs', need())).body.id;
    participantsNeed = (await kenFp.post('/api/v1/capacity/needs', need({ title: { en: 'Participants only' }, visibility: 'participants' }))).body.id;
    secretNeed = (await kenFp.post('/api/v1/capacity/needs', need({ title: { en: 'Secretariat only' }, visibility: 'secretariat' }))).body.id;
    const read = await anon().get(`/api/v1/capacity/needs/${publicNeed}`);
    expect(read.body).toMatchObject({ state: 'KEN', status: 'open', title: { en: 'CSIRT training', fr: 'Formation des CSIRT' }, can: { edit: false, invite: false } });
    expect((await kenFp.get(`/api/v1/capacity/needs/${publicNeed}`)).body.can).toEqual({ edit: true, invite: true, moveTo: ['withdrawn'] });
    expect((await kenDelegate.get(`/api/v1/capacity/needs/${publicNeed}`)).body.can).toEqual({ edit: false, invite: false, moveTo: [] });
  });

  it('are seen only by those their visibility allows, and by their own State', async () => {
    const ids = async (c: Client) => ((await c.get('/api/v1/capacity/needs')).body.items as { id: string }[]).map((n) => n.id);
    expect(await ids(anon())).toEqual([publicNeed]);
    for (const c of [fraFp, stakeholder]) expect((await ids(c)).sort()).toEqual([publicNeed, participantsNeed].sort());
    for (const c of [secretariat, kenDelegate]) expect((await ids(c)).sort()).toEqual([publicNeed, participantsNeed, secretNeed].sort());
    expect((await anon().get('/api/v1/capacity/needs')).body.total).toBe(1);
    expect((await anon().get(`/api/v1/capacity/needs/${participantsNeed}`)).status).toBe(404);
    expect((await fraFp.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(404);
    expect((await kenDelegate.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(200);
    expect((await anon().get('/api/v1/capacity/needs?code=global-cbm-7&modality=training')).body.total).toBe(1);
    expect((await anon().get('/api/v1/capacity/needs?code=norm-13a')).body.total).toBe(0);
  });

  it('are changed by their focal point only; a need that does not exist for the caller is not found', async () => {
    expect((await fraFp.patch(`/api/v1/capacity/needs/${secretNeed}`, { status: 'withdrawn' })).status).toBe(404);
    expect((await fraFp.patch(`/api/v1/capacity/needs/${publicNeed}`, { status: 'withdrawn' })).status).toBe(403);
    expect((await kenFp.patch(`/api/v1/capacity/needs/${publicNeed}`, { status: 'met' })).status).toBe(409);
    expect((await kenFp.patch(`/api/v1/capacity/needs/${publicNeed}`, {})).status).toBe(400);
  });
});

describe('needs from a national report', () => {
  it('publishes the needs of the latest submitted report in one step, once, linked to their sections and never wider than them', async () => {
    expect((await kenFp.post('/api/v1/capacity/needs/from-report', { modality: 'advisory', languages: ['en'], visibility: 'public' })).status).toBe(409);
    const deadline = DateTime.utc().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'Cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: deadline, zone: 'UTC' });
    const report = await kenFp.post(`/api/v1/reporting/cycles/${cycle.body.id}/reports`, { visibility: 'public' });
    const put = (key: string, answer: unknown, visibility: string | null = null) => kenFp.put(`/api/v1/reporting/reports/${report.body.id}/sections/${key}`, { answer, visibility }, { 'if-match': '"0"' });
    expect((await put('norm:norm-13g', { status: 'planned', needs: [{ description: 'Support for a national CII inventory', codes: ['norm-13g'] }] })).status).toBe(200);
    expect((await put('cbm:global-cbm-1', { status: 'planned', needs: [{ description: 'Points of contact exercise', codes: [] }] }, 'secretariat')).status).toBe(200);
    expect((await kenFp.post(`/api/v1/reporting/reports/${report.body.id}/submissions`)).status).toBe(201);

    expect((await kenDelegate.post('/api/v1/capacity/needs/from-report', { modality: 'advisory', languages: ['en'], visibility: 'public' })).status).toBe(403);
    const made = await kenFp.post('/api/v1/capacity/needs/from-report', { modality: 'advisory', languages: ['en'], visibility: 'public' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reportId: report.body.id, submission: 1, alreadyPublished: 0 });
    expect(made.body.created).toHaveLength(2);
    const read = await Promise.all(made.body.created.map(async (id: string) => (await kenFp.get(`/api/v1/capacity/needs/${id}`)).body));
    const cii = read.find((n) => n.source.sectionKey === 'norm:norm-13g');
    expect(cii).toMatchObject({ title: { en: 'Support for a national CII inventory' }, codes: ['norm-13g'], visibility: 'public', modality: 'advisory', source: { reportId: report.body.id, submission: 1, index: 0 } });
    // The section was for the Secretariat: so is the need; its empty codes took the section's element.
    expect(read.find((n) => n.source.sectionKey === 'cbm:global-cbm-1')).toMatchObject({ visibility: 'secretariat', codes: ['global-cbm-1'] });
    const again = await kenFp.post('/api/v1/capacity/needs/from-report', { modality: 'advisory', languages: ['en'], visibility: 'public' });
    expect(again.body).toMatchObject({ created: [], alreadyPublished: 2 });
    // Withdraw them: the rest of the file counts needs.
    for (const id of made.body.created) expect((await kenFp.patch(`/api/v1/capacity/needs/${id}`, { status: 'withdrawn' })).status).toBe(200);
  });
});

describe('offers and ranking', () => {
  it('are published by a focal point for its State, an accredited organisation, or the Secretariat for a programme', async () => {
    expect((await kenDelegate.post('/api/v1/capacity/offers', offer())).status).toBe(403);
    expect([401, 403]).toContain((await anon().post('/api/v1/capacity/offers', offer())).status);
    expect((await unaccredited.post('/api/v1/capacity/offers', offer())).status).toBe(403);
    expect((await secretariat.post('/api/v1/capacity/offers', offer())).body.errors[0].field).toBe('body.programme');
    expect((await fraFp.post('/api/v1/capacity/offers', offer({ programme: 'x' }))).status).toBe(400);
    fraOffer = (await fraFp.post('/api/v1/capacity/offers', offer({ title: { en: 'French CSIRT training' }, states: ['KEN'], periodStart: '2027-06-01' }))).body.id;
    orgOffer = (await stakeholder.post('/api/v1/capacity/offers', offer({ title: { en: 'Forum advisory' }, codes: ['global-cbm-7'], modalities: ['advisory'] }))).body.id;
    secretOffer = (await secretariat.post('/api/v1/capacity/offers', offer({ title: { en: 'Programme' }, programme: 'UN trust fund', visibility: 'secretariat' }))).body.id;
    const offeror = (await anon().get(`/api/v1/capacity/offers/${orgOffer}`)).body.offeror;
    expect(offeror).toMatchObject({ kind: 'organisation', organisationName: 'Cyber Capacity Forum' });
    expect((await fraFp.get(`/api/v1/capacity/offers/${secretOffer}`)).status).toBe(404);
    expect(((await anon().get('/api/v1/capacity/offers')).body.items as { id: string }[]).map((o) => o.id).sort()).toEqual([fraOffer, orgOffer].sort());
  });

  it('ranks the offers a viewer sees for a need, with the reasons of each rank', async () => {
    const ranked = (await anon().get(`/api/v1/capacity/needs/${publicNeed}/offers`)).body.items;
    expect(ranked.map((r: { offer: { id: string } }) => r.offer.id)).toEqual([fraOffer, orgOffer]);
    expect(ranked[0].reasons.map((r: { code: string }) => r.code)).toEqual(['shared-elements', 'modality', 'language', 'state-served', 'period']);
    expect(ranked[0].score).toBe(3 + 2 + 1 + 2 + 1);
    const bySecretariat = (await secretariat.get(`/api/v1/capacity/needs/${publicNeed}/offers`)).body.items.map((r: { offer: { id: string } }) => r.offer.id);
    expect(bySecretariat).toContain(secretOffer);
  });

  it('ranks the needs a viewer sees for an offer: a Secretariat-only need for no one else', async () => {
    const forFrance = (await fraFp.get(`/api/v1/capacity/offers/${fraOffer}/needs`)).body.items.map((r: { need: { id: string } }) => r.need.id);
    expect(forFrance.sort()).toEqual([publicNeed, participantsNeed].sort());
    const forPublic = (await anon().get(`/api/v1/capacity/offers/${fraOffer}/needs`)).body.items.map((r: { need: { id: string } }) => r.need.id);
    expect(forPublic).toEqual([publicNeed]);
    const forSecretariat = (await secretariat.get(`/api/v1/capacity/offers/${fraOffer}/needs`)).body.items.map((r: { need: { id: string } }) => r.need.id);
    expect(forSecretariat).toContain(secretNeed);
  });
});

let fraMatch: string;
let orgMatch: string;
let projectId: string;

describe('the match workflow', () => {
  it("is started by the requesting State's focal point, who invites an offer it sees", async () => {
    expect((await kenDelegate.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: fraOffer })).status).toBe(403);
    expect((await chlFp.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: fraOffer })).status).toBe(403);
    expect((await kenFp.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: randomUUID() })).status).toBe(404);
    const before = (await p.outbox()).length;
    const invited = await kenFp.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: fraOffer, message: 'Would you help us?' });
    expect(invited.status).toBe(201);
    fraMatch = invited.body.id;
    expect((await kenFp.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: fraOffer })).status).toBe(409);
    // The ranking tells the need's own State which offers it may still invite, and which it has;
    // no one else learns who is invited.
    type Ranked = { offer: { id: string }; invited: boolean; can: { invite: boolean } };
    const forKenya = (await kenFp.get(`/api/v1/capacity/needs/${publicNeed}/offers`)).body.items as Ranked[];
    expect(forKenya.map((r) => [r.offer.id, r.invited, r.can.invite])).toEqual([
      [fraOffer, true, false],
      [orgOffer, false, true],
    ]);
    for (const viewer of [anon(), fraFp, secretariat]) {
      const items = (await viewer.get(`/api/v1/capacity/needs/${publicNeed}/offers`)).body.items as Ranked[];
      expect(items.every((r) => !r.invited && !r.can.invite)).toBe(true);
    }
    orgMatch = (await kenFp.post(`/api/v1/capacity/needs/${publicNeed}/invitations`, { offerId: orgOffer })).body.id;
    expect((await anon().get(`/api/v1/capacity/needs/${publicNeed}`)).body.status).toBe('in-discussion');
    const mail = (await p.outbox()).slice(before).filter((m) => m.to === fraEmail);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Invitation à répondre à un besoin de renforcement des capacités');
    expect(mail[0]!.text).toContain('Formation des CSIRT');
    expect(mail[0]!.text).toContain('Would you help us?');
    expect(mail[0]!.text).toContain(`/fr/capacity/needs/${publicNeed}`);
  });

  it('shows each side the matches it is a party to, and what it may do with them', async () => {
    const forKenya = (await kenFp.get(`/api/v1/capacity/needs/${publicNeed}`)).body.matches;
    expect(forKenya).toHaveLength(2);
    expect(forKenya.every((m: { can: { confirm: boolean; withdraw: boolean; accept: boolean } }) => m.can.withdraw && !m.can.accept && !m.can.confirm)).toBe(true);
    const forFrance = (await fraFp.get(`/api/v1/capacity/needs/${publicNeed}`)).body.matches;
    expect(forFrance.map((m: { id: string }) => m.id)).toEqual([fraMatch]);
    expect(forFrance[0].can).toEqual({ accept: true, decline: true, confirm: false, withdraw: true });
    expect((await anon().get(`/api/v1/capacity/needs/${publicNeed}`)).body.matches).toEqual([]);
    expect((await chlFp.get('/api/v1/capacity/matches')).body.items).toEqual([]);
    expect((await stakeholder.get('/api/v1/capacity/matches')).body.items.map((m: { id: string }) => m.id)).toEqual([orgMatch]);
  });

  it('is answered by the offeror alone: a match is not found by anyone who is no party to it', async () => {
    expect((await chlFp.post(`/api/v1/capacity/matches/${fraMatch}/accept`, {})).status).toBe(404);
    expect((await kenFp.post(`/api/v1/capacity/matches/${fraMatch}/accept`, {})).status).toBe(403);
    expect((await kenFp.post(`/api/v1/capacity/matches/${fraMatch}/confirm`, {})).status).toBe(409);
    expect((await stakeholder.post(`/api/v1/capacity/matches/${fraMatch}/accept`, {})).status).toBe(404);
  });

  it('never gives a need wanting one partner two projects, when two offerors accept and the State confirms both at once', async () => {
    const [a, b] = await Promise.all([fraFp.post(`/api/v1/capacity/matches/${fraMatch}/accept`, { message: 'Avec plaisir' }), stakeholder.post(`/api/v1/capacity/matches/${orgMatch}/accept`, {})]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const confirms = await Promise.all([kenFp.post(`/api/v1/capacity/matches/${fraMatch}/confirm`, {}), kenFp.post(`/api/v1/capacity/matches/${orgMatch}/confirm`, {})]);
    expect(confirms.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = confirms.find((r) => r.status === 200)!;
    projectId = won.body.projectId;
    const lost = confirms.find((r) => r.status === 409)!;
    expect(lost.body.type).toBe('urn:poa:problem:need-matched');
    expect((await kenFp.get('/api/v1/capacity/projects')).body.items).toHaveLength(1);
    expect((await anon().get(`/api/v1/capacity/needs/${publicNeed}`)).body).toMatchObject({ status: 'matched' });
    // The other match is withdrawn by the State; it may no longer be confirmed.
    const other = confirms[0]!.status === 200 ? orgMatch : fraMatch;
    expect((await kenFp.post(`/api/v1/capacity/matches/${other}/withdraw`, { message: 'Merci, déjà pourvu' })).status).toBe(200);
    expect((await kenFp.post(`/api/v1/capacity/matches/${other}/withdraw`, {})).status).toBe(409);
  });

  it('declines and withdraws with a message, reopening a need left with no invitation', async () => {
    const n = (await kenFp.post('/api/v1/capacity/needs', need({ title: { en: 'Another' } }))).body.id;
    const m = (await kenFp.post(`/api/v1/capacity/needs/${n}/invitations`, { offerId: orgOffer })).body.id;
    expect((await anon().get(`/api/v1/capacity/needs/${n}`)).body.status).toBe('in-discussion');
    expect((await stakeholder.post(`/api/v1/capacity/matches/${m}/decline`, { message: 'Not this year' })).status).toBe(200);
    expect((await anon().get(`/api/v1/capacity/needs/${n}`)).body.status).toBe('open');
    const detail = (await kenFp.get(`/api/v1/capacity/needs/${n}`)).body.matches[0];
    expect(detail).toMatchObject({ status: 'declined', responseMessage: 'Not this year' });
    expect((await kenFp.patch(`/api/v1/capacity/needs/${n}`, { status: 'withdrawn' })).status).toBe(200);
  });

  it('lets an invited offeror read a need it could not otherwise see, and no one else', async () => {
    const m = await kenFp.post(`/api/v1/capacity/needs/${secretNeed}/invitations`, { offerId: orgOffer });
    expect(m.status).toBe(201);
    expect((await stakeholder.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(200);
    expect((await fraFp.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(404);
    expect(((await stakeholder.get('/api/v1/capacity/needs')).body.items as { id: string }[]).map((x) => x.id)).not.toContain(secretNeed);
    expect((await kenFp.post(`/api/v1/capacity/matches/${m.body.id}/withdraw`, {})).status).toBe(200);
  });
});

describe('projects', () => {
  it('are kept by both partners, published by the requesting State, and evaluated by each once completed', async () => {
    const read = await kenFp.get(`/api/v1/capacity/projects/${projectId}`);
    expect(read.body).toMatchObject({ requester: 'KEN', status: 'running', objectives: '', can: { edit: true, publish: true, evaluate: false } });
    expect((await anon().get(`/api/v1/capacity/projects/${projectId}`)).status).toBe(404);
    const offeror = read.body.offeror.kind === 'state' ? fraFp : stakeholder;
    expect((await offeror.patch(`/api/v1/capacity/projects/${projectId}`, { objectives: 'Train 20 analysts', milestones: [{ title: 'Course', due: '2027-03-01', status: 'planned' }], principles: ['cb-principle-1'] }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await offeror.patch(`/api/v1/capacity/projects/${projectId}`, { publicParts: { project: true, objectives: true, milestones: false } }, { 'if-match': '"2"' })).status).toBe(403);
    expect((await kenFp.patch(`/api/v1/capacity/projects/${projectId}`, { objectives: 'stale' }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await kenFp.patch(`/api/v1/capacity/projects/${projectId}`, { principles: ['cb-principle-999'] }, { 'if-match': '"2"' })).status).toBe(400);
    expect((await kenFp.patch(`/api/v1/capacity/projects/${projectId}`, { publicParts: { project: true, objectives: true, milestones: false } }, { 'if-match': '"2"' })).status).toBe(200);
    const seen = (await anon().get(`/api/v1/capacity/projects/${projectId}`)).body;
    expect(seen).toMatchObject({ objectives: 'Train 20 analysts', milestones: null, principles: ['cb-principle-1'], can: { edit: false, publish: false, evaluate: false } });
    expect((await anon().get('/api/v1/capacity/projects')).body.items).toHaveLength(1);
    expect((await kenFp.put(`/api/v1/capacity/projects/${projectId}/evaluation`, { delivered: 'a', changed: 'b', lessons: 'c' })).status).toBe(409);
    expect((await kenFp.patch(`/api/v1/capacity/projects/${projectId}`, { status: 'completed' }, { 'if-match': '"3"' })).status).toBe(200);
    expect((await kenFp.put(`/api/v1/capacity/projects/${projectId}/evaluation`, { delivered: 'Course given', changed: 'CSIRT staffed', lessons: 'Start earlier', public: true })).body.side).toBe('requester');
    expect((await offeror.put(`/api/v1/capacity/projects/${projectId}/evaluation`, { delivered: 'Course', changed: 'Skills', lessons: 'Private lesson' })).body.side).toBe('offeror');
    expect((await chlFp.put(`/api/v1/capacity/projects/${projectId}/evaluation`, { delivered: 'x', changed: 'y', lessons: 'z' })).status).toBe(404);
    expect((await anon().get(`/api/v1/capacity/projects/${projectId}`)).body.evaluations.map((e: { side: string }) => e.side)).toEqual(['requester']);
    expect((await kenFp.get(`/api/v1/capacity/projects/${projectId}`)).body.evaluations).toHaveLength(2);
  });
});

describe('analysis and open data', () => {
  it('counts only what the viewer sees', async () => {
    const forPublic = (await anon().get('/api/v1/capacity/analysis')).body;
    const forSecretariat = (await secretariat.get('/api/v1/capacity/analysis')).body;
    const forStakeholder = (await stakeholder.get('/api/v1/capacity/analysis')).body;
    expect(forPublic.needs).toBe(1);
    expect(forStakeholder.needs).toBe(2);
    expect(forSecretariat.needs).toBe(3);
    expect(forPublic.coverage).toMatchObject({ matched: 1, met: 0 });
    expect(forPublic.byRegionalGroup).toEqual([{ key: 'AG', needs: 1 }]);
    expect(forPublic.byPillar.find((x: { pillar: string }) => x.pillar === 'norms').needs).toBe(1);
    expect(forPublic.medianDaysToMatch).toBe(0);
    expect(forPublic.unmet).toEqual([]);
    expect(forSecretariat.unmet.map((u: { id: string }) => u.id).sort()).toEqual([participantsNeed, secretNeed].sort());
    expect(JSON.stringify(forStakeholder)).not.toContain(secretNeed);
  });

  it('is kept until the needs change: the public\'s shared and revalidated, a signed-in reader\'s its own', async () => {
    const first = await anon().get('/api/v1/capacity/analysis');
    expect(first.headers.etag).toBeTruthy();
    expect((await anon().get('/api/v1/capacity/analysis', { 'if-none-match': first.headers.etag as string })).status).toBe(304);
    expect((await secretariat.get('/api/v1/capacity/analysis')).headers['cache-control']).toBe('private, no-store');
    // A Secretariat-only need changes the Secretariat's count at once, and never the public's.
    const hidden = await kenFp.post('/api/v1/capacity/needs', need({ title: { en: 'Kept for the Secretariat' }, visibility: 'secretariat' }));
    expect(hidden.status).toBe(201);
    const before = (await secretariat.get('/api/v1/capacity/analysis')).body.needs;
    expect(before).toBe(4);
    expect((await anon().get('/api/v1/capacity/analysis')).body.needs).toBe(1);
    // A public one changes both, and the public's old ETag no longer holds.
    expect((await kenFp.post('/api/v1/capacity/needs', need({ title: { en: 'Public again' } }))).status).toBe(201);
    const after = await anon().get('/api/v1/capacity/analysis', { 'if-none-match': first.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.body.needs).toBe(2);
    expect((await secretariat.get('/api/v1/capacity/analysis')).body.needs).toBe(5);
  });

  it('exports everything public, and nothing else, whoever asks', async () => {
    for (const c of [anon(), secretariat, kenFp]) {
      const json = await c.get('/api/v1/capacity/export?what=needs');
      const exported = json.body.items.map((n: { id: string }) => n.id);
      expect(exported).toContain(publicNeed);
      expect(exported).not.toContain(secretNeed);
      expect(exported).not.toContain(participantsNeed);
      const csv = await c.get('/api/v1/capacity/export?what=needs&format=csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain(publicNeed);
      expect(csv.text).not.toContain(secretNeed);
      expect(csv.text).not.toContain(participantsNeed);
      const offers = await c.get('/api/v1/capacity/export?what=offers');
      expect(offers.body.items.map((o: { id: string }) => o.id)).not.toContain(secretOffer);
      const projects = await c.get('/api/v1/capacity/export?what=projects&format=json');
      expect(projects.body.items).toHaveLength(1);
      expect(JSON.stringify(projects.body)).not.toContain('Private lesson');
    }
  });

  it('keeps a Secretariat-only need out of every list, count, ranking and export for anyone else', async () => {
    for (const c of [anon(), fraFp, stakeholder, chlFp]) {
      const urls = ['/api/v1/capacity/needs', '/api/v1/capacity/needs?status=open', `/api/v1/capacity/offers/${fraOffer}/needs`, `/api/v1/capacity/offers/${orgOffer}/needs`, '/api/v1/capacity/analysis', '/api/v1/capacity/projects', '/api/v1/capacity/export?what=needs', '/api/v1/capacity/export?what=needs&format=csv', '/api/v1/capacity/export?what=projects'];
      for (const url of urls) {
        const res = await c.get(url);
        expect(res.status, url).toBe(200);
        expect(res.text, url).not.toContain(secretNeed);
        expect(res.text, url).not.toContain('Secretariat only');
      }
      // The organisation invited on it once reads the need itself (it was told of it); nobody else does.
      if (c === stakeholder) continue;
      expect((await c.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(404);
      expect((await c.get(`/api/v1/capacity/needs/${secretNeed}/offers`)).status).toBe(404);
    }
  });

  it('keeps its audit chain: every step recorded', async () => {
    const res = await secretariat.get('/api/v1/audit/verify');
    if (res.status === 200) expect(JSON.stringify(res.body)).not.toContain('BROKEN');
  });
});
