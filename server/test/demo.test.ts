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
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder']));
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

  it('shows accreditation the real way: an organisation accredited (ECOSOC), one not after a shared basis, one in its period, and a written input', async () => {
    const c = new Client(p.app);
    const accredited = (await c.get('/api/v1/organisations')).body.items;
    expect(accredited.map((o: { name: string }) => o.name)).toEqual(['Global Forum on Cyber Expertise (demo)']);
    expect(accredited[0].ecosoc).toMatchObject({ status: 'special' });
    const refused = (await c.get('/api/v1/organisations?accreditation=objected')).body.items;
    expect(refused).toHaveLength(1);
    expect((await c.get(`/api/v1/organisations/${refused[0].id}`)).body.objections).toMatchObject({ count: 1, namedStates: [], bases: [expect.stringMatching(/international security/)] });
    const annual = (await c.get('/api/v1/meetings?kind=annual-meeting')).body.items[0];
    expect((await c.get(`/api/v1/meetings/${annual.id}/stakeholder-inputs`)).body.items).toHaveLength(1);
    const secretariat = accounts.find((a) => a.role === 'secretariat')!;
    const s = await new Client(p.app).start();
    expect((await s.post('/api/v1/session', { email: secretariat.email, password: secretariat.password, recoveryCode: secretariat.recoveryCodes[0] })).status).toBe(200);
    const circulated = (await s.get('/api/v1/stakeholder-applications?status=circulated')).body.items;
    expect(circulated.map((a: { organisation: { names: { es?: string } } }) => a.organisation.names.es)).toEqual(['Red Latinoamericana de Ciberseguridad (demo)']);
    expect(new Date(circulated[0].period.endsAt).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });
});
