import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client } from './support/client.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await testPlatform({ BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => p.close());

const isProblem = (res: { headers: Record<string, unknown>; body: any }, status: number, slug: string) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(res.body.type).toBe(`urn:poa:problem:${slug}`);
  expect(typeof res.body.title).toBe('string');
};

describe('HTTP shell', () => {
  it('answers health with the database state', async () => {
    const res = await new Client(p.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('gives unknown routes a 404 problem', async () => {
    const res = await new Client(p.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    isProblem(res, 404, 'not-found');
  });

  it('refuses an oversize body with 413, before anything is written', async () => {
    const c = await new Client(p.app).start();
    const res = await c.post('/api/v1/password-resets', { email: `${'a'.repeat(4000)}@example.org` });
    expect(res.status).toBe(413);
    isProblem(res, 413, 'payload-too-large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const c = await new Client(p.app).start();
    const res2 = await p.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/xml', 'x-csrf-token': c.cookies.get('poa_csrf')!, cookie: `poa_csrf=${c.cookies.get('poa_csrf')}` },
      payload: '<email/>',
    });
    expect(res2.statusCode).toBe(415);
    isProblem({ headers: res2.headers, body: JSON.parse(res2.body) }, 415, 'unsupported-media-type');
  });

  it('gives malformed JSON a 400 problem, never a 500', async () => {
    const c = await new Client(p.app).start();
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json', 'x-csrf-token': c.cookies.get('poa_csrf')!, cookie: `poa_csrf=${c.cookies.get('poa_csrf')}` },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    isProblem({ headers: res.headers, body: JSON.parse(res.body) }, 400, 'malformed');
  });

  it('names each bad field in a validation problem', async () => {
    const c = await new Client(p.app).start();
    const res = await c.post('/api/v1/session', { email: 'not-an-email', password: 42 });
    expect(res.status).toBe(400);
    isProblem(res, 400, 'validation');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.email', 'body.password']);
  });

  it('names a bad query parameter', async () => {
    const res = await new Client(p.app).get('/api/v1/states?group=NOPE');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('query.group');
  });

  it('sets the security headers on every response', async () => {
    const res = await new Client(p.app).get('/api/v1/states/FRA');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes an OpenAPI 3.1 document generated from the routes, and interactive docs', async () => {
    const c = new Client(p.app);
    const doc = await c.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/states', '/api/v1/states/{iso3}', '/api/v1/session', '/api/v1/me']));
    expect(doc.body.paths['/api/v1/states'].get.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['group', 'q']));
    // Answers without a body are described as such, not as an undocumented 200.
    const signOut = doc.body.paths['/api/v1/session'].delete.responses;
    expect(Object.keys(signOut)).toEqual(['204']);
    expect(signOut['204'].content).toBeUndefined();
    expect(Object.keys(doc.body.paths['/api/v1/password-resets'].post.responses)).toEqual(['202']);
    const ui = await c.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('authorization in one place', () => {
  it('every registered route declares a policy', () => {
    const missing = p.routes.filter((r) => !r.action).map((r) => `${r.method} ${r.url}`);
    expect(p.routes.length).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });
});

describe('logs', () => {
  it('are structured, carry the request id, and never contain passwords, cookies or link tokens', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const logged = await testPlatform({ LOG_LEVEL: 'info' }, stream);
    try {
      const c = await new Client(logged.app).start();
      const token = 'T'.repeat(43);
      await c.post('/api/v1/session', { email: 'someone@example.org', password: 'my secret password' }, { 'x-request-id': 'req-abc-123' });
      await c.get(`/api/v1/invitations/${token}`);
      await new Promise((r) => setTimeout(r, 50));
      const text = lines.join('\n');
      const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: { url: string } });
      expect(parsed.some((l) => l.reqId === 'req-abc-123')).toBe(true);
      expect(parsed.some((l) => l.req?.url === '/api/v1/invitations/[redacted]')).toBe(true);
      expect(text).not.toContain('my secret password');
      expect(text).not.toContain(token);
      expect(text).not.toContain(c.cookies.get('poa_csrf')!);
    } finally {
      await logged.close();
    }
  });
});

describe('HSTS', () => {
  it('is sent when the platform is reached over TLS through a trusted proxy', async () => {
    const tls = await testPlatform({ TRUST_PROXY: '1' });
    try {
      const res = await tls.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await tls.close();
    }
  });
});
