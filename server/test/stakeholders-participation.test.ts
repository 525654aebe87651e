import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { testPlatform, type TestPlatform, tokenFromMail } from './support/platform.js';
import { Client, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { inviteFirstRepresentativeJob, recordOrganisation } from '../src/modules/stakeholders/index.js';
import { inviteAccount, revokeRole } from '../src/modules/accounts/index.js';
import { accountRoles, accounts, accountTokens, recoveryCodes } from '../src/modules/accounts/tables.js';
import { auditEvents } from '../src/platform/audit/tables.js';

/**
 * Participation of accredited organisations: the first representative invites the others; they
 * register for meetings open to stakeholders, submit written inputs (text or PDF) published on the
 * meeting's or the group's page, and ask to speak in the stakeholder segment. And a matrix: every act
 * that is the States' alone is refused to a stakeholder.
 */
let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chl: Client;
let lead: Client;
let leadAccount: TestAccount;
let other: Client;
let applicant: Client;
let organisationId: string;
let meetingId: string;
let closedToStakeholders: string;
let groupId: string;
const anon = () => new Client(p.app);
const etagOf = (r: { headers: Record<string, unknown> }) => r.headers.etag as string;

beforeAll(async () => {
  p = await testPlatform();
  const db = p.ctx.database.db;
  organisationId = await recordOrganisation(db, { actor: null, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' });
  const applying = await recordOrganisation(db, { actor: null, name: 'Still Applying', kind: 'ngo', accreditation: 'applied' });
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  leadAccount = await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId });
  // As the job that invites the first representative on accreditation records it.
  await db.update(organisations).set({ leadAccountId: leadAccount.id }).where(eq(organisations.id, organisationId));
  lead = await signedIn(p.app, leadAccount);
  applicant = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId: applying }));
  const created = await secretariat.post('/api/v1/meetings', meetingBody({ stakeholdersMayAttend: true }));
  meetingId = created.body.id;
  expect((await secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'registration-open' }, { 'if-match': etagOf(created) })).status).toBe(200);
  expect((await secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, { items: [{ key: 'opening', title: { en: 'Opening' } }, { key: 'stakeholders', title: { en: 'Stakeholder segment' } }] })).status).toBe(201);
  closedToStakeholders = (await secretariat.post('/api/v1/meetings', meetingBody({ stakeholdersMayAttend: false }))).body.id;
  groupId = (await secretariat.post('/api/v1/groups', { name: { en: 'Working group on capacity-building' }, mandate: { en: 'To take it forward.' }, chairs: [], workProgramme: [], stakeholderObservers: true })).body.id;
});
afterAll(() => p.close());

describe('representatives', () => {
  it('the first representative invites the others of its organisation, and only it', async () => {
    const email = `second.${randomUUID().slice(0, 8)}@cyberpeace.example.org`;
    expect((await chl.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'X', email })).status).toBe(403);
    expect((await applicant.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'X', email })).status).toBe(403);
    const org = (await lead.get(`/api/v1/organisations/${organisationId}`)).body;
    expect(org.can).toEqual({ withdraw: false, submitInput: true, requestToSpeak: true, inviteRepresentative: true });
    const invited = await lead.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'Second Representative', email, language: 'fr' });
    expect(invited.status).toBe(201);
    const mail = [...(await p.outbox())].reverse().find((m) => m.to === email)!;
    const token = tokenFromMail(mail.text, 'invitation');
    const client = await anon().start();
    expect((await client.post(`/api/v1/invitations/${token}/accept`, { password: 'a long enough passphrase 42' })).status).toBe(200);
    other = client;
    const me = (await other.get('/api/v1/me')).body;
    expect(me.account).toMatchObject({ roles: ['stakeholder'], organisation: { id: organisationId } });
    // The second may act for the organisation, but does not invite.
    expect((await other.get(`/api/v1/organisations/${organisationId}`)).body.can.inviteRepresentative).toBe(false);
    expect((await other.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'Third', email: `third.${randomUUID().slice(0, 8)}@example.org` })).status).toBe(403);
  });
});

describe('a representative who has an account already', () => {
  /** An account whose role was taken back: it holds none, acts for nobody, and is disabled. */
  async function roleless(name: string) {
    const account = await makeAccount(p.ctx, p.app, { role: 'chair', name });
    await p.ctx.database.db.transaction((tx) => revokeRole(tx, account.id, 'chair'));
    return account;
  }
  /** The person follows the mailed link and chooses a new password: signed in as the representative. */
  async function acceptFrom(text: string) {
    const client = await anon().start();
    expect((await client.post(`/api/v1/invitations/${tokenFromMail(text, 'invitation')}/accept`, { password: 'a brand new passphrase 77' })).status).toBe(200);
    return client;
  }
  const rolesOf = async (id: string) => (await p.ctx.database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, id))).map((r) => r.role);

  it('on accreditation: the account becomes the first representative (mailed, audited), or the next named when it acts for a State; once', async () => {
    const db = p.ctx.database.db;
    const known = await roleless('Known Person');
    const chlAccount = (await chl.get('/api/v1/me')).body.account as { email: string };
    const applied = await (await anon().start()).post('/api/v1/stakeholder-applications', {
      names: { en: 'Known Network' }, kind: 'ngo', headquarters: 'CHL', website: 'https://known.example.org', purpose: 'P.', relevantWork: 'W.', ecosoc: null,
      contact: { name: 'C', email: 'c@known.example.org' },
      representatives: [{ name: 'A Focal Point', email: chlAccount.email }, { name: 'Known Person', email: known.email }],
      language: 'fr',
    });
    expect(applied.status).toBe(201);
    const org = applied.body.organisationId as string;
    await db.update(organisations).set({ accreditation: 'accredited', accreditedAt: new Date() }).where(eq(organisations.id, org));
    const job = inviteFirstRepresentativeJob(p.ctx);
    await job.run({ db, job: { payload: { applicationId: applied.body.id } } });
    await job.run({ db, job: { payload: { applicationId: applied.body.id } } });
    const [row] = await db.select({ lead: organisations.leadAccountId }).from(organisations).where(eq(organisations.id, org));
    expect(row!.lead).toBe(known.id);
    // The focal point's account is left as it was: a person acts for one party only.
    expect((await chl.get('/api/v1/me')).body.account).toMatchObject({ roles: ['focal_point'], organisation: null });
    const [made] = await db.select({ organisationId: accounts.organisationId, status: accounts.status, password: accounts.passwordHash }).from(accounts).where(eq(accounts.id, known.id));
    expect(made).toEqual({ organisationId: org, status: 'invited', password: null });
    expect(await rolesOf(known.id)).toEqual(['stakeholder']);
    // One mail (not two, though the job ran twice) tells it of the organisation, with a link to choose a new password.
    const mail = (await p.outbox()).filter((m) => m.to === known.email && m.subject === 'You now represent an accredited organisation');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('Known Network');
    expect(mail[0]!.text).toContain('/en/invitation/'); // in the account's language, not the application's
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, known.id));
    expect(audit.filter((a) => a.action === 'accounts.grant-role')).toHaveLength(1);
    // And so, once it has chosen a new password, it invites the others.
    const client = await acceptFrom(mail[0]!.text);
    expect((await client.get(`/api/v1/organisations/${org}`)).body.can.inviteRepresentative).toBe(true);
  });

  it('invited by the first representative: the account is made a representative; one of a State, or one already, is refused', async () => {
    const known = await roleless('Another Known Person');
    const chlAccount = (await chl.get('/api/v1/me')).body.account as { email: string };
    const url = `/api/v1/organisations/${organisationId}/representatives`;
    const refused = await lead.post(url, { name: 'A Focal Point', email: chlAccount.email });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:poa:problem:account-acts-for-another');
    expect((await chl.get('/api/v1/me')).body.account).toMatchObject({ roles: ['focal_point'], organisation: null });
    const made = await lead.post(url, { name: 'Another Known Person', email: known.email.toUpperCase() });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: known.id, email: known.email, expiresAt: null });
    expect(await rolesOf(known.id)).toEqual(['stakeholder']);
    const mail = (await p.outbox()).filter((m) => m.to === known.email && m.subject === 'You now represent an accredited organisation');
    expect(mail).toHaveLength(1);
    const again = await lead.post(url, { name: 'Another Known Person', email: known.email });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:poa:problem:already-representative');
    const client = await acceptFrom(mail[0]!.text);
    expect((await client.get('/api/v1/me')).body.account).toMatchObject({ roles: ['stakeholder'], organisation: { id: organisationId } });
  });

  it('an account that never chose a password (its invitation unaccepted, its role taken back) is made a representative by a new link; the old link is void', async () => {
    const db = p.ctx.database.db;
    const email = `never.${randomUUID().slice(0, 8)}@example.org`;
    const first = await inviteAccount(p.ctx, { actor: null, email, name: 'Never Signed In', role: 'chair' });
    await db.transaction((tx) => revokeRole(tx, first.id, 'chair'));
    const made = await lead.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'Never Signed In', email });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: first.id, email, expiresAt: null });
    const [row] = await db.select({ status: accounts.status, state: accounts.state, organisationId: accounts.organisationId }).from(accounts).where(eq(accounts.id, first.id));
    expect(row).toEqual({ status: 'invited', state: null, organisationId });
    const oldToken = first.link.split('/').pop()!;
    expect((await (await anon().start()).post(`/api/v1/invitations/${oldToken}/accept`, { password: 'a long enough passphrase 42' })).status).toBeGreaterThanOrEqual(400);
    const mail = (await p.outbox()).filter((m) => m.to === email && m.subject === 'You now represent an accredited organisation');
    expect(mail).toHaveLength(1);
    const client = await acceptFrom(mail[0]!.text);
    expect((await client.get('/api/v1/me')).body.account).toMatchObject({ roles: ['stakeholder'], organisation: { id: organisationId } });
  });

  it('a disabled account is not revived with its old credentials: its owner chooses a new password from the mailed link first', async () => {
    const db = p.ctx.database.db;
    const known = await roleless('A Former Chair');
    // What it had while it was a chair: a second factor and its recovery codes, a reset link outstanding.
    const [before] = await db.select({ totp: accounts.totpSecret }).from(accounts).where(eq(accounts.id, known.id));
    expect(before!.totp).not.toBeNull();
    await db.insert(accountTokens).values({ tokenHash: `reset-${known.id}`, kind: 'password_reset', accountId: known.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const made = await lead.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'A Former Chair', email: known.email });
    expect(made.status).toBe(201);
    const [after] = await db.select({ status: accounts.status, password: accounts.passwordHash, totp: accounts.totpSecret }).from(accounts).where(eq(accounts.id, known.id));
    expect(after).toEqual({ status: 'invited', password: null, totp: null });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, known.id))).toEqual([]);
    expect((await db.select({ kind: accountTokens.kind }).from(accountTokens).where(eq(accountTokens.accountId, known.id))).map((t) => t.kind)).toEqual(['invitation']);
    // The old password opens nothing.
    const old = await (await anon().start()).post('/api/v1/session', { email: known.email, password: known.password });
    expect(old.status).toBeGreaterThanOrEqual(400);
    const mail = (await p.outbox()).filter((m) => m.to === known.email && m.subject === 'You now represent an accredited organisation');
    expect(mail).toHaveLength(1);
    const client = await acceptFrom(mail[0]!.text);
    expect((await client.get('/api/v1/me')).body.account).toMatchObject({ roles: ['stakeholder'], organisation: { id: organisationId } });
    expect((await client.get(`/api/v1/organisations/${organisationId}`)).body.can).toMatchObject({ submitInput: true, requestToSpeak: true });
  });
});

describe('taking part in meetings', () => {
  it('a representative registers its organisation for a meeting open to stakeholders (the meetings module)', async () => {
    const body = { contactEmail: 'delegation@cyberpeace.example.org', participants: [{ role: 'head', name: 'Head of delegation' }] };
    expect((await other.put(`/api/v1/meetings/${meetingId}/registrations/organisations/${organisationId}`, body)).status).toBe(200);
    expect((await other.put(`/api/v1/meetings/${closedToStakeholders}/registrations/organisations/${organisationId}`, body)).status).not.toBe(200);
  });

  it('submits written inputs — text or PDF — to a meeting, an agenda item or a working group, published at once in the stakeholder section', async () => {
    const url = `/api/v1/organisations/${organisationId}/written-inputs`;
    const text = { meetingId, title: 'Input on the norms', language: 'en', text: 'We propose that the PoA…' };
    expect((await (await anon().start()).post(url, text)).status).toBe(401);
    expect((await chl.post(url, text)).status).toBe(403);
    expect((await applicant.post(`/api/v1/organisations/${organisationId}/written-inputs`, text)).status).toBe(403);
    expect((await other.post(url, { ...text, agendaItem: 'nowhere' })).body.errors[0].field).toBe('body.agendaItem');
    expect((await other.post(url, { ...text, meetingId: closedToStakeholders })).status).toBe(409);
    expect((await other.post(url, { ...text, groupId })).status).toBe(400);
    expect((await other.post(url, { meetingId, title: 'Empty', language: 'en' })).status).toBe(400);
    expect((await other.post(url, { ...text, pdf: { name: 'fake.pdf', base64: Buffer.from('not a pdf').toString('base64') } })).body.errors[0].field).toBe('body.pdf.base64');
    expect((await other.post(url, text)).status).toBe(201);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const withPdf = await lead.post(url, { meetingId, agendaItem: 'stakeholders', title: 'Aportación escrita', language: 'es', pdf: { name: 'aportacion.pdf', base64: pdf.toString('base64') } });
    expect(withPdf.status).toBe(201);
    expect((await lead.post(url, { groupId, title: 'Input to the group', language: 'en', text: 'On capacity-building.' })).status).toBe(201);
    const onMeeting = (await anon().get(`/api/v1/meetings/${meetingId}/stakeholder-inputs`)).body.items;
    expect(onMeeting.map((i: { title: string }) => i.title)).toEqual(['Input on the norms', 'Aportación escrita']);
    expect(onMeeting[1]).toMatchObject({ organisation: { id: organisationId, name: 'Cyber Peace Institute' }, agendaItem: 'stakeholders', text: null, pdf: { name: 'aportacion.pdf' } });
    const file = await anon().get(onMeeting[1].pdf.url);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.text.startsWith('%PDF-')).toBe(true);
    expect((await anon().get(`/api/v1/groups/${groupId}/stakeholder-inputs`)).body.items.map((i: { title: string }) => i.title)).toEqual(['Input to the group']);
  });

  it('asks to speak in the stakeholder segment, once per meeting; the list is public', async () => {
    const url = `/api/v1/meetings/${meetingId}/speaking-requests/organisations/${organisationId}`;
    expect((await chl.post(url, { speaker: 'Someone' })).status).toBe(403);
    expect((await applicant.post(url, { speaker: 'Someone' })).status).toBe(403);
    expect((await other.post(url, { speaker: 'Ms. Representative', agendaItem: 'stakeholders' })).status).toBe(201);
    expect((await lead.post(url, { speaker: 'Again' })).status).toBe(409);
    expect((await anon().get(`/api/v1/meetings/${meetingId}/speaking-requests`)).body.items).toEqual([
      expect.objectContaining({ organisation: { id: organisationId, name: 'Cyber Peace Institute' }, speaker: 'Ms. Representative', agendaItem: 'stakeholders' }),
    ]);
  });
});

describe('a stakeholder and the acts of the States', () => {
  it('is refused every State-only act: object, break silence, join a group as a member, co-sponsor, read States-only material', async () => {
    // What there is to try it on: a circulated application, a draft with an amendment under silence, a report for States only.
    const applied = await (await anon().start()).post('/api/v1/stakeholder-applications', {
      names: { en: 'Applicant Under Review' }, kind: 'ngo', headquarters: 'CHL', website: 'https://review.example.org', purpose: 'P.', relevantWork: 'W.', ecosoc: null,
      contact: { name: 'C', email: 'c@review.example.org' }, representatives: [{ name: 'R', email: 'r@review.example.org' }], language: 'en',
    });
    await secretariat.post(`/api/v1/stakeholder-applications/${applied.body.id}/completeness`);
    const batch = await secretariat.post('/api/v1/stakeholder-batches', { applicationIds: [applied.body.id], zone: 'Europe/Zurich' });
    const draft = await chair.post('/api/v1/drafts', { title: 'A decision', body: 'plenary', kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Decides.' }] });
    const amendment = await chl.post(`/api/v1/drafts/${draft.body.id}/amendments`, { revision: 0, action: 'add', paragraphKey: null, paragraphKind: 'operative', text: 'Decides firmly.', reason: 'Clarity.' });
    const silence = await chair.post(`/api/v1/drafts/${draft.body.id}/silence-procedures`, { zone: 'UTC' });
    const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'Cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: DateTime.utc().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'HH:mm"), zone: 'UTC' });
    const report = await chl.post(`/api/v1/reporting/cycles/${cycle.body.id}/reports`, { visibility: 'states' });
    expect(report.status).toBe(201);
    const saved = await chl.put(`/api/v1/reporting/reports/${report.body.id}/sections/norm:norm-13b`, { answer: { status: 'in-progress', challenges: 'For the States only.' }, visibility: 'states' }, { 'if-match': '"0"' });
    expect(saved.status).toBe(200);
    expect((await chl.post(`/api/v1/reporting/reports/${report.body.id}/submissions`)).status).toBe(201);
    // The focal point of a State may read what the States read: the matrix below is not refused for want of a thing.
    expect(JSON.stringify((await chl.get(`/api/v1/reporting/reports/${report.body.id}`)).body)).toContain('For the States only.');

    const attempts: { name: string; call: (c: Client) => Promise<{ status: number; text: string }> }[] = [
      { name: 'object to an application', call: (c) => c.post(`/api/v1/stakeholder-applications/${applied.body.id}/objections`, { basis: 'We object.' }) },
      { name: 'read the batches circulated to the States', call: (c) => c.get(`/api/v1/stakeholder-batches/${batch.body.id}`) },
      { name: 'read an application under review', call: (c) => c.get(`/api/v1/stakeholder-applications/${applied.body.id}`) },
      { name: 'break silence', call: (c) => c.post(`/api/v1/silence-procedures/${silence.body.id}/breaks`, { reason: 'We object to the text.' }) },
      { name: 'propose an amendment', call: (c) => c.post(`/api/v1/drafts/${draft.body.id}/amendments`, { revision: 0, action: 'add', paragraphKey: null, paragraphKind: 'operative', text: 'More.', reason: 'Because.' }) },
      { name: 'co-sponsor an amendment', call: (c) => c.post(`/api/v1/amendments/${amendment.body.id}/sponsors`) },
      { name: 'join a group as a member (for a State)', call: (c) => c.post(`/api/v1/groups/${groupId}/members`, { state: 'CHL' }) },
      { name: 'join a group as a member (as itself)', call: (c) => c.post(`/api/v1/groups/${groupId}/members`, { organisationId }) },
      { name: 'start a national report', call: (c) => c.post(`/api/v1/reporting/cycles/${cycle.body.id}/reports`, {}) },
    ];
    for (const who of [lead, other]) {
      for (const attempt of attempts) {
        const res = await attempt.call(who);
        expect([403, 404], `${attempt.name}: ${res.status}`).toContain(res.status);
      }
      const read = await who.get(`/api/v1/reporting/reports/${report.body.id}`);
      expect(read.text, 'read a report for the States only').not.toContain('For the States only.');
    }
    // Nothing changed.
    expect((await secretariat.get(`/api/v1/stakeholder-applications/${applied.body.id}`)).body.objections.count).toBe(0);
    expect((await chl.get(`/api/v1/drafts/${draft.body.id}`)).body.silenceProcedures[0].status).toBe('open');
  });

  it('a withdrawn accreditation ends participation', async () => {
    expect((await secretariat.post(`/api/v1/organisations/${organisationId}/withdrawal`, { decision: 'PoA/2027/DEC.2', reason: 'Breach of the modalities.' })).status).toBe(200);
    expect((await other.post(`/api/v1/organisations/${organisationId}/written-inputs`, { meetingId, title: 'Late', language: 'en', text: 'x' })).status).toBe(403);
    expect((await lead.post(`/api/v1/organisations/${organisationId}/representatives`, { name: 'Y', email: 'y@example.org' })).status).toBe(403);
  });
});
