import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;

export type Coding = 'br' | 'gzip';

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

/**
 * A body compressed once and kept (the cached answers, `VersionedCache`): the best ratio is affordable,
 * off the main thread (zlib's thread pool).
 */
export const compressKept: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzip(body, { level: 9 }),
};

/**
 * A body compressed for one answer only, on zlib's thread pool: settings whose cost stays well under the
 * time the smaller body saves on the wire. Measured on a 21 KB reporting cycle: brotli 5 makes it 4.6 KB
 * and gzip 6 4.9 KB, in about 0.3 ms each; brotli 9 (the kept answers' setting) takes about 6 ms for the
 * same 4.6 KB, and brotli 11 about 30 ms for 3.8 KB.
 */
const compressOnce: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzip(body, { level: 6 }),
};

/** Text formats the API answers in (JSON, problem+json, CSV, iCalendar, Atom and other XML): the rest (PDF, images) is compressed already or streamed. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|[\w.+-]+\+(?:json|xml))\b)/i;

/** A strong ETag of the uncompressed body, made the ETag of its compressed representation (RFC 9110 §8.8.3.3: a different representation, a different tag). */
export const codedEtag = (etag: string, coding: Coding): string => etag.replace(/"$/, `-${coding}"`);

/** An entity tag as a client sent it, without a weak mark or the coding a compressed representation added: the data it stands for. */
export const bareEtag = (tag: string): string =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/-(?:br|gzip)"$/, '"');

/**
 * The one place where an answer's body is compressed for the client that accepts it (an onSend hook that
 * runs last, after the conditional answer and the idempotency store have seen the plain body): every
 * answer in a text format of COMPRESS_FROM_BYTES or more, unless its route compressed it already (the
 * cached answers and the web app keep their compressed bytes and set Content-Encoding themselves). The
 * answer then varies by Accept-Encoding, and a strong ETag gains the coding's name.
 */
export async function compressAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (reply.statusCode < 200 || reply.statusCode === 204 || reply.statusCode === 206 || reply.statusCode === 304) return payload;
  if (reply.hasHeader('content-encoding') || reply.hasHeader('content-range')) return payload;
  if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length < COMPRESS_FROM_BYTES) return payload;
  reply.header('vary', withVary(reply.getHeader('vary'), 'Accept-Encoding'));
  const coding = chooseCoding(request.headers['accept-encoding']);
  if (!coding) return payload;
  const compressed = await compressOnce[coding](body);
  reply.header('content-encoding', coding);
  reply.removeHeader('content-length');
  const etag = reply.getHeader('etag');
  if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', codedEtag(etag, coding));
  return compressed;
}

function withVary(current: unknown, field: string): string {
  const fields = String(current ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.some((f) => f.toLowerCase() === field.toLowerCase() || f === '*') ? fields.join(', ') : [...fields, field].join(', ');
}
