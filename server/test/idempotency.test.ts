import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/platform/db/database.js';
import { idempotentRequests } from '../src/platform/idempotency/tables.js';
import { ABANDONED_AFTER_SECONDS, KEEP_HOURS, idempotencyStore } from '../src/platform/idempotency/store.js';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';

/**
 * Creating requests a client may retry carry an Idempotency-Key: the retry gets the first answer,
 * and nothing is created, mailed or audited twice.
 */
let p: TestPlatform;
let secretariat: Client;
let otherSecretariat: Client;

const key = () => randomUUID();
const meetingsNamed = async (title: string) => {
  const rows = rowsOf<{ n: number }>(await p.ctx.database.db.execute(sql`select count(*)::int as n from meetings where title->>'en' = ${title}`));
  return rows[0]?.n ?? 0;
};

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  otherSecretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
});
afterAll(() => p.close());

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer, and creates the meeting once', async () => {
    const title = `Retried meeting ${randomUUID()}`;
    const body = meetingBody({ title: { en: title } });
    const k = key();
    const first = await secretariat.post('/api/v1/meetings', body, { 'idempotency-key': k });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await secretariat.post('/api/v1/meetings', body, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(await meetingsNamed(title)).toBe(1);
    // Without a key, the same request is a new meeting, as before.
    expect((await secretariat.post('/api/v1/meetings', body)).status).toBe(201);
    expect(await meetingsNamed(title)).toBe(2);
  });

  it('sends an invitation once however often it is retried', async () => {
    const email = `retry.${randomUUID()}@example.org`;
    const k = key();
    const body = { email, name: 'Retried Person', role: 'chair' };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await secretariat.post('/api/v1/invitations', body, { 'idempotency-key': k }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers[2]?.headers['idempotent-replayed']).toBe('true');
    const mails = (await p.outbox()).filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
  });

  it('refuses the same key for another request (422), and keeps the first answer', async () => {
    const k = key();
    const first = await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: `A ${k}` } }), { 'idempotency-key': k });
    expect(first.status).toBe(201);
    const other = await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: `B ${k}` } }), { 'idempotency-key': k });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:poa:problem:idempotency-key-reused');
    expect(await meetingsNamed(`B ${k}`)).toBe(0);
  });

  it('keeps keys apart per account: another account with the same key makes its own', async () => {
    const k = key();
    const title = `Two accounts ${k}`;
    const body = meetingBody({ title: { en: title } });
    const mine = await secretariat.post('/api/v1/meetings', body, { 'idempotency-key': k });
    const theirs = await otherSecretariat.post('/api/v1/meetings', body, { 'idempotency-key': k });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await meetingsNamed(title)).toBe(2);
  });

  it('does not keep a refusal: the corrected request may use the same key', async () => {
    const k = key();
    const bad = await secretariat.post('/api/v1/meetings', meetingBody({ timeZone: 'Mars/Olympus_Mons' }), { 'idempotency-key': k });
    expect(bad.status).toBe(400);
    const title = `Corrected ${k}`;
    const good = await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: title } }), { 'idempotency-key': k });
    // A different body than the refused one, and still accepted: the refusal freed the key.
    expect(good.status).toBe(201);
    expect(await meetingsNamed(title)).toBe(1);
  });

  it('makes two simultaneous requests with one key create one meeting', async () => {
    const k = key();
    const title = `Simultaneous ${k}`;
    const body = meetingBody({ title: { en: title } });
    const answers = await Promise.all([1, 2, 3].map(() => secretariat.post('/api/v1/meetings', body, { 'idempotency-key': k })));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const busy = answers.filter((a) => a.status === 409);
    for (const a of busy) {
      expect(a.body.type).toBe('urn:poa:problem:idempotency-key-in-use');
      expect(a.headers['retry-after']).toBe('1');
    }
    expect(await meetingsNamed(title)).toBe(1);
  });

  it('lets a retry take over a key whose first request died, and forgets answers after a day', async () => {
    const db = p.ctx.database.db;
    const accountId = (await secretariat.get('/api/v1/me')).body.account.id as string;
    const dead = key();
    await db.insert(idempotentRequests).values({ accountId, key: dead, fingerprint: 'x', createdAt: new Date(Date.now() - (ABANDONED_AFTER_SECONDS + 5) * 1000) });
    const title = `After a crash ${dead}`;
    expect((await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: title } }), { 'idempotency-key': dead })).status).toBe(201);
    expect(await meetingsNamed(title)).toBe(1);

    const fresh = key();
    const store = idempotencyStore(db);
    expect(await store.begin(accountId, fresh, 'y')).toEqual({ kind: 'new' });
    // Still being answered, and not yet abandoned: a retry waits; another request is refused.
    expect(await store.begin(accountId, fresh, 'y')).toEqual({ kind: 'in-progress' });
    expect((await secretariat.post('/api/v1/meetings', meetingBody(), { 'idempotency-key': fresh })).status).toBe(422);

    const old = key();
    await db.insert(idempotentRequests).values({ accountId, key: old, fingerprint: 'z', status: 201, body: '{}', createdAt: new Date(Date.now() - (KEEP_HOURS * 3600 + 60) * 1000) });
    const again = `A day later ${old}`;
    const res = await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: again } }), { 'idempotency-key': old });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key, and ignores keys on anonymous requests', async () => {
    const bad = await secretariat.post('/api/v1/meetings', meetingBody(), { 'idempotency-key': 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('headers.idempotency-key');
    // An anonymous request is answered anew each time: both resets are sent.
    const person = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'PER' });
    const anonymous = await new Client(p.app).start();
    const k = key();
    const a = await anonymous.post('/api/v1/password-resets', { email: person.email }, { 'idempotency-key': k });
    const b = await anonymous.post('/api/v1/password-resets', { email: person.email }, { 'idempotency-key': k });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect((await p.outbox()).filter((m) => m.to.includes(person.email) && /reset/i.test(m.subject))).toHaveLength(2);
  });

  it('never keeps an answer that holds a secret: new recovery codes are made anew on a retry, and nothing is stored', async () => {
    const focal = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'URY' });
    const client = await signedIn(p.app, focal);
    const k = key();
    const first = await client.post('/api/v1/me/recovery-codes', { password: focal.password }, { 'idempotency-key': k });
    const again = await client.post('/api/v1/me/recovery-codes', { password: focal.password }, { 'idempotency-key': k });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.recoveryCodes).not.toEqual(first.body.recoveryCodes);
    const stored = await p.ctx.database.db.select().from(idempotentRequests).where(sql`${idempotentRequests.key} = ${k}`);
    expect(stored).toEqual([]);
  });
});
