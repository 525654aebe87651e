import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { samplePdf } from './support/files.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { currentTotp } from '../src/modules/accounts/index.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { DIRECTORY_DIGEST_JOB, directoryDigestHandlers } from '../src/modules/contacts/index.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';

/**
 * The directory's official transmissions (a note verbale as PDF, kept with a nomination's version and
 * read only as the directory is) and its daily digest of changes to the other States' POCs (each
 * change told once, through the durable job table, nothing of the person in the mail).
 */

const MARKER = 'qvz8marker';

let p: TestPlatform;
const acc: Record<string, TestAccount> = {};
const c: Record<string, Client> = {};

async function otp(who: string): Promise<string> {
  await p.ctx.database.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.id, acc[who]!.id));
  return currentTotp(acc[who]!.totpSecret!);
}

const nomination = (role: 'diplomatic' | 'technical', tag: string, languages: string[]) => ({
  role,
  name: `${tag} ${MARKER} Person`,
  title: 'Director',
  organisation: `Ministry ${MARKER}`,
  email: `${tag.toLowerCase()}.${MARKER}@example.org`,
  phone: '+56 2 2827 4200',
  otherChannels: [],
  languages,
  timeZone: 'Europe/Paris',
  workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
});

const pdf = (text: string) => ({ name: `Note verbale ${text}.pdf`, base64: Buffer.concat([samplePdf(), Buffer.from(`% ${text}\n`)]).toString('base64') });

/** Accepts the invitation mailed to `email` and signs the new POC account in. */
async function acceptInvitation(email: string): Promise<Client> {
  const mail = (await p.outbox()).find((m) => m.to === email)!;
  const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  const client = await new Client(p.app).start();
  const offer = await client.post(`/api/v1/invitations/${token}/second-factor`);
  expect((await client.post(`/api/v1/invitations/${token}/accept`, { password: 'correct horse battery staple poc', otp: currentTotp(offer.body.secret) })).status).toBe(200);
  return client;
}

const dayAfterTomorrow = () => new Date(Date.now() + 2 * 86_400_000);
/** Runs every due digest job as a server would two days from now; how many ran. */
async function runDigests(): Promise<number> {
  let n = 0;
  while (await runOneJob(p.ctx.database.db, directoryDigestHandlers(p.ctx), dayAfterTomorrow)) n++;
  return n;
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
  await make('delegateFRA', { role: 'delegate', state: 'FRA' });
  await make('stakeholder', { role: 'stakeholder', organisationId });
});
afterAll(() => p.close());

describe('official transmissions', () => {
  it('a nomination takes a PDF, checked by its bytes, and keeps it with its version', async () => {
    const body = { ...nomination('technical', 'France', ['fr']), invite: true };
    const notPdf = await c.fpFRA!.post('/api/v1/contacts/pocs', { ...body, otp: await otp('fpFRA'), transmission: { name: 'note.pdf', base64: Buffer.from('<html>not a pdf</html>').toString('base64') } });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.transmission.base64']);
    const res = await c.fpFRA!.post('/api/v1/contacts/pocs', { ...body, otp: await otp('fpFRA'), transmission: pdf('one') });
    expect(res.status, res.text).toBe(201);
    fraPoc = res.body.id;
    const read = await c.fpFRA!.get(`/api/v1/contacts/pocs/${fraPoc}`);
    expect(read.body.transmission).toEqual({ version: 1, filename: 'Note verbale one.pdf', size: expect.any(Number), url: `/api/v1/contacts/pocs/${fraPoc}/versions/1/transmission` });
    const res2 = await c.fpCHL!.post('/api/v1/contacts/pocs', { ...nomination('diplomatic', 'Chile', ['es', 'en']), invite: true, otp: await otp('fpCHL') });
    expect(res2.status, res2.text).toBe(201);
    chlPoc = res2.body.id;
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${chlPoc}`)).body.transmission).toBeNull();
  });

  it('the public, a stakeholder, a delegate and a State without a POC get the file of no version; a reader with access gets it, and the read is logged', async () => {
    const url = `/api/v1/contacts/pocs/${fraPoc}/versions/1/transmission`;
    expect((await c.public!.get(url)).status).toBe(401);
    for (const who of ['stakeholder', 'delegateFRA', 'fpKEN']) {
      const res = await c[who]!.get(url);
      expect(res.status, who).toBe(403);
      expect(res.text).not.toContain('%PDF');
      expect(res.text).not.toContain('Note verbale');
    }
    const readsBefore = (await c.fpFRA!.get('/api/v1/contacts/reads')).body.items.filter((r: { readerState: string }) => r.readerState === 'CHL').length;
    const file = await c.fpCHL!.get(url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain('attachment');
    expect(String(file.headers['cache-control'])).toContain('private');
    expect(file.text.startsWith('%PDF-')).toBe(true);
    expect(file.text).toContain('% one');
    const reads = (await c.fpFRA!.get('/api/v1/contacts/reads')).body.items.filter((r: { readerState: string }) => r.readerState === 'CHL');
    expect(reads.length).toBe(readsBefore + 1);
    expect((await c.secretariat!.get(url)).status).toBe(200);
    // A version without a file, or one that does not exist, is not found.
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${chlPoc}/versions/1/transmission`)).status).toBe(404);
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}/versions/9/transmission`)).status).toBe(404);
  });

  it('a change may bring a new transmission: the history shows each with its version; another State reads only the one that stands', async () => {
    const read = await c.fpFRA!.get(`/api/v1/contacts/pocs/${fraPoc}`);
    const { role: _role, ...fields } = nomination('technical', 'France', ['fr']);
    const changed = await c.fpFRA!.put(`/api/v1/contacts/pocs/${fraPoc}`, { ...fields, phone: '+33 1 00 00 00 00', otp: await otp('fpFRA'), transmission: pdf('two') }, { 'if-match': read.headers.etag as string });
    expect(changed.status, changed.text).toBe(200);
    const history = await c.fpFRA!.get(`/api/v1/contacts/pocs/${fraPoc}/history`);
    expect(history.body.items.map((v: { version: number; transmission: { filename: string } | null }) => [v.version, v.transmission?.filename ?? null])).toEqual([
      [1, 'Note verbale one.pdf'],
      [2, 'Note verbale two.pdf'],
    ]);
    // The record kept in the history carries no file.
    expect(JSON.stringify(history.body.items.map((v: { record: unknown }) => v.record))).not.toContain('base64');
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}`)).body.transmission.version).toBe(2);
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}/versions/2/transmission`)).text).toContain('% two');
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}/versions/1/transmission`)).status).toBe(404);
    expect((await c.fpFRA!.get(`/api/v1/contacts/pocs/${fraPoc}/versions/1/transmission`)).status).toBe(200);
    // A change without a file leaves the one that stands.
    const again = await c.fpFRA!.get(`/api/v1/contacts/pocs/${fraPoc}`);
    const plain = await c.fpFRA!.put(`/api/v1/contacts/pocs/${fraPoc}`, { ...fields, otp: await otp('fpFRA') }, { 'if-match': again.headers.etag as string });
    expect(plain.status, plain.text).toBe(200);
    expect((await c.fpCHL!.get(`/api/v1/contacts/pocs/${fraPoc}`)).body.transmission.version).toBe(2);
  });
});

describe('the daily digest of the directory’s changes', () => {
  it('tells each other State’s POC of each change once, in its language, naming State and role and nobody', async () => {
    c.pocFRA = await acceptInvitation(`france.${MARKER}@example.org`);
    c.pocCHL = await acceptInvitation(`chile.${MARKER}@example.org`);
    const before = (await p.outbox()).length;
    // One job for the next cut-off, however many changes asked for it; nothing due yet.
    const pending = await p.ctx.database.db.select().from(jobs).where(and(eq(jobs.kind, DIRECTORY_DIGEST_JOB), eq(jobs.status, 'pending')));
    expect(pending.length).toBe(1);
    expect(await runOneJob(p.ctx.database.db, directoryDigestHandlers(p.ctx))).toBe(false);
    expect(await runDigests()).toBe(1);
    const mails = (await p.outbox()).slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([`chile.${MARKER}@example.org`, `france.${MARKER}@example.org`]);
    const toChile = mails.find((m) => m.to.startsWith('chile'))!;
    const toFrance = mails.find((m) => m.to.startsWith('france'))!;
    // Chile's POC reads in Spanish of France's three changes, not of Chile's own nomination.
    expect(toChile.subject).toMatch(/directorio/);
    expect(toChile.text).toContain('Francia');
    expect(toChile.text).not.toContain('Chile');
    expect(toChile.text.match(/punto de contacto técnico/g)?.length).toBe(3);
    expect(toChile.text).toContain('/es/contacts');
    expect(toFrance.subject).toMatch(/annuaire/);
    expect(toFrance.text).toContain('Chili');
    expect(toFrance.text).toContain('point de contact diplomatique, nomination');
    for (const m of mails) {
      expect((m.subject + m.text).toLowerCase()).not.toContain(MARKER);
      expect(m.text).not.toMatch(/\+\d|@|Note verbale/);
    }
    // Run again, and again after a "restart" (the handler run anew, as a second process would): nothing more.
    expect(await runDigests()).toBe(0);
    await p.ctx.database.db.transaction((tx) =>
      directoryDigestHandlers(p.ctx)[DIRECTORY_DIGEST_JOB]!({ tx, job: { id: randomUUID(), kind: DIRECTORY_DIGEST_JOB, key: 'x', runAt: new Date(), attempts: 0, payload: { until: dayAfterTomorrow().toISOString() } } }),
    );
    expect((await p.outbox()).length).toBe(before + 2);
  });

  it('a withdrawal is told the next day; a day without change sends nothing', async () => {
    const before = (await p.outbox()).length;
    expect(await runDigests()).toBe(0);
    expect(await p.ctx.database.db.select().from(jobs).where(and(eq(jobs.kind, DIRECTORY_DIGEST_JOB), eq(jobs.status, 'pending')))).toEqual([]);
    // A day passes: the digest that ran is yesterday's (its cut-off no longer the next one).
    await p.ctx.database.db.update(jobs).set({ key: `${DIRECTORY_DIGEST_JOB}:yesterday` }).where(and(eq(jobs.kind, DIRECTORY_DIGEST_JOB), eq(jobs.status, 'done')));
    const etag = (await c.fpCHL!.get(`/api/v1/contacts/pocs/${chlPoc}`)).headers.etag as string;
    // Kenya nominates (without an account); Chile's POC is withdrawn (its account goes with it).
    const ken = await c.fpKEN!.post('/api/v1/contacts/pocs', { ...nomination('diplomatic', 'Kenya', ['en']), otp: await otp('fpKEN') });
    expect(ken.status).toBe(201);
    expect((await c.fpCHL!.post(`/api/v1/contacts/pocs/${chlPoc}/withdrawal`, { otp: await otp('fpCHL') }, { 'if-match': etag })).status).toBe(200);
    expect(await runDigests()).toBe(1);
    const mails = (await p.outbox()).slice(before);
    // Only France's POC still has an account of a current nomination.
    expect(mails.map((m) => m.to)).toEqual([`france.${MARKER}@example.org`]);
    expect(mails[0]!.text).toContain('Kenya');
    expect(mails[0]!.text).toContain('point de contact diplomatique, retrait');
    expect(await runDigests()).toBe(0);
  });
});
