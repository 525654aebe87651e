import { canonicalJson, sha256Hex } from './canonical.js';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFacts {
  at: Date;
  actorAccountId: string | null;
  actingForState: string | null;
  actingForOrganisation: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** SHA-256 of the canonical JSON of what changed. */
  digest: string;
  /** What is recorded of the change for people to read (never secrets); the digest may cover more. */
  details: unknown;
}

export interface AuditLink extends AuditFacts {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash of one link: it covers the event's facts and the previous link's hash. */
export function linkHash(seq: number, prevHash: string, facts: AuditFacts): string {
  return sha256Hex(
    canonicalJson({
      seq,
      prevHash,
      at: facts.at.toISOString(),
      actorAccountId: facts.actorAccountId,
      actingForState: facts.actingForState,
      actingForOrganisation: facts.actingForOrganisation,
      action: facts.action,
      subjectType: facts.subjectType,
      subjectId: facts.subjectId,
      digest: facts.digest,
      details: facts.details,
    }),
  );
}

export type BrokenLink = { seq: number; reason: string };

/**
 * Checks links in order, continuing from (prevSeq, prevHash). Returns the first broken link, or null.
 * A link is broken when its sequence skips, it does not point at the previous hash,
 * or its own hash does not match its facts.
 */
export function firstBrokenLink(
  links: readonly AuditLink[],
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): BrokenLink | null {
  let prev = from;
  for (const link of links) {
    if (link.seq !== prev.seq + 1) return { seq: link.seq, reason: `sequence jumps from ${prev.seq} to ${link.seq}` };
    if (link.prevHash !== prev.hash) return { seq: link.seq, reason: 'does not point at the previous link' };
    if (linkHash(link.seq, link.prevHash, link) !== link.hash) return { seq: link.seq, reason: 'hash does not match the event' };
    prev = { seq: link.seq, hash: link.hash };
  }
  return null;
}
