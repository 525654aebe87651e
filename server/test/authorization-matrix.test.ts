import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { organisations } from '../src/modules/stakeholders/tables.js';

/**
 * Each role against representative routes: who may read, who may write, and above all that an
 * account acting for one State can never act for another.
 */
type Who = 'public' | 'delegate CHL' | 'focal point CHL' | 'focal point ARG' | 'stakeholder' | 'chair' | 'secretariat';
const WHO: Who[] = ['public', 'delegate CHL', 'focal point CHL', 'focal point ARG', 'stakeholder', 'chair', 'secretariat'];

let p: TestPlatform;
const clients = new Map<Who, Client>();

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Cyber Peace Institute', kind: 'ngo', accreditation: 'accredited' });
  const make = async (who: Who, options: Parameters<typeof makeAccount>[2]) => clients.set(who, await signedIn(p.app, await makeAccount(p.ctx, p.app, options)));
  clients.set('public', await new Client(p.app).start());
  await make('delegate CHL', { role: 'delegate', state: 'CHL' });
  await make('focal point CHL', { role: 'focal_point', state: 'CHL' });
  await make('focal point ARG', { role: 'focal_point', state: 'ARG' });
  await make('stakeholder', { role: 'stakeholder', organisationId });
  await make('chair', { role: 'chair' });
  await make('secretariat', { role: 'secretariat' });
});
afterAll(() => p.close());

const expectations: { name: string; call: (c: Client) => Promise<{ status: number }>; allowed: Who[]; success: number }[] = [
  { name: 'read the States', call: (c) => c.get('/api/v1/states?group=GRULAC'), allowed: WHO, success: 200 },
  { name: 'read one State', call: (c) => c.get('/api/v1/states/CHL'), allowed: WHO, success: 200 },
  {
    name: "correct a State's name",
    call: async (c) => {
      const etag = (await c.get('/api/v1/states/CHL')).headers.etag as string;
      return c.patch('/api/v1/states/CHL/names', { en: 'Chile' }, { 'if-match': etag });
    },
    allowed: ['secretariat'],
    success: 200,
  },
  {
    name: 'invite a delegate of Chile',
    call: (c) => c.post('/api/v1/invitations', { email: `${randomUUID()}@example.org`, name: 'New delegate', role: 'delegate', state: 'CHL' }),
    allowed: ['focal point CHL', 'secretariat'],
    success: 201,
  },
  {
    name: 'invite a focal point',
    call: (c) => c.post('/api/v1/invitations', { email: `${randomUUID()}@example.org`, name: 'New FP', role: 'focal_point', state: 'CHL' }),
    allowed: ['secretariat'],
    success: 201,
  },
  { name: 'list my sessions', call: (c) => c.get('/api/v1/me/sessions'), allowed: WHO.filter((w) => w !== 'public'), success: 200 },
];

describe('authorization matrix', () => {
  for (const e of expectations) {
    for (const who of WHO) {
      const allowed = e.allowed.includes(who);
      it(`${who} ${allowed ? 'may' : 'may not'} ${e.name}`, async () => {
        const res = await e.call(clients.get(who)!);
        expect(res.status).toBe(allowed ? e.success : who === 'public' ? 401 : 403);
      });
    }
  }

  it('tells each caller what it may do, from the same rules', async () => {
    const can = async (who: Who) => (await clients.get(who)!.get('/api/v1/me')).body.can;
    expect(await can('public')).toEqual({ invite: false, correctStateNames: false });
    expect(await can('delegate CHL')).toEqual({ invite: false, correctStateNames: false });
    expect(await can('focal point CHL')).toEqual({ invite: true, correctStateNames: false });
    expect(await can('secretariat')).toEqual({ invite: true, correctStateNames: true });
  });
});
