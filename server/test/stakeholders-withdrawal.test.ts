import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { organisations, speakingRequests } from '../src/modules/stakeholders/tables.js';
import { registrations } from '../src/modules/meetings/tables.js';
import { capacityOffers } from '../src/modules/capacity/tables.js';
import { recordOrganisation } from '../src/modules/stakeholders/index.js';
import { auditEventsOf } from '../src/platform/audit/record.js';

/**
 * Withdrawal of an accreditation: by a decision of the Secretariat alone, named with its reason on
 * the organisation's public record and on the audit chain; from that moment its representatives have
 * nothing the accreditation gave them (register, submit, speak, invite, observe a group, offer
 * capacity-building, propose an initiative); its requests to speak at meetings not yet over are
 * withdrawn; the public list no longer shows it; what it submitted stays published.
 */
let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chl: Client;
let lead: Client;
let second: Client;
let organisationId: string;
let otherOrganisation: string;
let ahead: string;
let over: string;
let groupId: string;
let offerId: string;
const anon = () => new Client(p.app);
const etagOf = (r: { headers: Record<string, unknown> }) => r.headers.etag as string;
const DECISION = { decision: 'PoA/2027/DEC.4', reason: 'Conduct contrary to the modalities of participation.' };

async function moveTo(meetingId: string, status: string) {
  const read = await secretariat.get(`/api/v1/meetings/${meetingId}`);
  expect((await secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status }, { 'if-match': etagOf(read) })).status).toBe(200);
}

beforeAll(async () => {
  p = await testPlatform();
  const db = p.ctx.database.db;
  organisationId = await recordOrganisation(db, { actor: null, name: 'Withdrawn Institute', kind: 'ngo', accreditation: 'accredited' });
  otherOrganisation = await recordOrganisation(db, { actor: null, name: 'Still Accredited Network', kind: 'academia', accreditation: 'accredited' });
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  const leadAccount = await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId });
  await db.update(organisations).set({ leadAccountId: leadAccount.id }).where(eq(organisations.id, organisationId));
  lead = await signedIn(p.app, leadAccount);
  second = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
  for (const name of ['ahead', 'over'] as const) {
    const created = await secretariat.post('/api/v1/meetings', meetingBody({ stakeholdersMayAttend: true }));
    expect((await secretariat.post(`/api/v1/meetings/${created.body.id}/status`, { status: 'registration-open' }, { 'if-match': etagOf(created) })).status).toBe(200);
    if (name === 'ahead') ahead = created.body.id;
    else over = created.body.id;
  }
  groupId = (await secretariat.post('/api/v1/groups', { name: { en: 'Working group on threats' }, mandate: { en: 'To take it forward.' }, chairs: [], workProgramme: [], stakeholderObservers: true })).body.id;
});
afterAll(() => p.close());

describe('while accredited', () => {
  it('its representatives take part: a written input, a request to speak at two meetings (one then held and closed)', async () => {
    const input = await second.post(`/api/v1/organisations/${organisationId}/written-inputs`, { meetingId: ahead, title: 'Input before the decision', language: 'en', text: 'On the norms.' });
    expect(input.status).toBe(201);
    for (const meetingId of [ahead, over]) expect((await second.post(`/api/v1/meetings/${meetingId}/speaking-requests/organisations/${organisationId}`, { speaker: 'Ms. Representative' })).status).toBe(201);
    // It registers for both meetings, observes the working group and offers capacity-building.
    const delegation = { contactEmail: 'd@withdrawn.example.org', participants: [{ role: 'head', name: 'Head' }] };
    for (const meetingId of [ahead, over]) expect((await lead.put(`/api/v1/meetings/${meetingId}/registrations/organisations/${organisationId}`, delegation)).status).toBe(200);
    expect((await lead.post(`/api/v1/groups/${groupId}/observers`, { organisationId })).status).toBeLessThan(300);
    const offered = await lead.post('/api/v1/capacity/offers', {
      title: { en: 'Training on incident response' },
      description: { en: 'A week for CSIRT staff.' },
      codes: ['norm-13g'],
      modalities: ['training'],
      languages: ['en'],
      regions: [],
      capacity: 1,
      visibility: 'public',
    });
    expect(offered.status).toBe(201);
    offerId = offered.body.id;
    await moveTo(over, 'in-session');
    await moveTo(over, 'closed');
    expect((await lead.get(`/api/v1/organisations/${organisationId}`)).body.can).toEqual({ withdraw: false, submitInput: true, requestToSpeak: true, inviteRepresentative: true });
    expect((await secretariat.get(`/api/v1/organisations/${organisationId}`)).body.can.withdraw).toBe(true);
  });
});

describe('the decision', () => {
  it('is the Secretariat’s alone, and names a decision and its reason', async () => {
    const url = `/api/v1/organisations/${organisationId}/withdrawal`;
    expect((await (await anon().start()).post(url, DECISION)).status).toBe(401);
    for (const who of [chl, chair, lead, second]) expect((await who.post(url, DECISION)).status).toBe(403);
    expect((await secretariat.post(url, { decision: '', reason: DECISION.reason })).status).toBe(400);
    expect((await secretariat.post(url, { decision: DECISION.decision })).status).toBe(400);
    expect((await secretariat.post(url, { ...DECISION, accreditation: 'accredited' })).status).toBe(400);
    expect((await anon().get(`/api/v1/organisations/${organisationId}`)).body.accreditation).toBe('accredited');
  });

  it('withdraws it once: on the public record and the audit chain; the public list no longer shows it', async () => {
    const res = await secretariat.post(`/api/v1/organisations/${organisationId}/withdrawal`, DECISION);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accreditation: 'withdrawn' });
    // A second decision on a withdrawn accreditation is refused, and nothing more is recorded.
    expect((await secretariat.post(`/api/v1/organisations/${organisationId}/withdrawal`, { decision: 'PoA/2027/DEC.5', reason: 'Again.' })).status).toBe(403);
    const page = (await anon().get(`/api/v1/organisations/${organisationId}`)).body;
    expect(page).toMatchObject({ accreditation: 'withdrawn', withdrawals: [{ decision: DECISION.decision, reason: DECISION.reason }] });
    expect(page.withdrawals).toHaveLength(1);
    expect(page.can).toEqual({ withdraw: false, submitInput: false, requestToSpeak: false, inviteRepresentative: false });
    const listed = (await anon().get('/api/v1/organisations')).body.items.map((o: { id: string }) => o.id);
    expect(listed).toEqual([otherOrganisation]);
    expect((await anon().get('/api/v1/organisations?accreditation=withdrawn')).body.items.map((o: { id: string }) => o.id)).toEqual([organisationId]);
    const events = await auditEventsOf(p.ctx.database.db, 'stakeholders.withdraw-accreditation', organisationId);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.details)).toContain(DECISION.decision);
    expect(JSON.stringify(events[0]!.details)).toContain(DECISION.reason);
  });
});

describe('its representatives, at once', () => {
  it('lose every act the accreditation gave them', async () => {
    const attempts: { name: string; call: (c: Client) => Promise<{ status: number }> }[] = [
      { name: 'submit a written input to a meeting', call: (c) => c.post(`/api/v1/organisations/${organisationId}/written-inputs`, { meetingId: ahead, title: 'Late', language: 'en', text: 'x' }) },
      { name: 'submit a written input to a group', call: (c) => c.post(`/api/v1/organisations/${organisationId}/written-inputs`, { groupId, title: 'Late', language: 'en', text: 'x' }) },
      { name: 'ask to speak', call: (c) => c.post(`/api/v1/meetings/${ahead}/speaking-requests/organisations/${organisationId}`, { speaker: 'Again' }) },
      { name: 'register for a meeting', call: (c) => c.put(`/api/v1/meetings/${ahead}/registrations/organisations/${organisationId}`, { contactEmail: 'd@withdrawn.example.org', participants: [{ role: 'head', name: 'Head' }] }) },
      { name: 'invite a representative', call: (c) => c.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'New', email: 'new@withdrawn.example.org' }) },
      { name: 'observe a working group', call: (c) => c.post(`/api/v1/groups/${groupId}/observers`, { organisationId }) },
      { name: 'propose an initiative', call: (c) => c.post('/api/v1/initiatives', { name: { en: 'An initiative' }, owner: { en: 'Withdrawn Institute' }, kind: 'other' }) },
    ];
    for (const who of [lead, second]) {
      for (const attempt of attempts) {
        const res = await attempt.call(who);
        expect([403, 409], `${attempt.name}: ${res.status}`).toContain(res.status);
      }
    }
    expect((await lead.get('/api/v1/initiatives')).body.can.propose).toBe(false);
    expect((await second.get(`/api/v1/meetings/${ahead}/stakeholder-inputs`)).body.items.map((i: { title: string }) => i.title)).toEqual(['Input before the decision']);
    expect((await secretariat.get(`/api/v1/groups/${groupId}`)).body.members.observers).toEqual([]);
  });

  it('its request to speak at a meeting ahead is withdrawn; the list of a meeting held stays as it was', async () => {
    expect((await anon().get(`/api/v1/meetings/${ahead}/speaking-requests`)).body.items).toEqual([]);
    expect((await anon().get(`/api/v1/meetings/${over}/speaking-requests`)).body.items).toEqual([expect.objectContaining({ organisation: { id: organisationId, name: 'Withdrawn Institute' } })]);
    const rows = await p.ctx.database.db.select({ meetingId: speakingRequests.meetingId, status: speakingRequests.status }).from(speakingRequests).where(eq(speakingRequests.organisationId, organisationId));
    expect(Object.fromEntries(rows.map((r) => [r.meetingId, r.status]))).toEqual({ [ahead]: 'withdrawn', [over]: 'requested' });
  });

  it('its registrations for meetings to come are withdrawn, its place as an observer ends, its open offer is withdrawn; a meeting held keeps its record', async () => {
    const db = p.ctx.database.db;
    const regs = await db.select({ meetingId: registrations.meetingId, status: registrations.status }).from(registrations).where(eq(registrations.organisationId, organisationId));
    expect(Object.fromEntries(regs.map((r) => [r.meetingId, r.status]))).toEqual({ [ahead]: 'withdrawn', [over]: expect.not.stringMatching(/^withdrawn$/) });
    expect((await secretariat.get(`/api/v1/groups/${groupId}`)).body.members.observers).toEqual([]);
    const [offer] = await db.select({ status: capacityOffers.status }).from(capacityOffers).where(eq(capacityOffers.id, offerId));
    expect(offer!.status).toBe('withdrawn');
    const [event] = await auditEventsOf(db, 'stakeholders.withdraw-accreditation', organisationId);
    expect(event!.details).toMatchObject({ groupsLeft: [groupId], offersWithdrawn: [offerId] });
  });

  it('another accredited organisation is untouched', async () => {
    const rep = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId: otherOrganisation }));
    expect((await rep.post(`/api/v1/organisations/${otherOrganisation}/written-inputs`, { meetingId: ahead, title: 'Still here', language: 'en', text: 'x' })).status).toBe(201);
    expect((await rep.get('/api/v1/initiatives')).body.can.propose).toBe(true);
  });
});
