import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client } from './support/client.js';
import { seedDemo, type DemoAccount } from '../src/demo/seed-demo.js';
import { currentTotp } from '../src/modules/accounts/index.js';
import { verifyRecord } from '../src/record.js';

let p: TestPlatform;
let accounts: DemoAccount[];
beforeAll(async () => {
  p = await testPlatform();
  accounts = await seedDemo(p.ctx);
});
afterAll(() => p.close());

describe('npm run demo', () => {
  it('makes one account per role, each able to sign in', async () => {
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc']));
    for (const a of accounts.filter((x) => ['secretariat', 'chair', 'stakeholder'].includes(x.role))) {
      const c = await new Client(p.app).start();
      const res = await c.post('/api/v1/session', { email: a.email, password: a.password, ...(a.totpSecret ? { otp: currentTotp(a.totpSecret) } : {}) });
      expect(res.status, a.email).toBe(200);
    }
  });

  it('shows a living PoA: an adopted outcome, a draft under silence, reports submitted, an intact record', async () => {
    const c = new Client(p.app);
    const outcomes = (await c.get('/api/v1/outcomes')).body.items;
    expect(outcomes).toHaveLength(1);
    expect((await c.get(`/api/v1/outcomes/${outcomes[0].id}`)).body.verification.intact).toBe(true);
    expect((await c.get('/api/v1/silence-procedures')).body.items).toHaveLength(1);
    const cycles = (await c.get('/api/v1/reporting/cycles')).body.items;
    const analysis = (await c.get(`/api/v1/reporting/cycles/${cycles[0].id}/analysis`)).body;
    expect(analysis.participation.reported).toBe(1); // Chile's is public; France's is for States only
    expect((await verifyRecord(p.ctx.database.db)).intact).toBe(true);
  });

  it('has a crisis line: POCs for the demo States, a completed check with results, an open exchange', async () => {
    const poc = accounts.find((a) => a.role === 'poc' && a.state === 'FRA')!;
    const c = await new Client(p.app).start();
    expect((await c.post('/api/v1/session', { email: poc.email, password: poc.password, otp: currentTotp(poc.totpSecret!) })).status).toBe(200);
    const directory = (await c.get('/api/v1/contacts/pocs')).body.items as { state: string }[];
    expect(new Set(directory.map((d) => d.state))).toEqual(new Set(['CHL', 'FRA', 'KEN', 'VNM', 'JOR']));
    const checks = (await c.get('/api/v1/contacts/checks')).body.items;
    expect(checks).toHaveLength(1);
    expect(checks[0].completed).toBe(true);
    expect(checks[0].tally).toMatchObject({ '1h': 2, total: 2 });
    const threads = (await c.get('/api/v1/contacts/threads')).body.items;
    expect(threads.map((t: { status: string; fromState: string }) => [t.fromState, t.status])).toEqual([['CHL', 'acknowledged']]);
    // The public learns nothing of it.
    expect((await new Client(p.app).get('/api/v1/contacts/pocs')).status).toBe(401);
  });

  it('shows capacity-building: needs of Kenya (from its report), Viet Nam and Jordan, three offers, a running and a completed project', async () => {
    const c = new Client(p.app);
    const needs = (await c.get('/api/v1/capacity/needs')).body.items as { state: string; source: unknown; status: string }[];
    expect(needs.map((n) => n.state).sort()).toEqual(['JOR', 'KEN', 'VNM']);
    expect(needs.find((n) => n.state === 'KEN')!.source).not.toBeNull();
    const offers = (await c.get('/api/v1/capacity/offers')).body.items as { offeror: { kind: string; state: string | null } }[];
    expect(offers.map((o) => o.offeror.state ?? o.offeror.kind).sort()).toEqual(['CHL', 'FRA', 'organisation']);
    const projects = (await c.get('/api/v1/capacity/projects')).body.items as { status: string; evaluations: unknown[] }[];
    expect(projects.map((x) => x.status).sort()).toEqual(['completed', 'running']);
    expect(projects.find((x) => x.status === 'completed')!.evaluations).toHaveLength(2);
  });

  it('shows accreditation the real way: an organisation accredited (ECOSOC), one not after a shared basis, one in its period, and written inputs on the annual meeting, an item of its agenda and a working group', async () => {
    const c = new Client(p.app);
    const accredited = (await c.get('/api/v1/organisations')).body.items;
    expect(accredited.map((o: { name: string }) => o.name)).toEqual(['Global Forum on Cyber Expertise (demo)']);
    expect(accredited[0].ecosoc).toMatchObject({ status: 'special' });
    const refused = (await c.get('/api/v1/organisations?accreditation=objected')).body.items;
    expect(refused).toHaveLength(1);
    expect((await c.get(`/api/v1/organisations/${refused[0].id}`)).body.objections).toMatchObject({ count: 1, namedStates: [], bases: [expect.stringMatching(/international security/)] });
    const annual = (await c.get('/api/v1/meetings?kind=annual-meeting')).body.items[0];
    const onAnnual = (await c.get(`/api/v1/meetings/${annual.id}/stakeholder-inputs`)).body.items as { agendaItem: string | null }[];
    expect(onAnnual.map((i) => i.agendaItem)).toEqual([null, 'cbms']);
    const groups = (await c.get('/api/v1/groups')).body.items as { id: string }[];
    const onGroups = await Promise.all(groups.map(async (g) => (await c.get(`/api/v1/groups/${g.id}/stakeholder-inputs`)).body.items as { language: string }[]));
    expect(onGroups.flat().map((i) => i.language)).toEqual(['fr']);
    const secretariat = accounts.find((a) => a.role === 'secretariat')!;
    const s = await new Client(p.app).start();
    expect((await s.post('/api/v1/session', { email: secretariat.email, password: secretariat.password, recoveryCode: secretariat.recoveryCodes[0] })).status).toBe(200);
    const circulated = (await s.get('/api/v1/stakeholder-applications?status=circulated')).body.items;
    expect(circulated.map((a: { organisation: { names: { es?: string } } }) => a.organisation.names.es)).toEqual(['Red Latinoamericana de Ciberseguridad (demo)']);
    expect(new Date(circulated[0].period.endsAt).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });
});
