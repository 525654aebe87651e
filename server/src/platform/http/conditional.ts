import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bareEtag } from './compression.js';

/**
 * What the platform knows of the public datasets among its routes, so that a mirror can poll them
 * cheaply: which routes serve one, and when the data behind a route's answer last changed (null when
 * that cannot be said from the recorded changes alone, e.g. an answer that also depends on the clock).
 */
export interface Datasets {
  serves(routeUrl: string): boolean;
  lastModified(routeUrl: string): Promise<Date | null>;
}

/** A change younger than this gets no Last-Modified: HTTP dates have whole seconds, and a second change in the same second would look unchanged. */
const SETTLED_MS = 2_000;

/**
 * Conditional GETs for the public datasets (RFC 9110): every answer to the public carries a strong ETag
 * (a digest of the bytes, unless the route gave one) and Last-Modified when it is known;
 * If-None-Match (which wins when both are sent) or If-Modified-Since then answer 304 with no body; a tag
 * held in another coding (`compression.ts` adds the coding to it) stands for the same data. A
 * public dataset is `public, no-cache`: any cache may keep it, and must revalidate it.
 */
export async function answerConditionally(request: FastifyRequest, reply: FastifyReply, payload: unknown, datasets: Datasets): Promise<unknown> {
  if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
  const route = request.routeOptions.url;
  if (!route || !datasets.serves(route)) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  // A signed-in answer may hold what only its reader sees: it is `private, no-store`, and never revalidated by what the public polls.
  if (request.actor !== null) return payload;
  if (!reply.hasHeader('etag')) reply.header('etag', `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`);
  const etag = String(reply.getHeader('etag'));
  let lastModified: Date | null = null;
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, no-cache');
  const changed = await datasets.lastModified(route);
  if (changed && Date.now() - changed.getTime() >= SETTLED_MS) {
    lastModified = new Date(Math.floor(changed.getTime() / 1000) * 1000);
    reply.header('last-modified', lastModified.toUTCString());
  }
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const unchanged =
    ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((t) => t.trim() === '*' || bareEtag(t) === bareEtag(etag))
      : ifModifiedSince !== undefined && lastModified !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (!unchanged) return payload;
  reply.code(304);
  reply.removeHeader('content-length');
  reply.removeHeader('content-type');
  return '';
}
