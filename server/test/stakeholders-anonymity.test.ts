import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { startJobRunner } from '../src/platform/jobs/runner.js';
import { jobHandlers } from '../src/jobs.js';
import { recordOrganisation } from '../src/modules/stakeholders/index.js';

/**
 * An anonymous objection stays anonymous: every GET route of the platform, crawled as each role before
 * the objection, during the period and after the outcome, shows Argentina (the objecting State) exactly
 * as often as before it objected; no email ever names it. Routes are filled with the ids of the things
 * of this scenario (the application, its batch and organisation, a meeting, a group, the tracking link).
 */
type Who = 'public' | 'secretariat' | 'chair' | 'focal point CHL' | 'delegate CHL' | 'stakeholder' | 'applicant';
let p: TestPlatform;
const clients = new Map<Who, Client>();
let arg: Client;
const ids: Record<string, string> = {};

const ARGENTINA = [/(^|[^A-Za-z0-9])ARG([^A-Za-z0-9]|$)/g, /Argentin/gi, /الأرجنتين/g, /阿根廷/g, /Аргентин/g];
const mentions = (text: string) => ARGENTINA.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);

/** The URL of a route with its parameters filled from the scenario, by what the path names. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'token') return ids.token!;
    if (name === 'iso3') return 'CHL';
    if (name === 'organisationId') return ids.organisation!;
    if (name === 'id') {
      if (url.includes('stakeholder-applications')) return ids.application!;
      if (url.includes('stakeholder-batches')) return ids.batch!;
      if (url.includes('organisations')) return ids.organisation!;
      if (url.includes('meetings')) return ids.meeting!;
      if (url.includes('groups')) return ids.group!;
    }
    return randomUUID();
  });
}

async function crawl(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const routes = p.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
  expect(routes.length).toBeGreaterThan(40);
  for (const [who, client] of clients) {
    for (const route of routes) {
      const url = who === 'applicant' && !route.url.includes(':token') ? null : fill(route.url);
      if (!url) continue;
      const res = await client.get(url);
      counts.set(`${who} ${route.url}`, mentions(res.text));
    }
  }
  return counts;
}

const differences = (before: Map<string, number>, after: Map<string, number>) => [...after].filter(([k, n]) => n !== (before.get(k) ?? 0)).map(([k]) => k);

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = await recordOrganisation(p.ctx.database.db, { actor: null, name: 'Accredited Observers Network', kind: 'ngo', accreditation: 'accredited' });
  clients.set('public', await new Client(p.app).start());
  clients.set('applicant', await new Client(p.app).start());
  const make = async (who: Who, options: Parameters<typeof makeAccount>[2]) => clients.set(who, await signedIn(p.app, await makeAccount(p.ctx, p.app, options)));
  await make('secretariat', { role: 'secretariat' });
  await make('chair', { role: 'chair' });
  await make('focal point CHL', { role: 'focal_point', state: 'CHL' });
  await make('delegate CHL', { role: 'delegate', state: 'CHL' });
  await make('stakeholder', { role: 'stakeholder', organisationId });
  arg = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  const secretariat = clients.get('secretariat')!;
  ids.meeting = (await secretariat.post('/api/v1/meetings', meetingBody({ stakeholdersMayAttend: true }))).body.id;
  ids.group = (await secretariat.post('/api/v1/groups', { name: { en: 'Working group on stakeholders' }, mandate: { en: 'To hear stakeholders.' }, chairs: [], workProgramme: [], stakeholderObservers: true })).body.id;
  const applied = await clients.get('public')!.post('/api/v1/stakeholder-applications', {
    names: { en: 'Quiet Objection Institute' },
    kind: 'academia',
    headquarters: 'CHL',
    website: 'https://quiet.example.org',
    purpose: 'Research.',
    relevantWork: 'Studies of confidence-building measures.',
    ecosoc: null,
    contact: { name: 'Q. Applicant', email: 'q.applicant@example.org' },
    representatives: [{ name: 'Q. Representative', email: 'q.rep@example.org' }],
    language: 'en',
  });
  expect(applied.status).toBe(201);
  ids.application = applied.body.id;
  ids.organisation = applied.body.organisationId;
  ids.token = applied.body.trackingLink.split('/').pop();
  expect((await secretariat.post(`/api/v1/stakeholder-applications/${ids.application}/completeness`)).status).toBe(200);
});
afterAll(() => p.close());

describe('an anonymous objection', () => {
  it('never names the objecting State, in any route for any role, nor in any email', async () => {
    const earlierMail = (await p.outbox()).length;
    ids.batch = randomUUID();
    const before = await crawl();
    const end = DateTime.utc().plus({ seconds: 4 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const batch = await clients.get('secretariat')!.post('/api/v1/stakeholder-batches', { applicationIds: [ids.application], zone: 'UTC', periodEndLocal: end });
    expect(batch.status).toBe(201);
    ids.batch = batch.body.id;
    const objected = await arg.post(`/api/v1/stakeholder-applications/${ids.application}/objections`, { basis: 'A general basis, shared.', nameShared: false });
    expect(objected.status).toBe(201);
    const during = await crawl();
    expect(differences(before, during)).toEqual([]);
    // The objection is there, by count.
    expect((await clients.get('focal point CHL')!.get(`/api/v1/stakeholder-applications/${ids.application}`)).body.objections).toEqual({ count: 1, namedStates: [], bases: ['A general basis, shared.'] });
    const waitFor = new Date(batch.body.periods[0].endsAt).getTime() - Date.now() + 300;
    await new Promise((r) => setTimeout(r, Math.max(0, waitFor)));
    const runner = startJobRunner(p.ctx.database.db, jobHandlers(p.ctx), { intervalMs: 60_000 });
    await runner.drain();
    await runner.stop();
    expect((await clients.get('applicant')!.get(`/api/v1/stakeholder-applications/track/${ids.token}`)).body.status).toBe('not-accredited');
    const after = await crawl();
    expect(differences(before, after)).toEqual([]);
    const mail = (await p.outbox()).slice(earlierMail);
    expect(mail.some((m) => m.to === 'q.applicant@example.org' && /Not accredited/.test(m.subject))).toBe(true);
    for (const m of mail) expect(mentions(`${m.subject}\n${m.text}`), `${m.to}: ${m.subject}`).toBe(0);
  }, 240_000);
});
