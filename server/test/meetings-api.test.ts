import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { parseCsv } from './support/csv.js';
import { meetingBody, upload } from './support/meetings.js';
import { sampleDocx, sampleOdt, samplePdf, samplePng } from './support/files.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { meetingRoll } from '../src/modules/meetings/index.js';
import type { MeetingRoll } from '../src/modules/decisions/index.js';

/**
 * Meetings through the HTTP API: the Secretariat sets up the annual meeting with its agenda and
 * documents; States and stakeholders register and submit statements; the list of participants and
 * the statements become public only when published; calendars parse with a real iCalendar library.
 */

type Who = 'public' | 'secretariat' | 'focal CHL' | 'delegate CHL' | 'focal ARG' | 'stakeholder' | 'stakeholder 2' | 'chair';
let p: TestPlatform;
const c = {} as Record<Who, Client>;
const ids = {} as Record<Who, string>;
let org1: string;
let org2: string;
let meetingId: string;

/** A unique person whose details must never reach the public before publication. */
const SECRET = { name: `Zebulon Quixote-${randomUUID().slice(0, 6)}`, email: 'zebulon.private@example.cl', phone: '+56 2 2345 6789' };

beforeAll(async () => {
  p = await testPlatform({ UPLOAD_LIMIT_BYTES: String(64 * 1024) });
  org1 = randomUUID();
  org2 = randomUUID();
  await p.ctx.database.db.insert(organisations).values([
    { id: org1, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' },
    { id: org2, name: 'Global Forum on Cyber Expertise', kind: 'intergovernmental', accreditation: 'accredited' },
  ]);
  c.public = await new Client(p.app).start();
  const make = async (who: Who, options: Parameters<typeof makeAccount>[2]) => {
    const account = await makeAccount(p.ctx, p.app, options);
    ids[who] = account.id;
    c[who] = await signedIn(p.app, account);
  };
  await make('secretariat', { role: 'secretariat' });
  await make('focal CHL', { role: 'focal_point', state: 'CHL' });
  await make('delegate CHL', { role: 'delegate', state: 'CHL' });
  await make('focal ARG', { role: 'focal_point', state: 'ARG' });
  await make('stakeholder', { role: 'stakeholder', organisationId: org1 });
  await make('stakeholder 2', { role: 'stakeholder', organisationId: org2 });
  await make('chair', { role: 'chair' });
});
afterAll(() => p.close());

const put = (client: Client, url: string, body: unknown, headers: Record<string, string> = {}) => client.request('PUT', url, body, headers);
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field).sort();
const etag = (res: { headers: Record<string, unknown> }) => res.headers.etag as string;

describe('the Secretariat sets up a meeting', () => {
  it('schedules it in its time zone and shows the times as set', async () => {
    const res = await c.secretariat.post('/api/v1/meetings', meetingBody());
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'annual-meeting',
      status: 'planned',
      timeZone: 'America/New_York',
      startsAt: '2027-07-12T14:00:00.000Z',
      endsAt: '2027-07-16T22:00:00.000Z',
      registrationDeadline: '2027-06-30T22:00:00.000Z',
      local: { startsAt: '2027-07-12T10:00', endsAt: '2027-07-16T18:00', registrationDeadline: '2027-06-30T18:00' },
      body: { kind: 'plenary' },
      can: { manage: true, publish: true },
    });
    expect(etag(res)).toBe('"1"');
  });

  it('is refused to anyone but the Secretariat', async () => {
    expect((await c.public.post('/api/v1/meetings', meetingBody())).status).toBe(401);
    for (const who of ['focal CHL', 'delegate CHL', 'stakeholder', 'chair'] as const) expect((await c[who].post('/api/v1/meetings', meetingBody())).status, who).toBe(403);
  });

  it('names every bad field', async () => {
    const res = await c.secretariat.post('/api/v1/meetings', meetingBody({ kind: 'party', startsAt: 'tomorrow', format: 'carrier pigeon', extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.kind', 'body.startsAt', 'body.format']));
    const zone = await c.secretariat.post('/api/v1/meetings', meetingBody({ timeZone: 'Europe/Geneva' }));
    expect(fieldsOf(zone)).toEqual(['body.timeZone']);
    const order = await c.secretariat.post('/api/v1/meetings', meetingBody({ endsAt: '2027-07-11T10:00', registrationDeadline: '2027-07-13T10:00' }));
    expect(fieldsOf(order)).toEqual(['body.endsAt', 'body.registrationDeadline']);
    const gap = await c.secretariat.post('/api/v1/meetings', meetingBody({ startsAt: '2027-03-14T02:30', registrationDeadline: null }));
    expect(fieldsOf(gap)).toEqual(['body.startsAt']);
    const twg = await c.secretariat.post('/api/v1/meetings', meetingBody({ kind: 'twg-meeting' }));
    expect(fieldsOf(twg)).toEqual(['body.kind']);
  });

  it('answers 404 for a meeting that does not exist, and 400 for an id that is not one', async () => {
    const res = await c.public.get(`/api/v1/meetings/${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('urn:poa:problem:not-found');
    expect((await c.public.get('/api/v1/meetings/not-a-uuid')).body.errors[0].field).toBe('params.id');
    expect((await c.public.get(`/api/v1/meetings/${randomUUID()}/agenda`)).status).toBe(404);
    expect((await c.public.get(`/api/v1/meetings/${randomUUID()}/participants`)).status).toBe(404);
  });

  it('changes the venue with If-Match; a stale change gets 412 and none gets 428', async () => {
    expect((await c.secretariat.patch(`/api/v1/meetings/${meetingId}`, { venue: 'Conference Room 4' })).status).toBe(428);
    const res = await c.secretariat.patch(`/api/v1/meetings/${meetingId}`, { venue: 'Conference Room 4, UN Headquarters' }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(res.body.venue).toBe('Conference Room 4, UN Headquarters');
    expect(res.body.local.startsAt).toBe('2027-07-12T10:00');
    expect((await c.secretariat.patch(`/api/v1/meetings/${meetingId}`, { venue: 'X' }, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('lists it publicly, and finds it by a word of its title in any language', async () => {
    const list = await c.public.get('/api/v1/meetings?q=premiere');
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    // The title says "Programme d’action" (typographic apostrophe); a keyboard types a straight one.
    const typed = await c.public.get(`/api/v1/meetings?q=${encodeURIComponent("programme d'action")}`);
    expect(typed.body.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect((await c.public.get('/api/v1/meetings?q=nothing-like-this')).body.items).toEqual([]);
  });

  it('says in the list whether the caller may schedule a meeting: the Secretariat alone', async () => {
    expect((await c.secretariat.get('/api/v1/meetings')).body.can).toEqual({ schedule: true, seeStatuses: ['draft', 'planned', 'registration-open', 'in-session', 'closed', 'cancelled'] });
    // Nobody but the Secretariat sees a meeting before it is announced, so no one else is offered "draft".
    for (const who of ['public', 'focal CHL', 'chair', 'stakeholder'] as const) {
      expect((await c[who].get('/api/v1/meetings')).body.can, who).toEqual({ schedule: false, seeStatuses: ['planned', 'registration-open', 'in-session', 'closed', 'cancelled'] });
    }
  });
});

describe('the agenda', () => {
  let items: { key: string; items: { key: string }[] }[];

  it('links items to framework elements that exist, naming the ones that do not', async () => {
    const bad = await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, {
      items: [{ title: { en: 'Norms' }, elements: ['norm-13a', 'norm-99z'] }],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.items.0.elements']);
    expect(bad.body.detail).toContain('norm-99z');
  });

  it('is set by the Secretariat, numbered, with sub-items', async () => {
    const res = await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, {
      items: [
        { key: 'opening', title: { en: 'Opening of the meeting' } },
        { key: 'adoption', title: { en: 'Adoption of the agenda' } },
        {
          title: { en: 'Implementation of the framework', fr: 'Mise en œuvre du cadre' },
          items: [
            { key: 'norms', title: { en: 'Norms of responsible State behaviour' }, elements: ['norm-13a', 'norm-13c'] },
            { title: { en: 'Confidence-building measures' }, elements: ['global-cbm-1'] },
          ],
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, status: 'draft', label: 'Provisional agenda' });
    items = res.body.items;
    expect(res.body.items[2].items.map((i: { number: string }) => i.number)).toEqual(['3 (a)', '3 (b)']);
    expect((await c['focal CHL'].post(`/api/v1/meetings/${meetingId}/agenda`, { items: [{ title: { en: 'x' } }] })).status).toBe(403);
  });

  it('is revised by new versions (If-Match), and frozen once adopted', async () => {
    const revision = { items: [...items.map((i) => ({ key: i.key, title: { en: 'Item' }, items: i.items.map((s) => ({ key: s.key, title: { en: 'Sub-item' } })) })), { title: { en: 'Other matters' } }] };
    expect((await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, revision)).status).toBe(428);
    const rev = await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, revision, { 'if-match': '"1"' });
    expect(rev.status).toBe(201);
    expect(rev.body.label).toBe('Provisional agenda, Rev.1');
    expect((await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda/adopt`, {}, { 'if-match': '"1"' })).status).toBe(412);
    const adopted = await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda/adopt`, {}, { 'if-match': '"2"' });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ version: 2, status: 'adopted' });
    const again = await c.secretariat.post(`/api/v1/meetings/${meetingId}/agenda`, revision, { 'if-match': '"2"' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:poa:problem:agenda-adopted');
    const view = await c.public.get(`/api/v1/meetings/${meetingId}/agenda`);
    expect(view.body.current.version).toBe(2);
    expect(view.body.versions.map((v: { status: string }) => v.status)).toEqual(['adopted', 'draft']);
    expect(view.body.can).toEqual({ revise: false, adopt: false });
    const first = await c.public.get(`/api/v1/meetings/${meetingId}/agenda?version=1`);
    expect(first.body.current.items[0].title.en).toBe('Opening of the meeting');
  });
});

describe('official documents', () => {
  let reportId: string;

  it('are issued with the next symbol of their series', async () => {
    const report = await c.secretariat.post(`/api/v1/meetings/${meetingId}/documents`, { type: 'agenda', title: { en: 'Provisional agenda', fr: 'Ordre du jour provisoire' }, date: '2027-05-01', agendaItem: 'adoption' });
    expect(report.status).toBe(201);
    expect(report.body.symbol).toBe('A/AC.300/2027/1');
    reportId = report.body.id;
    const wp = await c.secretariat.post(`/api/v1/meetings/${meetingId}/documents`, { type: 'working-paper', title: { en: 'Working paper on norms implementation' }, date: '2027-05-02', agendaItem: 'norms' });
    expect(wp.body.symbol).toBe('A/AC.300/2027/WP.1');
    const crp = await c.secretariat.post(`/api/v1/meetings/${meetingId}/documents`, { type: 'conference-room-paper', title: { en: 'Compilation of views' }, date: '2027-05-03' });
    expect(crp.body.symbol).toBe('A/AC.300/2027/CRP.1');
    const taken = await c.secretariat.post('/api/v1/documents', { type: 'report', title: { en: 'Copy' }, symbol: 'A/AC.300/2027/1' });
    expect(taken.status).toBe(409);
    const unknownItem = await c.secretariat.post(`/api/v1/meetings/${meetingId}/documents`, { type: 'report', title: { en: 'x' }, agendaItem: 'nope' });
    expect(fieldsOf(unknownItem)).toEqual(['body.agendaItem']);
    expect((await c['delegate CHL'].post(`/api/v1/meetings/${meetingId}/documents`, { type: 'report', title: { en: 'x' } })).status).toBe(403);
  });

  it('take language versions as PDF, DOCX or ODT, checked by their bytes', async () => {
    const en = await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/en`, samplePdf(), 'agenda-en.pdf', 'application/pdf');
    expect(en.status).toBe(201);
    expect(en.body).toMatchObject({ language: 'en', version: 1, format: 'pdf' });
    expect((await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/fr`, sampleDocx(), 'ordre-du-jour.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).status).toBe(201);
    expect((await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/es`, sampleOdt(), 'programa.odt', 'application/vnd.oasis.opendocument.text')).status).toBe(201);
    const again = await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/en`, samplePdf(), 'agenda-en-corrected.pdf', 'application/pdf');
    expect(again.body.version).toBe(2);
  });

  it('refuses a file whose bytes are not what it claims, with 415, and keeps nothing', async () => {
    const cases: [Buffer, string, string][] = [
      [samplePng(), 'agenda.pdf', 'application/pdf'],
      [sampleDocx(), 'agenda.pdf', 'application/pdf'],
      [samplePdf(), 'agenda.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [sampleOdt('application/vnd.oasis.opendocument.spreadsheet'), 'agenda.odt', 'application/vnd.oasis.opendocument.text'],
      [Buffer.from('MZ\x90\x00 an executable'), 'agenda.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [bytes, name, type] of cases) {
      const res = await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/ru`, bytes, name, type);
      expect(res.status, name).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('urn:poa:problem:unsupported-media-type');
    }
    const doc = await c.public.get(`/api/v1/documents/${reportId}`);
    expect(doc.body.languages).toEqual({ ar: false, zh: false, en: true, fr: true, ru: false, es: true });
  });

  it('refuses a file over the size limit with 413, JSON instead of a file with 415, and uploads by others with 403', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 32)]);
    const res = await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/ar`, big, 'big.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('urn:poa:problem:payload-too-large');
    expect((await c.secretariat.post(`/api/v1/documents/${reportId}/files/ar`, { file: 'x' })).status).toBe(415);
    expect((await upload(p.app, c['focal CHL'], `/api/v1/documents/${reportId}/files/ar`, samplePdf(), 'a.pdf', 'application/pdf')).status).toBe(403);
    expect((await upload(p.app, c.public, `/api/v1/documents/${reportId}/files/ar`, samplePdf(), 'a.pdf', 'application/pdf')).status).toBe(401);
    expect((await upload(p.app, c.secretariat, `/api/v1/documents/${randomUUID()}/files/ar`, samplePdf(), 'a.pdf', 'application/pdf')).status).toBe(404);
    expect((await upload(p.app, c.secretariat, `/api/v1/documents/${reportId}/files/xx`, samplePdf(), 'a.pdf', 'application/pdf')).body.errors[0].field).toBe('params.language');
  });

  it('show which languages exist, and download with their real type', async () => {
    const doc = await c.public.get(`/api/v1/documents/${reportId}`);
    expect(doc.body.files.map((f: { language: string; version: number; format: string }) => [f.language, f.version, f.format])).toEqual([
      ['en', 2, 'pdf'],
      ['fr', 1, 'docx'],
      ['es', 1, 'odt'],
    ]);
    const file = await p.app.inject({ method: 'GET', url: `/api/v1/documents/${reportId}/files/en` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(samplePdf())).toBe(true);
    expect(file.headers['content-disposition']).toContain('A_AC.300_2027_1-en.pdf');
    expect((await c.public.get(`/api/v1/documents/${reportId}/files/en/1`)).status).toBe(200);
    expect((await c.public.get(`/api/v1/documents/${reportId}/files/zh`)).status).toBe(404);
    const history = await c.public.get(`/api/v1/documents/${reportId}/history`);
    expect(history.body.items).toHaveLength(4);
  });

  it('are found by symbol and by title, in any language, and listed on the meeting', async () => {
    const bySymbol = await c.public.get(`/api/v1/documents?q=${encodeURIComponent('2027/WP.1')}`);
    expect(bySymbol.body.items.map((d: { symbol: string }) => d.symbol)).toEqual(['A/AC.300/2027/WP.1']);
    const byTitle = await c.public.get('/api/v1/documents?q=ordre%20du%20jour');
    expect(byTitle.body.items.map((d: { symbol: string }) => d.symbol)).toEqual(['A/AC.300/2027/1']);
    const exact = await c.public.get(`/api/v1/documents/by-symbol?symbol=${encodeURIComponent('A/AC.300/2027/CRP.1')}`);
    expect(exact.body.title.en).toBe('Compilation of views');
    const page = await c.public.get(`/api/v1/meetings/${meetingId}`);
    expect(page.body.documents.map((d: { symbol: string }) => d.symbol).sort()).toEqual(['A/AC.300/2027/1', 'A/AC.300/2027/CRP.1', 'A/AC.300/2027/WP.1']);
    expect(page.body.agenda.status).toBe('adopted');
  });
});

const delegation = (head: string, extra: Record<string, unknown>[] = []) => ({
  contactEmail: 'mission@example.org',
  participants: [{ role: 'head', name: head, title: 'Ambassador' }, ...extra],
});

describe('registration', () => {
  it('waits until the Secretariat opens it', async () => {
    const res = await put(c['focal CHL'], `/api/v1/meetings/${meetingId}/registrations/states/CHL`, delegation('Ana Pérez'));
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:poa:problem:registration-closed');
    const meeting = await c.public.get(`/api/v1/meetings/${meetingId}`);
    const open = await c.secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'registration-open' }, { 'if-match': etag(meeting) });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ status: 'registration-open', registrationOpen: true });
    expect((await c.secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'closed' }, { 'if-match': etag(open) })).status).toBe(409);
  });

  it("lets a focal point register its State's delegation, with contact details that only it and the Secretariat see", async () => {
    const res = await put(
      c['focal CHL'],
      `/api/v1/meetings/${meetingId}/registrations/states/CHL`,
      delegation('Ana Pérez', [
        { role: 'representative', name: SECRET.name, title: 'Counsellor', email: SECRET.email, phone: SECRET.phone },
        { role: 'adviser', name: 'Diego Morales', self: false },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', delegation: { kind: 'state', state: 'CHL' }, delegationName: 'Chile', version: 1 });
    expect(res.body.participants.map((x: { role: string }) => x.role)).toEqual(['head', 'representative', 'adviser']);
    expect(res.body.participants[1]).toMatchObject({ email: SECRET.email, phone: SECRET.phone });
  });

  it('lets a delegate change it (If-Match) and put themselves on it', async () => {
    const current = await c['delegate CHL'].get(`/api/v1/meetings/${meetingId}/registrations/states/CHL`);
    expect(current.status).toBe(200);
    const keep = current.body.participants.map((x: { id: string; role: string; name: string; title: string | null; email: string | null; phone: string | null }) => ({
      id: x.id,
      role: x.role,
      name: x.name,
      ...(x.title ? { title: x.title } : {}),
      ...(x.email ? { email: x.email } : {}),
      ...(x.phone ? { phone: x.phone } : {}),
    }));
    const body = { contactEmail: 'mission.chile@example.org', participants: [...keep, { role: 'adviser', name: 'Delegate of Chile', self: true }] };
    expect((await put(c['delegate CHL'], `/api/v1/meetings/${meetingId}/registrations/states/CHL`, body)).status).toBe(428);
    const res = await put(c['delegate CHL'], `/api/v1/meetings/${meetingId}/registrations/states/CHL`, body, { 'if-match': etag(current) });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.participants.find((x: { isMe: boolean }) => x.isMe).name).toBe('Delegate of Chile');
    expect(res.body.participants[0].id).toBe(current.body.participants[0].id);
    expect(res.body).toMatchObject({ registrationOpen: true, can: { change: true, withdraw: true, confirm: false } });
  });

  it('never lets a delegate or focal point register, read or withdraw for another State', async () => {
    for (const who of ['delegate CHL', 'focal CHL'] as const) {
      expect((await put(c[who], `/api/v1/meetings/${meetingId}/registrations/states/ARG`, delegation('Impostor'))).status, who).toBe(403);
      expect((await c[who].get(`/api/v1/meetings/${meetingId}/registrations/states/ARG`)).status, who).toBe(403);
      expect((await c[who].delete(`/api/v1/meetings/${meetingId}/registrations/states/ARG`, { 'if-match': '"1"' })).status, who).toBe(403);
    }
    expect((await put(c['focal ARG'], `/api/v1/meetings/${meetingId}/registrations/states/CHL`, delegation('Impostor'))).status).toBe(403);
    expect((await put(c.stakeholder, `/api/v1/meetings/${meetingId}/registrations/states/CHL`, delegation('Impostor'))).status).toBe(403);
    expect((await put(c.secretariat, `/api/v1/meetings/${meetingId}/registrations/states/CHL`, delegation('Impostor'))).status).toBe(403);
    expect((await put(c.public, `/api/v1/meetings/${meetingId}/registrations/states/CHL`, delegation('Impostor'))).status).toBe(401);
    const mine = await c['focal CHL'].get(`/api/v1/meetings/${meetingId}/registrations/states/CHL`);
    expect(mine.body.participants[0].name).toBe('Ana Pérez');
  });

  it('names the bad fields of a delegation', async () => {
    const res = await put(c['focal ARG'], `/api/v1/meetings/${meetingId}/registrations/states/ARG`, {
      contactEmail: 'not an email',
      participants: [{ role: 'minister', name: '' }],
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.contactEmail', 'body.participants.0.role', 'body.participants.0.name']));
    const heads = await put(c['focal ARG'], `/api/v1/meetings/${meetingId}/registrations/states/ARG`, { contactEmail: 'a@b.org', participants: [{ role: 'adviser', name: 'X' }] });
    expect(fieldsOf(heads)).toEqual(['body.participants']);
    expect((await put(c['focal ARG'], `/api/v1/meetings/${meetingId}/registrations/states/ARG`, delegation('María González'))).status).toBe(200);
  });

  it("lets an accredited organisation's representative register its people, and only its own", async () => {
    const res = await put(c.stakeholder, `/api/v1/meetings/${meetingId}/registrations/organisations/${org1}`, {
      contactEmail: 'office@cyberpeace.example',
      participants: [{ role: 'representative', name: 'Priya Raman', title: 'Head of policy', self: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.delegationName).toBe('Cyber Peace Institute');
    expect((await put(c.stakeholder, `/api/v1/meetings/${meetingId}/registrations/organisations/${org2}`, delegation('Impostor'))).status).toBe(403);
    expect((await put(c['focal CHL'], `/api/v1/meetings/${meetingId}/registrations/organisations/${org1}`, delegation('Impostor'))).status).toBe(403);
  });

  it('shows each delegation its own registrations, and the Secretariat all of them', async () => {
    const all = await c.secretariat.get(`/api/v1/meetings/${meetingId}/registrations`);
    expect(all.body.items.map((r: { delegationName: string }) => r.delegationName).sort()).toEqual(['Argentina', 'Chile', 'Cyber Peace Institute']);
    const own = await c['delegate CHL'].get(`/api/v1/meetings/${meetingId}/registrations`);
    expect(own.body.items.map((r: { delegationName: string }) => r.delegationName)).toEqual(['Chile']);
    expect((await c.public.get(`/api/v1/meetings/${meetingId}/registrations`)).status).toBe(401);
    expect((await c.chair.get(`/api/v1/meetings/${meetingId}/registrations`)).status).toBe(403);
  });

  it('is confirmed by the Secretariat as read (If-Match)', async () => {
    const all = await c.secretariat.get(`/api/v1/meetings/${meetingId}/registrations`);
    for (const r of all.body.items as { id: string; version: number; delegationName: string }[]) {
      expect((await c['focal CHL'].post(`/api/v1/meetings/${meetingId}/registrations/${r.id}/confirm`, {}, { 'if-match': `"${r.version}"` })).status).toBe(403);
      if (r.delegationName === 'Argentina') continue; // stays unconfirmed
      expect((await c.secretariat.post(`/api/v1/meetings/${meetingId}/registrations/${r.id}/confirm`, {}, { 'if-match': `"${r.version + 1}"` })).status).toBe(412);
      const ok = await c.secretariat.post(`/api/v1/meetings/${meetingId}/registrations/${r.id}/confirm`, {}, { 'if-match': `"${r.version}"` });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('confirmed');
    }
  });
});

/** Every GET route the platform serves, with this meeting's and its neighbours' ids in its parameters. */
async function everyPublicRead(client: Client, values: Record<string, string>): Promise<{ url: string; text: string; status: number }[]> {
  const urls = p.routes
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))
    .map((r) => r.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x'));
  const extras = ['format=csv', 'format=html', 'format=json', `q=${encodeURIComponent(SECRET.name)}`, `q=${encodeURIComponent('Zebulon')}`, `q=${encodeURIComponent(SECRET.email)}`];
  const seen: { url: string; text: string; status: number }[] = [];
  for (const url of urls) {
    for (const query of ['', ...extras]) {
      const full = query ? `${url}?${query}` : url;
      const res = await client.get(full);
      // A problem's `instance` echoes the URL asked for: what the caller sent is no leak.
      seen.push({ url: full, text: res.text.split(full).join(''), status: res.status });
    }
  }
  return seen;
}

describe('the list of participants', () => {
  // A crawl of every public route: minutes on a loaded machine, not the usual 30 s.
  it('is not reachable by the public through any route, export or search before it is published', { timeout: 300_000 }, async () => {
    const values = { id: meetingId, iso3: 'CHL', organisationId: org1, code: 'norm-13a', language: 'en', version: '1', symbol: 'A/AC.300/2027/1' };
    const seen = await everyPublicRead(c.public, values);
    expect(seen.length).toBeGreaterThan(100);
    // The sweep reached the meeting's own pages, not only errors.
    for (const path of [`/api/v1/meetings/${meetingId}`, `/api/v1/meetings/${meetingId}/agenda`, `/api/v1/meetings/${meetingId}/statements`, '/api/v1/calendar/meetings.ics']) {
      expect(seen.find((s) => s.url === path)?.status, path).toBe(200);
    }
    expect(seen.filter((s) => s.url.includes('/participants')).every((s) => s.status === 401)).toBe(true);
    for (const s of seen) {
      expect(s.text, s.url).not.toContain('Zebulon');
      expect(s.text, s.url).not.toContain(SECRET.email);
      expect(s.text, s.url).not.toContain(SECRET.phone);
      expect(s.text, s.url).not.toContain('Ana Pérez');
    }
    // Signed in, but not the Secretariat: not published is not published.
    expect((await c['focal CHL'].get(`/api/v1/meetings/${meetingId}/participants?format=csv`)).status).toBe(403);
    expect((await c.stakeholder.get(`/api/v1/meetings/${meetingId}/participants?format=html`)).status).toBe(403);
    const page = await c.public.get(`/api/v1/meetings/${meetingId}`);
    expect(page.body.participantsPublished).toBe(false);
    expect(page.body.can.readParticipants).toBe(false);
  });

  it('is seen by the Secretariat before publication, never with email or phone', async () => {
    const res = await c.secretariat.get(`/api/v1/meetings/${meetingId}/participants`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body.published).toBe(false);
    expect(res.text).toContain(SECRET.name);
    expect(res.text).not.toContain(SECRET.email);
    expect(res.text).not.toContain(SECRET.phone);
  });

  it('is public once published: confirmed delegations, name, title and delegation only, as JSON, CSV and a printable page', async () => {
    const meeting = await c.secretariat.get(`/api/v1/meetings/${meetingId}`);
    expect((await put(c['focal CHL'], `/api/v1/meetings/${meetingId}/publication`, { participants: true }, { 'if-match': etag(meeting) })).status).toBe(403);
    const pub = await put(c.secretariat, `/api/v1/meetings/${meetingId}/publication`, { participants: true }, { 'if-match': etag(meeting) });
    expect(pub.status).toBe(200);
    expect(pub.body.participantsPublished).toBe(true);
    const json = await c.public.get(`/api/v1/meetings/${meetingId}/participants`);
    expect(json.status).toBe(200);
    expect(json.body.delegations.map((d: { name: string }) => d.name)).toEqual(['Chile', 'Cyber Peace Institute']); // Argentina is not confirmed
    expect(json.body.delegations[0].participants[1]).toEqual({ role: 'representative', name: SECRET.name, title: 'Counsellor' });
    const csv = await c.public.get(`/api/v1/meetings/${meetingId}/participants?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(csv.text)).toContainEqual(['Chile', 'state', 'member', 'Representative', SECRET.name, 'Counsellor']);
    const html = await c.public.get(`/api/v1/meetings/${meetingId}/participants?format=html`);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<h2>Chile</h2>');
    for (const text of [json.text, csv.text, html.text]) {
      expect(text).not.toContain(SECRET.email);
      expect(text).not.toContain(SECRET.phone);
      expect(text).not.toContain('mission.chile@example.org');
    }
  });
});

describe('statements', () => {
  it('are submitted by a delegation for itself on an agenda item, never for another', async () => {
    const res = await c['delegate CHL'].post(`/api/v1/meetings/${meetingId}/statements/states/CHL`, { agendaItem: 'norms', language: 'es', title: 'Declaración de Chile', text: 'Chile apoya la aplicación de las normas.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ agendaItem: { key: 'norms', number: '3 (a)' }, delegationName: 'Chile', language: 'es' });
    expect((await c['delegate CHL'].post(`/api/v1/meetings/${meetingId}/statements/states/ARG`, { agendaItem: 'norms', language: 'en', text: 'Not ours' })).status).toBe(403);
    expect((await c.stakeholder.post(`/api/v1/meetings/${meetingId}/statements/organisations/${org2}`, { agendaItem: 'norms', language: 'en', text: 'Not ours' })).status).toBe(403);
    expect((await c.stakeholder.post(`/api/v1/meetings/${meetingId}/statements/states/CHL`, { agendaItem: 'norms', language: 'en', text: 'Not ours' })).status).toBe(403);
    const unknown = await c['focal ARG'].post(`/api/v1/meetings/${meetingId}/statements/states/ARG`, { agendaItem: 'no-such-item', language: 'en', text: 'x' });
    expect(fieldsOf(unknown)).toEqual(['body.agendaItem']);
    const bad = await c['focal ARG'].post(`/api/v1/meetings/${meetingId}/statements/states/ARG`, { agendaItem: 'Norms!', language: 'xx' });
    expect(fieldsOf(bad)).toEqual(['body.agendaItem', 'body.language', 'body.text']);
  });

  it('may be a file, checked by its bytes', async () => {
    const ok = await upload(p.app, c.stakeholder, `/api/v1/meetings/${meetingId}/statements/organisations/${org1}/file?agendaItem=norms&language=en`, samplePdf(), 'cpi-statement.pdf', 'application/pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.file).toMatchObject({ format: 'pdf', filename: 'cpi-statement.pdf' });
    const fake = await upload(p.app, c['focal ARG'], `/api/v1/meetings/${meetingId}/statements/states/ARG/file?agendaItem=norms&language=es`, samplePng(), 'declaracion.pdf', 'application/pdf');
    expect(fake.status).toBe(415);
    const other = await upload(p.app, c['focal ARG'], `/api/v1/meetings/${meetingId}/statements/states/CHL/file?agendaItem=norms&language=es`, samplePdf(), 'x.pdf', 'application/pdf');
    expect(other.status).toBe(403);
    const noQuery = await upload(p.app, c['focal ARG'], `/api/v1/meetings/${meetingId}/statements/states/ARG/file`, samplePdf(), 'x.pdf', 'application/pdf');
    expect(fieldsOf(noQuery)).toEqual(['query.agendaItem', 'query.language']);
  });

  it('are private to their delegation and the Secretariat until published', async () => {
    const anon = await c.public.get(`/api/v1/meetings/${meetingId}/statements`);
    expect(anon.body).toEqual({ published: false, states: [], stakeholders: [] });
    const chile = await c['focal CHL'].get(`/api/v1/meetings/${meetingId}/statements`);
    expect(chile.body.states.map((s: { delegationName: string }) => s.delegationName)).toEqual(['Chile']);
    expect(chile.body.stakeholders).toEqual([]);
    const all = await c.secretariat.get(`/api/v1/meetings/${meetingId}/statements`);
    expect(all.body.states).toHaveLength(1);
    expect(all.body.stakeholders).toHaveLength(1);
    const fileUrl = all.body.stakeholders[0].file.url as string;
    expect((await c.public.get(fileUrl)).status).toBe(401);
    expect((await c['focal CHL'].get(fileUrl)).status).toBe(403);
    expect((await c.stakeholder.get(fileUrl)).status).toBe(200);
  });

  it("are public once published, stakeholders' listed apart from States'", async () => {
    const meeting = await c.secretariat.get(`/api/v1/meetings/${meetingId}`);
    expect((await put(c.secretariat, `/api/v1/meetings/${meetingId}/publication`, { statements: true }, { 'if-match': etag(meeting) })).status).toBe(200);
    const anon = await c.public.get(`/api/v1/meetings/${meetingId}/statements`);
    expect(anon.body.published).toBe(true);
    expect(anon.body.states.map((s: { delegationName: string }) => s.delegationName)).toEqual(['Chile']);
    expect(anon.body.stakeholders.map((s: { delegationName: string }) => s.delegationName)).toEqual(['Cyber Peace Institute']);
    const file = await p.app.inject({ method: 'GET', url: anon.body.stakeholders[0].file.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(samplePdf())).toBe(true);
    const byItem = await c.public.get(`/api/v1/meetings/${meetingId}/statements?agendaItem=opening`);
    expect(byItem.body.states).toEqual([]);
  });
});

describe('calendars', () => {
  const parse = (text: string) => {
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    return cal.getAllSubcomponents('vevent').map((v) => ({ tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'), event: new ICAL.Event(v), zones: cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')) }));
  };

  it('the public feed parses, with each meeting in its own time zone at the right instant', async () => {
    const geneva = await c.secretariat.post('/api/v1/meetings', meetingBody({ kind: 'informal-consultation', title: { en: 'Informal consultation in Geneva' }, timeZone: 'Europe/Zurich', startsAt: '2027-03-01T10:00', endsAt: '2027-03-01T13:00', registrationDeadline: null, venue: 'Palais des Nations, Geneva' }));
    expect(geneva.status).toBe(201);
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/calendar/meetings.ics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parse(res.body);
    const ny = events.find((e) => e.event.summary === 'First annual meeting of the Programme of Action')!;
    expect(ny.tzid).toBe('America/New_York');
    expect(ny.zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/Zurich']));
    expect(ny.event.startDate.toJSDate().toISOString()).toBe('2027-07-12T14:00:00.000Z');
    expect(ny.event.endDate.toJSDate().toISOString()).toBe('2027-07-16T22:00:00.000Z');
    const gva = events.find((e) => e.event.summary === 'Informal consultation in Geneva')!;
    expect(gva.tzid).toBe('Europe/Zurich');
    expect(gva.event.startDate.toJSDate().toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(gva.event.location).toBe('Palais des Nations, Geneva');
    // The public feed never carries participants.
    expect(res.body).not.toContain('Zebulon');
  });

  it('a private feed lists the meetings the account is registered in, by a secret link that can be revoked', async () => {
    expect((await c.public.post('/api/v1/calendar/private-feed')).status).toBe(401);
    const made = await c['delegate CHL'].post('/api/v1/calendar/private-feed');
    expect(made.status).toBe(201);
    const path = new URL(made.body.url).pathname;
    const feed = await p.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(parse(feed.body).map((e) => e.event.summary)).toEqual(['First annual meeting of the Programme of Action']);
    expect((await c['delegate CHL'].get('/api/v1/calendar/private-feed')).body.active).toBe(true);
    // Another account registered in nothing gets an empty feed.
    const other = await c['focal ARG'].post('/api/v1/calendar/private-feed');
    expect(parse((await p.app.inject({ method: 'GET', url: new URL(other.body.url).pathname })).body)).toEqual([]);
    // A new link replaces the old one; revoking ends it.
    const rotated = await c['delegate CHL'].post('/api/v1/calendar/private-feed');
    expect((await p.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const newPath = new URL(rotated.body.url).pathname;
    expect((await p.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await c['delegate CHL'].delete('/api/v1/calendar/private-feed')).status).toBe(204);
    expect((await p.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await c['delegate CHL'].delete('/api/v1/calendar/private-feed')).status).toBe(404);
    expect((await c.public.get('/api/v1/calendar/feeds/short/meetings.ics')).status).toBe(400);
  });

  it('shows the next review conference from the cadence setting, and the one scheduled for it', async () => {
    const before = await c.public.get('/api/v1/calendar');
    expect(before.body.nextReviewConference).toEqual({ number: 1, year: 2031, meetingId: null, cadence: { everyYears: 5, foundedOn: '2026-01-01' } });
    expect(before.body.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    const rc = await c.secretariat.post('/api/v1/meetings', meetingBody({ kind: 'review-conference', title: { en: 'First review conference' }, startsAt: '2031-06-02T10:00', endsAt: '2031-06-13T18:00', registrationDeadline: null }));
    const after = await c.public.get('/api/v1/calendar');
    expect(after.body.nextReviewConference).toMatchObject({ number: 1, year: 2031, meetingId: rc.body.id });
    const other = await testPlatform({ REVIEW_CONFERENCE_EVERY_YEARS: '3', POA_FOUNDED_ON: '2025-12-01' });
    try {
      expect((await new Client(other.app).get('/api/v1/calendar')).body.nextReviewConference).toMatchObject({ number: 1, year: 2028 });
    } finally {
      await other.close();
    }
  });
});

describe('what each caller may do, from the same rules', () => {
  it('is in every meeting response', async () => {
    const can = async (who: Who) => (await c[who].get(`/api/v1/meetings/${meetingId}`)).body.can;
    expect(await can('public')).toEqual({ manage: false, register: false, submitStatement: false, readParticipants: true, publish: false, moveTo: [], announce: false, editBody: false, postpone: false, cancel: false, editTimes: false });
    expect(await can('delegate CHL')).toEqual({ manage: false, register: true, submitStatement: true, readParticipants: true, publish: false, moveTo: [], announce: false, editBody: false, postpone: false, cancel: false, editTimes: false });
    expect(await can('stakeholder')).toEqual({ manage: false, register: true, submitStatement: true, readParticipants: true, publish: false, moveTo: [], announce: false, editBody: false, postpone: false, cancel: false, editTimes: false });
    expect(await can('chair')).toEqual({ manage: false, register: false, submitStatement: false, readParticipants: true, publish: false, moveTo: [], announce: false, editBody: false, postpone: false, cancel: false, editTimes: false });
    expect(await can('secretariat')).toEqual({ manage: true, register: false, submitStatement: false, readParticipants: true, publish: true, moveTo: ['planned', 'in-session'], announce: false, editBody: false, postpone: true, cancel: true, editTimes: true });
  });
});

describe("the meeting's floor, as adoption in a meeting asks it", () => {
  it('says whose meeting it is, whether it is in session and whether a State is there (registered and confirmed)', async () => {
    const roll: MeetingRoll = meetingRoll;
    const db = p.ctx.database.db;
    expect(await roll.floor(db, meetingId)).toEqual({ body: 'plenary', inSession: false, timeZone: 'America/New_York' });
    expect(await roll.floor(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const meeting = await c.secretariat.get(`/api/v1/meetings/${meetingId}`);
    expect((await c.secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'in-session' }, { 'if-match': etag(meeting) })).status).toBe(200);
    expect(await roll.floor(db, meetingId)).toEqual({ body: 'plenary', inSession: true, timeZone: 'America/New_York' });
    expect(await roll.present(db, meetingId, 'CHL')).toBe(true);
    expect(await roll.present(db, meetingId, 'ARG')).toBe(false); // registered, not confirmed
    expect(await roll.present(db, meetingId, 'BRA')).toBe(false);
    // In session, registration is closed to everyone: the registration says so, and may still be withdrawn.
    expect((await put(c['focal ARG'], `/api/v1/meetings/${meetingId}/registrations/states/ARG`, delegation('Late'), { 'if-match': '"1"' })).status).toBe(409);
    const late = await c['focal ARG'].get(`/api/v1/meetings/${meetingId}/registrations/states/ARG`);
    expect(late.body).toMatchObject({ registrationOpen: false, can: { change: false, withdraw: true, confirm: false } });
  });
});
