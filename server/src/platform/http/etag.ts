import type { FastifyReply, FastifyRequest } from 'fastify';
import { bareEtag } from './compression.js';
import { badRequest, preconditionRequired } from './problem.js';

/** The ETag of a versioned resource. */
export const etagOf = (version: number): string => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/**
 * The version a write is based on, from If-Match; a write without one is refused (428). The tag may be
 * the one of a compressed answer (`"3-br"`, compression.ts): the client sends back what it was given,
 * and it stands for the same version.
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw preconditionRequired();
  const m = /^"(\d{1,9})"$/.exec(bareEtag(header));
  if (!m) throw badRequest('If-Match must be an ETag this API gave you.', [{ field: 'headers.if-match', message: 'not an ETag' }]);
  return Number(m[1]);
}
