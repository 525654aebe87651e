import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { accountRoles, accounts } from '../src/modules/accounts/tables.js';
import { currentTotp } from '../src/modules/accounts/index.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { checkJobHandlers } from '../src/modules/contacts/index.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';

/**
 * The directory of points of contact through its API: nominations by the focal point with a fresh
 * second factor, reciprocity, the read log, the crawl of every route by those who must learn nothing,
 * reachability checks run as durable jobs, and messages that stay between their two States.
 */

/** In every POC datum seeded here: it must never appear in an answer to those who may not read the directory. */
const MARKER = 'zqx7marker';

let p: TestPlatform;
const acc: Record<string, TestAccount> = {};
const c: Record<string, Client> = {};

/** A current code for a focal point's change; the test forgets the last step it used, so each change may ask for one. */
async function otp(who: string): Promise<string> {
  await p.ctx.database.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.id, acc[who]!.id));
  return currentTotp(acc[who]!.totpSecret!);
}

const nomination = (role: 'diplomatic' | 'technical', tag: string) => ({
  role,
  name: `${tag} ${MARKER} Person`,
  title: 'Director',
  organisation: `Ministry ${MARKER}`,
  email: `${tag.toLowerCase()}.${MARKER}@example.org`,
  phone: '+56 2 2827 4200',
  otherChannels: [{ kind: 'signal', value: `+56 9 ${MARKER}` }],
  languages: ['es', 'en'],
  timeZone: 'America/Santiago',
  workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
});

async function nominate(who: string, body: ReturnType<typeof nomination>, invite = false) {
  const res = await c[who]!.post('/api/v1/contacts/pocs', { ...body, invite, otp: await otp(who) });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

/** The token of the link in a mail, after the path segment given. */
const tokenIn = (text: string, segment: string) => new RegExp(`/${segment}/([A-Za-z0-9_-]+)`).exec(text)![1]!;
const tokenFromMail = (text: string) => tokenIn(text, '(?:invitation|acknowledge)');

const checkHandlers = () => checkJobHandlers(p.ctx);
async function runCheckJobs(): Promise<void> {
  while (await runOneJob(p.ctx.database.db, checkHandlers()));
}

let chlPoc: string;
let fraPoc: string;

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' });
  const make = async (who: string, options: Parameters<typeof makeAccount>[2]) => {
    acc[who] = await makeAccount(p.ctx, p.app, options);
    c[who] = await signedIn(p.app, acc[who]!);
  };
  c.public = await new Client(p.app).start();
  await make('secretariat', { role: 'secretariat' });
  await make('fpCHL', { role: 'focal_point', state: 'CHL' });
  await make('fpFRA', { role: 'focal_point', state: 'FRA' });
  await make('fpKEN', { role: 'focal_point', state: 'KEN' });
  await make('delegateKEN', { role: 'delegate', state: 'KEN' });
  await make('delegateCHL', { role: 'delegate', state: 'CHL' });
  await make('stakeholder', { role: 'stakeholder', organisationId });
  await make('chair', { role: 'chair' });
});
afterAll(() => p.close());

describe('nominations', () => {
  it('only the focal point nominates, and only with a current code of its authenticator', async () => {
    const body = nomination('diplomatic', 'Chile');
    expect((await c.fpCHL!.post('/api/v1/contacts/pocs', body)).status).toBe(400);
    const wrong = await c.fpCHL!.post('/api/v1/contacts/pocs', { ...body, otp: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.otp']);
    expect((await c.delegateCHL!.post('/api/v1/contacts/pocs', { ...body, otp: '123456' })).status).toBe(403);
    expect((await c.secretariat!.post('/api/v1/contacts/pocs', { ...body, otp: '123456' })).status).toBe(403);
    // The State is always the focal point's own.
    expect((await c.fpCHL!.post('/api/v1/contacts/pocs', { ...body, state: 'FRA', otp: await otp('fpCHL') })).status).toBe(400);
    // A code once used is not accepted again.
    const code = await otp('fpCHL');
    // With its note verbale, whose name and bytes carry the marker too.
    const transmission = { name: `NV ${MARKER}.pdf`, base64: Buffer.from(`%PDF-1.7\n% ${MARKER}\n%%EOF\n`).toString('base64') };
    chlPoc = (await c.fpCHL!.post('/api/v1/contacts/pocs', { ...body, otp: code, invite: true, transmission })).body.id;
    expect(chlPoc).toBeTruthy();
    expect((await c.fpCHL!.post('/api/v1/contacts/pocs', { ...nomination('technical', 'Chile2'), otp: code })).status).toBe(400);
    fraPoc = await nominate('fpFRA', { ...nomination('technical', 'France'), languages: ['fr'], timeZone: 'Europe/Paris' });
  });

  it('the invited POC has an account of role poc, with a second factor, that reads the directory', async () => {
    const mail = (await p.outbox()).find((m) => m.to === `chile.${MARKER}@example.org`)!;
    expect(mail.subject).toMatch(/invitaci/i); // in the POC's first UN language, Spanish
    const token = tokenFromMail(mail.text);
    const info = await c.public!.get(`/api/v1/invitations/${token}`);
    expect(info.body.roles).toEqual(['poc']);
    expect(info.body.state).toBe('CHL');
    expect(info.body.secondFactorRequired).toBe(true);
    // Accept through the API as makeAccount does, then sign in.
    const client = await new Client(p.app).start();
    const offer = await client.post(`/api/v1/invitations/${token}/second-factor`);
    const password = 'correct horse battery staple poc';
    expect((await client.post(`/api/v1/invitations/${token}/accept`, { password, otp: currentTotp(offer.body.secret) })).status).toBe(200);
    c.pocCHL = client;
    const list = await client.get('/api/v1/contacts/pocs');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { state: string }) => i.state)).toEqual(['CHL', 'FRA']);
    expect(list.body.can).toEqual({ nominate: false, scheduleCheck: false });
    // The history of its own State's nominations, not of another's.
    expect(list.body.items.map((i: { can: unknown }) => i.can)).toEqual([
      { change: false, history: true },
      { change: false, history: false },
    ]);
  });

  it('a change asks a fresh code and If-Match, keeps the history, and another State’s focal point does not find the POC', async () => {
    const read = await c.fpCHL!.get(`/api/v1/contacts/pocs/${chlPoc}`);
    expect(read.status).toBe(200);
    expect(read.body.can.change).toBe(true);
    const { role: _role, ...fields } = nomination('diplomatic', 'Chile');
    const changed = await c.fpCHL!.put(`/api/v1/contacts/pocs/${chlPoc}`, { ...fields, phone: '+56 2 0000 0000', otp: await otp('fpCHL') }, { 'if-match': read.headers.etag as string });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.version).toBe(2);
    const stale = await c.fpCHL!.put(`/api/v1/contacts/pocs/${chlPoc}`, { ...fields, otp: await otp('fpCHL') }, { 'if-match': read.headers.etag as string });
    expect(stale.status).toBe(412);
    expect((await c.fpFRA!.put(`/api/v1/contacts/pocs/${chlPoc}`, { ...fields, otp: await otp('fpFRA') }, { 'if-match': '"2"' })).status).toBe(404);
    const history = await c.fpCHL!.get(`/api/v1/contacts/pocs/${chlPoc}/history`);
    expect(history.body.items.map((v: { change: string }) => v.change)).toEqual(['nominate', 'update']);
    expect((await c.fpFRA!.get(`/api/v1/contacts/pocs/${chlPoc}/history`)).status).toBe(404);
  });

  it('every read is logged, and a State sees who read its entries', async () => {
    await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}`);
    const reads = await c.fpFRA!.get('/api/v1/contacts/reads');
    expect(reads.status).toBe(200);
    expect(reads.body.items.every((r: { pocState: string }) => r.pocState === 'FRA')).toBe(true);
    expect(reads.body.items.some((r: { readerState: string; readerRole: string }) => r.readerState === 'CHL' && r.readerRole === 'focal_point')).toBe(true);
    // Each read names the entry it read.
    expect(reads.body.items.every((r: { pocId: string; pocName: string }) => r.pocId === fraPoc && r.pocName === `France ${MARKER} Person`)).toBe(true);
  });
});

describe('nobody without standing learns anything', () => {
  it('the public, a stakeholder, a chair, delegates and the focal point of a State without a POC get no POC datum from any route of the OpenAPI document', { timeout: 300_000 }, async () => {
    // Something of every kind exists: a check and a thread.
    const check = await c.secretariat!.post('/api/v1/contacts/checks', { scope: { kind: 'all' } });
    expect(check.status).toBe(201);
    const thread = await c.pocCHL!.post('/api/v1/contacts/threads', { toState: 'FRA', kind: 'incident-notification', urgency: 'urgent', text: `Incident ${MARKER}` });
    expect(thread.status).toBe(201);
    await runCheckJobs();
    const ids = [chlPoc, fraPoc, check.body.id, thread.body.id];
    // The crawl can fail: those who may read find the marker.
    expect((await c.secretariat!.get('/api/v1/contacts/pocs')).text.toLowerCase()).toContain(MARKER);
    expect((await c.secretariat!.get(`/api/v1/contacts/pocs/${chlPoc}/versions/1/transmission`)).text.toLowerCase()).toContain(MARKER);
    expect((await c.fpFRA!.get(`/api/v1/contacts/threads/${thread.body.id}`)).text.toLowerCase()).toContain(MARKER);
    const doc = (await c.public!.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const leaks: string[] = [];
    let sent = 0;
    for (const who of ['public', 'stakeholder', 'chair', 'delegateKEN', 'delegateCHL', 'fpKEN']) {
      for (const [template, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          if (/\/session/.test(template) && method !== 'get') continue;
          // Every id of the directory in the contacts routes; elsewhere one id does (a POC's id means nothing there).
          const own = /contact/.test(template);
          for (const id of !template.includes('{') ? [null] : own ? ids : [chlPoc]) {
            const url = template.replace('{version}', '1').replace(/\{[^}]+\}/g, id ?? '');
            const bodies = method === 'get' || method === 'delete' ? [undefined] : own ? [{}, { state: 'CHL', toState: 'CHL', kind: 'reply', text: 'x', urgency: 'routine' }] : [{}];
            for (const body of bodies) {
              const res = await c[who]!.request(method.toUpperCase() as 'GET', url, body);
              sent++;
              if (res.text.toLowerCase().includes(MARKER)) leaks.push(`${who} ${method} ${url} → ${res.status}`);
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
    // Nor by mail: nothing sent to anyone but the POCs themselves carries a datum of the directory or of a message.
    const mails = await p.outbox();
    const pocAddresses = [`chile.${MARKER}@example.org`, `france.${MARKER}@example.org`];
    expect(mails.filter((m) => !pocAddresses.includes(m.to) && (m.text + m.subject).toLowerCase().includes(MARKER)).map((m) => m.to)).toEqual([]);
    // The notice of a message carries nothing of it.
    expect(mails.filter((m) => /message/i.test(m.subject) && m.text.includes('Incident'))).toEqual([]);
  });

  it('the directory routes refuse them in one voice, revealing no count', async () => {
    for (const who of ['stakeholder', 'delegateCHL', 'fpKEN', 'chair']) {
      const res = await c[who]!.get('/api/v1/contacts/pocs');
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe('You may not do this.');
    }
    expect((await c.public!.get('/api/v1/contacts/pocs')).status).toBe(401);
  });

  it('a State that withdraws its last POC loses access at once', async () => {
    const extra = await nominate('fpKEN', { ...nomination('technical', 'Kenya'), timeZone: 'Africa/Nairobi' });
    expect((await c.fpKEN!.get('/api/v1/contacts/pocs')).status).toBe(200);
    const etag = (await c.fpKEN!.get(`/api/v1/contacts/pocs/${extra}`)).headers.etag as string;
    const withdrawn = await c.fpKEN!.post(`/api/v1/contacts/pocs/${extra}/withdrawal`, { otp: await otp('fpKEN'), reason: 'Retired' }, { 'if-match': etag });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect((await c.fpKEN!.get('/api/v1/contacts/pocs')).status).toBe(403);
    expect((await c.fpKEN!.get(`/api/v1/contacts/pocs/${chlPoc}`)).status).toBe(403);
    expect((await c.fpKEN!.get('/api/v1/contacts/threads')).status).toBe(403);
  });

  it('withdrawing a POC that has an account takes its role poc in the same transaction: the account is disabled and its session ends', async () => {
    const email = `kenya.account.${MARKER}@example.org`;
    const id = await nominate('fpKEN', { ...nomination('technical', 'Kenya'), email, timeZone: 'Africa/Nairobi' }, true);
    const token = tokenFromMail((await p.outbox()).find((m) => m.to === email)!.text);
    const client = await new Client(p.app).start();
    const offer = await client.post(`/api/v1/invitations/${token}/second-factor`);
    expect((await client.post(`/api/v1/invitations/${token}/accept`, { password: 'correct horse battery staple ken', otp: currentTotp(offer.body.secret) })).status).toBe(200);
    expect((await client.get('/api/v1/contacts/pocs')).status).toBe(200);
    const [account] = await p.ctx.database.db.select().from(accounts).where(eq(accounts.email, email));
    const etag = (await c.fpKEN!.get(`/api/v1/contacts/pocs/${id}`)).headers.etag as string;
    // A wrong code withdraws nothing and leaves the account as it was.
    expect((await c.fpKEN!.post(`/api/v1/contacts/pocs/${id}/withdrawal`, { otp: '000000' }, { 'if-match': etag })).status).toBe(400);
    expect((await client.get('/api/v1/contacts/pocs')).status).toBe(200);
    const withdrawn = await c.fpKEN!.post(`/api/v1/contacts/pocs/${id}/withdrawal`, { otp: await otp('fpKEN') }, { 'if-match': etag });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const [after] = await p.ctx.database.db.select().from(accounts).where(eq(accounts.id, account!.id));
    expect(after!.status).toBe('disabled');
    expect((await p.ctx.database.db.select().from(accountRoles).where(eq(accountRoles.accountId, account!.id))).length).toBe(0);
    expect((await client.get('/api/v1/contacts/pocs')).status).toBe(401);
    expect((await client.get('/api/v1/me')).body.account ?? null).toBeNull();
  });
});

describe('reachability checks', () => {
  const checkMails = (mails: { to: string; subject: string }[]) => mails.filter((m) => /joignabilit|disponibilidad|reachability/i.test(m.subject) && !/injoignable|sin respuesta|not answering/i.test(m.subject));

  it('messages each POC exactly once across a crash and two processes, in its language', async () => {
    const before = checkMails(await p.outbox()).length;
    const check = await c.secretariat!.post('/api/v1/contacts/checks', { scope: { kind: 'states', states: ['CHL', 'FRA'] } });
    expect(check.body.targets).toBe(2);
    // A process that dies half-way: its transaction rolls back, nothing is sent.
    const crashing = Object.fromEntries(
      Object.entries(checkHandlers()).map(([kind, handler]) => [
        kind,
        async (ctx: Parameters<typeof handler>[0]) => {
          await handler(ctx);
          throw new Error('the process died');
        },
      ]),
    );
    await runOneJob(p.ctx.database.db, crashing);
    // The retry falls due later: make it due now, and let two processes race for it.
    await p.ctx.database.db.update(jobs).set({ runAt: new Date() }).where(like(jobs.key, `%:${check.body.id}`));
    await p.ctx.database.db.update(jobs).set({ runAt: new Date(Date.now() + 3_600_000) }).where(like(jobs.key, `contacts-check-remind:${check.body.id}`));
    await p.ctx.database.db.update(jobs).set({ runAt: new Date(Date.now() + 3_600_000) }).where(like(jobs.key, `contacts-check-escalate:${check.body.id}`));
    await Promise.all([runCheckJobs(), runCheckJobs()]);
    const mails = checkMails(await p.outbox()).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([`chile.${MARKER}@example.org`, `france.${MARKER}@example.org`]);
    expect(mails.find((m) => m.to.startsWith('france'))!.subject).toMatch(/joignabilité/);
  });

  it('an acknowledgement link works once without signing in, then says it was used; results per State and group', async () => {
    const check = await c.secretariat!.post('/api/v1/contacts/checks', { scope: { kind: 'all' }, remindAfterHours: 1, escalateAfterHours: 2 });
    const checkId = check.body.id as string;
    const before = (await p.outbox()).length;
    await runCheckJobs();
    const mails = (await p.outbox()).slice(before);
    const chileMail = mails.find((m) => m.to === `chile.${MARKER}@example.org`)!;
    const token = tokenFromMail(chileMail.text);
    const ack = await c.public!.post(`/api/v1/contact-acknowledgements/${token}`);
    expect(ack.status).toBe(200);
    expect(Object.keys(ack.body)).toEqual(['acknowledgedAt']);
    const again = await c.public!.post(`/api/v1/contact-acknowledgements/${token}`);
    expect(again.status).toBe(410);
    expect(again.body.type).toBe('urn:poa:problem:already-acknowledged');
    expect((await c.public!.post(`/api/v1/contact-acknowledgements/${'A'.repeat(43)}`)).status).toBe(404);

    // Reminder then escalation for France, which did not answer.
    await p.ctx.database.db.update(jobs).set({ runAt: new Date() }).where(like(jobs.key, `%:${checkId}`));
    const beforeRemind = (await p.outbox()).length;
    await runCheckJobs();
    const later = (await p.outbox()).slice(beforeRemind);
    expect(later.filter((m) => m.to.startsWith('chile.'))).toEqual([]);
    expect(later.some((m) => m.to === `france.${MARKER}@example.org` && /Rappel/.test(m.subject))).toBe(true);
    expect(later.some((m) => m.to === acc.fpFRA!.email && !m.text.toLowerCase().includes(MARKER))).toBe(true);
    // A reminder's link after the answer: already used.
    const fraToken = tokenFromMail(later.find((m) => m.to.startsWith('france.'))!.text);
    expect((await c.public!.post(`/api/v1/contact-acknowledgements/${fraToken}`)).status).toBe(200);

    const all = await c.secretariat!.get(`/api/v1/contacts/checks/${checkId}`);
    expect(all.status).toBe(200);
    expect(all.body.byState.map((s: { key: string }) => s.key)).toEqual(['CHL', 'FRA']);
    expect(all.body.byGroup.map((g: { key: string }) => g.key).sort()).toEqual(['GRULAC', 'WEOG']);
    expect(all.body.tally['1h']).toBe(2);
    const own = await c.fpCHL!.get(`/api/v1/contacts/checks/${checkId}`);
    expect(own.body.targets.map((t: { state: string }) => t.state)).toEqual(['CHL']);
    expect(own.body.byGroup).toEqual([]);
    const list = await c.fpCHL!.get('/api/v1/contacts/checks');
    expect(list.body.items.every((i: { tally: { total: number } }) => i.tally.total === 1)).toBe(true);
    expect((await c.fpCHL!.post('/api/v1/contacts/checks', { scope: { kind: 'all' } })).status).toBe(403);
  });
});

describe('messages between two States', () => {
  it('stay between their two States; states move from sent to closed; exercises are marked', async () => {
    const started = await c.pocCHL!.post('/api/v1/contacts/threads', {
      toState: 'FRA',
      kind: 'request-for-information',
      urgency: 'priority',
      respondWithinHours: 24,
      text: 'Please share indicators.',
      exercise: true,
    });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    expect((await c.pocCHL!.get(`/api/v1/contacts/threads/${id}`)).body.status).toBe('sent');
    expect((await c.fpFRA!.get('/api/v1/contacts/threads')).body.items.find((t: { id: string }) => t.id === id).status).toBe('delivered');
    const opened = await c.fpFRA!.get(`/api/v1/contacts/threads/${id}`);
    expect(opened.body.status).toBe('read');
    expect(opened.body.messages[0].exercise).toBe(true);
    expect(opened.body.can.answer).toBe(true);
    // Nobody else: the Secretariat (not allowed by the sender), a third State, a State without a POC.
    expect((await c.secretariat!.get(`/api/v1/contacts/threads/${id}`)).status).toBe(404);
    expect((await c.fpKEN!.get(`/api/v1/contacts/threads/${id}`)).status).toBe(404);
    expect((await c.delegateCHL!.get(`/api/v1/contacts/threads/${id}`)).status).toBe(403);
    await nominate('fpKEN', { ...nomination('diplomatic', 'Kenya2'), timeZone: 'Africa/Nairobi' });
    expect((await c.fpKEN!.get(`/api/v1/contacts/threads/${id}`)).status).toBe(404);
    expect((await c.fpKEN!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'reply', text: 'x' })).status).toBe(404);
    expect((await c.secretariat!.get('/api/v1/contacts/threads')).body.items.map((t: { id: string }) => t.id)).not.toContain(id);

    expect((await c.fpFRA!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'acknowledgement', text: 'Received.' })).status).toBe(201);
    expect((await c.pocCHL!.get(`/api/v1/contacts/threads/${id}`)).body.status).toBe('acknowledged');
    expect((await c.fpFRA!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'reply', text: 'Indicators attached.' })).status).toBe(201);
    const answered = await c.pocCHL!.get(`/api/v1/contacts/threads/${id}`);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.messages.every((m: { exercise: boolean }) => m.exercise)).toBe(true);
    expect(answered.body.firstResponseMinutes).toBe(0);
    expect((await c.pocCHL!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'closure', text: 'Thank you.' })).status).toBe(201);
    expect((await c.fpFRA!.get(`/api/v1/contacts/threads/${id}`)).body.status).toBe('closed');
    expect((await c.fpFRA!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'reply', text: 'More.' })).status).toBe(403);
    const notices = (await p.outbox()).filter((m) => /EXERCICE|EXERCISE|EJERCICIO/.test(m.subject));
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.filter((m) => /indicators/i.test(m.text))).toEqual([]);
  });

  it('the Secretariat reads an exchange whose sender let it, and cannot write in it; no State writes to itself or to a State without a POC', async () => {
    const id = (await c.fpFRA!.post('/api/v1/contacts/threads', { toState: 'CHL', kind: 'request-for-assistance', urgency: 'urgent', text: 'Help.', secretariatMayRead: true })).body.id;
    expect((await c.secretariat!.get(`/api/v1/contacts/threads/${id}`)).status).toBe(200);
    expect((await c.secretariat!.post(`/api/v1/contacts/threads/${id}/messages`, { kind: 'reply', text: 'x' })).status).toBe(403);
    expect((await c.fpFRA!.post('/api/v1/contacts/threads', { toState: 'FRA', kind: 'incident-notification', urgency: 'urgent', text: 'x' })).status).toBe(403);
    expect((await c.fpFRA!.post('/api/v1/contacts/threads', { toState: 'ARG', kind: 'incident-notification', urgency: 'urgent', text: 'x' })).status).toBe(403);
  });
});
