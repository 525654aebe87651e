import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';

/**
 * What the web pages of official documents ask of the API besides the basics: the upload rules to
 * show before a file is chosen, a preview of the next symbol, and documents by year.
 */
let p: TestPlatform;
let visitor: Client;
let secretariat: Client;
let delegate: Client;

beforeAll(async () => {
  p = await testPlatform();
  visitor = await new Client(p.app).start();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  delegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
});
afterAll(() => p.close());

describe('documents for the web pages', () => {
  it('tells anyone the upload rules: formats and the size limit in force', async () => {
    const res = await visitor.get('/api/v1/documents/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ uploadLimitBytes: p.ctx.config.uploadLimitBytes, formats: ['pdf', 'docx', 'odt'], symbolPattern: p.ctx.config.documentSymbolPattern });
  });

  it('previews the next symbol of a series for the Secretariat, without taking it', async () => {
    expect((await visitor.get('/api/v1/documents/next-symbol?type=working-paper&date=2031-03-01')).status).toBe(401);
    expect((await delegate.get('/api/v1/documents/next-symbol?type=working-paper&date=2031-03-01')).status).toBe(403);
    expect((await secretariat.get('/api/v1/documents/next-symbol?type=nonsense')).status).toBe(400);
    const first = await secretariat.get('/api/v1/documents/next-symbol?type=working-paper&date=2031-03-01');
    expect(first.status).toBe(200);
    const expected = p.ctx.config.documentSymbolPattern.replaceAll('{year}', '2031').replaceAll('{series}', 'WP.').replaceAll('{n}', '1');
    expect(first.body).toEqual({ symbol: expected, series: 'WP' });
    // A preview takes nothing: asked again, the same symbol; issued, it is that one; then the next.
    expect((await secretariat.get('/api/v1/documents/next-symbol?type=working-paper&date=2031-03-01')).body.symbol).toBe(expected);
    const issued = await secretariat.post('/api/v1/documents', { type: 'working-paper', title: { en: 'Preview check' }, date: '2031-03-01' });
    expect(issued.status).toBe(201);
    expect(issued.body.symbol).toBe(expected);
    const next = await secretariat.get('/api/v1/documents/next-symbol?type=working-paper&date=2031-03-01');
    expect(next.body.symbol).toBe(expected.replace(/1$/, '2'));
    // Another series and year is counted apart.
    expect((await secretariat.get('/api/v1/documents/next-symbol?type=report&date=2032-01-01')).body.series).toBe('main');
  });

  it('filters documents by the year of their date', async () => {
    await secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Year filter 2033' }, date: '2033-12-31' });
    await secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Year filter 2034' }, date: '2034-01-01' });
    const y2033 = await visitor.get('/api/v1/documents?q=year%20filter&year=2033');
    expect(y2033.body.items.map((d: { title: { en: string } }) => d.title.en)).toEqual(['Year filter 2033']);
    expect(y2033.body.total).toBe(1);
    const all = await visitor.get('/api/v1/documents?q=year%20filter');
    expect(all.body.total).toBe(2);
    expect((await visitor.get('/api/v1/documents?year=abc')).status).toBe(400);
  });

  it('says who may issue a document, as the list of documents is read', async () => {
    expect((await visitor.get('/api/v1/documents')).body.can).toEqual({ issue: false });
    expect((await delegate.get('/api/v1/documents')).body.can).toEqual({ issue: false });
    expect((await secretariat.get('/api/v1/documents')).body.can).toEqual({ issue: true });
  });
});
