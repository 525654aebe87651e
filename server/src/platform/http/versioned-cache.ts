import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerCacheBudget, type CacheBudget, type Charged } from './cache-budget.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;
type Coding = 'br' | 'gzip';
const COMPRESS: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  // Made once per version of a body, off the main thread (zlib's thread pool): the best ratio is affordable.
  br: (body) => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzip(body, { level: 9 }),
};

/**
 * The content coding to send, from Accept-Encoding (RFC 9110 §12.5.3): brotli, else gzip, else none;
 * a coding with q=0 is refused, and `*` stands for any coding not named.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((w) => w !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (coding: string) => (q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

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
    /** An answer for one kind of signed-in reader: kept here only, never by a browser or a proxy (no ETag, `private, no-store`). */
    options: { personal?: boolean } = {},
  ): Promise<FastifyReply> {
    const v = version();
    const current = String(typeof v === 'object' ? await v : v);
    let entry = this.entries.get(key);
    if (!entry || entry.version !== current) {
      const body = produce().then((value) => Buffer.from(JSON.stringify(value)));
      const made: Entry = {
        version: current,
        body,
        etag: createHash('sha256').update(current).update(key).digest('base64url').slice(0, 22),
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
    if (held && held.split(',').some((t) => t.trim().replace(/^W\//, '').replace(/-(?:br|gzip)"$/, '"') === `"${entry.etag}"`)) return reply.code(304).send();
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
      made = entry.coded[coding] = COMPRESS[coding](body);
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
