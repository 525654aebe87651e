/**
 * The results of reachability checks: how fast each point of contact answered, in the buckets the
 * PoA reports (within 1 hour, 24 hours, 72 hours, or never), summed per check, per State and per
 * regional group. Pure: the caller brings the rows.
 */
export const BUCKETS = ['1h', '24h', '72h', 'never'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface TargetFacts {
  sentAt: Date | null;
  answeredAt: Date | null;
}

/** Minutes from the message to the answer; null when not answered (or never messaged). */
export const responseMinutes = (t: TargetFacts): number | null =>
  t.sentAt && t.answeredAt ? Math.max(0, Math.round((t.answeredAt.getTime() - t.sentAt.getTime()) / 60_000)) : null;

/** An answer later than 72 hours counts as none: a crisis line that answers after three days did not answer. */
export function bucketOf(t: TargetFacts): Bucket {
  const m = responseMinutes(t);
  if (m === null) return 'never';
  if (m <= 60) return '1h';
  if (m <= 24 * 60) return '24h';
  if (m <= 72 * 60) return '72h';
  return 'never';
}

export type Tally = Record<Bucket, number> & { total: number };

export function tally(targets: readonly TargetFacts[]): Tally {
  const t: Tally = { '1h': 0, '24h': 0, '72h': 0, never: 0, total: 0 };
  for (const target of targets) {
    t[bucketOf(target)] += 1;
    t.total += 1;
  }
  return t;
}

/** Tallies grouped by a key (a State, a regional group), in the key's order. */
export function tallyBy<T extends TargetFacts>(targets: readonly T[], keyOf: (t: T) => string): { key: string; tally: Tally }[] {
  const groups = new Map<string, T[]>();
  for (const t of targets) {
    const key = keyOf(t);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.keys()].sort().map((key) => ({ key, tally: tally(groups.get(key)!) }));
}
