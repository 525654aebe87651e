import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, expectChromeAccessible, launchBrowser, server } from './harness';

/**
 * The platform on a phone (390×844, the size of a common phone held upright), for a focal point
 * signed in: no page scrolls sideways, the navigation and the languages are in a menu that the
 * keyboard opens and closes, and the report form starts on the first screen.
 */
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: server().url, locale: 'en', viewport: PHONE });
  await addMintedSession(context, account('focal.ken@poa.demo'));
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The first item's id of a list the API gives this focal point. */
async function firstId(url: string): Promise<string> {
  const res = await context.request.get(url);
  expect(res.status(), url).toBe(200);
  const body = (await res.json()) as { items: { id: string }[] };
  expect(body.items.length, `${url}: an item`).toBeGreaterThan(0);
  return body.items[0]!.id;
}

async function kenyasReport(): Promise<{ cycle: string; report: string }> {
  const res = await context.request.get('/api/v1/reporting/cycles');
  const { items } = (await res.json()) as { items: { id: string; title: string; myReport: { id: string } | null }[] };
  const cycle = items.find((c) => c.title === 'First reporting cycle of the PoA')!;
  return { cycle: cycle.id, report: cycle.myReport!.id };
}

/** Opens a page and waits until it has its heading and nothing left loading. */
async function open(path: string, ready?: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  if (ready) await page.locator(ready).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
}

/** How far the page reaches beyond the screen's width, in pixels (0: no sideways scroll). */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('on a phone (390×844)', () => {
  it('no page scrolls sideways, in English and in Arabic', async () => {
    const { cycle, report } = await kenyasReport();
    const ids = {
      meeting: await firstId('/api/v1/meetings'),
      draft: await firstId('/api/v1/drafts'),
      group: await firstId('/api/v1/groups'),
      document: await firstId('/api/v1/documents'),
      outcome: await firstId('/api/v1/outcomes'),
      need: await firstId('/api/v1/capacity/needs'),
      offer: await firstId('/api/v1/capacity/offers'),
    };
    // Each path, and what shows that it has drawn what may be wide (a table, a chart).
    const pages: [string, string?][] = [
      [''],
      ['/states', 'tbody tr'],
      ['/states/CHL'],
      ['/framework'],
      ['/framework/norm-13a'],
      ['/meetings'],
      [`/meetings/${ids.meeting}`],
      ['/groups'],
      [`/groups/${ids.group}`],
      ['/documents'],
      [`/documents/${ids.document}`],
      ['/drafts'],
      [`/drafts/${ids.draft}`],
      ['/outcomes'],
      [`/outcomes/${ids.outcome}`],
      ['/reporting'],
      [`/reporting/reports/${report}`],
      [`/reporting/reports/${report}/edit?section=norm:norm-13g`, 'section[data-section] textarea'],
      [`/reporting/cycles/${cycle}/analysis?element=norm:norm-13g`, '[data-testid="over-cycles-element-chart"] .recharts-bar-rectangle'],
      ['/initiatives'],
      ['/capacity/needs'],
      [`/capacity/needs/${ids.need}`],
      [`/capacity/offers/${ids.offer}`],
      ['/capacity/analysis', '[data-testid="world-map"]'],
      ['/contacts'],
      ['/accreditation'],
      ['/search?q=cyber'],
      ['/account'],
    ];
    const wide: string[] = [];
    for (const [path, ready] of pages) {
      await open(`/en${path}`, ready);
      if ((await overflow()) > 0) wide.push(`/en${path}: ${await overflow()} px too wide`);
    }
    // Right to left, the pages whose tables, charts and forms are widest.
    for (const [path, ready] of pages.filter(([p]) => /analysis|edit|states$|meetings\/|drafts\//.test(p))) {
      await open(`/ar${path}`, ready);
      if ((await overflow()) > 0) wide.push(`/ar${path}: ${await overflow()} px too wide`);
    }
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the page starts near the top, and the menu opens and closes with the keyboard', async () => {
    await open('/en/reporting');
    // The header keeps its name, the menu button, the search and the session: the page starts on the first screen's upper third.
    expect(await page.locator('h1').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(PHONE.height / 3);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Languages' }).isVisible()).toBe(false);
    await expectChromeAccessible(page, '/en/reporting on a phone (header, footer)');

    const button = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    // The button comes right after the platform's name in the order of the keyboard.
    await page.locator('header a[href="/en"]').focus();
    await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => menu.evaluate((m) => m.contains(document.activeElement))).toBe(true);
    // The navigation and the six languages, the current page and language marked.
    expect(await menu.getByRole('link', { name: 'Reporting' }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('navigation', { name: 'Languages' }).getByRole('link').count()).toBe(6);
    expect(await menu.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('true');
    await expectAccessible(page, '/en/reporting with the phone menu open');

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);

    // A link followed from the menu closes it, and the new page's heading has the focus.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await menu.getByRole('link', { name: 'Meetings' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/meetings$/);
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // The language is chosen in the menu too.
    await button.click();
    await menu.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/\/fr\/meetings$/);
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(errors).toEqual([]);
  });

  it("the report form's first field is on the first screen, and the section is chosen from a list", async () => {
    const { report } = await kenyasReport();
    await open(`/en/reporting/reports/${report}/edit`, 'section[data-section="international-law"]');
    const firstField = page.locator('section[data-section] :is(input:not([type=hidden]), textarea)').first();
    const box = await firstField.boundingBox();
    expect(box, 'the first field').not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    // The framework's text is folded above it, one tap away.
    const fold = page.getByTestId('framework-fold');
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await fold.locator('summary').click();
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    // The list of the questionnaire's sections is a select here, the steps' list is not shown.
    expect(await page.getByRole('navigation', { name: 'Parts of the questionnaire' }).isVisible()).toBe(false);
    const select = page.getByLabel('Section of the questionnaire');
    await select.selectOption('norm:norm-13g');
    await page.locator('section[data-section="norm:norm-13g"]').waitFor();
    expect(new URL(page.url()).searchParams.get('section')).toBe('norm:norm-13g');
    await expectAccessible(page, '/en/reporting/reports/…/edit on a phone');
    expect(await overflow()).toBe(0);
    expect(errors).toEqual([]);
  });
});
