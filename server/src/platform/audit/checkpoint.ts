import { asc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../db/database.js';
import { canonicalJson } from './canonical.js';
import { auditCheckpoints, auditEvents, auditHead } from './tables.js';
import { auditVerifier, type AuditSigner, type AuditVerifier } from './signing-key.js';

/** A signed statement that the chain had `seq` events, the last with `hash`, at time `at`. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

/** A checkpoint as the API answers it (the published list, an outcome's record). */
export const CheckpointSchema = z.object({
    seq: z.number().int().describe('Number of events in the chain when signed'),
    hash: z.string().describe('Hash of event #seq, the head of the chain when signed'),
    at: z.string().describe('When it was signed (ISO 8601, UTC)'),
    keyId: z.string().describe('SHA-256 of the signing public key (SPKI DER), hex'),
    signature: z.string().describe('Ed25519 signature (base64) of the canonical JSON {"at","hash","kind":"poa-audit-checkpoint","seq"}, keys sorted'),
  });

/** What is signed: the same bytes for the same facts, whoever checks (canonical JSON). */
export const checkpointStatement = (c: { seq: number; hash: string; at: string }): string =>
  canonicalJson({ kind: 'poa-audit-checkpoint', seq: c.seq, hash: c.hash, at: c.at });

const toCheckpoint = (row: typeof auditCheckpoints.$inferSelect): Checkpoint => ({
  seq: row.seq,
  hash: row.hash,
  at: row.at.toISOString(),
  keyId: row.keyId,
  signature: row.signature,
});

/**
 * Signs the chain's head as it stands in this transaction (locking it, so no append slips between the
 * head read and the checkpoint). Nothing happens for an empty chain or a head already checkpointed.
 */
export async function signAuditCheckpoint(tx: Tx, signer: AuditSigner, now: Date = new Date()): Promise<Checkpoint | null> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) return null;
  const at = now.toISOString();
  const checkpoint = { seq: head.seq, hash: head.hash, at, keyId: signer.keyId, signature: signer.sign(checkpointStatement({ seq: head.seq, hash: head.hash, at })) };
  const inserted = await tx
    .insert(auditCheckpoints)
    .values({ ...checkpoint, at: now })
    .onConflictDoNothing()
    .returning({ seq: auditCheckpoints.seq });
  return inserted.length > 0 ? checkpoint : null;
}

/** Every checkpoint, oldest first: what the platform publishes. */
export async function listAuditCheckpoints(db: Executor): Promise<Checkpoint[]> {
  return (await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq))).map(toCheckpoint);
}

/** The first checkpoint signed once the chain held event #seq (e.g. an outcome's adoption): it anchors that event. */
export async function checkpointCovering(db: Executor, seq: number): Promise<Checkpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).where(gte(auditCheckpoints.seq, seq)).orderBy(asc(auditCheckpoints.seq)).limit(1);
  return row ? toCheckpoint(row) : null;
}

export interface CheckpointProblem {
  seq: number;
  at: string;
  reason: string;
}

/**
 * Checks checkpoints against the chain as it stands: each must be signed by a trusted key and name
 * an event the chain still has, with the same hash. A chain cut short after a checkpoint lacks the
 * event; a chain re-hashed from an edited event onwards has another hash there; a checkpoint forged
 * or edited in the database fails its signature.
 */
export async function checkAgainstCheckpoints(db: Db, checkpoints: readonly Checkpoint[], trusted: readonly AuditVerifier[]): Promise<CheckpointProblem[]> {
  const problems: CheckpointProblem[] = [];
  const keys = new Map(trusted.map((k) => [k.keyId, k]));
  const signed: Checkpoint[] = [];
  for (const c of checkpoints) {
    const key = keys.get(c.keyId);
    if (!key) problems.push({ seq: c.seq, at: c.at, reason: `signed by a key that is not trusted (${c.keyId.slice(0, 16)}…)` });
    else if (!key.verify(checkpointStatement(c), c.signature)) problems.push({ seq: c.seq, at: c.at, reason: 'its signature does not match what it states: it was forged or altered' });
    else signed.push(c);
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const found = new Map<number, string>();
  for (let i = 0; i < signed.length; i += 1000) {
    const seqs = signed.slice(i, i + 1000).map((c) => c.seq);
    for (const row of await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(inArray(auditEvents.seq, seqs))) found.set(row.seq, row.hash);
  }
  for (const c of signed) {
    const hash = found.get(c.seq);
    if (hash === undefined) problems.push({ seq: c.seq, at: c.at, reason: `the chain has no event #${c.seq} (it ends at ${head?.seq ?? 0}): events were removed` });
    else if (hash !== c.hash) problems.push({ seq: c.seq, at: c.at, reason: `event #${c.seq} no longer has the hash signed on ${c.at}: the chain was rewritten` });
  }
  return problems.sort((a, b) => a.seq - b.seq);
}

/** Checkpoints with the keys trusted to have signed them, and where they come from (for people). */
export interface CheckpointSource {
  label: string;
  checkpoints: Checkpoint[];
  trusted: AuditVerifier[];
}

const PublishedCheckpoints = z.object({
  publicKey: z.string(),
  checkpoints: z.array(z.object({ seq: z.number().int().positive(), hash: z.string(), at: z.string(), keyId: z.string(), signature: z.string() })),
});

/**
 * A copy of GET /api/v1/audit/checkpoints kept by an outside party: its checkpoints, trusted under the
 * public key in the copy itself (the key they received then, not whatever the database says now).
 */
export function checkpointsFromPublishedCopy(label: string, json: string): CheckpointSource {
  let parsed: z.infer<typeof PublishedCheckpoints>;
  try {
    parsed = PublishedCheckpoints.parse(JSON.parse(json));
  } catch (error) {
    const why = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.') || 'the document'}: ${i.message}`).join('; ') : error instanceof Error ? error.message : String(error);
    throw new Error(`${label} is not a copy of /api/v1/audit/checkpoints (${why})`);
  }
  return { label, checkpoints: parsed.checkpoints, trusted: [auditVerifier(parsed.publicKey)] };
}
