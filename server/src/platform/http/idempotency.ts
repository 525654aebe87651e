import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '../audit/canonical.js';
import { Problem } from './problem.js';

/** The answer to a request, as it was sent. */
export interface StoredAnswer {
  status: number;
  contentType: string | null;
  headers: Record<string, string>;
  body: string;
}

export type Claim = { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'in-progress' } | { kind: 'mismatch' };

/** Where the answers to requests with an `Idempotency-Key` are kept, per account. */
export interface IdempotencyStore {
  /** Claims the key for this request, or tells what holds it. */
  begin(accountId: string, key: string, fingerprint: string): Promise<Claim>;
  /** Keeps the answer for retries. */
  complete(accountId: string, key: string, answer: StoredAnswer): Promise<void>;
  /** Forgets a claim whose request failed: a retry may try again. */
  release(accountId: string, key: string): Promise<void>;
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Methods that create or change something and are not idempotent by themselves. */
const CREATING = new Set(['POST', 'PATCH']);
/** Visible ASCII, as a UUID or any client-made token would be. */
const KEY = /^[\x21-\x7e]{8,128}$/;
/** Headers a retry needs again: where the created thing is, and its version. */
const KEPT_HEADERS = ['location', 'etag'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request holds, when it is the first with it. */
    idempotencyKey: string | null;
  }
}

/**
 * The key of a signed-in request to a route that says it is idempotent, or null. Other routes ignore
 * the header: anonymous ones (signing in, links from emails) set cookies or use single-use tokens,
 * and some answers hold secrets that must never be stored.
 */
function keyOf(request: FastifyRequest): string | null {
  if (!CREATING.has(request.method) || !request.actor || !request.routeOptions.config.idempotent) return null;
  const given = request.headers[IDEMPOTENCY_HEADER];
  if (given === undefined) return null;
  if (typeof given !== 'string' || !KEY.test(given))
    throw new Problem(400, 'validation', 'The request is not valid', 'Idempotency-Key must be 8 to 128 visible ASCII characters, such as a UUID.', {
      errors: [{ field: 'headers.idempotency-key', message: 'not a valid key' }],
    });
  return given;
}

/** The media type without its parameters (a charset may be written differently on a retry). */
const mediaType = (request: FastifyRequest): string | null => request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? null;

/** The same key may only ever mean the same request: its method, path and body. */
function fingerprintOf(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body) ? request.body.toString('base64') : request.body === undefined ? null : request.body;
  return createHash('sha256')
    .update(canonicalJson({ method: request.method, url: request.url, contentType: mediaType(request), body }))
    .digest('hex');
}

/**
 * Before the handler (and after authorization): a retry gets the first answer again, marked
 * `Idempotent-Replayed: true`; the same key for another request is refused (422); a retry while
 * the first is still being answered is told to wait (409).
 */
export async function replayOrClaim(store: IdempotencyStore, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const key = keyOf(request);
  if (!key || !request.actor) return false;
  const claim = await store.begin(request.actor.accountId, key, fingerprintOf(request));
  switch (claim.kind) {
    case 'new':
      request.idempotencyKey = key;
      return false;
    case 'mismatch':
      throw new Problem(422, 'idempotency-key-reused', 'Idempotency-Key already used', 'This key was used for another request. Use a new key for a new request.');
    case 'in-progress':
      throw new Problem(409, 'idempotency-key-in-use', 'Request still being answered', 'The first request with this key is still being answered. Try again in a moment.', {}, {
        'retry-after': '1',
      });
    case 'replay': {
      const { answer } = claim;
      for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
      reply.header('idempotent-replayed', 'true');
      if (answer.contentType) reply.type(answer.contentType);
      void reply.code(answer.status).serializer((x: unknown) => x as string).send(answer.body);
      return true;
    }
  }
}

/** After the handler: a success is kept for retries; anything else frees the key. */
export async function keepAnswer(store: IdempotencyStore, request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
  const key = request.idempotencyKey;
  if (!key || !request.actor) return;
  request.idempotencyKey = null;
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (reply.statusCode >= 200 && reply.statusCode < 300 && body !== null) {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const contentType = reply.getHeader('content-type');
    await store.complete(request.actor.accountId, key, { status: reply.statusCode, contentType: typeof contentType === 'string' ? contentType : null, headers, body });
  } else {
    await store.release(request.actor.accountId, key);
  }
}
