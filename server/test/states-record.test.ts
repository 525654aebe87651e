import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type Reply } from './support/client.js';
import { sampleDocx, samplePdf, samplePng } from './support/files.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { auditEventsOf } from '../src/platform/audit/record.js';

/**
 * A State's page (issue #17, item 3): what the State made public across the platform, the same for
 * everyone, and the national publications its focal point alone publishes, every version kept.
 */
let p: TestPlatform;
let chile: Client;
let france: Client;
let secretariat: Client;
let visitor: Client;

beforeAll(async () => {
  p = await testPlatform();
  await seedDemo(p.ctx);
  chile = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  france = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  visitor = await new Client(p.app).start();
});
afterAll(() => p.close());

/** A multipart form as a browser sends it: text fields first, then the file. */
async function send(client: Client, url: string, fields: Record<string, string>, file: { bytes: Buffer; name: string; type: string }): Promise<Reply> {
  const boundary = `----poa${randomUUID().replace(/-/g, '')}`;
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const csrf = client.cookies.get('poa_csrf');
  const res = await p.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...(client.cookies.size ? { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    },
    payload: Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, headers: res.headers, body, text: res.body };
}

const pdf = { bytes: samplePdf(), name: 'posicion-nacional.pdf', type: 'application/pdf' };
const position = { kind: 'international-law-position', language: 'es', 'title.en': 'National position on the application of international law in cyberspace', 'title.es': 'Posición nacional sobre la aplicación del derecho internacional en el ciberespacio' };

describe("a State's page", () => {
  it("shows Chile's public report and its published statement, and nothing that is not public", async () => {
    const res = await visitor.get('/api/v1/states/chl/record');
    expect(res.status).toBe(200);
    const record = res.body;
    expect(record.iso3).toBe('CHL');
    // Both of Chile's reports are public; this year's has a States-only and a Secretariat-only section, left out.
    expect(record.reports).toHaveLength(2);
    const current = record.reports.find((r: { cycleTitle: string }) => r.cycleTitle === 'First reporting cycle of the PoA');
    expect(current).toMatchObject({ number: 1, publicSections: 4 });
    // The statement at the organizational session (published) is there; the one at the annual meeting (not yet published) is not.
    expect(record.statements.map((s: { title: string }) => s.title)).toEqual(['Declaración de Chile en el intercambio general de opiniones']);
    expect(record.statements[0]).toMatchObject({ language: 'es', agendaItem: { key: 'general', title: { en: 'General exchange of views' } } });
    // Chile co-sponsored France's amendment, and is a member of the working group.
    expect(record.amendments).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'co-sponsor', status: 'proposed' })]));
    expect(record.groups).toEqual([expect.objectContaining({ name: expect.objectContaining({ en: 'Technical working group on confidence-building measures' }) })]);
    // Chile's confirmed delegation to the annual meeting: the list of participants is not published yet.
    expect(record.delegations).toEqual([]);
    expect(record.publications).toEqual([]);
    expect(record.can).toEqual({ publish: false });
    // France's report is for States only: nothing of it on France's page, whoever asks.
    expect((await visitor.get('/api/v1/states/FRA/record')).body.reports).toEqual([]);
    expect((await chile.get('/api/v1/states/FRA/record')).body.reports).toEqual([]);
    expect((await visitor.get('/api/v1/states/XXX/record')).status).toBe(404);
  });

  it('is the same for a signed-in viewer, who may see more elsewhere: only what the public sees', async () => {
    const asChile = (await chile.get('/api/v1/states/CHL/record')).body;
    const asPublic = (await visitor.get('/api/v1/states/CHL/record')).body;
    const { can: _a, ...mine } = asChile;
    const { can: _b, ...theirs } = asPublic;
    expect(mine).toEqual(theirs);
    expect(asChile.can).toEqual({ publish: true });
  });

  it("lists Chile's delegation to a coming meeting once the Secretariat publishes the list, with names, titles and roles only", async () => {
    const annual = (await visitor.get('/api/v1/meetings?kind=annual-meeting')).body.items[0];
    const etag = (await visitor.get(`/api/v1/meetings/${annual.id}`)).headers.etag as string;
    expect((await secretariat.put(`/api/v1/meetings/${annual.id}/publication`, { participants: true }, { 'if-match': etag })).status).toBe(200);
    const meeting = (await visitor.get(`/api/v1/meetings/${annual.id}`)).body;
    expect(meeting.participantsPublished).toBe(true);
    const [delegation] = (await visitor.get('/api/v1/states/CHL/record')).body.delegations;
    expect(delegation.meetingId).toBe(annual.id);
    expect(delegation.participants[0]).toEqual({ role: 'head', name: 'Camila Rojas', title: 'Ambassador, Permanent Representative' });
    expect(JSON.stringify(delegation)).not.toContain('@');
    // France's registration was never confirmed: not on the list, not on its page.
    expect((await visitor.get('/api/v1/states/FRA/record')).body.delegations).toEqual([]);
  });
});

describe('national publications', () => {
  it("only Chile's focal point publishes for Chile", async () => {
    expect((await send(france, '/api/v1/states/CHL/publications', position, pdf)).status).toBe(403);
    expect((await send(secretariat, '/api/v1/states/CHL/publications', position, pdf)).status).toBe(403);
    expect((await send(visitor, '/api/v1/states/CHL/publications', position, pdf)).status).toBe(401);
    expect((await visitor.get('/api/v1/states/CHL/record')).body.publications).toEqual([]);
  });

  it('checks the fields and the file by its bytes', async () => {
    const { 'title.en': _en, ...untitled } = position;
    expect((await send(chile, '/api/v1/states/CHL/publications', untitled, pdf)).body.errors.map((e: { field: string }) => e.field)).toEqual(['body.title.en']);
    expect((await send(chile, '/api/v1/states/CHL/publications', { ...position, kind: 'memoir' }, pdf)).status).toBe(400);
    expect((await send(chile, '/api/v1/states/CHL/publications', { ...position, extra: 'x' }, pdf)).status).toBe(400);
    expect((await send(chile, '/api/v1/states/CHL/publications', position, { bytes: samplePng(), name: 'posicion.pdf', type: 'application/pdf' })).status).toBe(415);
  });

  it('publishes a position, keeps every version, and withdraws it from the page', async () => {
    const first = await send(chile, '/api/v1/states/CHL/publications', { ...position, note: 'Adoptada en 2023' }, pdf);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'CHL', kind: 'international-law-position', title: { en: position['title.en'], es: position['title.es'] }, can: { addVersion: true, withdraw: true } });
    expect(first.body.versions).toEqual([expect.objectContaining({ number: 1, language: 'es', format: 'pdf', note: 'Adoptada en 2023' })]);
    const id = first.body.id as string;

    expect((await send(france, `/api/v1/states/CHL/publications/${id}/versions`, { language: 'en' }, pdf)).status).toBe(403);
    const second = await send(chile, `/api/v1/states/CHL/publications/${id}/versions`, { language: 'en' }, { bytes: sampleDocx(), name: 'position.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(second.status).toBe(201);
    expect(second.body.versions.map((v: { number: number; language: string; format: string }) => [v.number, v.language, v.format])).toEqual([
      [2, 'en', 'docx'],
      [1, 'es', 'pdf'],
    ]);

    const seen = (await visitor.get('/api/v1/states/CHL/record')).body.publications;
    expect(seen).toHaveLength(1);
    expect(seen[0].can).toEqual({ addVersion: false, withdraw: false });
    const v1 = await visitor.get(`/api/v1/states/CHL/publications/${id}/versions/1/file`);
    expect(v1.status).toBe(200);
    expect(v1.headers['content-type']).toBe('application/pdf');
    expect(v1.text.startsWith('%PDF-')).toBe(true);
    expect((await visitor.get(`/api/v1/states/FRA/publications/${id}/versions/1/file`)).status).toBe(404);

    expect(await auditEventsOf(p.ctx.database.db, 'states.publish-national', id)).toHaveLength(1);
    expect(await auditEventsOf(p.ctx.database.db, 'states.add-publication-version', id)).toHaveLength(1);

    expect((await france.post(`/api/v1/states/CHL/publications/${id}/withdraw`)).status).toBe(403);
    expect((await chile.post(`/api/v1/states/CHL/publications/${id}/withdraw`)).status).toBe(204);
    expect((await visitor.get('/api/v1/states/CHL/record')).body.publications).toEqual([]);
    expect((await visitor.get(`/api/v1/states/CHL/publications/${id}/versions/2/file`)).status).toBe(404);
    expect(await auditEventsOf(p.ctx.database.db, 'states.withdraw-national', id)).toHaveLength(1);
    expect((await chile.post(`/api/v1/states/CHL/publications/${id}/withdraw`)).status).toBe(404);
  });

  it('numbers versions uploaded at once one after another, none lost and none twice', async () => {
    // On PostgreSQL (CI's second pass) the uploads race for real; the publication's row lock orders them.
    const id = (await send(chile, '/api/v1/states/CHL/publications', position, pdf)).body.id as string;
    const replies = await Promise.all(Array.from({ length: 6 }, () => send(chile, `/api/v1/states/CHL/publications/${id}/versions`, { language: 'en' }, pdf)));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = (await visitor.get('/api/v1/states/CHL/record')).body.publications.find((x: { id: string }) => x.id === id).versions.map((v: { number: number }) => v.number);
    expect(numbers).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await auditEventsOf(p.ctx.database.db, 'states.add-publication-version', id)).toHaveLength(6);
  });
});
