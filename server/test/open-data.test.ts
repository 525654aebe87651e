import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { referenceFolder } from '../src/platform/reference-folder.js';
import { LANGUAGES } from '../src/kernel/languages.js';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { meetings } from '../src/modules/meetings/tables.js';

let p: TestPlatform;
let secretariat: Client;
const pub = () => new Client(p.app);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

beforeAll(async () => {
  p = await testPlatform();
  await seedDemo(p.ctx);
  const account = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
  secretariat = await signedIn(p.app, account);
});
afterAll(() => p.close());
afterEach(() => vi.useRealTimers());

/** The platform's clock moved on: what changed before now has settled (HTTP dates have whole seconds). */
function later(seconds: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + seconds * 1000);
}

describe('outcomes in Akoma Ntoso', () => {
  it('gives every adopted outcome as AKN 3.0 that validates against the OASIS schema, with its symbol and every paragraph', async () => {
    const outcomes = (await pub().get('/api/v1/outcomes')).body.items as { id: string; symbol: string }[];
    expect(outcomes.length).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akn-'));
    for (const o of outcomes) {
      const res = await pub().get(`/api/v1/outcomes/${o.id}/akn?lang=en`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/akn\+xml/);
      const file = path.join(dir, `${o.id}.xml`);
      fs.writeFileSync(file, res.text);
      // xmllint exits non-zero (and the test fails) on any schema error.
      execFileSync('xmllint', ['--noout', '--schema', path.join(referenceFolder, 'akn', 'akomantoso30.xsd'), file], { stdio: 'pipe' });
      const detail = (await pub().get(`/api/v1/outcomes/${o.id}`)).body;
      expect(res.text).toContain(`<docNumber>${o.symbol}</docNumber>`);
      const doc = parser.parse(res.text).akomaNtoso.statement;
      const operative = detail.paragraphs.filter((x: { kind: string }) => x.kind === 'operative');
      const paragraphs = [doc.mainBody.paragraph].flat();
      expect(paragraphs.map((x: { content: { p: string } }) => x.content.p)).toEqual(operative.map((x: { text: string }) => x.text));
      expect(doc.meta.references.TLCReference.find((r: Record<string, string>) => r['@eId'] === 'contentHash')['@showAs']).toBe(`SHA-256 ${detail.contentHash}`);
    }
  });

  it('names the languages an outcome exists in when asked for another, and knows no outcome it does not have', async () => {
    const [o] = (await pub().get('/api/v1/outcomes')).body.items;
    const fr = await pub().get(`/api/v1/outcomes/${o.id}/akn?lang=fr`);
    expect(fr.status).toBe(404);
    expect(fr.headers['content-type']).toMatch(/problem\+json/);
    expect(fr.body.languages).toEqual(['en']);
    expect((await pub().get('/api/v1/outcomes/00000000-0000-4000-8000-000000000000/akn')).status).toBe(404);
    expect((await pub().get(`/api/v1/outcomes/${o.id}/akn?lang=xx`)).status).toBe(400);
  });
});

describe('an outcome adopted in a meeting the public may not see', () => {
  it('is still given in AKN, dated in the meeting’s zone, with nothing of the meeting in it', async () => {
    // A plenary meeting in session adopts a draft by consensus.
    const chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
    const scheduled = await secretariat.post('/api/v1/meetings', meetingBody({ sessionNumber: 9, startsAt: '2029-03-05T10:00', endsAt: '2029-03-09T18:00', registrationDeadline: '2029-02-20T18:00' }));
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const open = await secretariat.post(`/api/v1/meetings/${scheduled.body.id}/status`, { status: 'registration-open' }, { 'if-match': scheduled.headers.etag as string });
    expect((await secretariat.post(`/api/v1/meetings/${scheduled.body.id}/status`, { status: 'in-session' }, { 'if-match': open.headers.etag as string })).status).toBe(200);
    const draft = await chair.post('/api/v1/drafts', { title: 'Decision adopted in a meeting', body: 'plenary', kind: 'decision', implementsCodes: [], paragraphs: [{ kind: 'operative', text: 'Decides to meet again.' }] });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const proposal = await chair.post(`/api/v1/drafts/${draft.body.id}/adoption-proposals`, { meetingId: scheduled.body.id });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const adopted = await chair.post(`/api/v1/adoption-proposals/${proposal.body.id}/consensus`);
    expect(adopted.status, JSON.stringify(adopted.body)).toBeLessThan(300);
    const items = (await pub().get('/api/v1/outcomes')).body.items as { id: string }[];
    const details = await Promise.all(items.map(async (o) => (await pub().get(`/api/v1/outcomes/${o.id}`)).body as { id: string; meetingId: string | null; adoptedVia: string; adoptedAt: string; symbol: string }));
    const inMeeting = details.find((d) => d.adoptedVia === 'meeting' && d.meetingId === scheduled.body.id);
    expect(inMeeting).toBeDefined();
    const meetingId = inMeeting!.meetingId!;
    const meeting = (await secretariat.get(`/api/v1/meetings/${meetingId}`)).body as { title: Record<string, string>; timeZone: string; status: string };
    const before = await pub().get(`/api/v1/outcomes/${inMeeting!.id}/akn`);
    expect(before.status).toBe(200);
    // The meeting becomes one the public may not see (a draft): the outcome stays public, and so does its AKN.
    await p.ctx.database.db.update(meetings).set({ status: 'draft' }).where(eq(meetings.id, meetingId));
    try {
      expect((await pub().get(`/api/v1/meetings/${meetingId}`)).status).toBe(404);
      const res = await pub().get(`/api/v1/outcomes/${inMeeting!.id}/akn`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(before.text);
      const adoptedOn = DateTime.fromISO(inMeeting!.adoptedAt, { zone: meeting.timeZone }).toISODate()!;
      expect(parser.parse(res.text).akomaNtoso.statement.meta.identification.FRBRWork.FRBRdate['@date']).toBe(adoptedOn);
      expect(res.text).not.toContain(meetingId);
      for (const title of Object.values(meeting.title)) expect(res.text).not.toContain(title);
    } finally {
      await p.ctx.database.db.update(meetings).set({ status: meeting.status as 'draft' }).where(eq(meetings.id, meetingId));
    }
  });
});

describe('Atom feeds', () => {
  it('are well-formed Atom 1.0 in every language, each entry with an id, a title, a link and a time; untranslated text marked', async () => {
    for (const kind of ['documents', 'outcomes', 'meetings']) {
      for (const lang of LANGUAGES) {
        const res = await pub().get(`/api/v1/feeds/${kind}.atom?lang=${lang}`);
        expect(res.status, `${kind} ${lang}`).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
        expect(XMLValidator.validate(res.text)).toBe(true);
        const feed = parser.parse(res.text).feed;
        expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
        expect(feed['@xml:lang']).toBe(lang);
        expect(feed.id).toBeTruthy();
        expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
        expect(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self')).toBe(true);
        expect(feed.entry?.length, `${kind} has entries`).toBeGreaterThan(0);
        for (const e of feed.entry) {
          expect(e.id).toMatch(/^urn:uuid:/);
          expect(e.title['#text']).toBeTruthy();
          expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
          expect(e.link[0]['@href']).toContain(`/${lang}/`);
          const fallback = e.title['@xml:lang'] !== undefined;
          expect((e.category ?? []).some((c: Record<string, string>) => c['@term'] === 'language-fallback')).toBe(fallback);
          if (fallback) expect(e.title['@xml:lang']).not.toBe(lang);
        }
        if (kind === 'outcomes') expect(feed.entry.every((e: { title: Record<string, string> }) => (lang === 'en') === (e.title['@xml:lang'] === undefined))).toBe(true);
      }
    }
  });
});

describe('the open data catalogue', () => {
  it('lists each public dataset with six-language titles, a licence, its last change and links that the public can follow', async () => {
    const res = await pub().get('/api/v1/open-data');
    expect(res.status).toBe(200);
    const { datasets, licence } = res.body;
    expect(licence).toMatch(/^https:\/\//);
    expect(new Set(datasets.map((d: { kind: string }) => d.kind))).toEqual(new Set(['framework', 'outcomes', 'reports', 'meetings', 'documents', 'states']));
    for (const d of datasets) {
      for (const l of LANGUAGES) expect(d.title[l], `${d.id} ${l}`).toBeTruthy();
      for (const dist of d.distributions) {
        if (dist.url.includes('{id}')) continue;
        const url = dist.url.replace('http://poa.test', '');
        const got = await pub().get(url);
        expect(got.status, url).toBe(200);
      }
    }
    expect(datasets.find((d: { kind: string }) => d.kind === 'outcomes').modified).not.toBeNull();
  });

  it('lists a meeting’s participants only once the Secretariat has published them', async () => {
    const { datasets } = (await pub().get('/api/v1/open-data')).body;
    const meetings = (await pub().get('/api/v1/meetings')).body.items as { id: string; participantsPublished: boolean }[];
    const listed = new Set(datasets.filter((d: { kind: string }) => d.kind === 'participants').map((d: { about: { id: string } }) => d.about.id));
    for (const m of meetings) expect(listed.has(m.id), m.id).toBe(m.participantsPublished);
  });
});

describe('conditional requests on datasets', () => {
  it('answers 304 without a body to a mirror that has the current version, by ETag or by date, and 200 once the data changed', async () => {
    later(5);
    const first = await pub().get('/api/v1/documents');
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
    expect(first.headers['cache-control']).toBe('public, no-cache');

    const byTag = await pub().get('/api/v1/documents', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.text).toBe('');
    const byDate = await pub().get('/api/v1/documents', { 'if-modified-since': lastModified });
    expect(byDate.status).toBe(304);
    // If-None-Match wins over If-Modified-Since.
    expect((await pub().get('/api/v1/documents', { 'if-none-match': '"other"', 'if-modified-since': lastModified })).status).toBe(200);

    const issued = await secretariat.post('/api/v1/documents', { type: 'information-note', title: { en: 'A note issued after the mirror last looked' } });
    expect(issued.status).toBe(201);
    // At once: the change is too young for a date that whole seconds could tell apart, so none is given.
    const fresh = await pub().get('/api/v1/documents', { 'if-modified-since': lastModified });
    expect(fresh.status).toBe(200);
    expect(fresh.headers['last-modified']).toBeUndefined();
    later(5);
    const settled = await pub().get('/api/v1/documents', { 'if-none-match': etag });
    expect(settled.status).toBe(200);
    expect(settled.text).toContain('A note issued after the mirror last looked');
    expect(Date.parse(String(settled.headers['last-modified']))).toBeGreaterThan(Date.parse(lastModified));
    expect((await pub().get('/api/v1/documents', { 'if-modified-since': lastModified })).status).toBe(200);
    expect((await pub().get('/api/v1/documents', { 'if-modified-since': String(settled.headers['last-modified']) })).status).toBe(304);
  });

  it('gives every dataset of the catalogue an ETag that a mirror can revalidate, AKN and feeds included', async () => {
    const [o] = (await pub().get('/api/v1/outcomes')).body.items;
    for (const url of ['/api/v1/open-data', '/api/v1/states', '/api/v1/outcomes', `/api/v1/outcomes/${o.id}/akn`, '/api/v1/feeds/outcomes.atom?lang=ru', '/api/v1/meetings', '/api/v1/framework/export?format=csv', '/api/v1/calendar/meetings.ics']) {
      const res = await pub().get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.etag, url).toBeTruthy();
      const again = await pub().get(url, { 'if-none-match': String(res.headers.etag) });
      expect(again.status, url).toBe(304);
      expect(again.text, url).toBe('');
    }
  });

  it('never dates an answer that also depends on the clock, nor a signed-in one, so no 304 can hide a change', async () => {
    later(5);
    expect((await pub().get('/api/v1/meetings')).headers['last-modified']).toBeUndefined();
    expect((await pub().get('/api/v1/framework/export')).headers['last-modified']).toBeUndefined();
    const mine = await secretariat.get('/api/v1/documents');
    expect(mine.headers['last-modified']).toBeUndefined();
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.headers.etag).toBeUndefined();
  });
});
