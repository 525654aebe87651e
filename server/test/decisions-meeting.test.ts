import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeRecord, verifyRecord } from '../src/record.js';
import { rowsOf } from '../src/platform/db/database.js';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';

/** A working group's recommendation adopted by the plenary in a meeting: an objection first, then consensus. */
let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chair2: Client;
let chl: Client;
let arg: Client;
let bra: Client;
let meetingId: string;
let draftId: string;
const anon = () => new Client(p.app);
const etag = (res: { headers: Record<string, unknown> }) => res.headers.etag as string;

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chair2 = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  arg = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  bra = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'BRA' }));

  const meeting = await secretariat.post('/api/v1/meetings', meetingBody());
  meetingId = meeting.body.id;
  const open = await secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'registration-open' }, { 'if-match': etag(meeting) });
  for (const [c, iso3] of [[chl, 'CHL'], [arg, 'ARG']] as const) {
    const reg = await c.request('PUT', `/api/v1/meetings/${meetingId}/registrations/states/${iso3}`, { contactEmail: 'mission@example.org', participants: [{ role: 'head', name: `Head ${iso3}`, title: 'Ambassador' }] });
    expect(reg.status).toBe(200);
    expect((await secretariat.post(`/api/v1/meetings/${meetingId}/registrations/${reg.body.id}/confirm`, {}, { 'if-match': `"${reg.body.version}"` })).status).toBe(200);
  }
  expect((await secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'in-session' }, { 'if-match': etag(open) })).status).toBe(200);

  const draft = await chair.post('/api/v1/drafts', {
    title: 'Recommendation on responsible reporting of ICT vulnerabilities',
    body: 'plenary',
    kind: 'recommendation',
    implementsCodes: ['norm-13j'],
    paragraphs: [{ kind: 'operative', text: 'Recommends that States establish coordinated vulnerability disclosure policies.' }],
  });
  draftId = draft.body.id;
});
afterAll(() => p.close());

describe('adoption in a meeting', () => {
  it('is refused when the meeting is not in session', async () => {
    const other = await secretariat.post('/api/v1/meetings', meetingBody({ sessionNumber: 2, startsAt: '2028-07-10T10:00', endsAt: '2028-07-14T18:00', registrationDeadline: '2028-06-30T18:00' }));
    const res = await chair.post(`/api/v1/drafts/${draftId}/adoption-proposals`, { meetingId: other.body.id });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:poa:problem:meeting-not-in-session');
  });

  it('is stopped by an objection from a State present, recorded with its reason; the text stays a draft', async () => {
    const proposal = await chair.post(`/api/v1/drafts/${draftId}/adoption-proposals`, { meetingId });
    expect(proposal.status).toBe(201);
    const absent = await bra.post(`/api/v1/adoption-proposals/${proposal.body.id}/objections`, { reason: 'We were not there.' });
    expect(absent.status).toBe(409);
    expect(absent.body.type).toBe('urn:poa:problem:refused-not-present');
    const objection = await arg.post(`/api/v1/adoption-proposals/${proposal.body.id}/objections`, { reason: 'The text should mention national legislation.' });
    expect(objection.status).toBe(201);
    const declared = await chair.post(`/api/v1/adoption-proposals/${proposal.body.id}/consensus`);
    expect(declared.status).toBe(409);
    const draft = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    expect(draft.status).toBe('negotiating');
    expect(draft.adoptionProposals[0]).toMatchObject({ status: 'not-adopted', objections: [{ state: 'ARG', reason: 'The text should mention national legislation.' }] });
  });

  it('adopts by consensus with no objection, once even when two chairs declare at the same time', async () => {
    const current = await anon().get(`/api/v1/drafts/${draftId}`);
    const revised = await chair.post(
      `/api/v1/drafts/${draftId}/revisions`,
      { paragraphs: [{ key: current.body.latest.paragraphs[0].key, kind: 'operative', text: 'Recommends that States establish coordinated vulnerability disclosure policies, in accordance with national legislation.' }] },
      { 'if-match': etag(current) },
    );
    expect(revised.status).toBe(201);
    const proposal = await chair.post(`/api/v1/drafts/${draftId}/adoption-proposals`, { meetingId });
    const [a, b] = await Promise.all([chair.post(`/api/v1/adoption-proposals/${proposal.body.id}/consensus`), chair2.post(`/api/v1/adoption-proposals/${proposal.body.id}/consensus`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const outcomes = (await anon().get('/api/v1/outcomes')).body.items;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ adoptedVia: 'meeting' });
    const late = await chl.post(`/api/v1/adoption-proposals/${proposal.body.id}/objections`, { reason: 'Too late.' });
    expect(late.status).toBe(409);
    const record = (await anon().get(`/api/v1/outcomes/${outcomes[0].id}`)).body;
    expect(record.verification.intact).toBe(true);
    expect(record.adoptionProposals.map((x: { status: string }) => x.status)).toEqual(['not-adopted', 'adopted']);
    expect(record.meetingId).toBe(meetingId);
  });
});

describe('the plenary adopts what the bodies prepared, where they sit', () => {
  let groupId: string;
  let groupMeetingId: string;
  const recommendation = (title: string, body: string) => ({
    title,
    body,
    kind: 'recommendation',
    implementsCodes: ['norm-13j'],
    paragraphs: [{ kind: 'operative', text: 'Recommends that States share their experience of vulnerability disclosure.' }],
  });

  beforeAll(async () => {
    const group = await secretariat.post('/api/v1/groups', { name: { en: 'Working group on ICT security' }, mandate: { en: 'To prepare recommendations.' }, chairs: [], workProgramme: [], stakeholderObservers: false });
    expect(group.status).toBe(201);
    groupId = group.body.id;
    // The group's meeting, in session, with no State registered.
    const meeting = await secretariat.post(`/api/v1/groups/${groupId}/meetings`, { kind: 'twg-meeting', title: { en: 'First meeting of the working group' }, startsAt: '2027-09-06T10:00', endsAt: '2027-09-07T18:00', timeZone: 'Europe/Zurich', format: 'hybrid' });
    expect(meeting.status).toBe(201);
    groupMeetingId = meeting.body.id;
    const current = await secretariat.get(`/api/v1/meetings/${groupMeetingId}`);
    expect((await secretariat.post(`/api/v1/meetings/${groupMeetingId}/status`, { status: 'in-session' }, { 'if-match': etag(current) })).status).toBe(200);
  });

  it("refuses a group's untransmitted draft in the plenary, in a meeting or by silence", async () => {
    const draft = await chair.post('/api/v1/drafts', recommendation('Untransmitted recommendation', groupId));
    expect(draft.status).toBe(201);
    const proposed = await chair.post(`/api/v1/drafts/${draft.body.id}/adoption-proposals`, { meetingId });
    expect(proposed.status).toBe(409);
    expect(proposed.body.type).toBe('urn:poa:problem:not-transmitted');
    const silence = await chair.post(`/api/v1/drafts/${draft.body.id}/silence-procedures`, { zone: 'UTC' });
    expect(silence.status).toBe(409);
    expect(silence.body.type).toBe('urn:poa:problem:not-transmitted');
    const seen = (await chair.get(`/api/v1/drafts/${draft.body.id}`)).body;
    expect(seen.can).toMatchObject({ transmit: true, proposeAdoption: true, openSilenceProcedure: false });
    expect(seen.transmission).toBeNull();
    expect(seen.adoptionProposals).toEqual([]);
    expect(seen.silenceProcedures).toEqual([]);
  });

  it("refuses a plenary draft in a working group's meeting", async () => {
    const draft = await chair.post('/api/v1/drafts', recommendation('Plenary recommendation', 'plenary'));
    const proposed = await chair.post(`/api/v1/drafts/${draft.body.id}/adoption-proposals`, { meetingId: groupMeetingId });
    expect(proposed.status).toBe(409);
    expect(proposed.body.type).toBe('urn:poa:problem:other-body');
    expect((await anon().get(`/api/v1/drafts/${draft.body.id}`)).body.adoptionProposals).toEqual([]);
  });

  it("does not transmit a draft whose adoption is before the group's meeting", async () => {
    const draft = await chair.post('/api/v1/drafts', recommendation('Recommendation before the group', groupId));
    expect((await chair.post(`/api/v1/drafts/${draft.body.id}/adoption-proposals`, { meetingId: groupMeetingId })).status).toBe(201);
    expect((await chair.get(`/api/v1/drafts/${draft.body.id}`)).body.can.transmit).toBe(false);
    const transmitted = await chair.post(`/api/v1/drafts/${draft.body.id}/transmit`);
    expect(transmitted.status).toBe(409);
    expect(transmitted.body.type).toBe('urn:poa:problem:under-adoption');
    expect((await anon().get(`/api/v1/drafts/${draft.body.id}`)).body.body).toBe(groupId);
  });

  let outcomeId: string;
  it('transmits a draft with its provenance, then adopts it in the plenary, provenance frozen in the outcome and its record', async () => {
    const draft = await chair.post('/api/v1/drafts', recommendation('Recommendation the group prepared', groupId));
    const id = draft.body.id as string;
    const zero = await anon().get(`/api/v1/drafts/${id}`);
    const rev1 = await chair.post(`/api/v1/drafts/${id}/revisions`, { paragraphs: [{ key: zero.body.latest.paragraphs[0].key, kind: 'operative', text: 'Recommends that States share, voluntarily, their experience of vulnerability disclosure.' }] }, { 'if-match': etag(zero) });
    expect(rev1.status).toBe(201);
    const transmitted = await chair.post(`/api/v1/drafts/${id}/transmit`);
    expect(transmitted.status).toBe(200);
    expect(transmitted.body).toMatchObject({ from: groupId, revision: { number: 1, label: 'Rev.1' } });
    // The plenary revises it further; the revision the group transmitted stays named.
    const before = await anon().get(`/api/v1/drafts/${id}`);
    expect((await chair.post(`/api/v1/drafts/${id}/revisions`, { paragraphs: [{ key: zero.body.latest.paragraphs[0].key, kind: 'operative', text: 'Recommends that States share their experience of coordinated vulnerability disclosure.' }] }, { 'if-match': etag(before) })).status).toBe(201);
    const after = (await anon().get(`/api/v1/drafts/${id}`)).body;
    expect(after.body).toBe('plenary');
    expect(after.latest.number).toBe(2);
    expect(after.transmission).toEqual({ group: groupId, transmittedAt: transmitted.body.transmittedAt, revision: { number: 1, label: 'Rev.1', contentHash: after.revisions[1].contentHash } });
    expect((await chair.post(`/api/v1/drafts/${id}/transmit`)).body.type).toBe('urn:poa:problem:already-plenary');
    // The group's page still lists what it prepared.
    expect((await anon().get(`/api/v1/groups/${groupId}`)).body.drafts.map((d: { id: string }) => d.id)).toContain(id);

    // No longer the group's to adopt; the plenary's, in its meeting.
    const inGroup = await chair.post(`/api/v1/drafts/${id}/adoption-proposals`, { meetingId: groupMeetingId });
    expect(inGroup.body.type).toBe('urn:poa:problem:other-body');
    const proposal = await chair.post(`/api/v1/drafts/${id}/adoption-proposals`, { meetingId });
    expect(proposal.status).toBe(201);
    const declared = await chair.post(`/api/v1/adoption-proposals/${proposal.body.id}/consensus`);
    expect(declared.status).toBe(200);
    outcomeId = declared.body.outcome.id;
    const outcome = (await anon().get(`/api/v1/outcomes/${outcomeId}`)).body;
    expect(outcome.transmission).toEqual(after.transmission);
    expect(outcome.verification).toMatchObject({ intact: true, provenanceIntact: true });
    const [event] = rowsOf<{ details: { preparedBy: unknown } }>(await p.ctx.database.db.execute(sql`SELECT details FROM audit_events WHERE action = 'decisions.adopt' AND subject_id = ${outcomeId}`));
    expect(event!.details.preparedBy).toMatchObject({ group: groupId, revision: 1, transmittedAt: transmitted.body.transmittedAt });
    expect((await verifyRecord(p.ctx.database.db)).intact).toBe(true);
  });

  it('fails verification when the group named on an outcome is changed in the database', async () => {
    const db = p.ctx.database.db;
    await db.execute(sql`ALTER TABLE outcomes DISABLE TRIGGER outcomes_immutable`);
    await db.execute(sql`UPDATE outcomes SET prepared_by = ${groupMeetingId} WHERE id = ${outcomeId}`);
    await db.execute(sql`ALTER TABLE outcomes ENABLE TRIGGER outcomes_immutable`);
    const report = await verifyRecord(db);
    expect(report.intact).toBe(false);
    expect(describeRecord(report)).toMatch(/ALTERED: the working group that prepared it is not the one recorded/);
    expect((await anon().get(`/api/v1/outcomes/${outcomeId}`)).body.verification).toMatchObject({ intact: false, provenanceIntact: false });
  });
});
