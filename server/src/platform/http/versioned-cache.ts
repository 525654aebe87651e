import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerCacheBudget, type CacheBudget, type Charged } from './cache-budget.js';
import { bareEtag, chooseCoding, COMPRESS_FROM_BYTES, compressKept, type Coding } from './compression.js';

export { chooseCoding } from './compression.js';

interface Entry extends Charged {
  version: string;
  body: Promise<Buffer>;
  /** The ETag of the uncompressed body; a compressed one adds its coding (a different representation). */
  etag: string;
  coded: Partial<Record<Coding, Promise<Buffer>>>;
}

/**
 * Public reads of data that changes rarely (the States, the framework) are served from a small cache
 * of serialized bodies, keyed by the request and checked against the version of the data behind it. The
 * version comes from memory (`DataVersions`: a counter the writes bump in their transaction, heard by
 * every process through LISTEN/NOTIFY), so a fresh answer costs no query, and nothing stale is served in
 * any process of a cluster. The version is also the ETag: a client that has the current body gets 304
 * with no body. The gzip and brotli bytes are made once per version and kept beside the body.
 * Every byte kept (the body and each coding) counts against the process's one budget (`cache-budget.ts`),
 * which drops the least recently used entries of all caches beyond it; `maxEntries` bounds the count too.
 */
export class VersionedCache {
  /** The body is a promise: requests that arrive while it is being made wait for it, not make it again. */
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly maxEntries = 500,
    private readonly budget: CacheBudget = answerCacheBudget,
  ) {}

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private forget(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  /** Counts a kept body or coding once it is made; one too large for the budget is served but not kept. */
  private charge(key: string, entry: Entry, bytes: number): void {
    if (this.entries.get(key) !== entry) return;
    if (!this.budget.fits(bytes)) {
      this.budget.release(entry);
      this.forget(key, entry);
      return;
    }
    this.budget.charge(entry, bytes);
  }

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    version: () => string | number | Promise<string | number>,
    produce: () => Promise<unknown>,
    /**
     * `personal`: an answer for one kind of signed-in reader, kept here only, never by a browser or a
     * proxy (no ETag, `private, no-store`). `etag`: the data's own strong tag (a record's version, `"5"`,
     * which its writes take back as If-Match) in place of one made from the version and the key.
     */
    options: { personal?: boolean; etag?: string } = {},
  ): Promise<FastifyReply> {
    const v = version();
    const current = String(typeof v === 'object' ? await v : v);
    let entry = this.entries.get(key);
    if (!entry || entry.version !== current) {
      const body = produce().then((value) => Buffer.from(JSON.stringify(value)));
      const made: Entry = {
        version: current,
        body,
        etag: options.etag ? options.etag.replace(/^"|"$/g, '') : createHash('sha256').update(current).update(key).digest('base64url').slice(0, 22),
        coded: {},
        evict: () => this.forget(key, made),
      };
      // A failure is not kept: the next request tries again.
      body.then(
        (bytes) => this.charge(key, made, bytes.length),
        () => {
          this.budget.release(made);
          this.forget(key, made);
        },
      );
      if (entry) this.budget.release(entry);
      else if (this.entries.size >= this.maxEntries) {
        const [oldestKey, oldest] = this.entries.entries().next().value!;
        this.budget.release(oldest);
        this.entries.delete(oldestKey);
      }
      this.entries.set(key, made);
      entry = made;
    } else this.budget.touch(entry);
    const body = await entry.body;
    const coding = body.length >= COMPRESS_FROM_BYTES ? chooseCoding(request.headers['accept-encoding']) : null;
    if (options.personal) {
      reply.header('cache-control', 'private, no-store');
      reply.header('vary', 'Accept-Encoding');
      reply.type('application/json; charset=utf-8');
      if (!coding) return reply.send(body);
      reply.header('content-encoding', coding);
      return reply.send(await this.coded(key, entry, coding, body));
    }
    const etag = coding ? `"${entry.etag}-${coding}"` : `"${entry.etag}"`;
    reply.header('etag', etag);
    reply.header('cache-control', 'public, no-cache');
    reply.header('vary', 'Accept-Encoding');
    // A client that holds this body in another coding holds the same data: it is as fresh (RFC 9110 §8.8.3.2, weak comparison).
    const held = request.headers['if-none-match'];
    if (held && held.split(',').some((t) => bareEtag(t) === `"${entry.etag}"`)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    if (!coding) return reply.send(body);
    const compressed = this.coded(key, entry, coding, body);
    reply.header('content-encoding', coding);
    return reply.send(await compressed);
  }

  /** The body in a coding, made once per entry and counted against the budget once made. */
  private coded(key: string, entry: Entry, coding: Coding, body: Buffer): Promise<Buffer> {
    let made = entry.coded[coding];
    if (!made) {
      made = entry.coded[coding] = compressKept[coding](body);
      made.then(
        (bytes) => this.charge(key, entry, bytes.length),
        () => delete entry.coded[coding],
      );
    }
    return made;
  }
}

/** A rough size of a value kept in memory: its JSON's length (the objects themselves take more, within a small factor). */
function estimatedBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return 0;
  }
}

/**
 * Values read from data that changes rarely, kept per key for as long as the data's version stands:
 * the reads whose answer also depends on the caller (its `can` block) keep the data here and build the
 * answer per request, with no query while nothing changed. A failed read is not kept. Each value counts
 * against the process's cache budget by the length of its JSON, measured once when it is read.
 */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> } & Charged>();
  constructor(
    private readonly maxEntries = 1000,
    private readonly budget: CacheBudget = answerCacheBudget,
  ) {}

  async get(key: string, version: string | number | Promise<string | number>, produce: () => Promise<T>): Promise<T> {
    const current = String(typeof version === 'object' ? await version : version);
    const kept = this.entries.get(key);
    if (kept && kept.version === current) {
      this.budget.touch(kept);
      return kept.value;
    }
    const value = produce();
    const forget = () => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    };
    const made = { version: current, value, evict: forget };
    value.then(
      (v) => {
        if (this.entries.get(key) !== made) return;
        const bytes = estimatedBytes(v);
        if (this.budget.fits(bytes)) this.budget.charge(made, bytes);
        else forget();
      },
      () => {
        this.budget.release(made);
        forget();
      },
    );
    if (kept) this.budget.release(kept);
    else if (this.entries.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.budget.release(oldest);
      this.entries.delete(oldestKey);
    }
    this.entries.set(key, made);
    return value;
  }
}
