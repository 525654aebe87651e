import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, apiPost, expectAccessible, LANGUAGES, launchBrowser, newPage, signInByApi, tabUntil, type Lang } from './harness';

type Session = { context: BrowserContext; page: Page; errors: string[] };
let browser: Browser;
const sessions = new Map<string, Session>();

/** One signed-in browser context per demo account (a second factor code is accepted once: sign in once). */
async function as(email: string | 'public'): Promise<Session> {
  const known = sessions.get(email);
  if (known) return known;
  const s = await newPage(browser, 'en');
  if (email !== 'public') await signInByApi(s.context, account(email));
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

const SAVED = /Saved at/;
const saveStatus = (page: Page) => page.getByTestId('save-status');

describe('reporting cycles', () => {
  it('the Secretariat opens a cycle with a deadline in a named time zone; it is shown in that zone', async () => {
    const { page, context, errors } = await as('secretariat@poa.demo');
    await open(page, '/en/reporting');
    const form = main(page).locator('section[aria-labelledby="open-cycle"]');
    const title = `Special reporting round ${Date.now()}`;
    const year = new Date().getUTCFullYear() + 1;
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    await form.getByText('This field is required').first().waitFor();
    await form.getByRole('textbox', { name: 'Title of the cycle' }).fill(title);
    await form.getByLabel('Deadline: date').fill(`${year}-03-15`);
    await form.getByLabel('Deadline: time').fill('12:00');
    await form.getByLabel('Time zone of the deadline').selectOption('Europe/Zurich');
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    const card = main(page).locator('li[data-cycle]', { hasText: title });
    await card.waitFor();
    expect(await card.textContent()).toContain(`March 15, ${year} at 12:00 PM`);
    expect(await card.textContent()).toContain('(Europe/Zurich)');
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
    await card.getByRole('button', { name: 'Start from our previous report' }).click();
    await page.waitForURL(/\/en\/reporting\/reports\/[^/]+\/edit/);
    const reportId = /reports\/([^/]+)\/edit/.exec(page.url())![1]!;

    // The section comes with last year's answer, and the "no change" choice.
    await page.getByRole('navigation', { name: 'Parts of the questionnaire' }).locator('button[data-key="norm:norm-13g"]').click();
    const section = main(page).locator('section[data-section="norm:norm-13g"]');
    const measures = section.getByRole('textbox', { name: 'Measures taken' });
    await expect.poll(() => measures.inputValue()).toContain('Law on Cybersecurity');
    await section.getByRole('checkbox', { name: 'No change since our last report' }).waitFor();
    expect(await section.getByRole('radio', { name: 'In progress' }).isChecked()).toBe(true);

    await section.getByRole('radio', { name: 'Implemented' }).check();
    await measures.fill('Decree 53/2022 lists the information systems important for national security.');
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toMatch(SAVED);

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
    await expect.poll(() => saveStatus(a.page).textContent(), { timeout: 10_000 }).toMatch(SAVED);

    // B opened the section before A saved: B's save is refused, and B is shown A's version.
    await sectionB.getByRole('textbox', { name: 'Challenges' }).fill('Due diligence: no legal basis yet for notifying operators.');
    const conflict = sectionB.getByTestId('conflict');
    await conflict.waitFor({ timeout: 10_000 });
    expect(await conflict.textContent()).toContain('Attribution requires forensic capacity we lack.');
    expect(await conflict.textContent()).toContain(account('focal.chl@poa.demo').name);
    await expect.poll(() => saveStatus(b.page).textContent()).toContain('Not saved');
    let server = (await getJson<ReportBody>(a.context, `/api/v1/reporting/reports/${reportId}`)).body.draft!.find((d) => d.key === 'norm:norm-13c')!;
    expect(server.answer).toMatchObject({ challenges: 'Attribution requires forensic capacity we lack.' });
    expect(server.version).toBe(before + 1);

    // B keeps theirs: saved as the next version; A's stays in the section's history.
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect.poll(() => saveStatus(b.page).textContent(), { timeout: 10_000 }).toMatch(SAVED);
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
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toMatch(SAVED);
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

const AXE_PAGES = ['cycle list', 'questionnaire, first step', 'questionnaire, a norm', 'report page', 'analysis page'] as const;

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
      'analysis page': [`/reporting/cycles/${cycle.id}/analysis`, 'svg[data-testid="world-map"]'],
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
