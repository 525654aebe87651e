import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client } from './support/client.js';
import { seedDemo } from '../src/demo/seed-demo.js';

/** The demo's meetings: what a newcomer sees of the next annual meeting and the working group. */
let p: TestPlatform;
beforeAll(async () => {
  p = await testPlatform();
  await seedDemo(p.ctx);
});
afterAll(() => p.close());

describe('the demo', () => {
  it('has an annual meeting open for registration, with an agenda linked to the framework, documents and statements kept private', async () => {
    const c = new Client(p.app);
    const meetings = (await c.get('/api/v1/meetings')).body.items;
    const annual = meetings.find((m: { kind: string }) => m.kind === 'annual-meeting');
    expect(annual).toMatchObject({ status: 'registration-open', registrationOpen: true, timeZone: 'America/New_York' });
    const page = (await c.get(`/api/v1/meetings/${annual.id}`)).body;
    expect(page.agenda.label).toBe('Provisional agenda');
    expect(page.agenda.items.flatMap((i: { items: { elements: string[] }[] }) => i.items.flatMap((s) => s.elements))).toContain('norm-13a');
    expect(page.documents.map((d: { type: string }) => d.type).sort()).toEqual(['agenda', 'working-paper']);
    expect((await c.get(`/api/v1/meetings/${annual.id}/participants`)).status).toBe(401);
    expect((await c.get(`/api/v1/meetings/${annual.id}/statements`)).body).toEqual({ published: false, states: [], stakeholders: [] });
  });

  it('has a working group with members, an observer, an intersessional meeting in Geneva and a draft of its own', async () => {
    const c = new Client(p.app);
    const [group] = (await c.get('/api/v1/groups')).body.items;
    expect(group).toMatchObject({ memberCount: 3, observerCount: 1 });
    const page = (await c.get(`/api/v1/groups/${group.id}`)).body;
    expect(page.meetings).toHaveLength(1);
    expect(page.meetings[0].timeZone).toBe('Europe/Zurich');
    expect(page.drafts).toEqual([expect.objectContaining({ title: 'Recommendations on keeping the global directory of points of contact up to date', revision: 'Zero draft', status: 'negotiating' })]);
    const draft = (await c.get(`/api/v1/drafts/${page.drafts[0].id}`)).body;
    expect(draft).toMatchObject({ body: group.id, kind: 'recommendation', implementsCodes: ['global-cbm-1'] });
    expect(draft.latest.paragraphs[2].amendments).toEqual([expect.objectContaining({ proposerState: 'FRA', action: 'replace' })]);
    const ics = await p.app.inject({ method: 'GET', url: '/api/v1/calendar/meetings.ics' });
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent');
    // The intersessional meeting, the annual meeting and the organizational session held two months ago.
    expect(events).toHaveLength(3);
  });
});
