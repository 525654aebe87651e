import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { makeAccount, signedIn, type Client } from './support/client.js';

let p: TestPlatform;
let secretariat: Client;
let cycleId: string;

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  const deadlineLocal = DateTime.utc().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const opened = await secretariat.post('/api/v1/reporting/cycles', { title: 'Compressed cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal, zone: 'UTC' });
  expect(opened.status).toBe(201);
  cycleId = opened.body.id;
});
afterAll(() => p.close());

const get = (url: string, headers: Record<string, string> = {}) => p.app.inject({ method: 'GET', url, headers });

describe('answers compressed for a client that accepts it', () => {
  it('sends the reporting cycle in gzip or brotli, the same JSON as the plain body', async () => {
    const url = `/api/v1/reporting/cycles/${cycleId}`;
    const plain = await get(url);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(2048);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    for (const r of [plain, gz, br]) expect(String(r.headers.vary)).toMatch(/Accept-Encoding/);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(JSON.parse(plain.body));
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(JSON.parse(plain.body));
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('compresses a signed-in answer too, and leaves a small one and a client that accepts no coding alone', async () => {
    const url = `/api/v1/reporting/cycles/${cycleId}`;
    const headers = { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const mine = await get(url, { ...headers, 'accept-encoding': 'gzip' });
    expect(mine.headers['content-encoding']).toBe('gzip');
    expect(mine.headers['cache-control']).toMatch(/^private/);
    expect(JSON.parse(gunzipSync(mine.rawPayload).toString()).can).toBeDefined();
    const refused = await get(url, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const small = await get('/api/v1/me', { 'accept-encoding': 'gzip' });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps conditional answers of a public dataset: a compressed body has its own ETag, which revalidates to 304 in any coding', async () => {
    const url = '/api/v1/open-data';
    const plain = await get(url);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gzip"'));
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': String(gz.headers.etag) })).statusCode).toBe(304);
  });

  it('compresses every public read of the API over 2 KB (those with no path parameter, as the public asks them)', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    const plainBodies: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!('get' in operations) || path.includes('{')) continue;
      const plain = await get(path);
      if (plain.statusCode !== 200 || plain.rawPayload.length <= 2048) continue;
      const gz = await get(path, { 'accept-encoding': 'gzip' });
      checked.push(path);
      if (gz.headers['content-encoding'] !== 'gzip') plainBodies.push(`${path} (${plain.rawPayload.length} bytes)`);
      // The same body (of the same length: an export dates itself, to the millisecond).
      else expect(gunzipSync(gz.rawPayload).length, path).toBe(plain.rawPayload.length);
    }
    expect(checked).toEqual(expect.arrayContaining(['/api/v1/states', '/api/v1/framework/elements', '/api/v1/framework/export', '/api/v1/open-data']));
    expect(plainBodies).toEqual([]);
  });
});

describe('a write made on the ETag of a compressed answer', () => {
  it('is taken as made on that version: a browser sends back the tag it was given, coding and all', async () => {
    const cookie = [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const read = await get('/api/v1/framework/elements/norm-13f?lang=fr', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-encoding']).toBe('br');
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^"\d+-br"$/);
    const text = {
      language: 'fr',
      title: 'Intégrité de la chaîne d’approvisionnement',
      text: 'Les États devraient prendre des mesures raisonnables pour garantir l’intégrité de la chaîne d’approvisionnement.',
      status: 'summary',
      source: { symbol: 'A/70/174', paragraph: '13(i)', paragraphConfirmed: false },
    };
    const recorded = await secretariat.post('/api/v1/framework/elements/norm-13f/versions', text, { 'if-match': etag });
    expect(recorded.status).toBe(201);
    // The same tag again: the version it stands for is no longer the latest.
    const stale = await secretariat.post('/api/v1/framework/elements/norm-13f/versions', { ...text, language: 'es' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await secretariat.post('/api/v1/framework/elements/norm-13f/versions', text, { 'if-match': '"2-zip"' })).status).toBe(400);
  });
});
