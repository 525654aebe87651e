import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { makeAccount, signedIn } from './support/client.js';
import { describeChainReport, verifyAuditChain } from '../src/platform/audit/record.js';
import { auditEvents } from '../src/platform/audit/tables.js';
import { firstBrokenLink, GENESIS_HASH, linkHash, type AuditLink } from '../src/platform/audit/chain.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await testPlatform();
});
afterAll(() => p.close());

describe('the audit chain (pure rules)', () => {
  const facts = (n: number) => ({
    at: new Date(Date.UTC(2027, 0, n)),
    actorAccountId: null,
    actingForState: 'CHL',
    actingForOrganisation: null,
    action: 'test.act',
    subjectType: 'thing',
    subjectId: String(n),
    digest: 'd'.repeat(64),
    details: { n },
  });
  const chain = (count: number): AuditLink[] => {
    const links: AuditLink[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= count; seq++) {
      const f = facts(seq);
      const hash = linkHash(seq, prev, f);
      links.push({ ...f, seq, prevHash: prev, hash });
      prev = hash;
    }
    return links;
  };

  it('accepts an intact chain', () => expect(firstBrokenLink(chain(5))).toBeNull());
  it('names a link whose facts were changed', () => {
    const links = chain(5);
    links[2] = { ...links[2]!, actingForState: 'ARG' };
    expect(firstBrokenLink(links)).toEqual({ seq: 3, reason: 'hash does not match the event' });
  });
  it('names the link after a removed one', () => {
    const links = chain(5);
    links.splice(1, 1);
    expect(firstBrokenLink(links)?.seq).toBe(3);
  });
  it('names a link re-hashed without its successor', () => {
    const links = chain(4);
    const changed = { ...links[1]!, details: { n: 99 } };
    links[1] = { ...changed, hash: linkHash(2, changed.prevHash, changed) };
    expect(firstBrokenLink(links)).toEqual({ seq: 3, reason: 'does not point at the previous link' });
  });
});

describe('the audit chain in the database', () => {
  it('refuses any UPDATE or DELETE of an audit event at the database level', async () => {
    const db = p.ctx.database.db;
    await makeAccount(p.ctx, p.app, { role: 'chair' });
    await expect(db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toSatisfy((e: unknown) => /immutable/.test(String((e as { cause?: unknown }).cause ?? e)));
    await expect(db.execute(sql`DELETE FROM audit_events WHERE seq = 1`)).rejects.toSatisfy((e: unknown) => /immutable/.test(String((e as { cause?: unknown }).cause ?? e)));
  });

  it('records every change with who acted and for which State, and verifies', async () => {
    const fp = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' });
    const c = await signedIn(p.app, fp);
    await c.post('/api/v1/invitations', { email: `d.${Date.now()}@example.org`, name: 'D', role: 'delegate', state: 'CHL' });
    const events = await p.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'accounts.invite'));
    const byFocalPoint = events.find((e) => e.actorAccountId === fp.id)!;
    expect(byFocalPoint.actingForState).toBe('CHL');
    expect(JSON.stringify(byFocalPoint.details)).not.toMatch(/password/i);
    const report = await verifyAuditChain(p.ctx.database.db);
    expect(report.broken).toBeNull();
    expect(report.events).toBeGreaterThan(3);
    expect(describeChainReport(report)).toMatch(/intact/);
  });

  it('keeps the chain whole when many changes commit at once', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => makeAccount(p.ctx, p.app, { role: 'delegate', state: 'PER', name: `Concurrent ${i}` })));
    expect((await verifyAuditChain(p.ctx.database.db, 7)).broken).toBeNull();
  });

  it('fails verification, naming the link, when a row is changed behind the platform’s back', async () => {
    const db = p.ctx.database.db;
    const [target] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'accounts.invite')).limit(1);
    // someone with the database's own rights: the immutability trigger must be switched off first
    await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable`);
    await db.execute(sql`UPDATE audit_events SET details = '{"email":"someone-else@example.org"}'::jsonb WHERE seq = ${target!.seq}`);
    const report = await verifyAuditChain(db);
    expect(report.broken?.seq).toBe(target!.seq);
    expect(describeChainReport(report)).toMatch(new RegExp(`BROKEN at event #${target!.seq}`));
  });

  it('fails verification when the last events are deleted', async () => {
    const fresh = await testPlatform();
    try {
      await makeAccount(fresh.ctx, fresh.app, { role: 'chair' });
      const db = fresh.ctx.database.db;
      expect((await verifyAuditChain(db)).broken).toBeNull();
      await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable`);
      await db.execute(sql`DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)`);
      expect((await verifyAuditChain(db)).broken?.reason).toMatch(/missing/);
    } finally {
      await fresh.close();
    }
  });
});
