import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, freshCode, makeAccount, type Reply, type TestAccount } from './support/client.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { signInThrottles } from '../src/modules/accounts/tables.js';
import { afterFailure, gate, sourceOf, THROTTLE, throttleKeys } from '../src/modules/accounts/throttle-rules.js';
import { auditEvents } from '../src/platform/audit/tables.js';

/**
 * #12 item 5: sign-in that cannot be turned against a State. Failures slow down the source that
 * makes them (per email and address, per address); only very many from anywhere lock the account,
 * whose owner is told and gets in with a recovery code; a forged X-Forwarded-For changes nothing.
 */

describe('the throttling rules', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('gives a source a few free tries at one email, then delays that double up to a ceiling', () => {
    const delays = [1, 2, 3, 4, 5, 6, 30].map((n) => {
      const until = afterFailure('pair', n, now).blockedUntil;
      return until ? (until.getTime() - now.getTime()) / 1000 : 0;
    });
    expect(delays).toEqual([0, 0, 5, 10, 20, 40, 900]);
    expect(afterFailure('address', THROTTLE.address.free - 1, now).blockedUntil).toBeNull();
    expect(afterFailure('address', THROTTLE.address.free, now).blockedUntil).not.toBeNull();
  });

  it('locks the account only at a count far above what slows one source, and starts counting again', () => {
    expect(THROTTLE.account.lockAt).toBeGreaterThanOrEqual(10 * THROTTLE.pair.free);
    expect(afterFailure('account', THROTTLE.account.lockAt - 1, now)).toEqual({ blockedUntil: null, restartCount: false });
    expect(afterFailure('account', THROTTLE.account.lockAt, now).restartCount).toBe(true);
  });

  it('lets a recovery code through an account lock, never through a delay of the source', () => {
    const later = new Date(now.getTime() + 60_000);
    const state = (blockedUntil: Date | null) => ({ failures: 1, lastFailureAt: now, blockedUntil });
    expect(gate({ account: state(later) }, now, false)).toEqual({ kind: 'locked' });
    expect(gate({ account: state(later) }, now, true)).toEqual({ kind: 'open', accountLocked: true });
    expect(gate({ pair: state(later), account: state(later) }, now, true)).toEqual({ kind: 'delayed', retryAfterSeconds: 60 });
    expect(gate({ address: state(now) }, now, false)).toEqual({ kind: 'open', accountLocked: false });
  });

  it('counts an IPv6 source by its /64, and an IPv4-mapped address as IPv4', () => {
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(sourceOf('192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('TRUST_PROXY', () => {
  it('takes a number of hops or proxy addresses, and refuses true, which would believe any client', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).trustProxy).toEqual({ addresses: ['10.0.0.5', '10.1.0.0/16', 'loopback'] });
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would believe any X-Forwarded-For/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
  });
});

let p: TestPlatform;
beforeAll(async () => {
  p = await testPlatform();
});
afterAll(() => p.close());

const attempt = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/session', body);
const from = (address: string, app = p.app) => new Client(app, { remoteAddress: address }).start();
/** The right password and second factor: a fresh TOTP code while there is one, else a recovery code. */
const signInBody = (a: TestAccount) => {
  const otp = freshCode(a);
  return { email: a.email, password: a.password, ...(otp ? { otp } : { recoveryCode: a.recoveryCodes.shift() }) };
};

describe('failed sign-ins slow down their source, not the account', () => {
  it('delays one address after a few failures at one email, the same for an unknown email, while the owner elsewhere still gets in', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'NIC' });
    const attacker = await from('203.0.113.10');
    const ghost = `ghost.${Date.now()}@example.org`;
    const real: Reply[] = [];
    const unknown: Reply[] = [];
    for (let i = 0; i < THROTTLE.pair.free + 1; i++) {
      real.push(await attempt(attacker, { email: fp.email, password: 'a wrong guess' }));
      unknown.push(await attempt(attacker, { email: ghost, password: 'a wrong guess' }));
    }
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    // The same answers for an email nobody has (but the seconds to wait, which may tick between the two).
    const shape = (r: Reply) => [r.status, r.body.type, r.body.title];
    expect(unknown.map(shape)).toEqual(real.map(shape));
    const delayed = await attempt(attacker, { email: fp.email, password: fp.password });
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);

    expect((await attempt(await from('192.0.2.44'), signInBody(fp))).status).toBe(200);
    // Once the delay has passed (moved back here), the right password works from there too, and the count for it is cleared.
    await p.ctx.database.db.update(signInThrottles).set({ blockedUntil: new Date(Date.now() - 1000) });
    expect((await attempt(attacker, signInBody(fp))).status).toBe(200);
    const keys = throttleKeys(fp.email, '203.0.113.10');
    expect(await p.ctx.database.db.select().from(signInThrottles).where(eq(signInThrottles.key, keys.keys.pair))).toHaveLength(0);
  }, 90_000);

  it('delays one address guessing many emails', async () => {
    // As if it had sprayed already: two failures short of its delay.
    const { keys } = throttleKeys('', '203.0.113.20');
    await p.ctx.database.db.insert(signInThrottles).values({ key: keys.address, scope: 'address', failures: THROTTLE.address.free - 2, lastFailureAt: new Date() });
    const sprayer = await from('203.0.113.20');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(sprayer, { email: `spray.${i}.${Date.now()}@example.org`, password: 'Summer2026!' })).status);
    expect(statuses).toEqual([401, 401, 429]);
    // Another address is not held back by it.
    expect((await attempt(await from('203.0.113.21'), { email: `spray.x.${Date.now()}@example.org`, password: 'Summer2026!' })).status).toBe(401);
  });
});

describe('the account-wide lock', () => {
  it('comes only at a much higher count, mails the owner, is recorded, answers the same for an unknown email, and a recovery code gets the owner in', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CRI' });
    const ghost = `ghost.lock.${Date.now()}@example.org`;
    // Bring both counts to one below the lock, as failures from many addresses would.
    for (const email of [fp.email, ghost]) {
      const { keys, emailDigest } = throttleKeys(email, '0.0.0.0');
      await p.ctx.database.db.insert(signInThrottles).values({ key: keys.account, scope: 'account', emailDigest, failures: THROTTLE.account.lockAt - 1, lastFailureAt: new Date() });
    }
    for (const email of [fp.email, ghost]) expect((await attempt(await from('198.51.100.200'), { email, password: 'one more wrong' })).status).toBe(401);

    const locked = await attempt(await from('198.51.100.201'), signInBody(fp));
    const lockedGhost = await attempt(await from('198.51.100.201'), { email: ghost, password: 'whatever it is' });
    expect(locked.status).toBe(401);
    expect(locked.body.type).toBe('urn:poa:problem:sign-in-locked');
    expect(lockedGhost.body).toEqual(locked.body);

    const mail = (await p.outbox()).filter((m) => m.to.includes(fp.email) && /locked/i.test(m.subject));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toMatch(/recovery codes/);
    const events = await p.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, fp.id));
    expect(events.map((e) => e.action)).toContain('accounts.lock');

    // A wrong recovery code does not open it; a right one does, and lifts the lock.
    expect((await attempt(await from('192.0.2.50'), { email: fp.email, password: fp.password, recoveryCode: 'AAAA-BBBB-CCCC' })).status).toBe(401);
    expect((await attempt(await from('192.0.2.50'), { email: fp.email, password: fp.password, recoveryCode: fp.recoveryCodes.shift() })).status).toBe(200);
    expect((await attempt(await from('192.0.2.51'), signInBody(fp))).status).toBe(200);
  });

  it('is lifted by a new password from a reset link, the way back for an account without recovery codes', async () => {
    const d = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'PAN' });
    const { keys, emailDigest } = throttleKeys(d.email, '0.0.0.0');
    await p.ctx.database.db.insert(signInThrottles).values({ key: keys.account, scope: 'account', emailDigest, failures: 0, lastFailureAt: new Date(), blockedUntil: new Date(Date.now() + 3_600_000) });
    const c = await from('192.0.2.60');
    expect((await attempt(c, { email: d.email, password: d.password })).body.type).toBe('urn:poa:problem:sign-in-locked');
    expect((await c.post('/api/v1/password-resets', { email: d.email })).status).toBe(202);
    const link = (await p.outbox()).filter((m) => m.to.includes(d.email)).at(-1)!.text.match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    expect((await c.post(`/api/v1/password-resets/${link}`, { password: 'a new password after the lock' })).status).toBe(204);
    expect((await attempt(c, { email: d.email, password: 'a new password after the lock' })).status).toBe(200);
  });

  it('is counted in the database, so two processes add to one count', async () => {
    const second = await buildApp(p.ctx, { logger: false });
    try {
      const email = `shared.${Date.now()}@example.org`;
      expect((await attempt(await from('203.0.113.30'), { email, password: 'wrong one' })).status).toBe(401);
      expect((await attempt(await from('203.0.113.30', second.app), { email, password: 'wrong two' })).status).toBe(401);
      expect((await attempt(await from('203.0.113.30'), { email, password: 'wrong three' })).status).toBe(401);
      expect((await attempt(await from('203.0.113.30', second.app), { email, password: 'wrong four' })).status).toBe(429);
    } finally {
      await second.app.close();
    }
  });
});

describe('behind a proxy, a forged X-Forwarded-For is not believed', () => {
  /** The platform's routes on the same database, with another TRUST_PROXY. */
  const behind = async (TRUST_PROXY: string) => (await buildApp({ ...p.ctx, config: { ...p.ctx.config, trustProxy: loadConfig({ TRUST_PROXY }).trustProxy } }, { logger: false })).app;
  /** An address two failures short of its delay, as if it had been guessing already. */
  const nearlyDelayed = async (address: string) => {
    const { keys } = throttleKeys('', address);
    await p.ctx.database.db.insert(signInThrottles).values({ key: keys.address, scope: 'address', failures: THROTTLE.address.free - 2, lastFailureAt: new Date() });
  };
  const tries = async (app: TestPlatform['app'], remoteAddress: string, forwardedFor: string[]) => {
    const c = await new Client(app, { remoteAddress }).start();
    const statuses: number[] = [];
    for (const xff of forwardedFor) statuses.push((await c.post('/api/v1/session', { email: `xff.${statuses.length}.${Date.now()}@example.org`, password: 'Spring2026!' }, { 'x-forwarded-for': xff })).status);
    return statuses;
  };

  it('with TRUST_PROXY=1, only the address the proxy saw counts, whatever the client wrote before it', async () => {
    const app = await behind('1');
    try {
      await nearlyDelayed('203.0.113.99');
      expect(await tries(app, '10.0.0.1', ['192.0.2.1, 203.0.113.99', '192.0.2.2, 203.0.113.99', '192.0.2.3, 203.0.113.99'])).toEqual([401, 401, 429]);
      // Other clients behind the same proxy are counted apart.
      expect(await tries(app, '10.0.0.1', ['203.0.113.100'])).toEqual([401]);
    } finally {
      await app.close();
    }
  });

  it('with TRUST_PROXY naming the proxy, a header from anyone else is ignored', async () => {
    const app = await behind('10.0.0.1');
    try {
      await nearlyDelayed('198.51.100.77');
      expect(await tries(app, '198.51.100.77', ['192.0.2.11', '192.0.2.12', '192.0.2.13'])).toEqual([401, 401, 429]);
      await nearlyDelayed('198.51.100.78');
      expect(await tries(app, '10.0.0.1', ['198.51.100.78', '198.51.100.78', '198.51.100.78'])).toEqual([401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});
