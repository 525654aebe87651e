import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { multipartBody } from './support/meetings.js';
import { docxBomb, samplePdf } from './support/files.js';
import { upload } from './support/meetings.js';

/** Regressions of #12: each answered 500, or leaked, before the platform's one rule for it. */
let p: TestPlatform;
let secretariat: Client;
let focalPoint: Client;
const anon = () => new Client(p.app);
const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  focalPoint = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
});
afterAll(() => p.close());

describe('text that cannot be stored is refused at the edge, naming the field', () => {
  it.each(['/api/v1/groups?q=%00', '/api/v1/states?q=a%00b', '/api/v1/documents?q=%00', '/api/v1/meetings?q=%00'])('%s', async (url) => {
    const res = await anon().get(url);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(res)).toEqual(['query.q']);
  });

  it('a NUL or a lone surrogate in a JSON text field', async () => {
    const nul = await secretariat.post('/api/v1/invitations', { email: 'x@example.org', name: 'A\u0000B', role: 'delegate', state: 'FRA' });
    expect(nul.status).toBe(400);
    expect(fields(nul)).toEqual(['body.name']);
    const surrogate = await secretariat.request('POST', '/api/v1/invitations', undefined, { 'content-type': 'application/json' });
    expect(surrogate.status).toBe(400);
    const raw = await p.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { 'content-type': 'application/json', 'x-csrf-token': secretariat.cookies.get('poa_csrf')!, cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: '{"email":"y@example.org","name":"A\\ud800B","role":"delegate","state":"FRA"}',
    });
    expect(raw.statusCode).toBe(400);
    expect(JSON.parse(raw.body).errors[0].field).toBe('body.name');
  });
});

describe('dates the record cannot hold', () => {
  it('GET /api/v1/calendar?from=0000-01-01&to=-1 is a 400, not a 500', async () => {
    const res = await anon().get('/api/v1/calendar?from=0000-01-01&to=-1');
    expect(res.status).toBe(400);
    expect(fields(res)).toContain('query.from');
  });
  it('a year 0 calendar date in the framework and in a document', async () => {
    expect((await anon().get('/api/v1/framework/elements?asOf=0000-01-01')).status).toBe(400);
    expect(fields(await secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Old' }, date: '0000-01-01' }))).toEqual(['body.date']);
  });
});

describe("errors raised by the router are problem+json", () => {
  it('a malformed escape (400) and a path parameter past its limit (414)', async () => {
    const malformed = await anon().get('/api/v1/states/%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.headers['x-content-type-options']).toBe('nosniff');
    const long = await anon().get(`/api/v1/states/${'y'.repeat(600)}`);
    expect(long.status).toBe(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(long.body.type).toBe('urn:poa:problem:uri-too-long');
  });
});

describe('a truncated upload', () => {
  it('is refused with a 4xx problem, not a 500', async () => {
    const doc = await secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Report' } });
    expect(doc.status).toBe(201);
    const whole = multipartBody(samplePdf(), 'report.pdf', 'application/pdf');
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${doc.body.id}/files/en`,
      headers: { 'content-type': whole.contentType, 'x-csrf-token': secretariat.cookies.get('poa_csrf')!, cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: whole.payload.subarray(0, whole.payload.length - 30),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('a document that inflates past any real one', () => {
  // Inflating 160 MB to find it too big is real work: on a loaded machine it takes more than the usual 30 s.
  it('a zip bomb (a DOCX of a few hundred KB whose picture inflates to 160 MB) is refused with 413, and nothing is stored', { timeout: 120_000 }, async () => {
    const doc = await secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Bomb' } });
    const bomb = docxBomb(160 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(p.app, secretariat, `/api/v1/documents/${doc.body.id}/files/en`, bomb, 'report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/inflate/);
    expect((await anon().get(`/api/v1/documents/${doc.body.id}`)).body.files).toEqual([]);
  });
});

describe('strict bodies', () => {
  it('an unknown key is refused, never silently dropped', async () => {
    const res = await focalPoint.put('/api/v1/me/language', { language: 'fr', accountId: '00000000-0000-0000-0000-000000000000' });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['body.accountId']);
    expect((await focalPoint.put('/api/v1/me/language', { language: 'fr' })).status).toBe(204);
  });
  it('a body naming a State is refused where the State is always the caller’s own', async () => {
    const res = await focalPoint.post('/api/v1/amendments/00000000-0000-0000-0000-000000000000/sponsors', { state: 'ARG' });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['body.state']);
  });
});

describe('who may keep an answer', () => {
  it('no answer to a signed-in caller is cacheable by a shared cache, on any GET route', async () => {
    const doc = (await anon().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!('get' in ops)) continue;
      const url = template.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
      for (const client of [secretariat, focalPoint]) {
        const res = await client.get(url);
        const cc = String(res.headers['cache-control'] ?? '');
        expect(cc, `${url} → ${res.status}`).toMatch(/^private\b/);
        expect(String(res.headers.vary ?? '')).toMatch(/Cookie/);
      }
      checked.push(url);
    }
    expect(checked.length).toBeGreaterThan(40);
    // The sign-in answer, which carries the session's CSRF token.
    const me = await focalPoint.get('/api/v1/me');
    expect(me.body.csrfToken).toBeTruthy();
    expect(me.headers['cache-control']).toMatch(/^private/);
  });
  it('the public keeps the public caching a route chose, and nothing else is cacheable by accident', async () => {
    expect((await anon().get('/api/v1/states')).headers['cache-control']).toMatch(/^public/);
    expect((await anon().get('/api/v1/me')).headers['cache-control']).toBe('private, no-store');
    expect((await anon().get('/api/v1/nothing-here')).headers['cache-control']).toBe('private, no-store');
  });
});
