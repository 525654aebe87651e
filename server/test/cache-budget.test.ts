import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { CacheBudget, type Charged } from '../src/platform/http/cache-budget.js';
import { VersionedCache, VersionedMemo } from '../src/platform/http/versioned-cache.js';

/**
 * Every answer cache of a process shares one budget of bytes, least recently used out first: an
 * analysis is 0.5-0.7 MB, kept per kind of reader and in each coding, so a count of entries bounds nothing.
 */
describe('the cache budget', () => {
  const entry = (log: string[], name: string): Charged => ({ evict: () => log.push(name) });

  it('drops the least recently used entries beyond the budget, and frees what is released', () => {
    const log: string[] = [];
    const budget = new CacheBudget(1000);
    const a = entry(log, 'a');
    const b = entry(log, 'b');
    const c = entry(log, 'c');
    budget.charge(a, 400);
    budget.charge(b, 400);
    budget.touch(a); // b is now the oldest
    budget.charge(c, 400);
    expect(log).toEqual(['b']);
    expect(budget.bytes).toBe(800);
    budget.release(a);
    expect(budget.bytes).toBe(400);
    budget.setLimit(100);
    expect(log).toEqual(['b', 'c']);
    expect(budget.bytes).toBe(0);
  });

  it('keeps no entry larger than an eighth of the budget', () => {
    const budget = new CacheBudget(8000);
    expect(budget.fits(1000)).toBe(true);
    expect(budget.fits(1001)).toBe(false);
  });
});

describe('VersionedCache and VersionedMemo under one budget', () => {
  let app: FastifyInstance;
  const budget = new CacheBudget(64 * 1024);
  const cache = new VersionedCache(500, budget);
  const memo = new VersionedMemo<string>(1000, budget);
  let produced = 0;
  /** About 4 KB of JSON per key, different for each key. */
  const bodyOf = (key: string, size = 4000) => ({ key, text: key.repeat(Math.ceil(size / key.length)) });
  beforeAll(async () => {
    app = Fastify();
    app.get<{ Params: { key: string }; Querystring: { size?: string } }>('/k/:key', (request, reply) =>
      cache.send(request, reply, request.params.key, () => 1, async () => {
        produced += 1;
        return bodyOf(request.params.key, Number(request.query.size ?? 4000));
      }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('serves every answer, but keeps only what the budget holds, in bodies and codings together', async () => {
    for (let i = 0; i < 100; i++) {
      const res = await app.inject({ url: `/k/key-${i}`, headers: { 'accept-encoding': i % 2 ? 'gzip' : 'identity' } });
      expect(res.statusCode).toBe(200);
      if (i % 2 === 0) expect(res.json()).toEqual(bodyOf(`key-${i}`));
    }
    // Compressed codings are made after the answer is sent: let them land.
    await new Promise((r) => setTimeout(r, 50));
    expect(budget.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.size).toBeGreaterThan(5);
    expect(cache.size).toBeLessThan(100);
    // The most recent is still kept (no new production); the first was dropped (made again).
    const before = produced;
    await app.inject({ url: '/k/key-99' });
    expect(produced).toBe(before);
    await app.inject({ url: '/k/key-0' });
    expect(produced).toBe(before + 1);
  });

  it('an answer too large for the budget is served, not kept', async () => {
    const before = produced;
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ url: '/k/big?size=20000' });
      expect(res.statusCode).toBe(200);
    }
    expect(produced).toBe(before + 2);
  });

  it('a memo counts its values by their JSON and drops the oldest beyond the budget', async () => {
    const made: string[] = [];
    for (let i = 0; i < 40; i++) await memo.get(`m-${i}`, 1, async () => (made.push(`m-${i}`), `${i}`.padEnd(4000, '.')));
    expect(budget.bytes).toBeLessThanOrEqual(64 * 1024);
    const count = made.length;
    await memo.get('m-39', 1, async () => (made.push('again'), 'x'));
    expect(made.length).toBe(count);
    await memo.get('m-0', 1, async () => (made.push('again'), 'x'));
    expect(made.length).toBe(count + 1);
  });
});
