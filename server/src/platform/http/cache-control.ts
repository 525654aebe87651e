import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * One rule for who may keep an API answer. An answer to a signed-in caller, or one that sets a
 * cookie, depends on who asks (its `can` flags, its private fields, a CSRF token): no shared cache may
 * keep it, whatever the route said, so it is `private` (`no-cache` where an ETag lets the browser
 * revalidate, else `no-store`). An answer to the public keeps the route's own `public, …` when the route
 * chose one, and is `private, no-store` otherwise: nothing is cacheable by accident. Every answer
 * varies by Cookie.
 */
export function setCacheControl(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.url.startsWith('/api/')) return;
  reply.header('vary', appendVary(reply.getHeader('vary'), 'Cookie'));
  const personal = request.actor !== null || reply.hasHeader('set-cookie');
  const chosen = String(reply.getHeader('cache-control') ?? '');
  if (!personal && /^public\b/.test(chosen)) return;
  reply.header('cache-control', personal && reply.hasHeader('etag') ? 'private, no-cache' : 'private, no-store');
}

function appendVary(current: unknown, field: string): string {
  const fields = String(current ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.some((f) => f.toLowerCase() === field.toLowerCase()) ? fields.join(', ') : [...fields, field].join(', ');
}
