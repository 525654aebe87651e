import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { startJobRunner } from '../src/platform/jobs/runner.js';
import { jobHandlers } from '../src/jobs.js';
import { rowsOf } from '../src/platform/db/database.js';

/**
 * Accreditation on a non-objection basis through the API: apply, complete, circulate, object, the
 * period closed by the job exactly once, the outcome mailed, withdrawal, the public list; and an
 * anonymous objection that stays anonymous in every route and every email.
 */
let p: TestPlatform;
let secretariat: Client;
let chl: Client;
let chlDelegate: Client;
let arg: Client;
let fra: Client;
let chair: Client;
const anon = () => new Client(p.app);

const application = (overrides: Record<string, unknown> = {}) => ({
  names: { es: 'Fundación Ciberpaz', en: 'Cyberpeace Foundation' },
  kind: 'ngo',
  headquarters: 'CHL',
  website: 'https://ciberpaz.example.org',
  purpose: 'Promover un ciberespacio pacífico.',
  relevantWork: 'Investigación sobre normas de comportamiento responsable.',
  ecosoc: null,
  contact: { name: 'Ana Pérez', email: `ana.${randomUUID().slice(0, 8)}@ciberpaz.example.org` },
  representatives: [{ name: 'Ana Pérez', email: `rep.${randomUUID().slice(0, 8)}@ciberpaz.example.org` }],
  language: 'es',
  ...overrides,
});

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  chlDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  arg = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  fra = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
});
afterAll(() => p.close());

const tokenOf = (link: string) => link.split('/').pop()!;
let a: { id: string; organisationId: string; token: string; email: string };

describe('applying', () => {
  it('anyone applies in its language; the private link is shown once and mailed in that language; nothing else is accepted', async () => {
    const body = application();
    expect((await anon().start().then((c) => c.post('/api/v1/stakeholder-applications', { ...body, accredited: true }))).status).toBe(400);
    const bad = await (await anon().start()).post('/api/v1/stakeholder-applications', { ...body, headquarters: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.headquarters');
    expect((await (await anon().start()).post('/api/v1/stakeholder-applications', { ...body, names: {} })).status).toBe(400);
    const res = await (await anon().start()).post('/api/v1/stakeholder-applications', body);
    expect(res.status).toBe(201);
    expect(res.body.trackingLink).toMatch(/^http:\/\/poa\.test\/es\/accreditation\/track\/[A-Za-z0-9_-]{43}$/);
    a = { id: res.body.id, organisationId: res.body.organisationId, token: tokenOf(res.body.trackingLink), email: body.contact.email };
    const mail = (await p.outbox()).filter((m) => m.to === body.contact.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Solicitud de acreditación recibida: Cyberpeace Foundation');
    expect(mail[0]!.text).toContain(res.body.trackingLink);
    // The token is kept only as a digest.
    const stored = await p.ctx.database.db.execute(sql`SELECT tracking_token_hash FROM stakeholder_applications WHERE id = ${a.id}`);
    expect(JSON.stringify(stored)).not.toContain(a.token);
  });

  it('the applicant tracks it with the link; an unknown link finds nothing; the public does not see an applicant', async () => {
    const tracked = await anon().get(`/api/v1/stakeholder-applications/track/${a.token}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ status: 'submitted', organisation: { names: { es: 'Fundación Ciberpaz' }, headquarters: 'CHL' }, steps: [{ kind: 'submitted' }], objections: null });
    expect((await anon().get(`/api/v1/stakeholder-applications/track/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await anon().get(`/api/v1/organisations/${a.organisationId}`)).status).toBe(404);
    expect((await anon().get('/api/v1/organisations')).body.items).toEqual([]);
    expect((await anon().get('/api/v1/stakeholder-applications')).status).toBe(401);
    expect((await chlDelegate.get('/api/v1/stakeholder-applications')).status).toBe(403);
    // A focal point sees no application before it is circulated.
    expect((await chl.get('/api/v1/stakeholder-applications')).body.items).toEqual([]);
    expect((await chl.get(`/api/v1/stakeholder-applications/${a.id}`)).status).toBe(404);
  });

  it('the Secretariat asks for more information; the applicant answers with its link; every step is audited', async () => {
    expect((await chl.post(`/api/v1/stakeholder-applications/${a.id}/information-requests`, { question: '¿Quién financia la fundación?' })).status).toBe(403);
    const seen = await secretariat.get(`/api/v1/stakeholder-applications/${a.id}`);
    expect(seen.body.contact.email).toBe(a.email);
    expect(seen.body.can).toEqual({ object: false, requestInformation: true, markComplete: true, circulate: false });
    const asked = await secretariat.post(`/api/v1/stakeholder-applications/${a.id}/information-requests`, { question: '¿Quién financia la fundación?' });
    expect(asked.status).toBe(200);
    const mail = (await p.outbox()).filter((m) => m.to === a.email);
    expect(mail.at(-1)!.subject).toBe('Se necesita más información: Cyberpeace Foundation');
    expect(mail.at(-1)!.text).toContain('¿Quién financia la fundación?');
    expect((await secretariat.post(`/api/v1/stakeholder-applications/${a.id}/completeness`)).status).toBe(403);
    const answered = await (await anon().start()).post(`/api/v1/stakeholder-applications/track/${a.token}/information`, { answer: 'Donaciones privadas y fundaciones.' });
    expect(answered.status).toBe(200);
    expect((await (await anon().start()).post(`/api/v1/stakeholder-applications/track/${a.token}/information`, { answer: 'Otra vez' })).status).toBe(409);
    expect((await secretariat.post(`/api/v1/stakeholder-applications/${a.id}/completeness`)).status).toBe(200);
    const steps = (await anon().get(`/api/v1/stakeholder-applications/track/${a.token}`)).body.steps.map((s: { kind: string }) => s.kind);
    expect(steps).toEqual(['submitted', 'information-requested', 'information-given', 'complete']);
    const audit = await p.ctx.database.db.execute(sql`SELECT action FROM audit_events WHERE subject_id = ${a.id} ORDER BY seq`);
    const actions = rowsOf<{ action: string }>(audit).map((r) => r.action);
    expect(actions).toEqual(['stakeholders.apply', 'stakeholders.request-information', 'stakeholders.give-information', 'stakeholders.mark-complete']);
  });
});

let b: { id: string; organisationId: string; token: string; email: string; lead: string };
let c: { id: string; organisationId: string; token: string; email: string };
let batchId: string;

async function completeApplication(body: Record<string, unknown>) {
  const res = await (await anon().start()).post('/api/v1/stakeholder-applications', body);
  expect(res.status).toBe(201);
  expect((await secretariat.post(`/api/v1/stakeholder-applications/${res.body.id}/completeness`)).status).toBe(200);
  return { id: res.body.id as string, organisationId: res.body.organisationId as string, token: tokenOf(res.body.trackingLink), email: (body.contact as { email: string }).email };
}

describe('non-objection', () => {
  it('the periods are the settings’ working days, shorter with ECOSOC status, ending at a stated time in a stated zone', async () => {
    const x = await completeApplication(application({ names: { en: 'Long Period Institute' }, language: 'en' }));
    const y = await completeApplication(application({ names: { en: 'ECOSOC Period Council' }, language: 'en', ecosoc: { status: 'special', since: 2005 } }));
    const zone = 'America/New_York';
    const res = await secretariat.post('/api/v1/stakeholder-batches', { applicationIds: [x.id, y.id], zone, endTime: '18:00' });
    expect(res.status).toBe(201);
    const local = (id: string) => res.body.periods.find((q: { applicationId: string }) => q.applicationId === id).endLocal as string;
    const start = DateTime.now().setZone(zone).startOf('day');
    const after = (days: number) => {
      let d = start;
      while (days > 0) {
        d = d.plus({ days: 1 });
        if (d.weekday <= 5) days -= 1;
      }
      return d.toFormat('yyyy-MM-dd');
    };
    expect(local(x.id)).toMatch(new RegExp(`^${after(10)}T18:00[+-]0[45]:00$`));
    expect(local(y.id)).toMatch(new RegExp(`^${after(5)}T18:00[+-]0[45]:00$`));
    // Circulated once only; an application not complete is refused.
    expect((await secretariat.post('/api/v1/stakeholder-batches', { applicationIds: [x.id], zone })).status).toBe(403);
    expect((await secretariat.post('/api/v1/stakeholder-batches', { applicationIds: [randomUUID()], zone: 'Nowhere/City' })).body.errors[0].field).toBe('body.zone');
    expect((await chl.post('/api/v1/stakeholder-batches', { applicationIds: [x.id], zone })).status).toBe(403);
  });

  it('the Secretariat circulates a batch; focal points, and only they, see it and are told; applicants are told', async () => {
    b = { ...(await completeApplication(application({ names: { en: 'Global Forum on Cyber Expertise Foundation' }, language: 'en', ecosoc: { status: 'general', since: 1999 } }))), lead: '' };
    c = await completeApplication(application({ names: { fr: 'Institut du cyberespace' }, language: 'fr' }));
    b.lead = (await secretariat.get(`/api/v1/stakeholder-applications/${b.id}`)).body.representatives[0].email;
    await p.outbox();
    const end = DateTime.utc().plus({ seconds: 6 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const res = await secretariat.post('/api/v1/stakeholder-batches', { applicationIds: [a.id, b.id, c.id], zone: 'UTC', periodEndLocal: end });
    expect(res.status).toBe(201);
    batchId = res.body.id;
    const mail = await p.outbox();
    expect(mail.filter((m) => /^Applications for accreditation, batch 2$/.test(m.subject)).length).toBeGreaterThanOrEqual(3);
    expect([...mail].reverse().find((m) => m.to === a.email)!.subject).toBe('Solicitud transmitida a los Estados: Cyberpeace Foundation');
    for (const who of [chl, arg, secretariat]) expect((await who.get(`/api/v1/stakeholder-batches/${batchId}`)).status).toBe(200);
    expect((await chlDelegate.get(`/api/v1/stakeholder-batches/${batchId}`)).status).toBe(403);
    expect((await chair.get(`/api/v1/stakeholder-batches/${batchId}`)).status).toBe(403);
    expect((await anon().get(`/api/v1/stakeholder-batches/${batchId}`)).status).toBe(401);
    const asChile = (await chl.get(`/api/v1/stakeholder-batches/${batchId}`)).body.applications.find((x: { id: string }) => x.id === a.id);
    expect(asChile).toMatchObject({ status: 'circulated', contact: null, representatives: null, steps: null, ownObjection: null, can: { object: true, circulate: false } });
  });

  it('focal points object, for their own State only: Argentina anonymously with a basis, France named without one', async () => {
    expect((await chlDelegate.post(`/api/v1/stakeholder-applications/${a.id}/objections`, { basis: 'No.' })).status).toBe(403);
    expect((await chair.post(`/api/v1/stakeholder-applications/${a.id}/objections`, {})).status).toBe(403);
    expect((await secretariat.post(`/api/v1/stakeholder-applications/${a.id}/objections`, {})).status).toBe(403);
    expect((await anon().start().then((x) => x.post(`/api/v1/stakeholder-applications/${a.id}/objections`, {}))).status).toBe(401);
    // The State is always the caller's own: a body naming another is refused.
    expect((await arg.post(`/api/v1/stakeholder-applications/${a.id}/objections`, { state: 'CHL' })).status).toBe(400);
    const objected = await arg.post(`/api/v1/stakeholder-applications/${a.id}/objections`, { basis: 'Its work does not concern international security.', nameShared: false });
    expect(objected.status).toBe(201);
    expect((await arg.post(`/api/v1/stakeholder-applications/${a.id}/objections`, {})).status).toBe(409);
    expect((await fra.post(`/api/v1/stakeholder-applications/${c.id}/objections`, { nameShared: true })).status).toBe(201);
    const own = await arg.get(`/api/v1/stakeholder-applications/${a.id}`);
    expect(own.body.ownObjection).toEqual({ basis: 'Its work does not concern international security.', nameShared: false });
    expect(own.body.can.object).toBe(false);
    expect(own.body.objections).toEqual({ count: 1, namedStates: [], bases: ['Its work does not concern international security.'] });
    expect((await chl.get(`/api/v1/stakeholder-applications/${a.id}`)).body.ownObjection).toBeNull();
  });

  it('at the end of the period the job decides each application once, even with two runners and after a restart; the outcome is mailed', async () => {
    const stopped = startJobRunner(p.ctx.database.db, jobHandlers(p.ctx), { intervalMs: 60_000 });
    await stopped.stop(); // a process that stopped before the end: its jobs wait in the table
    const ends = (await secretariat.get(`/api/v1/stakeholder-batches/${batchId}`)).body.applications[0].period.endsAt as string;
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(ends).getTime() - Date.now() + 300)));
    const late = await chl.post(`/api/v1/stakeholder-applications/${b.id}/objections`, {});
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:poa:problem:refused-deadline-passed');
    await p.outbox();
    const handlers = jobHandlers(p.ctx);
    const one = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    const two = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    await Promise.all([one.drain(), two.drain()]);
    await Promise.all([one.stop(), two.stop()]);
    const audit = await p.ctx.database.db.execute(sql`SELECT subject_id FROM audit_events WHERE action IN ('stakeholders.accredit', 'stakeholders.not-accredit')`);
    const decided = rowsOf<{ subject_id: string }>(audit).map((r) => r.subject_id).sort();
    expect(decided).toEqual([a.id, b.id, c.id].sort());
    expect((await anon().get(`/api/v1/stakeholder-applications/track/${a.token}`)).body).toMatchObject({
      status: 'not-accredited',
      objections: { count: 1, namedStates: [], bases: ['Its work does not concern international security.'] },
    });
    const mail = await p.outbox();
    const toA = [...mail].reverse().find((m) => m.to === a.email)!;
    expect(toA.subject).toBe('No acreditada: Cyberpeace Foundation');
    expect(toA.text).toContain('Its work does not concern international security.');
    const toC = [...mail].reverse().find((m) => m.to === c.email)!;
    expect(toC.subject).toBe('Non accréditée : Institut du cyberespace');
    expect(toC.text).toMatch(/États ayant accepté d’être nommés :\n- France/);
    expect([...mail].reverse().find((m) => m.to === b.email)!.subject).toBe('Accredited: Global Forum on Cyber Expertise Foundation');
    // The first representative of the accredited organisation is invited, in the application's language.
    expect([...mail].reverse().find((m) => m.to === b.lead)!.text).toMatch(/\/en\/invitation\//);
    const lead = await p.ctx.database.db.execute(sql`SELECT lead_account_id FROM organisations WHERE id = ${b.organisationId}`);
    expect(rowsOf<{ lead_account_id: string | null }>(lead)[0]!.lead_account_id).not.toBeNull();
  });

  it('the record: count everywhere, a State by name only where it agreed; the public list shows the accredited', async () => {
    expect((await anon().get('/api/v1/organisations')).body.items.map((o: { id: string }) => o.id)).toEqual([b.organisationId]);
    expect((await anon().get(`/api/v1/organisations/${a.organisationId}`)).body).toMatchObject({ accreditation: 'objected', objections: { count: 1, namedStates: [], bases: ['Its work does not concern international security.'] } });
    expect((await anon().get(`/api/v1/organisations/${c.organisationId}`)).body).toMatchObject({ accreditation: 'objected', objections: { count: 1, namedStates: ['FRA'], bases: [] } });
    expect((await anon().get(`/api/v1/organisations/${b.organisationId}`)).body).toMatchObject({ accreditation: 'accredited', objections: { count: 0 }, ecosoc: { status: 'general', since: 1999 } });
  });

  it('the Secretariat withdraws an accreditation by decision, on the record, and the organisation is told', async () => {
    expect((await chl.post(`/api/v1/organisations/${b.organisationId}/withdrawal`, { decision: 'PoA/2027/DEC.9', reason: 'x' })).status).toBe(403);
    const res = await secretariat.post(`/api/v1/organisations/${b.organisationId}/withdrawal`, { decision: 'PoA/2027/DEC.9', reason: 'Conduct contrary to the modalities.' });
    expect(res.status).toBe(200);
    expect((await secretariat.post(`/api/v1/organisations/${b.organisationId}/withdrawal`, { decision: 'again', reason: 'again' })).status).toBe(403);
    const org = (await anon().get(`/api/v1/organisations/${b.organisationId}`)).body;
    expect(org).toMatchObject({ accreditation: 'withdrawn', withdrawals: [{ decision: 'PoA/2027/DEC.9', reason: 'Conduct contrary to the modalities.' }] });
    expect((await anon().get('/api/v1/organisations')).body.items).toEqual([]);
    expect((await p.outbox()).some((m) => m.to === b.email && m.subject === 'Accreditation withdrawn: Global Forum on Cyber Expertise Foundation')).toBe(true);
  });
});
