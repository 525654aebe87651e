import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testPlatform, tokenFromMail, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type Reply, type TestAccount } from './support/client.js';
import { accountRoles, accounts } from '../src/modules/accounts/tables.js';
import { currentTotp, revokeRole } from '../src/modules/accounts/index.js';
import { recordOrganisation } from '../src/modules/stakeholders/index.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { capacityMatches } from '../src/modules/capacity/tables.js';
import { verifyAuditChain } from '../src/platform/audit/record.js';
import { auditEvents } from '../src/platform/audit/tables.js';

/**
 * The write paths of wave 2 that change one row many may change at once, sent in parallel: the
 * capacity match workflow and the status moves of a need, the withdrawal of a point of contact
 * together with its account's role, and an existing account made the representative of an
 * organisation. Each locks the row it changes (`FOR UPDATE`); here that is proven with parallel
 * requests. CI runs this file on PostgreSQL too (TEST_DATABASE_URL), where the requests race for
 * real; on PGlite they queue, and the answers must be the same.
 */
const N = 12;

let p: TestPlatform;
let secretariat: Client;
let kenAccount: TestAccount;
let ken: Client;
let ken2Account: TestAccount;
let ken2: Client;
let fra: Client;

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  kenAccount = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'KEN' });
  ken = await signedIn(p.app, kenAccount);
  ken2Account = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'KEN' });
  ken2 = await signedIn(p.app, ken2Account);
  fra = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
});
afterAll(() => p.close());

/** Sends N requests at once. */
const together = (send: (i: number) => Promise<Reply>, n = N) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

/** No answer is a 5xx, and every refusal is problem+json. */
function expectNoServerError(replies: Reply[]): void {
  expect(replies.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
  for (const r of replies) if (r.status >= 400) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
}

const auditOf = async (subjectId: string, action: string) =>
  (await p.ctx.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, action)))).sort((a, b) => Number(a.seq) - Number(b.seq));

describe('capacity-building', () => {
  let needId: string;
  let offerId: string;

  beforeAll(async () => {
    const need = await ken.post('/api/v1/capacity/needs', {
      title: { en: 'Incident response exercise' },
      description: { en: 'A national exercise for the CSIRT.' },
      codes: ['norm-13g'],
      modality: 'training',
      languages: ['en'],
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      visibility: 'public',
    });
    expect(need.status, need.text).toBe(201);
    needId = need.body.id;
    const offer = await fra.post('/api/v1/capacity/offers', {
      title: { en: 'CSIRT exercises' },
      description: { en: 'We run exercises for national CSIRTs.' },
      codes: ['norm-13g'],
      modalities: ['training'],
      languages: ['en', 'fr'],
      regions: ['AG'],
      capacity: 1,
      visibility: 'public',
    });
    expect(offer.status, offer.text).toBe(201);
    offerId = offer.body.id;
  });

  it(`${N} invitations of one offer on one need at once: one invitation, one mail, the others 409`, async () => {
    const before = (await p.outbox()).length;
    const replies = await together(() => ken.post(`/api/v1/capacity/needs/${needId}/invitations`, { offerId, message: 'Shall we?' }));
    expectNoServerError(replies);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.type).toBe('urn:poa:problem:already-invited');
    }
    const matches = await p.ctx.database.db.select().from(capacityMatches).where(eq(capacityMatches.needId, needId));
    expect(matches).toHaveLength(1);
    expect((await p.outbox()).slice(before).filter((m) => /invit/i.test(m.subject))).toHaveLength(1);
  });

  it('a need moved back to open and withdrawn at once: each move starts from the status the one before it left', async () => {
    // In discussion now (the invitation above): both moves are allowed from there, but only one
    // order of the two is possible afterwards, and the audit must show that order, not two moves
    // from "in-discussion".
    const replies = await together((i) => ken.patch(`/api/v1/capacity/needs/${needId}`, { status: i % 2 === 0 ? 'open' : 'withdrawn' }));
    expectNoServerError(replies);
    for (const r of replies) expect([200, 409]).toContain(r.status);
    const moves = (await auditOf(needId, 'capacity.update-need')).map((e) => e.details as { status?: string; from: { status: string } });
    const statusMoves = moves.filter((m) => m.status && m.status !== m.from.status);
    for (let i = 1; i < moves.length; i += 1) expect(moves[i]!.from.status).toBe(moves[i - 1]!.status);
    expect(statusMoves.at(-1)!.status).toBe('withdrawn');
    expect((await secretariat.get(`/api/v1/capacity/needs/${needId}`)).body.status).toBe('withdrawn');
    // A withdrawn need takes no more invitations, however many arrive at once.
    const late = await together(() => ken.post(`/api/v1/capacity/needs/${needId}/invitations`, { offerId, message: 'Again?' }), 4);
    expectNoServerError(late);
    expect(late.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect((await verifyAuditChain(p.ctx.database.db)).broken).toBeNull();
  });
});

describe('points of contact', () => {
  /** A current code for a focal point's change; the step it used last is forgotten first. */
  async function otp(account = kenAccount): Promise<string> {
    await p.ctx.database.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.id, account.id));
    return currentTotp(account.totpSecret!);
  }

  it(`${N} withdrawals of one POC at once by Kenya's two focal points, each with a valid code: one withdrawal, the role taken once, the account disabled once`, async () => {
    const email = `poc.${randomUUID().slice(0, 8)}@example.org`;
    const nominated = await ken.post('/api/v1/contacts/pocs', {
      role: 'technical',
      name: 'Wanjiru Kamau',
      title: 'Head of the national CSIRT',
      organisation: 'KE-CIRT/CC',
      email,
      phone: '+254 20 000 0000',
      otherChannels: [],
      languages: ['en'],
      timeZone: 'Africa/Nairobi',
      workingHours: { days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' },
      invite: true,
      otp: await otp(),
    });
    expect(nominated.status, nominated.text).toBe(201);
    const pocId = nominated.body.id as string;
    const token = tokenFromMail((await p.outbox()).find((m) => m.to === email)!.text, 'invitation');
    const poc = await new Client(p.app).start();
    const offer = await poc.post(`/api/v1/invitations/${token}/second-factor`);
    expect((await poc.post(`/api/v1/invitations/${token}/accept`, { password: 'correct horse battery staple poc', otp: currentTotp(offer.body.secret) })).status).toBe(200);
    const [account] = await p.ctx.database.db.select().from(accounts).where(eq(accounts.email, email));

    const etag = (await ken.get(`/api/v1/contacts/pocs/${pocId}`)).headers.etag as string;
    // Each focal point's code is good once: the nomination's lock, not the code, must stop the second.
    const codes = [await otp(kenAccount), await otp(ken2Account)];
    const replies = await together((i) => [ken, ken2][i % 2]!.post(`/api/v1/contacts/pocs/${pocId}/withdrawal`, { otp: codes[i % 2], reason: 'Moved on' }, { 'if-match': etag }));
    expectNoServerError(replies);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    // The others find no current nomination (404) or a code already used (400).
    for (const r of replies.filter((r) => r.status !== 200)) expect([404, 400]).toContain(r.status);
    expect(await auditOf(pocId, 'contacts.withdraw')).toHaveLength(1);
    expect(await p.ctx.database.db.select().from(accountRoles).where(eq(accountRoles.accountId, account!.id))).toEqual([]);
    expect((await p.ctx.database.db.select().from(accounts).where(eq(accounts.id, account!.id)))[0]!.status).toBe('disabled');
    expect((await poc.get('/api/v1/contacts/pocs')).status).toBe(401);
  });
});

describe('representatives of an organisation', () => {
  it('one existing account invited by two organisations at once: it represents one of them, once, and is told once', async () => {
    const db = p.ctx.database.db;
    const leads: Client[] = [];
    const orgs: string[] = [];
    for (const name of ['First Network', 'Second Network']) {
      const org = await recordOrganisation(db, { actor: null, name, kind: 'ngo', accreditation: 'accredited' });
      const lead = await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId: org });
      await db.update(organisations).set({ leadAccountId: lead.id }).where(eq(organisations.id, org));
      orgs.push(org);
      leads.push(await signedIn(p.app, lead));
    }
    // An account whose only role was taken back: it acts for nobody, so either organisation may have it.
    const known = await makeAccount(p.ctx, p.app, { role: 'chair', name: 'Known Person' });
    await db.transaction((tx) => revokeRole(tx, known.id, 'chair'));

    const before = (await p.outbox()).length;
    const replies = await together((i) => leads[i % 2]!.post(`/api/v1/organisations/${orgs[i % 2]}/representatives`, { name: 'Known Person', email: known.email }));
    expectNoServerError(replies);
    const made = replies.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(['urn:poa:problem:already-representative', 'urn:poa:problem:account-acts-for-another']).toContain(r.body.type);
    }
    const winner = orgs[replies.indexOf(made[0]!) % 2];
    const [row] = await db.select({ organisationId: accounts.organisationId, status: accounts.status }).from(accounts).where(eq(accounts.id, known.id));
    expect(row).toEqual({ organisationId: winner, status: 'invited' });
    expect((await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, known.id))).map((r) => r.role)).toEqual(['stakeholder']);
    expect((await p.outbox()).slice(before).filter((m) => m.to === known.email)).toHaveLength(1);
    expect((await auditOf(known.id, 'accounts.grant-role'))).toHaveLength(1);
  });
});
