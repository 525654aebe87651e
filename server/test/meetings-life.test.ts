import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { auditEvents } from '../src/platform/audit/tables.js';

/**
 * A meeting's life for the Secretariat: a draft seen by the Secretariat alone until announced, its
 * body and kind changed before that only, and an announced meeting postponed or cancelled with a
 * reason told once to each registered delegation and carried by the calendar feeds.
 */
let p: TestPlatform;
let pub: Client;
let secretariat: Client;
let focal: Client;
let stakeholder: Client;
const etagOf = (r: { headers: Record<string, unknown> }) => r.headers.etag as string;

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Cyber NGO', kind: 'ngo', accreditation: 'accredited' });
  pub = await new Client(p.app).start();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  focal = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL', email: 'focal.chl@example.org' }));
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
  expect((await focal.put('/api/v1/me/language', { language: 'es' })).status).toBe(204);
});
afterAll(() => p.close());

/** Where a meeting can surface: the list, its page, the public feed, the search, the atom feed of open data. */
async function surfaces(c: Client, id: string, word: string) {
  const list = (await c.get('/api/v1/meetings')).body.items.some((m: { id: string }) => m.id === id);
  const page = (await c.get(`/api/v1/meetings/${id}`)).status;
  const ics = (await c.get('/api/v1/calendar/meetings.ics')).text.includes(`meeting-${id}@`);
  const calendar = (await c.get('/api/v1/calendar?from=2020-01-01T00:00:00Z')).body.items.some((m: { id: string }) => m.id === id);
  const search = (await c.get(`/api/v1/search?q=${word}`)).body.items.some((h: { kind: string; id: string }) => h.kind === 'meeting' && h.id === id);
  const atom = (await c.get('/api/v1/feeds/meetings.atom')).text.includes(id);
  return { list, page, ics, calendar, search, atom };
}

describe('a draft meeting', () => {
  let id: string;
  const word = `Zanzibarine${randomUUID().slice(0, 6)}`;

  it('is seen by the Secretariat alone, everywhere a meeting surfaces', async () => {
    const created = await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: `Draft ${word} session` }, draft: true }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', postponed: null, cancelled: null });
    expect(created.body.can).toMatchObject({ announce: true, editBody: true, postpone: false, cancel: false });
    id = created.body.id;

    const hidden = { list: false, page: 404, ics: false, calendar: false, search: false, atom: false };
    for (const [who, c] of [['public', pub], ['focal point', focal], ['stakeholder', stakeholder]] as const) expect(await surfaces(c, id, word), who).toEqual(hidden);
    // 404 for its agenda and documents too, and no registration.
    expect((await focal.get(`/api/v1/meetings/${id}/agenda`)).status).toBe(404);
    expect((await focal.put(`/api/v1/meetings/${id}/registrations/states/CHL`, { contactEmail: 'a@example.org', participants: [{ role: 'head', name: 'A' }] })).status).toBe(404);
    // The Secretariat sees it on its list, its page and in the search; no reminder is scheduled for it.
    const own = await surfaces(secretariat, id, word);
    expect(own).toMatchObject({ list: true, page: 200, search: true });
    expect(await p.ctx.database.db.select().from(jobs).where(like(jobs.key, `meetings.reminder:%:${id}:%`))).toEqual([]);
  });

  it('changes body and kind before it is announced, and not after', async () => {
    const page = await secretariat.get(`/api/v1/meetings/${id}`);
    const group = await secretariat.post('/api/v1/groups', { name: { en: `Group ${word}` }, mandate: { en: 'A mandate of the group.' }, stakeholderObservers: false });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    {
      const moved = await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'twg-meeting', groupId: group.body.id }, { 'if-match': etagOf(page) });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toMatchObject({ kind: 'twg-meeting', body: { kind: 'group', groupId: group.body.id } });
      const back = await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'annual-meeting', groupId: null }, { 'if-match': etagOf(moved) });
      expect(back.status).toBe(200);
    }
    const current = await secretariat.get(`/api/v1/meetings/${id}`);
    const unfit = await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'twg-meeting' }, { 'if-match': etagOf(current) });
    expect(unfit.status).toBe(400);
    const nowhere = await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'informal-consultation', groupId: randomUUID() }, { 'if-match': etagOf(current) });
    expect(nowhere.status).toBe(400);
    const kind = await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'organizational-session' }, { 'if-match': etagOf(current) });
    expect(kind.status).toBe(200);
    expect(kind.body.kind).toBe('organizational-session');
  });

  it('appears once announced (audited), and its body is fixed from then on', async () => {
    const page = await secretariat.get(`/api/v1/meetings/${id}`);
    expect((await focal.post(`/api/v1/meetings/${id}/announce`, {}, { 'if-match': etagOf(page) })).status).toBe(403);
    const announced = await secretariat.post(`/api/v1/meetings/${id}/announce`, {}, { 'if-match': etagOf(page) });
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('planned');
    expect(announced.body.can).toMatchObject({ announce: false, editBody: false, postpone: true, cancel: true });
    expect((await secretariat.post(`/api/v1/meetings/${id}/announce`, {}, { 'if-match': etagOf(announced) })).status).toBe(409);
    for (const c of [pub, focal, stakeholder]) expect(await surfaces(c, id, word)).toEqual({ list: true, page: 200, ics: true, calendar: true, search: true, atom: true });
    expect((await secretariat.patch(`/api/v1/meetings/${id}`, { kind: 'annual-meeting' }, { 'if-match': etagOf(announced) })).status).toBe(409);
    const audit = await p.ctx.database.db.select().from(auditEvents).where(like(auditEvents.action, 'meetings.announce'));
    expect(audit.some((e) => e.subjectId === id)).toBe(true);
  });
});

describe('an announced meeting', () => {
  const sequenceOf = (ics: string, id: string) => {
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`meeting-${id}@`))!;
    return { sequence: Number(/SEQUENCE:(\d+)/.exec(event)![1]), status: /\nSTATUS:(\w+)/.exec(event)![1], start: /DTSTART[^:]*:(\d{8}T\d{4})/.exec(event)![1] };
  };

  async function openMeetingWithChile(overrides: Record<string, unknown> = {}) {
    const created = await secretariat.post('/api/v1/meetings', meetingBody(overrides));
    expect(created.status).toBe(201);
    const opened = await secretariat.post(`/api/v1/meetings/${created.body.id}/status`, { status: 'registration-open' }, { 'if-match': etagOf(created) });
    expect(opened.status).toBe(200);
    const reg = await focal.put(`/api/v1/meetings/${created.body.id}/registrations/states/CHL`, {
      contactEmail: 'focal.chl@example.org',
      participants: [{ role: 'head', name: 'Ana Pérez', email: 'ana.perez@example.cl' }],
    });
    expect(reg.status).toBe(200);
    return created.body.id as string;
  }

  it('postponed: new dates, reminders moved, SEQUENCE up, each registered delegation told once in its language', async () => {
    const id = await openMeetingWithChile({ title: { en: 'Postponed session', es: 'Sesión aplazada' } });
    const before = sequenceOf((await pub.get('/api/v1/calendar/meetings.ics')).text, id);
    const page = await secretariat.get(`/api/v1/meetings/${id}`);
    const body = { startsAt: '2027-09-13T10:00', endsAt: '2027-09-17T18:00', registrationDeadline: '2027-09-01T18:00', reason: 'The conference rooms are under repair.' };
    expect((await focal.post(`/api/v1/meetings/${id}/postpone`, body, { 'if-match': etagOf(page) })).status).toBe(403);
    expect((await secretariat.post(`/api/v1/meetings/${id}/postpone`, { ...body, reason: '' }, { 'if-match': etagOf(page) })).status).toBe(400);
    const postponed = await secretariat.post(`/api/v1/meetings/${id}/postpone`, body, { 'if-match': etagOf(page) });
    expect(postponed.status, JSON.stringify(postponed.body)).toBe(200);
    expect(postponed.body).toMatchObject({ status: 'registration-open', local: { startsAt: '2027-09-13T10:00' }, postponed: { reason: body.reason } });
    expect(new Date(postponed.body.postponed.from).toISOString()).toBe('2027-07-12T14:00:00.000Z');

    const after = sequenceOf((await pub.get('/api/v1/calendar/meetings.ics')).text, id);
    expect(after).toEqual({ sequence: before.sequence + 1, status: 'CONFIRMED', start: '20270913T1000' });

    const reminders = await p.ctx.database.db.select().from(jobs).where(like(jobs.key, `meetings.reminder:%:${id}:%`));
    const pending = reminders.filter((j) => j.status === 'pending').map((j) => j.key.split(':').slice(1, 2).concat(j.key.split(':').slice(3).join(':')).join(' '));
    expect(pending.sort()).toEqual(['meeting-start 2027-09-13T14:00:00.000Z', 'registration-deadline 2027-09-01T22:00:00.000Z']);
    expect(reminders.filter((j) => j.status === 'cancelled')).toHaveLength(2);

    const notices = (await p.outbox()).filter((m) => m.subject.includes('Sesión aplazada'));
    expect(notices.map((m) => [m.to, m.subject])).toEqual([['focal.chl@example.org', 'Aplazada: Sesión aplazada']]);
    expect(notices[0]!.text).toContain(body.reason);
  });

  it('a postponement moves a meeting later: earlier or same dates are refused, naming the field (#17 item 5)', async () => {
    const id = await openMeetingWithChile({ title: { en: `Not earlier ${randomUUID().slice(0, 4)}` } });
    const page = await secretariat.get(`/api/v1/meetings/${id}`);
    // The meeting runs 2027-07-12T10:00 to 2027-07-16T18:00 (New York).
    const earlier = await secretariat.post(`/api/v1/meetings/${id}/postpone`, { startsAt: '2027-06-01T10:00', endsAt: '2027-06-05T18:00', registrationDeadline: null, reason: 'Sooner.' }, { 'if-match': etagOf(page) });
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.startsAt', 'body.endsAt']);
    const same = await secretariat.post(`/api/v1/meetings/${id}/postpone`, { startsAt: '2027-07-12T10:00', endsAt: '2027-07-20T18:00', reason: 'Longer.' }, { 'if-match': etagOf(page) });
    expect(same.status).toBe(400);
    expect(same.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.startsAt']);
    expect((await secretariat.get(`/api/v1/meetings/${id}`)).body.local.startsAt).toBe('2027-07-12T10:00');
  });

  it('the calendar offers a status filter of what the caller may see: no draft for the public (#17 item 5)', async () => {
    expect((await pub.get('/api/v1/meetings')).body.can.seeStatuses).toEqual(['planned', 'registration-open', 'in-session', 'closed', 'cancelled']);
    expect((await focal.get('/api/v1/meetings')).body.can.seeStatuses).not.toContain('draft');
    expect((await secretariat.get('/api/v1/meetings')).body.can.seeStatuses).toEqual(['draft', 'planned', 'registration-open', 'in-session', 'closed', 'cancelled']);
  });

  it('a cancelled meeting keeps its dates: changing them is refused, and no longer offered (#17 item 5)', async () => {
    const id = await openMeetingWithChile({ title: { en: `Dates kept ${randomUUID().slice(0, 4)}` } });
    const page = await secretariat.get(`/api/v1/meetings/${id}`);
    expect(page.body.can.editTimes).toBe(true);
    const cancelled = await secretariat.post(`/api/v1/meetings/${id}/cancel`, { reason: 'Off.' }, { 'if-match': etagOf(page) });
    expect(cancelled.body.can.editTimes).toBe(false);
    const moved = await secretariat.patch(`/api/v1/meetings/${id}`, { startsAt: '2027-08-02T10:00', endsAt: '2027-08-06T18:00' }, { 'if-match': etagOf(cancelled) });
    expect(moved.status).toBe(409);
    expect(moved.body.type).toBe('urn:poa:problem:meeting-cancelled');
    const zone = await secretariat.patch(`/api/v1/meetings/${id}`, { timeZone: 'Europe/Zurich' }, { 'if-match': etagOf(cancelled) });
    expect(zone.status).toBe(409);
    expect((await secretariat.get(`/api/v1/meetings/${id}`)).body.local.startsAt).toBe('2027-07-12T10:00');
  });

  it('cancelled: STATUS:CANCELLED and SEQUENCE up, no reminder, each registered delegation told once', async () => {
    const id = await openMeetingWithChile({ title: { en: `Cancelled session ${randomUUID().slice(0, 4)}` } });
    const chlPage = await secretariat.get(`/api/v1/meetings/${id}`);
    const before = sequenceOf((await pub.get('/api/v1/calendar/meetings.ics')).text, id);
    expect(before.status).toBe('CONFIRMED');
    expect((await focal.post(`/api/v1/meetings/${id}/cancel`, { reason: 'No.' }, { 'if-match': etagOf(chlPage) })).status).toBe(403);
    expect((await pub.post(`/api/v1/meetings/${id}/cancel`, { reason: 'No.' }, { 'if-match': etagOf(chlPage) })).status).toBe(401);
    const cancelled = await secretariat.post(`/api/v1/meetings/${id}/cancel`, { reason: 'The host withdrew its invitation.' }, { 'if-match': etagOf(chlPage) });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled: { reason: 'The host withdrew its invitation.' } });
    expect(cancelled.body.can).toMatchObject({ postpone: false, cancel: false, moveTo: [] });
    expect((await secretariat.post(`/api/v1/meetings/${id}/cancel`, { reason: 'Again.' }, { 'if-match': etagOf(cancelled) })).status).toBe(409);

    const after = sequenceOf((await pub.get('/api/v1/calendar/meetings.ics')).text, id);
    expect(after).toMatchObject({ sequence: before.sequence + 1, status: 'CANCELLED' });
    expect((await pub.get(`/api/v1/meetings/${id}`)).body.cancelled.reason).toBe('The host withdrew its invitation.');

    const reminders = await p.ctx.database.db.select().from(jobs).where(like(jobs.key, `meetings.reminder:%:${id}:%`));
    expect(reminders.filter((j) => j.status === 'pending')).toEqual([]);

    // The mail job run twice: one notice.
    await p.outbox();
    const notices = (await p.outbox()).filter((m) => m.text.includes('The host withdrew its invitation.'));
    expect(notices.map((m) => [m.to, m.subject.split(':')[0]])).toEqual([['focal.chl@example.org', 'Cancelada']]);
    const audit = await p.ctx.database.db.select().from(auditEvents).where(like(auditEvents.action, 'meetings.cancel'));
    expect(audit.filter((e) => e.subjectId === id)).toHaveLength(1);
  });

  it('postponed and cancelled by many requests at once: one change wins, the others 412, each delegation told once', async () => {
    // On PostgreSQL (CI's second pass) the requests race for real; the meeting's row lock orders them.
    const id = await openMeetingWithChile({ title: { en: `Raced session ${randomUUID().slice(0, 4)}` } });
    const etag = etagOf(await secretariat.get(`/api/v1/meetings/${id}`));
    const reason = `Raced ${randomUUID().slice(0, 8)}`;
    const postpone = { startsAt: '2027-10-11T10:00', endsAt: '2027-10-15T18:00', reason };
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? secretariat.post(`/api/v1/meetings/${id}/cancel`, { reason }, { 'if-match': etag }) : secretariat.post(`/api/v1/meetings/${id}/postpone`, postpone, { 'if-match': etag }),
      ),
    );
    expect(replies.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(Array(9).fill(412));
    const changes = (await p.ctx.database.db.select().from(auditEvents).where(like(auditEvents.action, 'meetings.%'))).filter((e) => e.subjectId === id && ['meetings.cancel', 'meetings.postpone'].includes(e.action));
    expect(changes).toHaveLength(1);
    expect((await p.outbox()).filter((m) => m.text.includes(reason)).map((m) => m.to)).toEqual(['focal.chl@example.org']);
  });

  it('a change of its times raises SEQUENCE; a change of its venue does not', async () => {
    const created = await secretariat.post('/api/v1/meetings', meetingBody());
    const id = created.body.id as string;
    const seq = async () => sequenceOf((await pub.get('/api/v1/calendar/meetings.ics')).text, id).sequence;
    const first = await seq();
    const venue = await secretariat.patch(`/api/v1/meetings/${id}`, { venue: 'Palais des Nations, Geneva' }, { 'if-match': etagOf(created) });
    expect(await seq()).toBe(first);
    await secretariat.patch(`/api/v1/meetings/${id}`, { startsAt: '2027-07-12T11:00' }, { 'if-match': etagOf(venue) });
    expect(await seq()).toBe(first + 1);
  });
});
