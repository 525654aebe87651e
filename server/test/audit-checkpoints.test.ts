import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount } from './support/client.js';
import { verifyAuditChain } from '../src/platform/audit/record.js';
import { auditEvents, auditHead } from '../src/platform/audit/tables.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { linkHash } from '../src/platform/audit/chain.js';
import { checkpointStatement, checkpointsFromPublishedCopy, listAuditCheckpoints, signAuditCheckpoint, type CheckpointSource } from '../src/platform/audit/checkpoint.js';
import { auditVerifier, createAuditKeyFile, loadAuditSigner, newAuditKeyPem } from '../src/platform/audit/signing-key.js';
import { AUDIT_CHECKPOINT_JOB, dailyCheckpointHandler, scheduleDailyCheckpoints } from '../src/platform/audit/daily-checkpoint.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { describeRecord, verifyRecord } from '../src/record.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('checkpoint signatures (pure)', () => {
  const signer = loadAuditSigner({ pem: newAuditKeyPem() }, { create: false })!;
  const statement = checkpointStatement({ seq: 7, hash: 'a'.repeat(64), at: '2027-01-01T00:00:00.000Z' });

  it('verifies under the signing key, and nothing else', () => {
    const signature = signer.sign(statement);
    expect(auditVerifier(signer.publicKeyPem).verify(statement, signature)).toBe(true);
    expect(auditVerifier(signer.publicKeyPem).keyId).toBe(signer.keyId);
    const other = loadAuditSigner({ pem: newAuditKeyPem() }, { create: false })!;
    expect(auditVerifier(other.publicKeyPem).verify(statement, signature)).toBe(false);
    const altered = checkpointStatement({ seq: 6, hash: 'a'.repeat(64), at: '2027-01-01T00:00:00.000Z' });
    expect(auditVerifier(signer.publicKeyPem).verify(altered, signature)).toBe(false);
    expect(auditVerifier(signer.publicKeyPem).verify(statement, 'not base64 at all')).toBe(false);
  });

  it('makes a key file once, readable by its owner only, and never overwrites it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'poa-key-')), 'key.pem');
    const made = createAuditKeyFile(file);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(() => createAuditKeyFile(file)).toThrow(/EEXIST/);
    expect(loadAuditSigner({ file }, { create: false })!.keyId).toBe(made.keyId);
    expect(loadAuditSigner({ file: `${file}.missing` }, { create: false })).toBeNull();
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('refuses a key that is not Ed25519, and a published copy that is not one', () => {
    expect(() => auditVerifier('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEA\n-----END PUBLIC KEY-----')).toThrow();
    expect(() => checkpointsFromPublishedCopy('copy.json', '{"checkpoints": 3}')).toThrow(/copy\.json is not a copy/);
  });
});

describe('the audit chain against its checkpoints', () => {
  let p: TestPlatform;
  beforeEach(async () => {
    p = await testPlatform();
    for (const role of ['chair', 'delegate', 'delegate'] as const) await makeAccount(p.ctx, p.app, { role, ...(role === 'delegate' ? { state: 'PER' } : {}) });
  });
  afterEach(() => p.close());

  const db = () => p.ctx.database.db;
  const own = async (): Promise<CheckpointSource> => ({ label: 'database', checkpoints: await listAuditCheckpoints(db()), trusted: [auditVerifier(p.ctx.auditSigner.publicKeyPem)] });
  const checkpointNow = () => db().transaction((tx) => signAuditCheckpoint(tx, p.ctx.auditSigner));
  /** Someone with the database's own rights switches the immutability triggers off. */
  const withoutTriggers = async () => {
    await db().execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable`);
    await db().execute(sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_immutable`);
  };
  /** Edits event `seq` and re-hashes every event from it to the head, moving the head: a chain consistent in itself. */
  const rewriteFrom = async (seq: number) => {
    const rows = await db().select().from(auditEvents).where(sql`${auditEvents.seq} >= ${seq - 1}`).orderBy(asc(auditEvents.seq));
    let prevHash = rows[0]!.seq === seq - 1 ? rows[0]!.hash : '0'.repeat(64);
    for (const row of rows.filter((r) => r.seq >= seq)) {
      const facts = { ...row, details: row.seq === seq ? { rewritten: true } : row.details };
      const hash = linkHash(row.seq, prevHash, facts);
      await db().execute(sql`UPDATE audit_events SET details = ${JSON.stringify(facts.details)}::jsonb, prev_hash = ${prevHash}, hash = ${hash} WHERE seq = ${row.seq}`);
      prevHash = hash;
    }
    await db().execute(sql`UPDATE audit_head SET hash = ${prevHash} WHERE id = 1`);
  };

  it('an intact chain matches its checkpoints; a second checkpoint of the same head is not written', async () => {
    const first = await checkpointNow();
    expect(first).not.toBeNull();
    expect(await checkpointNow()).toBeNull();
    const report = await verifyRecord(db(), [await own()]);
    expect(report.intact).toBe(true);
    expect(describeRecord(report)).toMatch(/matches all 1 signed checkpoints/);
  });

  it('finds a chain cut short with its head moved back, which the chain alone cannot', async () => {
    const signed = (await checkpointNow())!;
    await withoutTriggers();
    const [previous] = await db().select().from(auditEvents).where(sql`${auditEvents.seq} = ${signed.seq - 1}`);
    await db().execute(sql`DELETE FROM audit_events WHERE seq = ${signed.seq}`);
    await db().execute(sql`UPDATE audit_head SET seq = ${previous!.seq}, hash = ${previous!.hash} WHERE id = 1`);
    expect((await verifyAuditChain(db())).broken).toBeNull();
    const report = await verifyRecord(db(), [await own()]);
    expect(report.intact).toBe(false);
    expect(report.checkpoints[0]!.problems).toEqual([expect.objectContaining({ seq: signed.seq, reason: expect.stringMatching(/events were removed/) })]);
    expect(describeRecord(report)).toMatch(new RegExp(`checkpoint #${signed.seq} .* FAILS`));
  });

  it('finds a chain re-hashed from an edited event onwards', async () => {
    const signed = (await checkpointNow())!;
    await withoutTriggers();
    await rewriteFrom(2);
    expect((await verifyAuditChain(db())).broken).toBeNull();
    const report = await verifyRecord(db(), [await own()]);
    expect(report.intact).toBe(false);
    expect(report.checkpoints[0]!.problems[0]).toMatchObject({ seq: signed.seq, reason: expect.stringMatching(/rewritten/) });
  });

  it('refuses a forged checkpoint: signed with another key, or edited after signing', async () => {
    const signed = (await checkpointNow())!;
    await withoutTriggers();
    await rewriteFrom(2);
    const [head] = await db().select().from(auditHead);
    // The forger's own key signs the rewritten head …
    const forger = loadAuditSigner({ pem: newAuditKeyPem() }, { create: false })!;
    await db().execute(sql`DELETE FROM audit_checkpoints`);
    await db().transaction((tx) => signAuditCheckpoint(tx, forger));
    let report = await verifyRecord(db(), [await own()]);
    expect(report.checkpoints[0]!.problems[0]!.reason).toMatch(/not trusted/);
    // … or the real checkpoint's hash is edited to the rewritten head, keeping its signature.
    await db().execute(sql`DELETE FROM audit_checkpoints`);
    await db().execute(sql`INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (${head!.seq}, ${head!.hash}, ${signed.at}, ${signed.keyId}, ${signed.signature})`);
    report = await verifyRecord(db(), [await own()]);
    expect(report.intact).toBe(false);
    expect(report.checkpoints[0]!.problems[0]!.reason).toMatch(/forged or altered/);
  });

  it('a copy of the published checkpoints, kept outside, finds a rewrite even when the database lost every checkpoint', async () => {
    await checkpointNow();
    const published = await new Client(p.app).get('/api/v1/audit/checkpoints');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ algorithm: 'Ed25519', keyId: p.ctx.auditSigner.keyId, checkpoints: [expect.objectContaining({ keyId: p.ctx.auditSigner.keyId })] });
    const copy = checkpointsFromPublishedCopy('kept.json', JSON.stringify(published.body));
    await withoutTriggers();
    await db().execute(sql`DELETE FROM audit_checkpoints`);
    await rewriteFrom(1);
    expect((await verifyRecord(db(), [await own()])).intact).toBe(true);
    const report = await verifyRecord(db(), [await own(), copy]);
    expect(report.intact).toBe(false);
    expect(describeRecord(report)).toMatch(/kept\.json: checkpoint #\d+ of .* FAILS: event #\d+ no longer has the hash/);
  });

  it('signs at least daily: one job per UTC day however often the platform starts, each signing the head', async () => {
    const now = new Date();
    await scheduleDailyCheckpoints(db(), now);
    await scheduleDailyCheckpoints(db(), now);
    const scheduled = await db().select({ key: jobs.key }).from(jobs).where(eq(jobs.kind, AUDIT_CHECKPOINT_JOB));
    expect(scheduled.map((j) => j.key)).toHaveLength(2);
    const handlers = { [AUDIT_CHECKPOINT_JOB]: dailyCheckpointHandler(p.ctx.auditSigner, () => now) };
    expect(await runOneJob(db(), handlers, () => now)).toBe(true);
    expect(await runOneJob(db(), handlers, () => now)).toBe(false);
    expect(await listAuditCheckpoints(db())).toHaveLength(1);
    // Tomorrow's job runs tomorrow and writes the day after's.
    const tomorrow = new Date(now.getTime() + 86_400_000);
    await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'PER' });
    expect(await runOneJob(db(), { [AUDIT_CHECKPOINT_JOB]: dailyCheckpointHandler(p.ctx.auditSigner, () => tomorrow) }, () => tomorrow)).toBe(true);
    expect(await listAuditCheckpoints(db())).toHaveLength(2);
    const keys = await db().select({ key: jobs.key }).from(jobs).where(and(eq(jobs.kind, AUDIT_CHECKPOINT_JOB), eq(jobs.status, 'pending')));
    expect(keys.map((k) => k.key)).toEqual([`${AUDIT_CHECKPOINT_JOB}:${new Date(tomorrow.getTime() + 86_400_000).toISOString().slice(0, 10)}`]);
  });
});
