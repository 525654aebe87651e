import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public reads of data that changes rarely (the States, the framework) are served from a small cache
 * of serialized bodies, keyed by the request and checked against a version token that one cheap query
 * gives: a change anywhere in the data changes the token, so nothing stale is ever served, and every
 * process of a cluster stays right on its own. The token is also the ETag: a client that has the
 * current body gets 304 with no body.
 */
export class VersionedCache {
  /** The body is a promise: requests that arrive while it is being made wait for it, not make it again. */
  private readonly entries = new Map<string, { version: string; body: Promise<string>; etag: string }>();
  constructor(private readonly maxEntries = 500) {}

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    version: () => Promise<string>,
    produce: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const current = await version();
    let entry = this.entries.get(key);
    if (!entry || entry.version !== current) {
      const body = produce().then((value) => JSON.stringify(value));
      const made = { version: current, body, etag: `"${createHash('sha256').update(current).update(key).digest('base64url').slice(0, 22)}"` };
      // A failure is not kept: the next request tries again.
      body.catch(() => {
        if (this.entries.get(key) === made) this.entries.delete(key);
      });
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, made);
      entry = made;
    }
    const body = await entry.body;
    reply.header('etag', entry.etag);
    reply.header('cache-control', 'public, no-cache');
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').serializer((s: unknown) => s as string).send(body);
  }
}
