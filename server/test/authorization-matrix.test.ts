import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn, type Reply } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { MEETING_STATUSES } from '../src/modules/meetings/meeting-rules.js';

/**
 * Each role against representative routes: who may read, who may write, and above all that an
 * account acting for one State can never act for another.
 */
type Who = 'public' | 'delegate CHL' | 'focal point CHL' | 'focal point ARG' | 'stakeholder' | 'chair' | 'secretariat';
const WHO: Who[] = ['public', 'delegate CHL', 'focal point CHL', 'focal point ARG', 'stakeholder', 'chair', 'secretariat'];

let p: TestPlatform;
const clients = new Map<Who, Client>();
let organisationId: string;

beforeAll(async () => {
  p = await testPlatform();
  organisationId = randomUUID();
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
    expect(await can('public')).toEqual({ invite: false, correctStateNames: false, inviteRoles: [], inviteStates: { all: false, states: [] } });
    expect(await can('delegate CHL')).toEqual({ invite: false, correctStateNames: false, inviteRoles: [], inviteStates: { all: false, states: [] } });
    // What the invite form offers: a focal point, delegates of its own State; the Secretariat, any State.
    const focal = await can('focal point CHL');
    expect(focal).toMatchObject({ invite: true, correctStateNames: false, inviteStates: { all: false, states: ['CHL'] } });
    expect(focal.inviteRoles).toContain('delegate');
    expect(focal.inviteRoles).not.toContain('secretariat');
    const secretariat = await can('secretariat');
    expect(secretariat).toMatchObject({ invite: true, correctStateNames: true });
    // Every State, said in one word rather than 195 codes.
    expect(secretariat.inviteStates).toEqual({ all: true, states: [] });
    expect(secretariat.inviteRoles).toContain('secretariat');
  });
});

// ---- what `can` says against what the API does --------------------------------------------------

/**
 * For each role, on representative things, a `can` flag read from a response is checked against the
 * act it names: true must mean the act succeeds, false that it is refused (401, 403, 409 …). A flag
 * that promises what the route refuses, or hides what it allows, fails here. Where the act changes the
 * thing, each role gets a fresh one. A caller that cannot read the thing at all counts as `false`.
 */
interface Trial {
  /** What was tried, for the message. */
  what: string;
  can: boolean;
  res: Reply;
}
interface CanCheck {
  name: string;
  success: number;
  trials: (c: Client, who: Who) => Promise<Trial[]>;
}

const etagOf = (r: Reply) => r.headers.etag as string;
const secretariat = () => clients.get('secretariat')!;
/** The delegation each caller acts for in a URL; those acting for none try Chile's. */
const ownPath = (who: Who) => (who === 'stakeholder' ? `organisations/${organisationId}` : who === 'focal point ARG' ? 'states/ARG' : 'states/CHL');
const ownState = (who: Who) => (who === 'focal point ARG' ? 'ARG' : 'CHL');
const AGENDA = { items: [{ key: 'opening', title: { en: 'Opening of the meeting' } }, { key: 'norms', title: { en: 'Norms' } }] };
const REGISTRATION = { contactEmail: 'mission@example.org', participants: [{ role: 'head', name: 'Head of delegation' }] };

/** A meeting that admits stakeholders, with registration open (or as asked) and a provisional agenda unless told not to. */
async function meeting(options: { status?: 'planned' | 'registration-open'; agenda?: 'none' | 'provisional' | 'adopted' } = {}): Promise<string> {
  const created = await secretariat().post('/api/v1/meetings', meetingBody({ stakeholdersMayAttend: true }));
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  if ((options.status ?? 'registration-open') === 'registration-open') {
    expect((await secretariat().post(`/api/v1/meetings/${id}/status`, { status: 'registration-open' }, { 'if-match': etagOf(created) })).status).toBe(200);
  }
  const agenda = options.agenda ?? 'provisional';
  if (agenda !== 'none') {
    const version = await secretariat().post(`/api/v1/meetings/${id}/agenda`, AGENDA);
    expect(version.status).toBe(201);
    if (agenda === 'adopted') expect((await secretariat().post(`/api/v1/meetings/${id}/agenda/adopt`, {}, { 'if-match': etagOf(version) })).status).toBe(200);
  }
  return id;
}

const meetingCan = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/meetings/${id}`);
  expect(res.status).toBe(200);
  return { can: res.body.can, etag: etagOf(res), status: res.body.status as string };
};

let shared: { meeting: string; adopted: string; draft: string; paragraph: string; cycle: string };

const canChecks: CanCheck[] = [
  {
    name: 'schedule a meeting (the list of meetings)',
    success: 201,
    trials: async (c) => [{ what: 'schedule', can: (await c.get('/api/v1/meetings')).body.can.schedule, res: await c.post('/api/v1/meetings', meetingBody()) }],
  },
  {
    name: 'change a meeting (manage)',
    success: 200,
    trials: async (c) => {
      const { can, etag } = await meetingCan(c, shared.meeting);
      return [{ what: 'manage', can: can.manage, res: await c.patch(`/api/v1/meetings/${shared.meeting}`, { venue: `Room ${randomUUID().slice(0, 4)}` }, { 'if-match': etag }) }];
    },
  },
  {
    name: 'publish the list of participants',
    success: 200,
    trials: async (c) => {
      const { can, etag } = await meetingCan(c, shared.meeting);
      return [{ what: 'publish', can: can.publish, res: await c.put(`/api/v1/meetings/${shared.meeting}/publication`, { participants: false }, { 'if-match': etag }) }];
    },
  },
  {
    name: "a meeting's life: announce, change its body, postpone, cancel",
    success: 200,
    trials: async (c) => {
      // A draft, which only the Secretariat sees: for anyone else its flags count as false (the page is 404).
      const draft = await secretariat().post('/api/v1/meetings', meetingBody({ draft: true }));
      expect(draft.status).toBe(201);
      const seen = await c.get(`/api/v1/meetings/${draft.body.id}`);
      const draftCan = seen.status === 200 ? seen.body.can : { announce: false, editBody: false };
      const editBody = await c.patch(`/api/v1/meetings/${draft.body.id}`, { kind: 'organizational-session' }, { 'if-match': etagOf(draft) });
      const announce = await c.post(`/api/v1/meetings/${draft.body.id}/announce`, {}, { 'if-match': etagOf(editBody.status === 200 ? editBody : draft) });
      // Announced meetings, one to postpone and one to cancel; and the announced draft, whose body is fixed now.
      const [late, off] = [await meeting({ agenda: 'none' }), await meeting({ agenda: 'none' })];
      const lateCan = await meetingCan(c, late);
      const offCan = await meetingCan(c, off);
      const fixed = await secretariat().get(`/api/v1/meetings/${draft.body.id}`);
      // Announced by the Secretariat only: for anyone else it is still a draft they cannot see.
      const again = await c.get(`/api/v1/meetings/${draft.body.id}`);
      const fixedCan = again.status === 200 ? again.body.can : { announce: false, editBody: false };
      return [
        { what: 'editBody (draft)', can: draftCan.editBody, res: editBody },
        { what: 'announce (draft)', can: draftCan.announce, res: announce },
        { what: 'editBody (announced)', can: fixedCan.editBody, res: await c.patch(`/api/v1/meetings/${draft.body.id}`, { kind: 'annual-meeting' }, { 'if-match': etagOf(fixed) }) },
        { what: 'announce (announced)', can: fixedCan.announce, res: await c.post(`/api/v1/meetings/${draft.body.id}/announce`, {}, { 'if-match': etagOf(fixed) }) },
        {
          what: 'postpone',
          can: lateCan.can.postpone,
          res: await c.post(`/api/v1/meetings/${late}/postpone`, { startsAt: '2027-09-13T10:00', endsAt: '2027-09-17T18:00', reason: 'Rooms under repair.' }, { 'if-match': lateCan.etag }),
        },
        { what: 'cancel', can: offCan.can.cancel, res: await c.post(`/api/v1/meetings/${off}/cancel`, { reason: 'The host withdrew.' }, { 'if-match': offCan.etag }) },
      ];
    },
  },
  {
    name: 'move a meeting to each status',
    success: 200,
    trials: async (c) => {
      // Each status in turn, twice over: where the Secretariat may move it, the meeting moves on, to closed and no further.
      const trials: Trial[] = [];
      const id = await meeting({ agenda: 'none' });
      for (const status of [...MEETING_STATUSES, ...MEETING_STATUSES]) {
        const { can, etag, status: from } = await meetingCan(c, id);
        const res = await c.post(`/api/v1/meetings/${id}/status`, { status }, { 'if-match': etag });
        trials.push({ what: `moveTo ${status} (from ${from})`, can: (can.moveTo as string[]).includes(status), res });
      }
      return trials;
    },
  },
  {
    name: 'register its own delegation',
    success: 200,
    trials: async (c, who) => {
      const open = await meeting();
      const planned = await meeting({ status: 'planned' });
      return [
        { what: 'register (open)', can: (await meetingCan(c, open)).can.register, res: await c.put(`/api/v1/meetings/${open}/registrations/${ownPath(who)}`, REGISTRATION) },
        { what: 'register (not open)', can: (await meetingCan(c, planned)).can.register, res: await c.put(`/api/v1/meetings/${planned}/registrations/${ownPath(who)}`, REGISTRATION) },
      ];
    },
  },
  {
    name: 'submit a statement for its own delegation',
    success: 201,
    trials: async (c, who) => [
      {
        what: 'submitStatement',
        can: (await meetingCan(c, shared.meeting)).can.submitStatement,
        res: await c.post(`/api/v1/meetings/${shared.meeting}/statements/${ownPath(who)}`, { agendaItem: 'opening', language: 'en', text: 'A statement.' }),
      },
    ],
  },
  {
    name: 'revise the agenda',
    success: 201,
    trials: async (c) => {
      const trials: Trial[] = [];
      for (const id of [await meeting(), shared.adopted]) {
        const agenda = await c.get(`/api/v1/meetings/${id}/agenda`);
        trials.push({ what: `revise (${id === shared.adopted ? 'adopted' : 'provisional'})`, can: agenda.body.can.revise, res: await c.post(`/api/v1/meetings/${id}/agenda`, AGENDA, { 'if-match': etagOf(agenda) }) });
      }
      return trials;
    },
  },
  {
    name: 'adopt the agenda',
    success: 200,
    trials: async (c) => {
      const trials: Trial[] = [];
      for (const id of [await meeting(), await meeting({ agenda: 'none' }), shared.adopted]) {
        const agenda = await c.get(`/api/v1/meetings/${id}/agenda`);
        trials.push({ what: `adopt (${agenda.body.versions.length} versions)`, can: agenda.body.can.adopt, res: await c.post(`/api/v1/meetings/${id}/agenda/adopt`, {}, { 'if-match': etagOf(agenda) ?? '"1"' }) });
      }
      return trials;
    },
  },
  {
    name: "confirm and change Chile's registration",
    success: 200,
    trials: async (c) => {
      const id = await meeting();
      const made = await clients.get('focal point CHL')!.put(`/api/v1/meetings/${id}/registrations/states/CHL`, REGISTRATION);
      expect(made.status).toBe(200);
      const seen = await c.get(`/api/v1/meetings/${id}/registrations/states/CHL`);
      // Who cannot read the registration is told nothing, and may do nothing with it.
      const can = seen.status === 200 ? seen.body.can : { confirm: false, change: false };
      const version = { 'if-match': etagOf(made) };
      const confirm = await c.post(`/api/v1/meetings/${id}/registrations/${made.body.id}/confirm`, {}, version);
      const current = { 'if-match': etagOf(confirm.status === 200 ? confirm : made) };
      return [
        { what: 'confirm', can: can.confirm, res: confirm },
        { what: 'change', can: can.change, res: await c.put(`/api/v1/meetings/${id}/registrations/states/CHL`, REGISTRATION, current) },
      ];
    },
  },
  {
    name: "correct a State's names",
    success: 200,
    trials: async (c) => {
      const state = await c.get('/api/v1/states/CHL');
      return [{ what: 'correctNames', can: state.body.can.correctNames, res: await c.patch('/api/v1/states/CHL/names', { en: 'Chile' }, { 'if-match': etagOf(state) }) }];
    },
  },
  {
    name: 'invite a delegate of its own State',
    success: 201,
    trials: async (c, who) => [
      {
        what: 'invite',
        can: (await c.get('/api/v1/me')).body.can.invite,
        res: await c.post('/api/v1/invitations', { email: `${randomUUID()}@example.org`, name: 'New delegate', role: 'delegate', state: ownState(who) }),
      },
    ],
  },
  {
    name: 'set up, join and observe a working group',
    success: 201,
    trials: async (c, who) => {
      const group = (name: string) => ({ name: { en: `Group ${name}` }, mandate: { en: 'A mandate.' }, mandateSource: 'A/AC.300/2027/2', chairs: [], workProgramme: [], stakeholderObservers: true });
      const created = await secretariat().post('/api/v1/groups', group(randomUUID()));
      expect(created.status).toBe(201);
      const page = await c.get(`/api/v1/groups/${created.body.id}`);
      return [
        { what: 'create', can: (await c.get('/api/v1/groups')).body.can.create, res: await c.post('/api/v1/groups', group(randomUUID())) },
        { what: 'join', can: page.body.can.join, res: await c.post(`/api/v1/groups/${created.body.id}/members`, { state: ownState(who) }) },
        { what: 'observe', can: page.body.can.observe, res: await c.post(`/api/v1/groups/${created.body.id}/observers`, { organisationId }) },
      ];
    },
  },
  {
    name: "table a draft and propose an amendment for one's State",
    success: 201,
    trials: async (c) => [
      { what: 'table', can: (await c.get('/api/v1/drafts')).body.can.table, res: await c.post('/api/v1/drafts', DRAFT) },
      {
        what: 'proposeAmendment',
        can: (await c.get(`/api/v1/drafts/${shared.draft}`)).body.can.proposeAmendment,
        res: await c.post(`/api/v1/drafts/${shared.draft}/amendments`, { revision: 0, action: 'replace', paragraphKey: shared.paragraph, text: 'Recommends more.', reason: 'Clearer.' }),
      },
    ],
  },
  {
    name: "open a reporting cycle and start one's State's report",
    success: 201,
    trials: async (c) => {
      const cycle = await c.get(`/api/v1/reporting/cycles/${shared.cycle}`);
      return [
        { what: 'openCycle', can: (await c.get('/api/v1/reporting/cycles')).body.can.openCycle, res: await c.post('/api/v1/reporting/cycles', CYCLE) },
        { what: 'startReport', can: cycle.body.can.startReport, res: await c.post(`/api/v1/reporting/cycles/${shared.cycle}/reports`, {}) },
      ];
    },
  },
  // ---- capacity-building: a need is its State's, an offer its offeror's ---------------------------
  {
    name: 'publish a need of its own State (the list of needs)',
    success: 201,
    trials: async (c) => [{ what: 'publishNeed', can: (await c.get('/api/v1/capacity/needs')).body.can.publishNeed, res: await c.post('/api/v1/capacity/needs', NEED) }],
  },
  {
    name: 'publish an offer (the list of offers)',
    success: 201,
    trials: async (c, who) => [
      { what: 'publishOffer', can: (await c.get('/api/v1/capacity/offers')).body.can.publishOffer, res: await c.post('/api/v1/capacity/offers', who === 'secretariat' ? { ...OFFER, programme: 'UN trust fund' } : OFFER) },
    ],
  },
  {
    name: "invite an offer on Chile's need",
    success: 201,
    trials: async (c) => {
      const { need, offer } = await needAndOffer();
      const seen = await c.get(`/api/v1/capacity/needs/${need}`);
      return [{ what: 'invite', can: seen.body.can.invite, res: await c.post(`/api/v1/capacity/needs/${need}/invitations`, { offerId: offer, message: '' }) }];
    },
  },
  {
    name: "withdraw Chile's need, and close Argentina's offer (can.moveTo)",
    success: 200,
    trials: async (c) => {
      const { need, offer } = await needAndOffer();
      const seenNeed = await c.get(`/api/v1/capacity/needs/${need}`);
      const seenOffer = await c.get(`/api/v1/capacity/offers/${offer}`);
      return [
        { what: 'moveTo withdrawn (need)', can: (seenNeed.body.can.moveTo as string[]).includes('withdrawn'), res: await c.patch(`/api/v1/capacity/needs/${need}`, { status: 'withdrawn' }) },
        { what: 'moveTo closed (offer)', can: (seenOffer.body.can.moveTo as string[]).includes('closed'), res: await c.patch(`/api/v1/capacity/offers/${offer}`, { status: 'closed' }) },
      ];
    },
  },
  {
    name: "accept Chile's invitation (Argentina's offer), then confirm the match",
    success: 200,
    trials: async (c) => {
      const { need, offer } = await needAndOffer();
      const invited = await clients.get('focal point CHL')!.post(`/api/v1/capacity/needs/${need}/invitations`, { offerId: offer, message: '' });
      expect(invited.status).toBe(201);
      const matchCan = async () => {
        const seen = await c.get(`/api/v1/capacity/needs/${need}`);
        return (seen.body.matches as { id: string; can: Record<string, boolean> }[] | undefined)?.find((m) => m.id === invited.body.id)?.can ?? { accept: false, confirm: false };
      };
      const accept = { what: 'accept', can: (await matchCan()).accept!, res: await c.post(`/api/v1/capacity/matches/${invited.body.id}/accept`, { message: '' }) };
      if (accept.res.status !== 200) expect((await clients.get('focal point ARG')!.post(`/api/v1/capacity/matches/${invited.body.id}/accept`, { message: '' })).status).toBe(200);
      const confirm = { what: 'confirm', can: (await matchCan()).confirm!, res: await c.post(`/api/v1/capacity/matches/${invited.body.id}/confirm`, { message: '' }) };
      return [accept, confirm];
    },
  },
];

const NEED = { title: { en: 'CSIRT training' }, description: { en: 'Incident handling.' }, codes: ['norm-13g'], modality: 'training', languages: ['en'], visibility: 'public' };
const OFFER = { title: { en: 'Incident response training' }, description: { en: 'A week of training.' }, codes: ['norm-13g'], modalities: ['training'], languages: ['en'], visibility: 'public' };

/** A public need of Chile and a public offer of Argentina, fresh for each role. */
async function needAndOffer(): Promise<{ need: string; offer: string }> {
  const need = await clients.get('focal point CHL')!.post('/api/v1/capacity/needs', NEED);
  const offer = await clients.get('focal point ARG')!.post('/api/v1/capacity/offers', OFFER);
  expect([need.status, offer.status]).toEqual([201, 201]);
  return { need: need.body.id, offer: offer.body.id };
}

const DRAFT = { title: 'Recommendation on critical infrastructure', body: 'plenary', kind: 'recommendation', implementsCodes: ['norm-13g'], paragraphs: [{ kind: 'operative', text: 'Recommends that States act.' }] };
const CYCLE = { title: 'A reporting cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: '2031-01-31T12:00', zone: 'Europe/Zurich' };

describe('every `can` flag tells the truth about what the API does', () => {
  /** Every answer, per check: each flag must be seen true for some role and false for another, or the check proves nothing. */
  const seen = new Map<string, Set<boolean>>();

  beforeAll(async () => {
    const draft = await clients.get('chair')!.post('/api/v1/drafts', DRAFT);
    expect(draft.status).toBe(201);
    const cycle = await secretariat().post('/api/v1/reporting/cycles', CYCLE);
    expect(cycle.status).toBe(201);
    shared = {
      meeting: await meeting(),
      adopted: await meeting({ agenda: 'adopted' }),
      draft: draft.body.id,
      paragraph: (await secretariat().get(`/api/v1/drafts/${draft.body.id}`)).body.latest.paragraphs[0].key,
      cycle: cycle.body.id,
    };
  });

  for (const check of canChecks) {
    for (const who of WHO) {
      it(`${who}: ${check.name}`, async () => {
        for (const t of await check.trials(clients.get(who)!, who)) {
          expect(typeof t.can, `${t.what}: the flag is in the response`).toBe('boolean');
          const key = `${check.name} / ${t.what.split(' ')[0]}`;
          seen.set(key, (seen.get(key) ?? new Set()).add(t.can));
          expect(t.res.status === check.success, `${t.what}: can says ${t.can}, the API answered ${t.res.status} ${t.res.text.slice(0, 200)}`).toBe(t.can);
        }
      });
    }
  }

  it('saw each flag both granted and refused', () => {
    const oneSided = [...seen].filter(([, values]) => values.size < 2).map(([key]) => key);
    // Scheduling is the Secretariat's alone, and so on: every flag here is true for someone, false for someone.
    expect(oneSided).toEqual([]);
  });
});

describe('capacity-building: a need seen by the Secretariat only', () => {
  // capacity-api.test.ts checks the routes one by one for the public, two focal points and an organisation;
  // here every role of the matrix, across every list, ranking, statistic and export that could carry it.
  it('appears to no other role but its own State, in any list, ranking, statistic or export', async () => {
    const title = `Secretariat-only need ${randomUUID()}`;
    const made = await clients.get('focal point ARG')!.post('/api/v1/capacity/needs', { ...NEED, title: { en: title }, visibility: 'secretariat' });
    expect(made.status).toBe(201);
    const offer = await clients.get('focal point CHL')!.post('/api/v1/capacity/offers', OFFER);
    expect(offer.status).toBe(201);
    const urls = [
      '/api/v1/capacity/needs',
      '/api/v1/capacity/needs?state=ARG',
      `/api/v1/capacity/offers/${offer.body.id}/needs`,
      '/api/v1/capacity/analysis',
      '/api/v1/capacity/export?what=needs',
      '/api/v1/capacity/export?what=needs&format=csv',
    ];
    for (const who of WHO) {
      const c = clients.get(who)!;
      const sees = who === 'secretariat' || who === 'focal point ARG';
      for (const url of urls) {
        const res = await c.get(url);
        expect(res.status, `${who} ${url}`).toBe(200);
        // The exports are everything public, the same for everyone: the need is in no export.
        const carries = sees && !url.includes('/export');
        expect(res.text.includes(made.body.id), `${who} ${url}`).toBe(carries);
      }
      expect((await c.get(`/api/v1/capacity/needs/${made.body.id}`)).status, who).toBe(sees ? 200 : 404);
      expect((await c.get(`/api/v1/capacity/needs/${made.body.id}/offers`)).status, who).toBe(sees ? 200 : 404);
    }
  });
});
