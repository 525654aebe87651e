import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, apiPost, expectAccessible, expectNoRawKeys, LANGUAGES, launchBrowser, newPage, addMintedSession, tabUntil, type Lang } from './harness';

type Session = { context: BrowserContext; page: Page; errors: string[] };
let browser: Browser;
const sessions = new Map<string, Session>();

/** One signed-in browser context per demo account (a second factor code is accepted once: sign in once). */
async function as(email: string | 'public'): Promise<Session> {
  const known = sessions.get(email);
  if (known) return known;
  const s = await newPage(browser, 'en');
  if (email !== 'public') await addMintedSession(s.context, account(email));
  sessions.set(email, s);
  return s;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const main = (page: Page) => page.locator('main');
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}
async function getJson<T>(context: BrowserContext, url: string): Promise<{ status: number; body: T; text: string }> {
  const res = await context.request.get(url);
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as T, text };
}

interface Cycle {
  id: string;
  title: string;
  status: 'open' | 'closed';
  myReport: { id: string; submissions: number } | null;
}
interface DraftSection {
  key: string;
  answer: { status?: string; measures?: string; challenges?: string; noChangeSinceLastReport?: boolean };
  version: number;
}
interface ReportBody {
  draft: DraftSection[] | null;
  history: { key: string; version: number; editedByName: string }[] | null;
  submissions: { number: number; contentHash: string }[];
}

/** The open cycle of the demo, and the id of a State's report in it (seen by one of its people). */
async function currentCycle(context: BrowserContext): Promise<Cycle> {
  const { body } = await getJson<{ items: Cycle[] }>(context, '/api/v1/reporting/cycles');
  return body.items.find((c) => c.title === 'First reporting cycle of the PoA')!;
}

/** A request with the CSRF token the API expects (for PUT and PATCH, which the harness has no helper for). */
async function apiSend(context: BrowserContext, method: 'PUT' | 'PATCH', url: string, data: unknown, headers: Record<string, string> = {}): Promise<number> {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken, ...headers }, data });
  return res.status();
}

const V1_TEXT = 'Position on international law published by decree (first version).';
const V2_TEXT = 'Position on international law published by decree and presented to Parliament (corrected).';
const STATES_TEXT = 'Exchange of threat indicators with neighbouring States only.';
const CONTACTS_TEXT = 'National CERT duty desk, reachable through the Ministry switchboard.';

/**
 * Jordan's report in a round of its own: version 1 (public, one section for States only, its contacts
 * public), then a corrected version 2 that rewrites the position on international law and closes the
 * contacts to the Secretariat. Made once per run, through the API, for the tests that read it.
 */
let versioned: Promise<{ id: string; receipts: { number: number; contentHash: string }[] }> | undefined;
function versionedReport() {
  versioned ??= (async () => {
    const sec = await as('secretariat@poa.demo');
    const year = new Date().getUTCFullYear();
    const cycle = await apiPost(sec.context, '/api/v1/reporting/cycles', {
      title: `Reporting round with a correction ${Date.now()}`,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      deadlineLocal: `${year + 1}-06-30T12:00`,
      zone: 'Europe/Zurich',
    });
    expect(cycle.status).toBe(201);
    const { context } = await as('focal.jor@poa.demo');
    const started = await apiPost(context, `/api/v1/reporting/cycles/${(cycle.body as { id: string }).id}/reports`, { visibility: 'public' });
    expect(started.status).toBe(201);
    const id = (started.body as { id: string }).id;
    const save = (key: string, version: number, body: unknown) => apiSend(context, 'PUT', `/api/v1/reporting/reports/${id}/sections/${key}`, body, { 'if-match': `"${version}"` });
    expect(await save('international-law', 0, { answer: { status: 'implemented', measures: V1_TEXT } })).toBe(200);
    expect(await save('norm:norm-13c', 0, { answer: { status: 'in-progress', measures: STATES_TEXT }, visibility: 'states' })).toBe(200);
    expect(await save('contacts', 0, { answer: { contacts: CONTACTS_TEXT } })).toBe(200);
    expect((await apiPost(context, `/api/v1/reporting/reports/${id}/submissions`, {})).status).toBe(201);
    expect(await save('international-law', 1, { answer: { status: 'implemented', measures: V2_TEXT } })).toBe(200);
    expect(await save('contacts', 1, { answer: { contacts: CONTACTS_TEXT }, visibility: 'secretariat' })).toBe(200);
    expect((await apiPost(context, `/api/v1/reporting/reports/${id}/submissions`, {})).status).toBe(201);
    const { body } = await getJson<ReportBody>(context, `/api/v1/reporting/reports/${id}`);
    expect(body.submissions.map((s) => s.number)).toEqual([1, 2]);
    return { id, receipts: body.submissions };
  })();
  return versioned;
}

/** Every cycle's follow button known: the list no longer grows under what follows it. */
async function settled(page: Page): Promise<void> {
  const cards = main(page).locator('li[data-cycle]');
  await cards.first().waitFor();
  await expect.poll(async () => (await main(page).getByTestId('follow-pending').count()) === 0 && (await main(page).getByTestId('follow-button').count()) === (await cards.count())).toBe(true);
}

const SAVED = /Saved at/;
const saveStatus = (page: Page) => page.getByTestId('save-status');

describe('reporting cycles', () => {
  it('the Secretariat opens a cycle with a deadline in a named time zone; it is shown in that zone', async () => {
    const { page, context, errors } = await as('secretariat@poa.demo');
    await open(page, '/en/reporting');
    const form = main(page).locator('section[aria-labelledby="open-cycle"]');
    const title = `Special reporting round ${Date.now()}`;
    const year = new Date().getUTCFullYear() + 1;
    // The page as it settles for a signed-in reader (each cycle's follow button known), so that
    // nothing moves under the pointer between pressing the button and releasing it.
    await settled(page);
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    await form.getByText('This field is required').first().waitFor();
    await form.getByRole('textbox', { name: 'Title of the cycle' }).fill(title);
    await form.getByLabel('Deadline: date').fill(`${year}-03-15`);
    await form.getByLabel('Deadline: time').fill('12:00');
    await form.getByLabel('Time zone of the deadline').selectOption('Europe/Zurich');
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    const card = main(page).locator('li[data-cycle]', { hasText: title });
    await card.waitFor();
    // The deadline as it was set, in its zone, named as everywhere on the platform (24-hour clock).
    expect(await card.textContent()).toContain(`March 15, ${year} at 12:00 (`);
    expect(await card.textContent()).toContain('time zone Europe/Zurich)');
    const { body } = await getJson<{ items: (Cycle & { deadlineAt: string; deadlineZone: string })[] }>(context, '/api/v1/reporting/cycles');
    const made = body.items.find((c) => c.title === title)!;
    expect(made.deadlineZone).toBe('Europe/Zurich');
    expect(made.deadlineAt).toBe(`${year}-03-15T11:00:00.000Z`);
    // Nobody else is offered the form.
    const fp = await as('focal.ken@poa.demo');
    await open(fp.page, '/en/reporting');
    await main(fp.page).locator('li[data-cycle]').first().waitFor();
    expect(await main(fp.page).locator('section[aria-labelledby="open-cycle"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a State’s report, as its people write it', () => {
  it('a focal point starts from the previous report, edits a section that saves itself, and submits with a receipt', async () => {
    const { page, context, errors } = await as('focal.vnm@poa.demo');
    await open(page, '/en/reporting');
    const card = main(page).locator('li[data-cycle]', { hasText: 'First reporting cycle of the PoA' });
    await settled(page);
    await card.getByRole('button', { name: 'Start from our previous report' }).click();
    await page.waitForURL(/\/en\/reporting\/reports\/[^/]+\/edit/);
    const reportId = /reports\/([^/]+)\/edit/.exec(page.url())![1]!;

    // The section comes with last year's answer, and the "no change" choice.
    await page.getByRole('navigation', { name: 'Parts of the questionnaire' }).locator('button[data-key="norm:norm-13g"]').click();
    const section = main(page).locator('section[data-section="norm:norm-13g"]');
    const measures = section.getByRole('textbox', { name: 'Measures taken' });
    await expect.poll(() => measures.inputValue()).toContain('Law on Cybersecurity');
    await section.getByRole('checkbox', { name: 'No change since our last report' }).waitFor();
    await expect.poll(() => section.getByRole('radio', { name: 'In progress' }).isChecked()).toBe(true);

    await section.getByRole('radio', { name: 'Implemented' }).check();
    await measures.fill('Decree 53/2022 lists the information systems important for national security.');
    await expect.poll(() => saveStatus(page).textContent()).toMatch(SAVED);

    // Reloaded, the page shows what was typed: it was saved, not kept in the browser.
    await page.reload();
    await page.locator('h1').first().waitFor();
    const again = main(page).locator('section[data-section="norm:norm-13g"]');
    await expect.poll(() => again.getByRole('textbox', { name: 'Measures taken' }).inputValue()).toBe('Decree 53/2022 lists the information systems important for national security.');
    expect(await again.getByRole('radio', { name: 'Implemented' }).isChecked()).toBe(true);
    const saved = await getJson<ReportBody>(context, `/api/v1/reporting/reports/${reportId}`);
    expect(saved.body.draft!.find((d) => d.key === 'norm:norm-13g')!.answer).toMatchObject({ status: 'implemented', measures: 'Decree 53/2022 lists the information systems important for national security.' });
    // Who changed what: the section's history names the editor and the fields changed.
    await again.locator('summary', { hasText: 'Changes to this section' }).click();
    await expect.poll(() => again.getByTestId('history').textContent()).toMatch(new RegExp(`${account('focal.vnm@poa.demo').name}.*Changed: .*Measures taken`));

    // Only the focal point submits: a confirmation, then the receipt.
    await main(page).getByRole('button', { name: 'Submit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit the report?' });
    await dialog.getByRole('button', { name: 'Submit the report' }).click();
    const hash = await page.getByTestId('receipt-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const after = await getJson<ReportBody>(context, `/api/v1/reporting/reports/${reportId}`);
    expect(after.body.submissions).toEqual([expect.objectContaining({ number: 1, contentHash: hash })]);
    expect(errors).toEqual([]);
  });

  it('two people editing the same section: the second is shown the other version, and nothing is lost', async () => {
    const a = await as('focal.chl@poa.demo');
    const b = await as('delegate.chl@poa.demo');
    const reportId = (await currentCycle(a.context)).myReport!.id;
    const path = `/en/reporting/reports/${reportId}/edit?section=norm:norm-13c`;
    await open(a.page, path);
    await open(b.page, path);
    const sectionA = main(a.page).locator('section[data-section="norm:norm-13c"]');
    const sectionB = main(b.page).locator('section[data-section="norm:norm-13c"]');
    await sectionB.getByRole('textbox', { name: 'Challenges' }).waitFor();
    const before = (await getJson<ReportBody>(a.context, `/api/v1/reporting/reports/${reportId}`)).body.draft!.find((d) => d.key === 'norm:norm-13c')?.version ?? 0;

    await sectionA.getByRole('textbox', { name: 'Challenges' }).fill('Attribution requires forensic capacity we lack.');
    await expect.poll(() => saveStatus(a.page).textContent()).toMatch(SAVED);

    // B opened the section before A saved: B's save is refused, and B is shown A's version.
    await sectionB.getByRole('textbox', { name: 'Challenges' }).fill('Due diligence: no legal basis yet for notifying operators.');
    const conflict = sectionB.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Attribution requires forensic capacity we lack.');
    expect(await conflict.textContent()).toContain(account('focal.chl@poa.demo').name);
    await expect.poll(() => saveStatus(b.page).textContent()).toContain('Not saved');
    let server = (await getJson<ReportBody>(a.context, `/api/v1/reporting/reports/${reportId}`)).body.draft!.find((d) => d.key === 'norm:norm-13c')!;
    expect(server.answer).toMatchObject({ challenges: 'Attribution requires forensic capacity we lack.' });
    expect(server.version).toBe(before + 1);

    // B keeps theirs: saved as the next version; A's stays in the section's history.
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect.poll(() => saveStatus(b.page).textContent()).toMatch(SAVED);
    const report = (await getJson<ReportBody>(a.context, `/api/v1/reporting/reports/${reportId}`)).body;
    server = report.draft!.find((d) => d.key === 'norm:norm-13c')!;
    expect(server.version).toBe(before + 2);
    const names = report.history!.filter((h) => h.key === 'norm:norm-13c' && h.version > before).map((h) => h.editedByName);
    expect(names).toEqual([account('focal.chl@poa.demo').name, account('delegate.chl@poa.demo').name]);
    // A delegate drafts but does not submit.
    expect(await main(b.page).getByRole('button', { name: /^Submit/ }).count()).toBe(0);
    expect(b.errors).toEqual([]);
  });

  it('lets a focal point answer a question with the keyboard alone', async () => {
    const { page, context, errors } = await as('focal.jor@poa.demo');
    const cycle = await currentCycle(context);
    const started = await apiPost(context, `/api/v1/reporting/cycles/${cycle.id}/reports`, { fromPrevious: false });
    expect(started.status).toBe(201);
    const reportId = (started.body as { id: string }).id;
    await open(page, `/en/reporting/reports/${reportId}/edit?section=norm:norm-13g`);
    await main(page).locator('section[data-section="norm:norm-13g"]').waitFor();
    await page.locator('#section-heading').focus();
    // Tab to the status, choose with the arrow keys, Tab on to "Measures taken" and type.
    await tabUntil(page, (el) => el.tag === 'input' && el.type === 'radio');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabUntil(page, (el) => el.tag === 'textarea' && el.name.startsWith('Measures taken'));
    await page.keyboard.type('National Cybersecurity Centre designated critical sectors.');
    await expect.poll(() => saveStatus(page).textContent()).toMatch(SAVED);
    const report = (await getJson<ReportBody>(context, `/api/v1/reporting/reports/${reportId}`)).body;
    expect(report.draft!.find((d) => d.key === 'norm:norm-13g')!.answer).toMatchObject({ status: 'in-progress', measures: 'National Cybersecurity Centre designated critical sectors.' });
    expect(errors).toEqual([]);
  });
});

describe('who sees what of a report', () => {
  const SECRETARIAT_ONLY = 'CSIRT duty officer reachable around the clock';
  const STATES_ONLY = 'Training on incident severity assessment';
  const PUBLIC = 'National position on the application of international law';

  async function chileReportId(): Promise<string> {
    const { context } = await as('focal.chl@poa.demo');
    return (await currentCycle(context)).myReport!.id;
  }

  it('the public, a stakeholder, a delegate of another State and Chile itself each see exactly what they should', async () => {
    const id = await chileReportId();
    const expectations: [string, boolean, boolean][] = [
      ['public', false, false],
      ['stakeholder@poa.demo', false, false],
      ['delegate.fra@poa.demo', true, false],
      ['focal.chl@poa.demo', true, true],
    ];
    for (const [who, states, secretariat] of expectations) {
      const { page, context, errors } = await as(who);
      await open(page, `/en/reporting/reports/${id}`);
      await main(page).locator('section[data-section="international-law"]').waitFor();
      const text = (await main(page).textContent()) ?? '';
      expect(text, who).toContain(PUBLIC);
      expect(text.includes(STATES_ONLY), `${who}: States-only section`).toBe(states);
      expect(text.includes(SECRETARIAT_ONLY), `${who}: Secretariat-only section`).toBe(secretariat);
      // The JSON export the page links to holds the same, and no more.
      const href = await main(page).getByTestId('json-export').getAttribute('href');
      const exported = await getJson<unknown>(context, href!);
      expect(exported.status).toBe(200);
      expect(exported.text).toContain(PUBLIC);
      expect(exported.text.includes(STATES_ONLY), `${who}: export, States-only`).toBe(states);
      expect(exported.text.includes(SECRETARIAT_ONLY), `${who}: export, Secretariat-only`).toBe(secretariat);
      expect(errors).toEqual([]);
    }
  });

  it('a report open to States only is not found by the public or a stakeholder, and is read by another State', async () => {
    const fr = await as('delegate.fra@poa.demo');
    const cycle = await currentCycle(fr.context);
    const franceId = cycle.myReport!.id;
    for (const who of ['public', 'stakeholder@poa.demo']) {
      const { page } = await as(who);
      await open(page, `/en/reporting/reports/${franceId}`);
      await page.locator('h1', { hasText: /not found/i }).waitFor();
      expect(await main(page).textContent()).not.toContain('Operators of vital importance');
    }
    const { page } = await as('delegate.chl@poa.demo');
    await open(page, `/en/reporting/reports/${franceId}`);
    await main(page).locator('section[data-section="norm:norm-13g"]').waitFor();
    expect(await main(page).textContent()).toContain('Operators of vital importance designated under the Defence Code.');
  });
});

describe('an earlier submitted version of a report', () => {
  it('is opened from the list of submissions, labelled with its receipt and what superseded it, and exported', async () => {
    const { id, receipts } = await versionedReport();
    const { page, context, errors } = await as('focal.jor@poa.demo');
    await open(page, `/en/reporting/reports/${id}`);
    const status = main(page).getByTestId('version-label');
    await expect.poll(() => status.textContent()).toMatch(/^Version 2 submitted on .+: the latest version\.$/);
    expect(await main(page).getByTestId('version-hash').textContent()).toBe(receipts[1]!.contentHash);
    expect(await main(page).textContent()).toContain(V2_TEXT);

    // Version 1, from its row in the list of submissions.
    await main(page).getByTestId('submissions-table').locator('tr[data-version="1"]').getByRole('link', { name: 'View version 1' }).click();
    await page.waitForURL(/\?version=1$/);
    await expect.poll(() => status.textContent()).toMatch(/^Version 1 submitted on .+, superseded by version 2 \(submitted on .+\)\.$/);
    expect(await main(page).getByTestId('version-hash').textContent()).toBe(receipts[0]!.contentHash);
    const text = (await main(page).textContent()) ?? '';
    expect(text).toContain(V1_TEXT);
    expect(text).not.toContain(V2_TEXT);
    // Jordan itself sees its contacts, with who may read them now: the Secretariat only, as version 2 decided.
    const contacts = main(page).locator('section[data-section="contacts"]');
    expect(await contacts.textContent()).toContain(CONTACTS_TEXT);
    expect(await contacts.locator('[data-visibility]').getAttribute('data-visibility')).toBe('secretariat');
    expect(await main(page).getByTestId('submissions-table').locator('tr[aria-current="true"]').getAttribute('data-version')).toBe('1');

    // The JSON export of the version shown.
    const href = await main(page).getByTestId('json-export').getAttribute('href');
    expect(href).toBe(`/api/v1/reporting/reports/${id}/export?version=1`);
    expect(await main(page).getByTestId('json-export').textContent()).toBe('Download version 1 as JSON');
    const exported = await getJson<{ submission: { number: number; contentHash: string; supersededBy: { number: number } } }>(context, href!);
    expect(exported.body.submission).toMatchObject({ number: 1, contentHash: receipts[0]!.contentHash, supersededBy: { number: 2 } });
    expect(exported.text).toContain(V1_TEXT);

    // Back to the latest with the version chooser.
    await main(page).getByLabel('Version shown').selectOption('2');
    await expect.poll(() => status.textContent()).toContain('Version 2 submitted on');
    expect(page.url()).not.toContain('version=');
    expect(await main(page).textContent()).toContain(V2_TEXT);

    // A version that does not exist says so.
    await open(page, `/en/reporting/reports/${id}?version=7`);
    expect(await main(page).getByTestId('version-missing').textContent()).toContain('There is no version 7 of this report that you may see.');
    expect(errors).toEqual([]);
  });

  it('shows the public and a stakeholder no section that is not public, nor one the correction closed; another State sees its States-only part', async () => {
    const { id } = await versionedReport();
    const expectations: [string, boolean][] = [
      ['public', false],
      ['stakeholder@poa.demo', false],
      ['delegate.fra@poa.demo', true],
    ];
    for (const [who, statesOnly] of expectations) {
      const { page, context, errors } = await as(who);
      await open(page, `/en/reporting/reports/${id}?version=1`);
      await main(page).locator('section[data-section="international-law"]').waitFor();
      expect(await main(page).getByTestId('version-label').textContent(), who).toMatch(/^Version 1 submitted on .+, superseded by version 2 /);
      const text = (await main(page).textContent()) ?? '';
      expect(text, who).toContain(V1_TEXT);
      expect(text.includes(STATES_TEXT), `${who}: States-only section`).toBe(statesOnly);
      expect(text, `${who}: contacts closed by version 2`).not.toContain(CONTACTS_TEXT);
      expect(await main(page).locator('section[data-section="contacts"]').count()).toBe(0);
      const exported = await getJson<unknown>(context, `/api/v1/reporting/reports/${id}/export?version=1`);
      expect(exported.status).toBe(200);
      expect(exported.text).toContain(V1_TEXT);
      expect(exported.text.includes(STATES_TEXT), `${who}: export, States-only`).toBe(statesOnly);
      expect(exported.text).not.toContain(CONTACTS_TEXT);
      expect(errors).toEqual([]);
    }
  });
});

describe('the analysis of a cycle', () => {
  it('shows the map (a path per country, coloured from what the viewer may see) and the charts with their tables', async () => {
    const { page, context, errors } = await as('public');
    const cycle = await currentCycle(context);
    await open(page, `/en/reporting/cycles/${cycle.id}/analysis`);
    const map = main(page).locator('svg[data-testid="world-map"]');
    await map.waitFor();
    expect(await map.locator('path').count()).toBeGreaterThan(170);
    // Chile (M49 152) reported publicly; France (250) reported for States only: not reported, for the public.
    expect(await map.locator('path[data-m49="152"]').getAttribute('data-category')).toBe('reported');
    expect(await map.locator('path[data-m49="250"]').getAttribute('data-category')).toBe('not-reported');
    expect(await main(page).getByRole('img', { name: /World map of participation/ }).count()).toBe(1);
    const table = main(page).getByTestId('participation-table');
    expect(await table.locator('tr[data-state="CHL"]').textContent()).toContain('Reported');
    expect(await table.locator('tr[data-state="FRA"]').textContent()).toContain('No report you may see');
    for (const chart of ['group-chart', 'norms-chart', 'cbms-chart']) {
      await main(page).getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
    }
    expect(await main(page).getByTestId('norms-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    for (const t of ['group-table', 'norms-table', 'cbms-table', 'challenges-table', 'needs-table']) {
      expect(await main(page).getByTestId(t).locator('caption').count(), t).toBe(1);
    }
    // Over the cycles: last year's cycle beside this one; last year, three States answered on norm 13 (g) publicly, none "implemented".
    const over = main(page).getByTestId('over-cycles-table');
    await over.waitFor();
    expect(await over.locator('thead th').count()).toBe(3);
    expect(await over.locator('tbody tr', { hasText: 'norm-13g' }).locator('td').first().textContent()).toBe('implemented: 0 of 3');
    const groups = await main(page).getByTestId('group-table').textContent();
    expect(groups).toContain('Latin American and Caribbean');
    expect(await main(page).getByRole('link', { name: /Secretariat’s cycle summary/ }).count()).toBe(0);

    // Another State sees France's report, and so the map says France reported.
    const fr = await as('delegate.fra@poa.demo');
    await open(fr.page, `/en/reporting/cycles/${cycle.id}/analysis`);
    await main(fr.page).locator('svg[data-testid="world-map"] path[data-m49="250"][data-category="reported"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('draws its headings, numbers and tables before the chart library arrives, a progress indicator where each chart will be', async () => {
    const { context, page, errors } = await newPage(browser, 'en');
    try {
      const cycle = await currentCycle(context);
      // The charts' code (Recharts) is held back until the first view is checked.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/StackedBars-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await open(page, `/en/reporting/cycles/${cycle.id}/analysis`);
      await main(page).getByTestId('participation-summary').waitFor();
      await main(page).getByTestId('norms-table').locator('tbody tr').first().waitFor();
      for (const chart of ['group-chart', 'norms-chart', 'cbms-chart']) {
        await main(page).getByTestId(chart).getByTestId('chart-loading').waitFor();
      }
      expect(await main(page).locator('svg.recharts-surface').count()).toBe(0);
      await expectNoRawKeys(page, 'analysis before its charts');
      release();
      for (const chart of ['group-chart', 'norms-chart', 'cbms-chart']) {
        await main(page).getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
      }
      expect(await main(page).getByTestId('chart-loading').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  /** Where the chart's parts stand: the value axis, the category ticks by their text, the legend items in order. */
  async function chartLayout(page: Page, testId: string) {
    const figure = main(page).getByTestId(testId);
    await figure.locator('.recharts-bar-rectangle').first().waitFor();
    const box = (await figure.boundingBox())!;
    // Recharts draws tick labels in a layer of their own, named after their axis.
    const yAxis = (await figure.locator('.recharts-yAxis-tick-labels').boundingBox())!;
    const ticks = await figure.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', x: el.getBoundingClientRect().left + el.getBoundingClientRect().width / 2 })),
    );
    const legend = await figure.locator('.recharts-legend-item').evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', x: el.getBoundingClientRect().left })));
    return { middle: box.x + box.width / 2, yAxisX: yAxis.x + yAxis.width / 2, ticks, legend, direction: await figure.getAttribute('data-direction') };
  }

  it('charts implementation over the cycles for a chosen norm, beside its table, and mirrors the charts in Arabic', async () => {
    const { page, context, errors } = await as('public');
    const cycle = await currentCycle(context);
    const year = new Date().getUTCFullYear();
    const lastYear = (await getJson<{ items: Cycle[] }>(context, '/api/v1/reporting/cycles')).body.items.find((c) => c.title === `Reporting cycle ${year - 1}`)!;
    await open(page, `/en/reporting/cycles/${cycle.id}/analysis`);
    const chooser = main(page).getByLabel('Norm or confidence-building measure');
    await chooser.selectOption('norm:norm-13g');
    await page.waitForURL(/element=norm%3Anorm-13g/);
    const chart = main(page).getByTestId('over-cycles-element-chart');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^Stacked bar chart\. norm-13g .+: share of the States that answered/);
    // The table beside it: a row per cycle, a column per status; last year, of three public answers on
    // norm 13 (g), two were "in progress" and one "planned" (France's was for States only).
    const table = main(page).getByTestId('over-cycles-element-table');
    expect(await table.locator('caption').textContent()).toMatch(/^norm-13g .+: States giving each status/);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Cycle', 'Implemented', 'In progress', 'Planned', 'Not started', 'Not applicable', 'States that answered']);
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').first().getAttribute('data-row')).toBe(lastYear.id);
    expect(await table.locator(`tr[data-row="${lastYear.id}"] td`).allTextContents()).toEqual(['0 (0%)', '2 (67%)', '1 (33%)', '0 (0%)', '0 (0%)', '3']);
    // The chart draws the same: shares on a 0–100 % axis, a bar per status present, oldest cycle first.
    const ltr = await chartLayout(page, 'over-cycles-element-chart');
    expect(await chart.locator('.recharts-yAxis-tick-labels').textContent()).toContain('100%');
    expect(ltr.direction).toBe('ltr');
    expect(ltr.ticks.map((t) => t.text)).toEqual([String(year - 1), String(year)]);
    expect(ltr.ticks[0]!.x).toBeLessThan(ltr.ticks[1]!.x);
    expect(ltr.yAxisX).toBeLessThan(ltr.middle);
    expect(ltr.legend.map((l) => l.text)).toEqual(['Implemented', 'In progress', 'Planned', 'Not started', 'Not applicable']);
    expect(ltr.legend[0]!.x).toBeLessThan(ltr.legend[1]!.x);
    expect(await main(page).getByTestId('over-cycles-table').locator('caption').count()).toBe(1);

    // In Arabic every chart mirrors: categories from the right, the value axis on the right, the legend read from the right.
    await open(page, `/ar/reporting/cycles/${cycle.id}/analysis?element=norm:norm-13g`);
    for (const testId of ['over-cycles-element-chart', 'norms-chart', 'group-chart']) {
      const rtl = await chartLayout(page, testId);
      expect(rtl.direction, testId).toBe('rtl');
      expect(rtl.yAxisX, `${testId}: value axis on the right`).toBeGreaterThan(rtl.middle);
      expect(rtl.ticks[0]!.x, `${testId}: first category on the right`).toBeGreaterThan(rtl.ticks.at(-1)!.x);
      expect(rtl.legend[0]!.x, `${testId}: legend read from the right`).toBeGreaterThan(rtl.legend[1]!.x);
    }
    const overAr = await chartLayout(page, 'over-cycles-element-chart');
    expect(overAr.ticks.map((t) => t.text)).toEqual([String(year - 1), String(year)]);
    // The legend keeps the order of the statuses, whatever their names sort as in Arabic.
    expect(overAr.legend.map((l) => l.text)).toEqual(['منفَّذ', 'قيد التنفيذ', 'مخطَّط له', 'لم يبدأ', 'لا ينطبق']);
    expect(errors).toEqual([]);
  });

  it('compares up to three States side by side, from what the viewer may see', async () => {
    const { page, context } = await as('public');
    const cycle = await currentCycle(context);
    await open(page, `/en/reporting/cycles/${cycle.id}/compare?states=CHL,FRA,KEN`);
    const table = main(page).getByTestId('compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').count()).toBe(4);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Critical infrastructure designated by decree');
    expect(text).not.toContain('Operators of vital importance');
  });
});

const AXE_PAGES = ['cycle list', 'questionnaire, first step', 'questionnaire, a norm', 'report page', 'earlier version of a report', 'analysis page'] as const;

describe.each(LANGUAGES)('the reporting pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  it.each(AXE_PAGES)('%s', async (which) => {
    const { page, context, errors } = await as('focal.ken@poa.demo');
    const cycle = await currentCycle(context);
    const chileId = (await currentCycle((await as('focal.chl@poa.demo')).context)).myReport!.id;
    const kenya = cycle.myReport!.id;
    const pages: Record<(typeof AXE_PAGES)[number], [string, string]> = {
      'cycle list': ['/reporting', 'li[data-cycle]'],
      'questionnaire, first step': [`/reporting/reports/${kenya}/edit?section=international-law`, 'section[data-section="international-law"]'],
      'questionnaire, a norm': [`/reporting/reports/${kenya}/edit?section=norm:norm-13g`, 'section[data-section="norm:norm-13g"] textarea'],
      'report page': [`/reporting/reports/${chileId}`, 'section[data-section="international-law"]'],
      'earlier version of a report': [`/reporting/reports/${(await versionedReport()).id}?version=1`, '[data-testid="version-status"]'],
      // Ready when the last chart, over the cycles, is drawn.
      'analysis page': [`/reporting/cycles/${cycle.id}/analysis?element=norm:norm-13g`, '[data-testid="over-cycles-element-chart"] .recharts-bar-rectangle'],
    };
    const [path, ready] = pages[which];
    await open(page, `/${lang}${path}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await main(page).locator(ready).first().waitFor();
    expect(await page.locator('h1').count(), `${path}: one h1`).toBe(1);
    await expectAccessible(page, `/${lang}${path}`);
    expect(errors).toEqual([]);
  }, 240_000);
});
