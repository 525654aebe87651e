import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { organisations, writtenInputs } from '../src/modules/stakeholders/tables.js';

/**
 * The one search over everything (issue #16): nothing a viewer may not see is ever a result, a
 * suggestion or a count; the owner and the Secretariat find it. Words are planted in a national report:
 * a public section, a States-only one, a Secretariat-only one, and a section of the draft not yet
 * submitted; and in a draft of the plenary, in several languages and scripts.
 */

let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chlFp: Client;
let chlDelegate: Client;
let fraDelegate: Client;
let stakeholder: Client;
const anon = () => new Client(p.app);
let reportId: string;
let draftId: string;

interface Hit {
  kind: string;
  id: string;
  link: string;
  state: string | null;
  date: string;
  title: { text: string };
  fragments: { language: string | null; parts: { text: string; match: boolean }[] }[];
}
const search = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/search?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Hit[]; total: number; facets: { kind: string; count: number }[] };
};
const q = (text: string, more = '') => `q=${encodeURIComponent(text)}${more}`;
const suggestions = async (c: Client, text: string) => {
  const res = await c.get(`/api/v1/search/suggestions?${q(text)}`);
  expect(res.status).toBe(200);
  return res.body.items as Hit[];
};

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Cyber NGO', kind: 'ngo', accreditation: 'accredited' });
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chlFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  chlDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  fraDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'FRA' }));
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));

  const deadlineLocal = DateTime.utc().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'Search cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal, zone: 'UTC' });
  expect(cycle.status).toBe(201);
  const report = await chlDelegate.post(`/api/v1/reporting/cycles/${cycle.body.id}/reports`, { visibility: 'public' });
  reportId = report.body.id;
  const save = async (key: string, answer: object, visibility: string | null) => {
    const res = await chlDelegate.put(`/api/v1/reporting/reports/${reportId}/sections/${key}`, { answer, visibility }, { 'if-match': '"0"' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await save('norm:norm-13a', { status: 'implemented', measures: 'A national quokkaplan strategy with kangaroo exercises.' }, null);
  await save('norm:norm-13b', { status: 'in-progress', challenges: 'Wombatrix attribution capacity.' }, 'states');
  await save('cbm:global-cbm-1', { status: 'not-started', measures: 'Zyxomorph secret kangaroo arrangements.' }, 'secretariat');
  expect((await chlFp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(201);
  // After the submission, a section drafted and not yet submitted.
  await save('norm:norm-13c', { status: 'planned', measures: 'Platypodium draft measures, not yet submitted.' }, null);

  const draft = await chair.post('/api/v1/drafts', {
    title: 'Sécurité des réseaux',
    body: 'plenary',
    kind: 'decision',
    paragraphs: [
      { kind: 'preambular', text: 'Recalling the negotiations on responsible behaviour on the internet,' },
      { kind: 'operative', text: 'Protección de las infraestructuras críticas frente a incidentes.' },
      { kind: 'operative', text: 'حماية البنية التحتية الحيوية من الحوادث.' },
      { kind: 'operative', text: '保护关键基础设施免受网络攻击。' },
      { kind: 'operative', text: 'Защита критической инфраструктуры.' },
    ],
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  draftId = draft.body.id;
});
afterAll(() => p.close());

describe('what a viewer may not see is never found', () => {
  it('a Secretariat-only section: no result, suggestion or count for the public, a stakeholder, a delegate of another State', async () => {
    for (const c of [anon(), stakeholder, fraDelegate]) {
      const res = await search(c, q('zyxomorph'));
      expect(res).toEqual({ items: [], total: 0, facets: [] });
      expect(await suggestions(c, 'zyxomo')).toEqual([]);
    }
  });

  it('the reporting State and the Secretariat find it, linked to the section', async () => {
    for (const c of [chlDelegate, chlFp, secretariat]) {
      const res = await search(c, q('zyxomorph'));
      const section = res.items.find((i) => i.kind === 'report-section');
      expect(section?.link).toBe(`/reporting/reports/${reportId}#section-cbm:global-cbm-1`);
      expect(section?.state).toBe('CHL');
      expect(section?.fragments[0]!.parts.some((x) => x.match && x.text === 'Zyxomorph')).toBe(true);
      expect((await suggestions(c, 'zyxomo')).map((i) => i.kind)).toContain('report-section');
    }
  });

  it('a word in a public and in a hidden section counts only what the viewer may see', async () => {
    const count = async (c: Client) => (await search(c, q('kangaroo'))).facets.find((f) => f.kind === 'report-section')?.count ?? 0;
    expect(await count(anon())).toBe(1);
    expect(await count(stakeholder)).toBe(1);
    expect(await count(fraDelegate)).toBe(1);
    expect(await count(secretariat)).toBe(2);
    const publicHits = await search(anon(), q('kangaroo', '&kind=report-section'));
    expect(publicHits.total).toBe(1);
    expect(publicHits.items[0]!.link).toContain('#section-norm:norm-13a');
  });

  it('a States-only section: other States see it, the public and stakeholders do not', async () => {
    expect((await search(anon(), q('wombatrix'))).total).toBe(0);
    expect((await search(stakeholder, q('wombatrix'))).total).toBe(0);
    expect((await search(fraDelegate, q('wombatrix'))).items.map((i) => i.kind)).toEqual(['report-section']);
  });

  it('a draft not yet submitted: only its State and the Secretariat', async () => {
    for (const c of [anon(), stakeholder, fraDelegate]) {
      expect(await search(c, q('platypodium'))).toEqual({ items: [], total: 0, facets: [] });
      expect(await suggestions(c, 'platypod')).toEqual([]);
    }
    for (const c of [chlDelegate, secretariat]) {
      const res = await search(c, q('platypodium'));
      expect(res.items.map((i) => i.kind)).toEqual(['report-draft']);
      expect(res.facets).toEqual([{ kind: 'report-draft', count: 1 }]);
      expect(res.items[0]!.link).toBe(`/reporting/reports/${reportId}${c === chlDelegate ? '/edit' : ''}#section-norm:norm-13c`);
    }
  });
});

describe('capacity-building needs and offers, by their own visibility', () => {
  let secretNeed: string;
  let publicNeed: string;
  let fraFp: Client;
  const need = (title: string, visibility: string) => ({
    title: { en: title, fr: 'Besoin de formation' },
    description: { en: `${title}: incident handling for the national CSIRT.` },
    codes: ['norm-13g'],
    modality: 'training',
    languages: ['en'],
    visibility,
  });
  beforeAll(async () => {
    fraFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' }));
    const made = await chlFp.post('/api/v1/capacity/needs', need('Quasarbeth secret need', 'secretariat'));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    secretNeed = made.body.id;
    publicNeed = (await chlFp.post('/api/v1/capacity/needs', need('Nebulorix open need', 'public'))).body.id;
    // An offer of France invited on the secret need: its offeror reads that need through the match, not the search.
    const offer = await fraFp.post('/api/v1/capacity/offers', {
      title: { en: 'Nebulorix training offer' },
      description: { en: 'A week of training.' },
      codes: ['norm-13g'],
      modalities: ['training'],
      languages: ['en'],
      visibility: 'public',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const invited = await chlFp.post(`/api/v1/capacity/needs/${secretNeed}/invitations`, { offerId: offer.body.id });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect((await fraFp.get(`/api/v1/capacity/needs/${secretNeed}`)).status).toBe(200);
  });

  it('a Secretariat-only need: the Secretariat finds it, no one else (the public, a stakeholder, a delegate, the offeror)', async () => {
    const found = await search(secretariat, q('quasarbeth'));
    expect(found.items.map((i) => [i.kind, i.link])).toEqual([['capacity-need', `/capacity/needs/${secretNeed}`]]);
    expect(found.items[0]!.state).toBe('CHL');
    expect((await suggestions(secretariat, 'quasarb')).map((i) => i.kind)).toEqual(['capacity-need']);
    for (const c of [anon(), stakeholder, fraDelegate, fraFp]) {
      expect(await search(c, q('quasarbeth'))).toEqual({ items: [], total: 0, facets: [] });
      expect(await suggestions(c, 'quasarb')).toEqual([]);
    }
  });

  it('a public need and a public offer: everyone finds them, in their own kinds', async () => {
    for (const c of [anon(), stakeholder, fraDelegate, fraFp, chlDelegate, secretariat]) {
      const res = await search(c, q('nebulorix'));
      expect(res.facets).toEqual([
        { kind: 'capacity-need', count: 1 },
        { kind: 'capacity-offer', count: 1 },
      ]);
      expect(res.items.find((i) => i.kind === 'capacity-need')?.link).toBe(`/capacity/needs/${publicNeed}`);
    }
    const french = await search(anon(), q('besoin', '&kind=capacity-need&lang=fr'));
    expect(french.items.map((i) => [i.title.text, i.link])).toEqual([['Besoin de formation', `/capacity/needs/${publicNeed}`]]);
  });
});

describe("stakeholders' written inputs", () => {
  it('are public once published, linked to their place on the meeting page', async () => {
    const id = randomUUID();
    const meetingId = randomUUID();
    const [org] = await p.ctx.database.db.select({ id: organisations.id }).from(organisations);
    await p.ctx.database.db.insert(writtenInputs).values({
      id,
      organisationId: org!.id,
      meetingId,
      title: 'Contribution on xylocarpine resilience',
      language: 'en',
      text: 'Civil society asks for xylocarpine exercises.',
      submittedBy: randomUUID(),
      submittedAt: new Date(),
    });
    for (const c of [anon(), fraDelegate, secretariat]) {
      const res = await search(c, q('xylocarpine'));
      expect(res.items.map((i) => [i.kind, i.link])).toEqual([['written-input', `/meetings/${meetingId}#input-${id}`]]);
    }
  });
});

describe('matching', () => {
  const draftFound = async (text: string) => (await search(anon(), q(text, '&kind=draft'))).items.some((i) => i.id === draftId);

  it('takes the last word as a prefix while it is typed, not once a space follows', async () => {
    expect(await draftFound('infraestruct')).toBe(true);
    expect(await draftFound('infraestruct ')).toBe(false);
    expect((await search(anon(), q('quokkap'))).total).toBe(1);
  });

  it('reads the word being typed whole through the stemmers, never its stem as a prefix', async () => {
    // "negotiating" is read as its stem (negoti), which "negotiations" shares; "international" would be
    // read as the prefix intern…, which "internet" starts with: it is not.
    expect(await draftFound('negotiating')).toBe(true);
    expect(await draftFound('internet')).toBe(true);
    expect(await draftFound('interne')).toBe(true);
    expect(await draftFound('international')).toBe(false);
  });

  it('folds accents and case, both ways', async () => {
    expect(await draftFound('PROTECCION')).toBe(true);
    expect(await draftFound('securite des reseaux')).toBe(true);
    expect(await draftFound('críticas')).toBe(true);
  });

  it('stems English, Spanish and Russian words', async () => {
    expect(await draftFound('negotiating ')).toBe(true);
    expect(await draftFound('incidente ')).toBe(true);
    expect(await draftFound('защиты ')).toBe(true);
  });

  it('matches phrases in quotes, in their order only', async () => {
    expect(await draftFound('"infraestructuras criticas"')).toBe(true);
    expect(await draftFound('"criticas infraestructuras"')).toBe(false);
  });

  it('finds Arabic words inside words (the article joined) and Chinese without spaces', async () => {
    expect(await draftFound('التحتية')).toBe(true);
    expect(await draftFound('تحتية')).toBe(true);
    expect(await draftFound('基础设施')).toBe(true);
    expect(await draftFound('基础设备')).toBe(false);
    // Two characters (most Chinese words), one, and two that are not next to each other.
    expect(await draftFound('设施')).toBe(true);
    expect(await draftFound('础')).toBe(true);
    expect(await draftFound('基设')).toBe(false);
    const hit = (await search(anon(), q('基础设施', '&kind=draft'))).items[0]!;
    expect(hit.fragments[0]!.parts.find((x) => x.match)?.text).toBe('基础设施');
    expect(hit.link).toMatch(new RegExp(`^/drafts/${draftId}#para-`));
  });

  it('finds framework elements in force, linked to the element, highlighted', async () => {
    const res = await search(anon(), q('ransomware', '&kind=framework-element'));
    expect(res.items[0]).toMatchObject({ kind: 'framework-element', id: 'threat-ransomware', link: '/framework/threat-ransomware' });
    expect(res.items[0]!.fragments.some((f) => f.parts.some((x) => x.match))).toBe(true);
  });

  it('keeps the framework search "as of" a date on the same matching', async () => {
    const then = await anon().get('/api/v1/framework/search?q=critical%20infrastructure&asOf=2023-01-01');
    expect(then.body.items.map((i: { code: string }) => i.code)).not.toContain('global-cbm-7');
    const now = await anon().get('/api/v1/framework/search?q=critical%20infrastruc');
    expect(now.body.items.map((i: { code: string }) => i.code)).toContain('global-cbm-7');
  });
});

describe('filters and input', () => {
  it('filters by kind, State, language and date', async () => {
    const all = await search(secretariat, q('kangaroo'));
    expect(all.items.every((i) => i.state === 'CHL')).toBe(true);
    expect((await search(secretariat, q('kangaroo', '&state=FRA'))).total).toBe(0);
    expect((await search(secretariat, q('kangaroo', '&state=CHL&kind=report-section'))).total).toBe(2);
    expect((await search(secretariat, q('kangaroo', '&language=fr'))).total).toBe(0);
    expect((await search(secretariat, q('kangaroo', '&to=2020-01-01'))).total).toBe(0);
    const en = await search(anon(), q('ransomware', '&kind=framework-element&language=en'));
    expect(en.items.map((i) => i.id)).toContain('threat-ransomware');
    expect((await search(anon(), q('Sécurité', '&kind=draft&language=zh'))).total).toBe(0);
  });

  it('refuses what it does not understand with 400, never a 500', async () => {
    for (const bad of ['', 'q=', 'q=x&kind=nothing', 'q=x&limit=0', 'q=x&limit=500', 'q=x&from=2024-13-01', 'q=x&state=fr', 'q=x&unknown=1', 'q=%20%20', 'q=a%00b', `q=${'x'.repeat(201)}`]) {
      expect((await anon().get(`/api/v1/search?${bad}`)).status, bad).toBe(400);
    }
    expect((await anon().get('/api/v1/search/suggestions?q=x&limit=99')).status).toBe(400);
    expect((await search(anon(), q('"&|!:*()\'')))).toEqual({ items: [], total: 0, facets: [] });
  });
});
