import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, getTableName, type Table } from 'drizzle-orm';
import { testPlatform, tokenFromMail, type TestPlatform } from './support/platform.js';
import { Client, freshCode, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { currentTotp } from '../src/modules/accounts/index.js';
import { accounts, accountTokens, recoveryCodes } from '../src/modules/accounts/tables.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { auditEvents } from '../src/platform/audit/tables.js';

let p: TestPlatform;
let secretariat: TestAccount;
beforeAll(async () => {
  p = await testPlatform();
  secretariat = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
});
afterAll(() => p.close());

const mailsTo = async (email: string) => (await p.outbox()).filter((m) => m.to.includes(email));

describe('signing in', () => {
  it('asks for the second factor only after the right password, then signs in with a TOTP code', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'URY' });
    const c = await new Client(p.app).start();
    const noCode = await c.post('/api/v1/session', { email: fp.email, password: fp.password });
    expect(noCode.status).toBe(401);
    expect(noCode.body.type).toBe('urn:poa:problem:second-factor-required');
    const wrongCode = await c.post('/api/v1/session', { email: fp.email, password: fp.password, otp: '000000' });
    expect(wrongCode.body.type).toBe('urn:poa:problem:sign-in-failed');
    const ok = await c.post('/api/v1/session', { email: fp.email.toUpperCase(), password: fp.password, otp: freshCode(fp) });
    expect(ok.status).toBe(200);
    expect(ok.body.account).toMatchObject({ email: fp.email, roles: ['focal_point'], state: 'URY', secondFactor: true });
    const cookie = ([] as string[]).concat(ok.headers['set-cookie'] as string[]).find((h) => h.startsWith('poa_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/v1/me');
    expect(me.body.account.id).toBe(fp.id);
  });

  it('never accepts the same TOTP code twice', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'PRY' });
    const code = freshCode(fp)!;
    const first = await new Client(p.app).start();
    expect((await first.post('/api/v1/session', { email: fp.email, password: fp.password, otp: code })).status).toBe(200);
    const replay = await new Client(p.app).start();
    const again = await replay.post('/api/v1/session', { email: fp.email, password: fp.password, otp: code });
    expect(again.status).toBe(401);
    expect(again.body.type).toBe('urn:poa:problem:sign-in-failed');
  });

  it('accepts each recovery code once', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' });
    expect(fp.recoveryCodes).toHaveLength(10);
    const code = fp.recoveryCodes[0]!;
    const a = await new Client(p.app).start();
    expect((await a.post('/api/v1/session', { email: fp.email, password: fp.password, recoveryCode: code.toLowerCase() })).status).toBe(200);
    const b = await new Client(p.app).start();
    expect((await b.post('/api/v1/session', { email: fp.email, password: fp.password, recoveryCode: code })).status).toBe(401);
  });

  it('gives no hint of whether an account exists', async () => {
    const c = await new Client(p.app).start();
    const unknown = await c.post('/api/v1/session', { email: 'nobody@example.org', password: 'whatever-password' });
    const wrong = await c.post('/api/v1/session', { email: secretariat.email, password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('five wrong passwords from elsewhere do not lock the account: its owner still signs in (#12 item 5)', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'PER' });
    for (let i = 0; i < 6; i++) {
      const elsewhere = await new Client(p.app, { remoteAddress: `198.51.100.${i + 1}` }).start();
      const res = await elsewhere.post('/api/v1/session', { email: fp.email, password: 'wrong password!' });
      expect(res.status).toBe(401);
    }
    const owner = await new Client(p.app).start();
    expect((await owner.post('/api/v1/session', { email: fp.email, password: fp.password, otp: freshCode(fp) ?? undefined, recoveryCode: freshCode(fp) ? undefined : fp.recoveryCodes.shift() })).status).toBe(200);
  });

  it('limits the rate of sign-in attempts from one address', async () => {
    const limited = await testPlatform({ SIGN_IN_RATE_PER_MINUTE: '3' });
    try {
      const c = await new Client(limited.app).start();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await c.post('/api/v1/session', { email: `x${i}@example.org`, password: 'nope nope nope' })).status);
      expect(statuses).toEqual([401, 401, 401]);
      const last = await c.post('/api/v1/session', { email: 'x@example.org', password: 'nope nope nope' });
      expect(last.status).toBe(429);
      expect(last.body.type).toBe('urn:poa:problem:too-many-requests');
      expect(last.headers['retry-after']).toBeTruthy();
    } finally {
      await limited.close();
    }
  });

  it('signs out', async () => {
    const c = await signedIn(p.app, secretariat);
    expect((await c.delete('/api/v1/session')).status).toBe(204);
    expect((await c.get('/api/v1/me')).body.account).toBeNull();
  });
});

describe('CSRF defence', () => {
  it('refuses a state-changing request without the token, with a wrong one, or from another site', async () => {
    const c = await signedIn(p.app, secretariat);
    const csrf = c.cookies.get('poa_csrf')!;
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (headers: Record<string, string>) =>
      p.app.inject({ method: 'DELETE', url: '/api/v1/me/sessions', headers: { cookie, ...headers } });
    const attempts: Record<string, string>[] = [{}, { 'x-csrf-token': 'x'.repeat(32) }, { 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' }];
    for (const headers of attempts) {
      const res = await send(headers);
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).type).toBe('urn:poa:problem:csrf');
    }
    expect((await send({ 'x-csrf-token': csrf })).statusCode).toBe(204);
  });

  it('binds the token to the session: the anonymous cookie no longer works after sign-in', async () => {
    const c = await new Client(p.app).start();
    const anonymous = c.cookies.get('poa_csrf')!;
    await c.post('/api/v1/session', { email: secretariat.email, password: secretariat.password, otp: freshCode(secretariat) ?? undefined, recoveryCode: freshCode(secretariat) ? undefined : secretariat.recoveryCodes.shift() });
    expect(c.cookies.get('poa_csrf')).not.toBe(anonymous);
    const res = await c.request('DELETE', '/api/v1/me/sessions', undefined, { 'x-csrf-token': anonymous });
    expect(res.status).toBe(403);
  });
});

describe('invitations', () => {
  it('the Secretariat invites a focal point, who sets a password and a second factor and gets recovery codes', async () => {
    const sec = await signedIn(p.app, secretariat);
    const email = `fp.${Date.now()}@mrecic.example`;
    const res = await sec.post('/api/v1/invitations', { email, name: 'Ana Pérez', role: 'focal_point', state: 'chl' });
    expect(res.status).toBe(201);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toMatch(/invitation/i);
    const token = tokenFromMail(mail!.text, 'invitation');

    const c = await new Client(p.app).start();
    const info = await c.get(`/api/v1/invitations/${token}`);
    expect(info.body).toMatchObject({ email, name: 'Ana Pérez', roles: ['focal_point'], state: 'CHL', secondFactorRequired: true });
    const noFactor = await c.post(`/api/v1/invitations/${token}/accept`, { password: 'a long enough password' });
    expect(noFactor.status).toBe(400);
    const offer = await c.post(`/api/v1/invitations/${token}/second-factor`);
    expect(offer.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const short = await c.post(`/api/v1/invitations/${token}/accept`, { password: 'short', otp: currentTotp(offer.body.secret) });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('body.password');
    const accepted = await c.post(`/api/v1/invitations/${token}/accept`, { password: 'a long enough password', otp: currentTotp(offer.body.secret) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.recoveryCodes).toHaveLength(10);
    expect(accepted.body.account.state).toBe('CHL');
    expect((await c.get('/api/v1/me')).body.account.email).toBe(email);

    const again = await new Client(p.app).start();
    expect((await again.get(`/api/v1/invitations/${token}`)).status).toBe(410);
    expect((await again.get(`/api/v1/invitations/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('refuses an expired invitation', async () => {
    const sec = await signedIn(p.app, secretariat);
    const email = `late.${Date.now()}@example.org`;
    await sec.post('/api/v1/invitations', { email, name: 'Late', role: 'chair' });
    const token = tokenFromMail((await mailsTo(email))[0]!.text, 'invitation');
    await p.ctx.database.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await (await new Client(p.app).start()).get(`/api/v1/invitations/${token}`);
    expect(res.status).toBe(410);
  });

  it('a focal point invites delegates of its own State only', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'MEX' });
    const c = await signedIn(p.app, fp);
    expect((await c.get('/api/v1/me')).body.can.invite).toBe(true);
    const own = await c.post('/api/v1/invitations', { email: `d.${Date.now()}@sre.example`, name: 'Delegate', role: 'delegate', state: 'MEX' });
    expect(own.status).toBe(201);
    const other = await c.post('/api/v1/invitations', { email: `d2.${Date.now()}@example.org`, name: 'X', role: 'delegate', state: 'USA' });
    expect(other.status).toBe(403);
    const higher = await c.post('/api/v1/invitations', { email: `d3.${Date.now()}@example.org`, name: 'X', role: 'focal_point', state: 'MEX' });
    expect(higher.status).toBe(403);
  });

  it('says which roles and States the caller may invite, and refuses the others (#17 item 5)', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'PER' });
    const c = await signedIn(p.app, fp);
    const can = (await c.get('/api/v1/me')).body.can;
    expect(can.inviteRoles).toEqual(['delegate', 'poc']);
    expect(can.inviteStates).toEqual({ all: false, states: ['PER'] });
    const sec = (await (await signedIn(p.app, secretariat)).get('/api/v1/me')).body.can;
    expect(sec.inviteRoles).toEqual(['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc']);
    // Every State, said compactly: /me is read on every page load.
    expect(sec.inviteStates).toEqual({ all: true, states: [] });
    const secretariatMe = await (await signedIn(p.app, secretariat)).get('/api/v1/me');
    expect(secretariatMe.text.length).toBeLessThan(1500);
    // And the Secretariat may indeed invite for any State: the compact form hides no refusal.
    const sc = await signedIn(p.app, secretariat);
    for (const state of ['PER', 'ZWE', 'AFG']) {
      expect((await sc.post('/api/v1/invitations', { email: `s.${state}.${Date.now()}@example.org`, name: 'X', role: 'delegate', state })).status).toBe(201);
    }
    const delegate = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'PER' });
    const dc = await signedIn(p.app, delegate);
    expect((await dc.get('/api/v1/me')).body.can).toMatchObject({ invite: false, inviteRoles: [], inviteStates: { all: false, states: [] } });
    expect((await new Client(p.app).get('/api/v1/me')).body.can).toMatchObject({ inviteRoles: [], inviteStates: { all: false, states: [] } });
    // What the form does not offer, the server still refuses.
    const chair = await c.post('/api/v1/invitations', { email: `c.${Date.now()}@example.org`, name: 'X', role: 'chair' });
    expect(chair.status).toBe(403);
    const elsewhere = await c.post('/api/v1/invitations', { email: `e.${Date.now()}@example.org`, name: 'X', role: 'poc', state: 'BOL' });
    expect(elsewhere.status).toBe(403);
    const byDelegate = await dc.post('/api/v1/invitations', { email: `f.${Date.now()}@example.org`, name: 'X', role: 'delegate', state: 'PER' });
    expect(byDelegate.status).toBe(403);
  });

  it('checks that a role comes with the right scope, and that the email is new', async () => {
    const sec = await signedIn(p.app, secretariat);
    const noState = await sec.post('/api/v1/invitations', { email: `n.${Date.now()}@example.org`, name: 'X', role: 'delegate' });
    expect(noState.status).toBe(400);
    expect(noState.body.errors[0].field).toBe('body.state');
    const unknownState = await sec.post('/api/v1/invitations', { email: `u.${Date.now()}@example.org`, name: 'X', role: 'delegate', state: 'XYZ' });
    expect(unknownState.status).toBe(404);
    const dup = await sec.post('/api/v1/invitations', { email: secretariat.email, name: 'X', role: 'chair' });
    expect(dup.status).toBe(409);
  });
});

describe('emails in the language of the account', () => {
  it('invites in the language chosen by the inviter, with the State named in it and a link that opens the platform in it', async () => {
    const sec = await signedIn(p.app, secretariat);
    const email = `fp.fr.${Date.now()}@diplomatie.example`;
    expect((await sec.post('/api/v1/invitations', { email, name: 'Claire Martin', role: 'focal_point', state: 'DEU', language: 'fr' })).status).toBe(201);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe('Votre invitation à la plateforme du PoA');
    expect(mail!.text).toContain('point focal (Allemagne)');
    expect(mail!.text).toMatch(/\/fr\/invitation\/[A-Za-z0-9_-]+/);

    const arabic = `d.ar.${Date.now()}@mofa.example`;
    expect((await sec.post('/api/v1/invitations', { email: arabic, name: 'ليلى', role: 'chair', language: 'ar' })).status).toBe(201);
    expect((await mailsTo(arabic))[0]!.subject).toBe('دعوتك إلى منصة برنامج العمل');
    expect((await mailsTo(arabic))[0]!.text).toMatch(/\/ar\/invitation\//);

    expect((await sec.post('/api/v1/invitations', { email: `x.${Date.now()}@example.org`, name: 'X', role: 'chair', language: 'de' })).status).toBe(400);
  });

  it('lets a person choose the language of their emails, audited, and sends the reset link in it', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'KAZ' });
    const me = await signedIn(p.app, d);
    expect((await me.get('/api/v1/me')).body.account.language).toBe('en');
    expect((await me.put('/api/v1/me/language', { language: 'ru' })).status).toBe(204);
    expect((await me.get('/api/v1/me')).body.account.language).toBe('ru');
    expect((await me.put('/api/v1/me/language', { language: 'klingon' })).status).toBe(400);
    const [event] = await p.ctx.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'accounts.choose-language')));
    expect(event?.details).toEqual({ from: 'en', to: 'ru' });

    const c = await new Client(p.app).start();
    expect((await c.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const mail = (await mailsTo(d.email)).at(-1)!;
    expect(mail.subject).toBe('Сброс пароля на платформе Программы действий');
    expect(mail.text).toMatch(/\/ru\/reset-password\/[A-Za-z0-9_-]+/);
    // The public cannot change anyone's language.
    expect((await c.put('/api/v1/me/language', { language: 'fr' })).status).toBe(401);
  });
});

describe('password reset', () => {
  it('answers the same for unknown emails, and sends a single-use link to a real account', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'ECU' });
    const old = await signedIn(p.app, d);
    const c = await new Client(p.app).start();
    expect((await c.post('/api/v1/password-resets', { email: 'ghost@example.org' })).status).toBe(202);
    expect(await mailsTo('ghost@example.org')).toHaveLength(0);
    expect((await c.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const token = tokenFromMail((await mailsTo(d.email)).at(-1)!.text, 'reset-password');
    expect((await c.post(`/api/v1/password-resets/${token}`, { password: 'a brand new password' })).status).toBe(204);
    expect((await c.post(`/api/v1/password-resets/${token}`, { password: 'another new password' })).status).toBe(410);
    // the old session is gone, the new password works, the old one does not
    expect((await old.get('/api/v1/me')).body.account).toBeNull();
    expect((await c.post('/api/v1/session', { email: d.email, password: d.password })).status).toBe(401);
    expect((await c.post('/api/v1/session', { email: d.email, password: 'a brand new password' })).status).toBe(200);
  });
});

describe('password reset answers the same, in the same time, for any email (#12 item 5)', () => {
  /** The calls a request makes on the database, inside its transactions too, with the table each write goes to. */
  async function databaseWork(send: () => Promise<unknown>): Promise<string[]> {
    const calls: string[] = [];
    const watch = (target: object): (() => void) => {
      const restores: (() => void)[] = [];
      for (const m of ['select', 'insert', 'update', 'delete', 'execute'] as const) {
        const original = (target as Record<string, (...args: unknown[]) => unknown>)[m]!;
        const spy = vi.spyOn(target as Record<string, (...args: unknown[]) => unknown>, m).mockImplementation(function (this: unknown, ...args: unknown[]) {
          calls.push(['insert', 'update', 'delete'].includes(m) ? `${m} ${getTableName(args[0] as Table)}` : m);
          const built = original.apply(target, args);
          if (m !== 'select') return built;
          // A select is named by the table it reads, once `from` says which.
          const at = calls.length - 1;
          const from = (built as { from: (t: Table, ...more: unknown[]) => unknown }).from;
          (built as { from: unknown }).from = (t: Table, ...more: unknown[]) => {
            calls[at] = `select ${getTableName(t)}`;
            return from.call(built, t, ...more);
          };
          return built;
        });
        restores.push(() => spy.mockRestore());
      }
      return () => restores.forEach((r) => r());
    };
    const db = p.ctx.database.db as unknown as Record<string, (...args: unknown[]) => unknown>;
    const transaction = db.transaction!;
    const txSpy = vi.spyOn(db, 'transaction').mockImplementation((fn: unknown, ...rest: unknown[]) => {
      calls.push('transaction');
      return transaction.call(db, async (tx: object) => {
        const unwatch = watch(tx);
        try {
          return await (fn as (tx: object) => Promise<unknown>)(tx);
        } finally {
          unwatch();
        }
      }, ...rest);
    });
    const unwatch = watch(db);
    try {
      await send();
      return calls;
    } finally {
      unwatch();
      txSpy.mockRestore();
    }
  }

  it('does the same database work on the request path for an account and for an unknown email: one job queued, nothing looked up', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'BOL' });
    const c = await new Client(p.app).start();
    const before = (await p.ctx.database.db.select().from(accountTokens).where(eq(accountTokens.accountId, d.id))).length;
    let known: { status: number } | null = null;
    let unknown: { status: number } | null = null;
    const knownWork = await databaseWork(async () => (known = await c.post('/api/v1/password-resets', { email: d.email })));
    const unknownWork = await databaseWork(async () => (unknown = await c.post('/api/v1/password-resets', { email: `ghost.${Date.now()}@example.org` })));
    expect([known!.status, unknown!.status]).toEqual([202, 202]);
    expect(knownWork).toEqual(['insert jobs']);
    expect(unknownWork).toEqual(knownWork);
    // Nothing about the account was done while answering: the link is made by the job, after.
    expect(await p.ctx.database.db.select().from(accountTokens).where(eq(accountTokens.accountId, d.id))).toHaveLength(before);
    const queued = await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, 'accounts.password-reset'));
    expect(queued.filter((j) => j.status === 'pending').map((j) => Object.keys(j.payload as object))).toEqual([['email'], ['email']]);
    expect((await mailsTo(d.email)).filter((m) => /reset/i.test(m.subject))).toHaveLength(1);
  });
});

describe('a new password voids the old ways in (#12 item 5)', () => {
  it('a reset voids every other outstanding reset link and signs out every session', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'GTM' });
    const old = await signedIn(p.app, d);
    const c = await new Client(p.app).start();
    expect((await c.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const first = tokenFromMail((await mailsTo(d.email)).at(-1)!.text, 'reset-password');
    expect((await c.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const second = tokenFromMail((await mailsTo(d.email)).at(-1)!.text, 'reset-password');
    expect(second).not.toBe(first);
    expect((await c.post(`/api/v1/password-resets/${second}`, { password: 'the password from link two' })).status).toBe(204);
    const stale = await c.post(`/api/v1/password-resets/${first}`, { password: 'the password from link one' });
    expect(stale.status).toBe(410);
    expect((await old.get('/api/v1/me')).body.account).toBeNull();
    expect((await c.post('/api/v1/session', { email: d.email, password: 'the password from link two' })).status).toBe(200);
  });

  it('a change voids outstanding reset links and signs out every other session, keeping the current one', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'HND' });
    const here = await signedIn(p.app, d);
    const elsewhere = await signedIn(p.app, d);
    const anyone = await new Client(p.app).start();
    expect((await anyone.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const link = tokenFromMail((await mailsTo(d.email)).at(-1)!.text, 'reset-password');
    expect((await here.post('/api/v1/me/password', { currentPassword: d.password, newPassword: 'a changed password here' })).status).toBe(204);
    expect((await anyone.post(`/api/v1/password-resets/${link}`, { password: 'taken over through mail' })).status).toBe(410);
    expect((await here.get('/api/v1/me')).body.account?.id).toBe(d.id);
    expect((await elsewhere.get('/api/v1/me')).body.account).toBeNull();
  });
});

describe('chairs sign in with a second factor (#12 item 5)', () => {
  it('a chair is asked for the second factor, as the Secretariat and focal points are', async () => {
    const chair = await makeAccount(p.ctx, p.app, { role: 'chair' });
    expect(chair.totpSecret).not.toBeNull();
    expect(chair.recoveryCodes).toHaveLength(10);
    const c = await new Client(p.app).start();
    const noCode = await c.post('/api/v1/session', { email: chair.email, password: chair.password });
    expect(noCode.status).toBe(401);
    expect(noCode.body.type).toBe('urn:poa:problem:second-factor-required');
    expect((await c.post('/api/v1/session', { email: chair.email, password: chair.password, recoveryCode: chair.recoveryCodes[0] })).status).toBe(200);
  });

  it('a chair made before chairs needed one does not get in with the password alone, and is mailed one link to set it up', async () => {
    const chair = await makeAccount(p.ctx, p.app, { role: 'chair' });
    await p.ctx.database.db.update(accounts).set({ totpSecret: null, totpLastStep: null }).where(eq(accounts.id, chair.id));
    await p.ctx.database.db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, chair.id));
    const c = await new Client(p.app).start();
    for (let i = 0; i < 2; i++) {
      const res = await c.post('/api/v1/session', { email: chair.email, password: chair.password });
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('urn:poa:problem:second-factor-setup-required');
    }
    const links = (await mailsTo(chair.email)).filter((m) => /\/invitation\//.test(m.text));
    expect(links).toHaveLength(2); // the first invitation, and one link to set the second factor up
    const token = tokenFromMail(links.at(-1)!.text, 'invitation');
    const info = await c.get(`/api/v1/invitations/${token}`);
    expect(info.body.secondFactorRequired).toBe(true);
    const offer = await c.post(`/api/v1/invitations/${token}/second-factor`);
    const accepted = await c.post(`/api/v1/invitations/${token}/accept`, { password: 'a chair password anew', otp: currentTotp(offer.body.secret) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.account.secondFactor).toBe(true);
  });
});

describe('my account', () => {
  it('changes the password, signing out the other sessions', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'COL' });
    const a = await signedIn(p.app, d);
    const b = await signedIn(p.app, d);
    const wrong = await a.post('/api/v1/me/password', { currentPassword: 'not it at all', newPassword: 'a different password' });
    expect(wrong.status).toBe(400);
    expect((await a.post('/api/v1/me/password', { currentPassword: d.password, newPassword: 'a different password' })).status).toBe(204);
    expect((await a.get('/api/v1/me')).body.account).not.toBeNull();
    expect((await b.get('/api/v1/me')).body.account).toBeNull();
  });

  it('lists sessions and signs out others; another account’s session cannot be touched', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'BRA' });
    const e = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'BRA' });
    const a = await signedIn(p.app, d);
    const b = await signedIn(p.app, d);
    const other = await signedIn(p.app, e);
    const list = await a.get('/api/v1/me/sessions');
    expect(list.body.items).toHaveLength(3); // the one opened by accepting the invitation, a and b
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const theirs = (await other.get('/api/v1/me/sessions')).body.items[0].id as string;
    expect((await a.delete(`/api/v1/me/sessions/${theirs}`)).status).toBe(404);
    expect((await other.get('/api/v1/me')).body.account).not.toBeNull();
    expect((await a.delete('/api/v1/me/sessions')).status).toBe(204);
    expect((await b.get('/api/v1/me')).body.account).toBeNull();
    expect((await a.get('/api/v1/me')).body.account).not.toBeNull();
  });

  it('regenerates recovery codes after the password is confirmed', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'BHS' });
    const c = await signedIn(p.app, fp);
    expect((await c.post('/api/v1/me/recovery-codes', { password: 'not the password' })).status).toBe(400);
    const res = await c.post('/api/v1/me/recovery-codes', { password: fp.password });
    expect(res.body.recoveryCodes).toHaveLength(10);
    const old = await new Client(p.app).start();
    expect((await old.post('/api/v1/session', { email: fp.email, password: fp.password, recoveryCode: fp.recoveryCodes[5] })).status).toBe(401);
  });
});
