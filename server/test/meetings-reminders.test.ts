import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { makeAccount, signedIn, type Client } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { jobHandlers } from '../src/jobs.js';
import { meetingJobHandlers } from '../src/modules/meetings/index.js';
import { runOneJob, startJobRunner } from '../src/platform/jobs/runner.js';
import { toLocal } from '../src/modules/meetings/times.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { like } from 'drizzle-orm';

/**
 * Reminders before a registration deadline and before a meeting are durable jobs: a process that
 * stops half-way leaves the rest to the next one, and nobody gets the same reminder twice.
 */
let p: TestPlatform;
let secretariat: Client;
let focalChl: Client;
let meetingId: string;
const zone = 'Europe/Zurich';
const local = (ms: number) => toLocal(new Date(Date.now() + ms), zone);
const DAY = 86_400_000;

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  focalChl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL', email: 'focal.chl@example.org' }));
  const argentina = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG', email: 'focal.arg@example.org' }));
  expect((await argentina.put('/api/v1/me/language', { language: 'es' })).status).toBe(204);
});
afterAll(() => p.close());

// Reminders are written in the recipient's language: English without an account, Spanish for the
// focal point of Argentina, who chose it.
const reminders = async () => (await p.outbox()).filter((m) => /^(Reminder|Recordatorio):/.test(m.subject));

describe('reminders', () => {
  it('are sent once each across a restart: before the deadline and before the meeting', async () => {
    // Within both lead times (a week, three days): the deadline tomorrow, the meeting in two days.
    const created = await secretariat.post('/api/v1/meetings', meetingBody({ timeZone: zone, registrationDeadline: local(DAY), startsAt: local(2 * DAY), endsAt: local(3 * DAY) }));
    expect(created.status).toBe(201);
    meetingId = created.body.id;
    const opened = await secretariat.post(`/api/v1/meetings/${meetingId}/status`, { status: 'registration-open' }, { 'if-match': created.headers.etag as string });
    expect(opened.status).toBe(200);
    const reg = await focalChl.request('PUT', `/api/v1/meetings/${meetingId}/registrations/states/CHL`, {
      contactEmail: 'mission.chile@example.org',
      participants: [
        { role: 'head', name: 'Ana Pérez', email: 'ana.perez@example.cl' },
        { role: 'adviser', name: 'No email given' },
      ],
    });
    expect(reg.status).toBe(200);

    const handlers = jobHandlers(p.ctx);
    // The first process runs one job (a reminder's fan-out) and goes down.
    expect(await runOneJob(p.ctx.database.db, handlers)).toBe(true);
    // The next one runs whatever is left, and a third finds nothing to do.
    const second = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    expect(await second.drain()).toBeGreaterThan(0);
    await second.stop();
    const third = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    expect(await third.drain()).toBe(0);
    await third.stop();

    const sent = (await reminders()).map((m) => `${m.to} | ${/registration|inscripción/.test(m.subject) ? 'deadline' : 'meeting'}`).sort();
    expect(sent).toEqual([
      'ana.perez@example.cl | meeting',
      // The focal point of a State that has not registered; not Chile's, which has.
      'focal.arg@example.org | deadline',
      'mission.chile@example.org | deadline',
      'mission.chile@example.org | meeting',
    ]);
    // A fan-out run again (a process that died after its work but before marking it done) adds nothing.
    const [job] = await p.ctx.database.db.select().from(jobs).where(like(jobs.key, `meetings.reminder:registration-deadline:${meetingId}:%`));
    expect(job!.status).toBe('done');
    await p.ctx.database.db.transaction((tx) => meetingJobHandlers(p.ctx)[job!.kind]!({ tx, job: { ...job!, payload: job!.payload } }));
    const fourth = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    expect(await fourth.drain()).toBe(0);
    await fourth.stop();
    expect(await reminders()).toHaveLength(4);

    const deadline = (await reminders()).find((m) => m.to === 'focal.arg@example.org')!;
    expect(deadline.subject).toMatch(/^Recordatorio: la inscripción en .+ se cierra el /);
    expect(deadline.text).toContain(`(${zone})`);
    expect(deadline.text).toContain(`/es/meetings/${meetingId}`);
    const mission = (await reminders()).find((m) => m.to === 'mission.chile@example.org' && m.subject.includes('registration'))!;
    expect(mission.text).toContain(`(${zone})`);
    expect(mission.text).toContain(`/en/meetings/${meetingId}`);
  });

  it('are not sent again when the meeting changes without moving, and are sent for a new date', async () => {
    const before = (await reminders()).length;
    const meeting = await secretariat.get(`/api/v1/meetings/${meetingId}`);
    const renamed = await secretariat.patch(`/api/v1/meetings/${meetingId}`, { venue: 'Palais des Nations' }, { 'if-match': meeting.headers.etag as string });
    expect(renamed.status).toBe(200);
    const runner = startJobRunner(p.ctx.database.db, jobHandlers(p.ctx), { intervalMs: 60_000 });
    await runner.drain();
    expect((await reminders()).length).toBe(before);
    const moved = await secretariat.patch(`/api/v1/meetings/${meetingId}`, { startsAt: local(2.5 * DAY) }, { 'if-match': renamed.headers.etag as string });
    expect(moved.status).toBe(200);
    await runner.drain();
    await runner.stop();
    const fresh = (await reminders()).slice(before).map((m) => m.to).sort();
    expect(fresh).toEqual(['ana.perez@example.cl', 'mission.chile@example.org']);
  });

  it('are not sent for a meeting that closed before they were due', async () => {
    const far = await secretariat.post('/api/v1/meetings', meetingBody({ timeZone: zone, registrationDeadline: null, startsAt: local(2 * DAY), endsAt: local(2 * DAY + 3_600_000) }));
    let etag = far.headers.etag as string;
    for (const status of ['in-session', 'closed']) {
      const res = await secretariat.post(`/api/v1/meetings/${far.body.id}/status`, { status }, { 'if-match': etag });
      etag = res.headers.etag as string;
    }
    const before = (await reminders()).length;
    const runner = startJobRunner(p.ctx.database.db, jobHandlers(p.ctx), { intervalMs: 60_000 });
    await runner.drain();
    await runner.stop();
    expect((await reminders()).length).toBe(before);
  });
});
