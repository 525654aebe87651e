import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
