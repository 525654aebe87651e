/**
 * One budget of bytes for every answer cache of the process (`VersionedCache`, `VersionedMemo`), least
 * recently used first out: the caches are kept per route and per kind of reader, and some answers are
 * large (an analysis of a cycle or of capacity-building is 0.5-0.7 MB, kept uncompressed and in each
 * coding), so a count of entries bounds nothing. Set at start from `CACHE_MAX_MB` (README, "Memory and
 * start-up"); an entry larger than an eighth of the budget is served but not kept, so that one answer
 * cannot empty the cache of everything else.
 */
export interface Charged {
  /** Called when the budget drops the entry: its cache forgets it. */
  evict(): void;
}

export class CacheBudget {
  /** Insertion order is recency: a use moves the entry to the end. */
  private readonly entries = new Map<Charged, number>();
  private used = 0;
  constructor(private maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get limit(): number {
    return this.maxBytes;
  }

  setLimit(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.trim();
  }

  /** Whether an entry of this size may be kept at all. */
  fits(bytes: number): boolean {
    return bytes <= this.maxBytes / 8;
  }

  /** Counts `bytes` more for the entry (made, or a coding added) and marks it used; drops the oldest beyond the budget. */
  charge(entry: Charged, bytes: number): void {
    const had = this.entries.get(entry) ?? 0;
    this.entries.delete(entry);
    this.entries.set(entry, had + bytes);
    this.used += bytes;
    this.trim(entry);
  }

  /** Marks the entry used. */
  touch(entry: Charged): void {
    const had = this.entries.get(entry);
    if (had === undefined) return;
    this.entries.delete(entry);
    this.entries.set(entry, had);
  }

  /** The entry is gone (replaced, failed): its bytes are free. */
  release(entry: Charged): void {
    const had = this.entries.get(entry);
    if (had === undefined) return;
    this.entries.delete(entry);
    this.used -= had;
  }

  private trim(keep?: Charged): void {
    for (const [entry, bytes] of this.entries) {
      if (this.used <= this.maxBytes) return;
      if (entry === keep) continue;
      this.entries.delete(entry);
      this.used -= bytes;
      entry.evict();
    }
  }
}

/** The default budget, when CACHE_MAX_MB is not set. */
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/** The process's one budget (set from the configuration at start). */
export const answerCacheBudget = new CacheBudget(DEFAULT_CACHE_MAX_BYTES);
