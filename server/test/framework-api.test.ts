import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type TestAccount } from './support/client.js';
import { parseCsv } from './support/csv.js';
import { referenceFolder } from '../src/platform/reference-folder.js';
import { auditEvents } from '../src/platform/audit/tables.js';
import { verifyAuditChain } from '../src/platform/audit/record.js';
import { loadFrameworkReference } from '../src/modules/framework/index.js';

interface RefElement {
  id: string;
  kind: string;
  textStatus: 'verbatim' | 'summary';
  source: { symbol: string };
}
const reference = JSON.parse(fs.readFileSync(path.join(referenceFolder, 'framework.json'), 'utf8')) as {
  elements: RefElement[];
  sourceDocuments: { symbol: string; adopted?: string; issued?: string }[];
};
const dateOf = new Map(reference.sourceDocuments.map((d) => [d.symbol, (d.adopted ?? d.issued)!]));
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

let p: TestPlatform;
let secretariat: TestAccount;
let anon: Client;
beforeAll(async () => {
  p = await testPlatform();
  secretariat = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
  anon = new Client(p.app);
});
afterAll(() => p.close());

const codesOf = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code).sort();

describe('the framework today', () => {
  it('has every reference element, each with its source citation', async () => {
    const res = await anon.get('/api/v1/framework/elements');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(reference.elements.length);
    const norm = res.body.items.find((i: { code: string }) => i.code === 'norm-13a');
    expect(norm.source).toMatchObject({ symbol: 'A/70/174', paragraph: '13(a)', paragraphConfirmed: true, citation: 'A/70/174, para. 13(a)' });
  });

  it('filters by kind', async () => {
    const res = await anon.get('/api/v1/framework/elements?kind=norm');
    expect(res.body.total).toBe(reference.elements.filter((e) => e.kind === 'norm').length);
    const two = await anon.get('/api/v1/framework/elements?kind=cbm,cbm-tool');
    expect(two.body.total).toBe(reference.elements.filter((e) => e.kind === 'cbm' || e.kind === 'cbm-tool').length);
  });

  it('never presents a summary as verbatim, in the list, the element, or the exports', async () => {
    const list = await anon.get('/api/v1/framework/elements?limit=1000');
    const statusOf = new Map(list.body.items.map((i: { code: string; display: { status: string } }) => [i.code, i.display.status]));
    for (const e of reference.elements) expect(statusOf.get(e.id), e.id).toBe(e.textStatus);
    const summary = reference.elements.find((e) => e.textStatus === 'summary')!;
    const one = await anon.get(`/api/v1/framework/elements/${summary.id}?lang=fr`);
    expect(one.body.latest.display).toMatchObject({ status: 'summary', fallback: true, language: 'en' });
    const csv = await anon.get('/api/v1/framework/export?format=csv');
    const row = parseCsv(csv.text).find((r) => r[0] === summary.id)!;
    expect(row).toContain('summary');
    expect(row).not.toContain('verbatim');
  });

  it('pages the list', async () => {
    const first = await anon.get('/api/v1/framework/elements?limit=10');
    const second = await anon.get('/api/v1/framework/elements?limit=10&offset=10');
    expect(first.body.items).toHaveLength(10);
    expect(second.body.total).toBe(first.body.total);
    expect(codesOf(first).filter((c: string) => codesOf(second).includes(c))).toEqual([]);
    const past = await anon.get('/api/v1/framework/elements?limit=10&offset=5000');
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(first.body.total);
  });
});

describe('the framework as it stood on a date', () => {
  for (const [symbol, date] of dateOf) {
    const from = reference.elements.filter((e) => e.source.symbol === symbol).map((e) => e.id);
    if (from.length === 0) continue;
    it(`takes in the texts of ${symbol} on ${date}, not the day before`, async () => {
      const before = codesOf(await anon.get(`/api/v1/framework/elements?asOf=${dayBefore(date)}&limit=1000`));
      const on = codesOf(await anon.get(`/api/v1/framework/elements?asOf=${date}&limit=1000`));
      for (const code of from) {
        expect(before).not.toContain(code);
        expect(on).toContain(code);
      }
    });
  }

  it('was empty before the first report', async () => {
    expect((await anon.get('/api/v1/framework/elements?asOf=2010-01-01')).body.total).toBe(0);
  });

  it('compares two dates: what was added since 1 January 2023', async () => {
    const res = await anon.get('/api/v1/framework/changes?from=2023-01-01');
    expect(res.status).toBe(200);
    const added = res.body.items.filter((i: { change: string }) => i.change === 'added').map((i: { code: string }) => i.code).sort();
    const expected = reference.elements.filter((e) => dateOf.get(e.source.symbol)! > '2023-01-01').map((e) => e.id).sort();
    expect(added).toEqual(expected);
    expect(res.body.items.every((i: { from: unknown; to: { source: { citation: string } } }) => i.from === null && i.to.source.citation)).toBe(true);
  });

  it('answers "what did it say about critical infrastructure on 1 January 2023, and what has been added since"', async () => {
    const then = await anon.get('/api/v1/framework/search?q=critical%20infrastructure&asOf=2023-01-01');
    const thenCodes = then.body.items.map((i: { code: string }) => i.code);
    expect(thenCodes).toEqual(expect.arrayContaining(['norm-13f', 'norm-13g', 'threat-critical-infrastructure']));
    expect(thenCodes).not.toContain('global-cbm-7');
    const now = await anon.get('/api/v1/framework/search?q=critical%20infrastructure');
    expect(now.body.items.map((i: { code: string }) => i.code)).toContain('global-cbm-7');
  });
});

describe('search', () => {
  it('finds an element by a word of its text, ranked, with highlighted fragments and its citation', async () => {
    const res = await anon.get('/api/v1/framework/search?q=ransomware');
    expect(res.body.items[0].code).toBe('threat-ransomware');
    const hit = res.body.items[0];
    expect(hit.citation).toMatch(/^A\/78\/265/);
    expect(hit.fragments[0].parts.some((part: { match: boolean; text: string }) => part.match && /ransomware/i.test(part.text))).toBe(true);
  });

  it('matches prefixes and ignores case', async () => {
    const res = await anon.get('/api/v1/framework/search?q=SUPPLY%20CHA');
    expect(res.body.items.map((i: { code: string }) => i.code)).toContain('norm-13i');
  });

  it('finds nothing for words that are not there, and refuses an empty query', async () => {
    expect((await anon.get('/api/v1/framework/search?q=zzzyyyxxx')).body.items).toEqual([]);
    const empty = await anon.get('/api/v1/framework/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('query.q');
  });
});

describe('clear problems for bad input', () => {
  it.each([
    ['/api/v1/framework/elements?asOf=2023-02-30', 'query.asOf'],
    ['/api/v1/framework/elements?asOf=yesterday', 'query.asOf'],
    ['/api/v1/framework/elements?kind=norm,opinion', 'query.kind'],
    ['/api/v1/framework/changes?from=2024-01-01&to=2023-01-01', 'query.from'],
    ['/api/v1/framework/changes', 'query.from'],
    ['/api/v1/framework/elements?lang=de', 'query.lang'],
  ])('%s → 400 naming %s', async (url, field) => {
    const res = await anon.get(url);
    expect(res.status).toBe(400);
    expect(res.body.errors.some((e: { field: string }) => e.field === field || e.field.startsWith(`${field}.`))).toBe(true);
  });

  it('answers 404 for an unknown code or version', async () => {
    expect((await anon.get('/api/v1/framework/elements/norm-99z')).status).toBe(404);
    expect((await anon.get('/api/v1/framework/elements/norm-13a/versions/99')).status).toBe(404);
    expect((await anon.get('/api/v1/framework/elements/Not%20A%20Code')).status).toBe(400);
  });
});

describe('recording texts (Secretariat)', () => {
  const french = {
    language: 'fr',
    title: 'Protéger les infrastructures critiques',
    text: 'Les États devraient prendre des mesures appropriées pour protéger leurs infrastructures critiques contre les menaces liées aux TIC.',
    status: 'verbatim',
    source: { symbol: 'A/70/174', paragraph: '13(g)', paragraphConfirmed: true },
  };

  it('is refused to the public and to anyone but the Secretariat', async () => {
    const pub = await new Client(p.app).start();
    expect((await pub.post('/api/v1/framework/elements/norm-13g/versions', french, { 'if-match': '"1"' })).status).toBe(401);
    const fp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
    expect((await fp.post('/api/v1/framework/elements/norm-13g/versions', french, { 'if-match': '"1"' })).status).toBe(403);
    const chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
    expect((await chair.post('/api/v1/framework/sources', { symbol: 'A/81/1', title: 'x', body: 'x', date: '2026-01-01', dateKind: 'issued' })).status).toBe(403);
  });

  it('adds a translation as a new version, keeps the old one at its permalink, and records it on the audit chain', async () => {
    const c = await signedIn(p.app, secretariat);
    const before = await c.get('/api/v1/framework/elements/norm-13g?lang=fr');
    expect(before.body.can.recordText).toBe(true);
    expect(before.body.latest.display.fallback).toBe(true);
    const res = await c.post('/api/v1/framework/elements/norm-13g/versions', french, { 'if-match': before.headers.etag as string });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ version: 2, change: 'translation-recorded' });

    const after = await anon.get('/api/v1/framework/elements/norm-13g?lang=fr');
    expect(after.body.versions).toHaveLength(2);
    expect(after.body.latest.display).toMatchObject({ language: 'fr', fallback: false, title: french.title });
    expect(after.body.latest.effectiveOn).toBe(before.body.latest.effectiveOn);
    const v1 = await anon.get('/api/v1/framework/elements/norm-13g/versions/1?lang=fr');
    expect(v1.body.texts.fr).toBeUndefined();

    const stale = await c.post('/api/v1/framework/elements/norm-13g/versions', french, { 'if-match': before.headers.etag as string });
    expect(stale.status).toBe(412);

    const [event] = await p.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'framework.record-text'));
    expect(event).toMatchObject({ subjectId: 'norm-13g', actorAccountId: secretariat.id });
    expect((await verifyAuditChain(p.ctx.database.db)).broken).toBeNull();
  });

  it('makes the new text searchable in its language, accents ignored', async () => {
    const res = await anon.get('/api/v1/framework/search?q=proteger%20infrastructures&lang=fr');
    const hit = res.body.items.find((i: { code: string }) => i.code === 'norm-13g');
    expect(hit).toBeTruthy();
    expect(hit.fragments[0].language).toBe('fr');
    expect(hit.fragments[0].parts.filter((x: { match: boolean }) => x.match).map((x: { text: string }) => x.text)).toContain('Protéger');
  });

  it('is kept by the next reference load', async () => {
    expect(await loadFrameworkReference(p.ctx.database.db)).toEqual({ added: 0, revised: 0 });
    const after = await anon.get('/api/v1/framework/elements/norm-13g?lang=fr');
    expect(after.body.versions).toHaveLength(2);
  });

  it('refuses an unknown source, a missing If-Match, and an unknown element', async () => {
    const c = await signedIn(p.app, secretariat);
    const etag = (await c.get('/api/v1/framework/elements/norm-13a')).headers.etag as string;
    const unknownSource = await c.post('/api/v1/framework/elements/norm-13a/versions', { ...french, source: { ...french.source, symbol: 'A/99/999' } }, { 'if-match': etag });
    expect(unknownSource.status).toBe(400);
    expect(unknownSource.body.errors[0].field).toBe('body.source.symbol');
    expect((await c.post('/api/v1/framework/elements/norm-13a/versions', french)).status).toBe(428);
    expect((await c.post('/api/v1/framework/elements/norm-99z/versions', french, { 'if-match': '"1"' })).status).toBe(404);
  });

  it('records a new source document once', async () => {
    const c = await signedIn(p.app, secretariat);
    const doc = { symbol: 'A/AC.300/2026/1', title: 'Provisional agenda', body: 'PoA', date: '2026-03-01', dateKind: 'issued' };
    expect((await c.post('/api/v1/framework/sources', doc)).status).toBe(201);
    expect((await c.post('/api/v1/framework/sources', doc)).status).toBe(409);
    const list = await anon.get('/api/v1/framework/sources');
    expect(list.body.items.map((s: { symbol: string }) => s.symbol)).toContain('A/AC.300/2026/1');
  });
});

describe('exports', () => {
  it('gives the framework as of a date in JSON and CSV, with the same elements', async () => {
    const json = await anon.get('/api/v1/framework/export?asOf=2023-01-01');
    expect(json.headers['content-disposition']).toContain('poa-framework-2023-01-01.json');
    const list = await anon.get('/api/v1/framework/elements?asOf=2023-01-01&limit=1000');
    expect(json.body.elements.map((e: { code: string }) => e.code).sort()).toEqual(codesOf(list));
    expect(json.body.sourceDocuments.length).toBeGreaterThan(5);
    const csv = await anon.get('/api/v1/framework/export?asOf=2023-01-01&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header!.slice(0, 5)).toEqual(['code', 'kind', 'version', 'effective_on', 'source_symbol']);
    const codes = rows.map((r) => r[0]);
    for (const code of codesOf(list)) expect(codes).toContain(code);
  });
});

describe('an element as the public reads it, kept serialized', () => {
  it('is the signed-in answer but for `can`, with the latest version as its ETag, revalidated in any coding, and fresh after a write', async () => {
    const c = await signedIn(p.app, secretariat);
    const url = '/api/v1/framework/elements/norm-13b?lang=es';
    const mine = await c.get(url);
    const pub = await p.app.inject({ method: 'GET', url });
    expect(pub.statusCode).toBe(200);
    const { can: ownCan, ...own } = mine.body as { can: { recordText: boolean } };
    const { can: publicCan, ...shared } = JSON.parse(pub.body) as { can: { recordText: boolean } };
    expect(ownCan.recordText).toBe(true);
    expect(publicCan.recordText).toBe(false);
    expect(shared).toEqual(own);
    expect(pub.headers.etag).toBe(mine.headers.etag);
    expect(pub.headers.etag).toBe(`"${(own as { latest: { version: number } }).latest.version}"`);
    expect(pub.headers['cache-control']).toBe('public, no-cache');
    const br = await p.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    for (const tag of [pub.headers.etag, br.headers.etag]) {
      expect((await p.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(tag) } })).statusCode).toBe(304);
    }
    // A new version: the public sees it at once, under its new ETag.
    const recorded = await c.post('/api/v1/framework/elements/norm-13b/versions', {
      language: 'es', title: 'Cooperación en casos de incidentes', text: 'Los Estados deberían considerar toda la información pertinente.', status: 'summary',
      source: { symbol: 'A/70/174', paragraph: '13(b)', paragraphConfirmed: false },
    }, { 'if-match': String(br.headers.etag) });
    expect(recorded.status).toBe(201);
    const after = await p.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(pub.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toBe(`"${recorded.body.version}"`);
    expect(JSON.parse(after.body).latest.display).toMatchObject({ language: 'es', fallback: false, title: 'Cooperación en casos de incidentes' });
  });
});
