import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { and, eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import type { Client} from './support/client.js';
import { makeAccount, signedIn, type Reply } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { verifyAuditChain } from '../src/platform/audit/record.js';
import { auditEvents } from '../src/platform/audit/tables.js';
import { toProblem } from '../src/platform/http/server.js';
import { reportSectionEdits } from '../src/modules/reporting/tables.js';
import { groupMembers } from '../src/modules/groups/tables.js';
import { recoveryCodes } from '../src/modules/accounts/tables.js';

/**
 * #12, item 8: the same first write sent many times at once. Each use case below reads, finds
 * nothing, and inserts a row a unique index allows once; on PostgreSQL the losers used to reach the
 * index and answer 500. Now exactly one wins, the others get the answer they would have got a moment
 * later (412 with the winner's version, or 409), as problem+json, and the record holds one change.
 * Run on PostgreSQL (TEST_DATABASE_URL) to race for real; on PGlite the requests queue, and the
 * answers must be the same.
 */
const N = 20;

let p: TestPlatform;
let secretariat: Client;
let chlFocal: Client;
let chlDelegate: Client;
let argFocal: Client;
let chair: Client;

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chlFocal = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  chlDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  argFocal = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
});
afterAll(() => p.close());

/** Sends the same request N times at once (alternating between the clients given). */
const together = (clients: Client[], send: (c: Client, i: number) => Promise<Reply>, n = N) => Promise.all(Array.from({ length: n }, (_, i) => send(clients[i % clients.length]!, i)));

/** One winner with `ok`, every other answer one of `lost` (problem+json when a refusal), none a 5xx. */
function expectOneWinner(replies: Reply[], ok: number, ...lost: number[]): { winner: Reply; losers: Reply[] } {
  const statuses = replies.map((r) => r.status);
  expect(statuses.filter((s) => s >= 500), JSON.stringify(replies.filter((r) => r.status >= 500).map((r) => r.text))).toEqual([]);
  expect(statuses.filter((s) => s === ok)).toHaveLength(1);
  const losers = replies.filter((r) => r.status !== ok);
  expect(losers.filter((r) => !lost.includes(r.status)).map((r) => r.text)).toEqual([]);
  for (const r of losers) if (r.status >= 400) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  return { winner: replies.find((r) => r.status === ok)!, losers };
}

const future = (days: number) => DateTime.utc().plus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");
const openCycle = async (title: string) =>
  (await secretariat.post('/api/v1/reporting/cycles', { title, periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: future(30), zone: 'UTC' })).body.id as string;

describe('national reports', () => {
  it(`${N} first saves of a new section with If-Match "0": one 200, the others 412 with the winner's version`, async () => {
    const cycleId = await openCycle('Race for a section');
    const reportId = (await chlFocal.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'public' })).body.id as string;
    const replies = await together([chlFocal, chlDelegate], (c, i) =>
      c.put(`/api/v1/reporting/reports/${reportId}/sections/international-law`, { answer: { status: 'implemented', measures: `Save number ${i}` } }, { 'if-match': '"0"' }),
    );
    const { winner, losers } = expectOneWinner(replies, 200, 412);
    const won = replies.indexOf(winner);
    for (const r of losers) {
      expect(r.body.type).toBe('urn:poa:problem:precondition-failed');
      expect(r.body.currentVersion).toBe(1);
      expect(r.body.current.answer.measures).toBe(`Save number ${won}`);
    }
    const edits = await p.ctx.database.db.select().from(reportSectionEdits).where(eq(reportSectionEdits.reportId, reportId));
    expect(edits.map((e) => e.version)).toEqual([1]);
    const draft = (await chlFocal.get(`/api/v1/reporting/reports/${reportId}`)).body.draft;
    expect(draft.find((d: { key: string }) => d.key === 'international-law')).toMatchObject({ version: 1 });
  });

  it(`${N} starts of the State's report in a cycle: one 201, the others 409 naming the report`, async () => {
    const cycleId = await openCycle('Race for a report');
    const replies = await together([chlFocal, chlDelegate], (c) => c.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'public' }));
    const { winner, losers } = expectOneWinner(replies, 201, 409);
    for (const r of losers) {
      expect(r.body.type).toBe('urn:poa:problem:report-exists');
      expect(r.body.detail).toContain(winner.body.id);
    }
  });
});

describe('meetings', () => {
  it(`${N} first registrations of a delegation: one 200, the others 412 with the winner's version (or 428 once it is there)`, async () => {
    const meeting = await secretariat.post('/api/v1/meetings', meetingBody());
    const open = await secretariat.post(`/api/v1/meetings/${meeting.body.id}/status`, { status: 'registration-open' }, { 'if-match': meeting.headers.etag as string });
    expect(open.status).toBe(200);
    const replies = await together([chlFocal, chlDelegate], (c, i) =>
      c.put(`/api/v1/meetings/${meeting.body.id}/registrations/states/CHL`, { contactEmail: 'mission@example.org', participants: [{ role: 'head', name: `Head ${i}` }] }),
    );
    // A loser that read before the winner committed gets 412 with the winner's version; one that read
    // after finds the registration there, and is told, as any change without If-Match is, to send one.
    const { winner, losers } = expectOneWinner(replies, 200, 412, 428);
    for (const r of losers.filter((x) => x.status === 412)) expect(r.body.currentVersion).toBe(1);
    const all = await secretariat.get(`/api/v1/meetings/${meeting.body.id}/registrations`);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0].participants.map((x: { name: string }) => x.name)).toEqual([winner.body.participants[0].name]);
  });
});

describe('working groups', () => {
  it(`${N} joins of a State at once: one 201, the others 200 (already in), one membership`, async () => {
    const group = await secretariat.post('/api/v1/groups', { name: { en: 'Race group' }, mandate: { en: 'To race.' }, chairs: [], workProgramme: [], stakeholderObservers: false });
    expect(group.status).toBe(201);
    const replies = await together([chlFocal, chlDelegate], (c) => c.post(`/api/v1/groups/${group.body.id}/members`, { state: 'CHL' }));
    expectOneWinner(replies, 201, 200);
    const members = await p.ctx.database.db.select().from(groupMembers).where(and(eq(groupMembers.groupId, group.body.id), eq(groupMembers.state, 'CHL')));
    expect(members).toHaveLength(1);
  });
});

describe('amendments', () => {
  it(`${N} co-sponsorships by one State at once: one 204, the others 409 already-sponsor`, async () => {
    const draft = await chair.post('/api/v1/drafts', { title: 'Race draft', body: 'plenary', kind: 'recommendation', implementsCodes: ['norm-13g'], paragraphs: [{ kind: 'operative', text: 'Encourages States to race.' }] });
    expect(draft.status, draft.text).toBe(201);
    const key = (await chair.get(`/api/v1/drafts/${draft.body.id}`)).body.latest.paragraphs[0].key as string;
    const amendment = await chlFocal.post(`/api/v1/drafts/${draft.body.id}/amendments`, { revision: 0, action: 'replace', paragraphKey: key, text: 'Encourages States to walk.', reason: 'Safer.' });
    expect(amendment.status).toBe(201);
    const replies = await together([argFocal], (c) => c.post(`/api/v1/amendments/${amendment.body.id}/sponsors`));
    const { losers } = expectOneWinner(replies, 204, 409);
    for (const r of losers) expect(r.body.type).toBe('urn:poa:problem:already-sponsor');
  });
});

describe('accounts', () => {
  it(`${N} invitations of one email at once: one 201, the others 409 account-exists`, async () => {
    const email = `race-${randomUUID().slice(0, 8)}@example.org`;
    const replies = await together([secretariat], () => secretariat.post('/api/v1/invitations', { email, name: 'Race Person', role: 'delegate', state: 'FRA' }));
    const { losers } = expectOneWinner(replies, 201, 409);
    for (const r of losers) expect(r.body.type).toBe('urn:poa:problem:account-exists');
    const invited = await p.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'accounts.invite'));
    expect(invited.filter((e) => JSON.stringify(e).includes(email))).toHaveLength(1);
  });
});

describe('recovery codes', () => {
  // Eight, not twenty: each checks the password with argon2, which is slow by design.
  it('8 regenerations at once leave one set of codes valid, not one per answer', async () => {
    const account = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'PER' });
    const c = await signedIn(p.app, account);
    const replies = await together([c], () => c.post('/api/v1/me/recovery-codes', { password: account.password }), 8);
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    const stored = await p.ctx.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, account.id));
    expect(stored).toHaveLength(replies[0]!.body.recoveryCodes.length);
  });
});

it('keeps the audit chain whole through every race', async () => {
  expect((await verifyAuditChain(p.ctx.database.db)).broken).toBeNull();
});

describe('a unique index reached by a race no use case foresaw', () => {
  it('answers 409 problem+json, not 500 (the platform’s one rule for it)', () => {
    const violation = Object.assign(new Error('duplicate key value violates unique constraint "x_idx"'), { code: '23505', constraint: 'x_idx' });
    // As drizzle wraps the driver's error, and as the driver throws it.
    const wrapped = Object.assign(new Error('Failed query: insert into …'), { cause: violation });
    for (const error of [violation, wrapped]) {
      const problem = toProblem(error);
      expect(problem.status).toBe(409);
      expect(problem.body().type).toBe('urn:poa:problem:conflict');
      expect(JSON.stringify(problem.body())).not.toContain('x_idx');
    }
  });
});
