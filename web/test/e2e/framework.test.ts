import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, expectAccessible, LANGUAGES, launchBrowser, newPage, addMintedSession, type Lang } from './harness';

let browser: Browser;
let visitor: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'en');
});

afterAll(async () => {
  await browser?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const main = (page: Page) => page.locator('main');

/** Opens a page and waits until the app has rendered its one h1. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

describe('the framework, as a diplomat uses it', () => {
  it('answers “what did the framework say about critical infrastructure on 1 January 2023, and what has been added since?”', async () => {
    const { page, errors } = visitor;
    const started = Date.now();
    await open(page, '/en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Framework' }).click();
    await page.locator('h1', { hasText: 'Framework of responsible State behaviour' }).waitFor();

    // What it said on 1 January 2023: search as of that date.
    await main(page).getByRole('link', { name: 'Search the framework' }).click();
    await page.waitForURL(/\/en\/framework\/search/);
    await page.getByRole('searchbox', { name: 'Words to find' }).fill('critical infrastructure');
    await page.getByLabel('As of').fill('2023-01-01');
    await page.waitForURL(/asOf=2023-01-01/);
    await page.waitForURL(/q=critical/);
    const hit = main(page).locator('li[data-code="threat-critical-infrastructure"]');
    await hit.waitFor();
    // Highlighted, as text in <mark>, never as HTML.
    expect((await hit.locator('mark').first().textContent())?.toLowerCase()).toBe('critical');
    // The element added in 2024 is not in the framework of 1 January 2023.
    expect(await main(page).locator('li[data-code="global-cbm-7"]').count()).toBe(0);

    // The element, with its source, which can be cited.
    await hit.getByRole('link').first().click();
    await page.locator('h1', { hasText: 'critical infrastructure' }).waitFor();
    await main(page).locator('cite').first().waitFor();
    expect(await main(page).locator('cite').first().textContent()).toMatch(/^A\/\d+\/\d+/);
    await main(page).getByRole('button', { name: /Copy the citation/ }).first().waitFor();

    // What has been added since: compare 1 January 2023 with today.
    await main(page).getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/\/en\/framework\/timeline/);
    await page.getByLabel('From', { exact: true }).fill('2023-01-01');
    await page.getByLabel('To', { exact: true }).fill(today());
    const added = main(page).locator('section[data-change="added"]');
    const cbm = added.locator('li[data-code="global-cbm-7"]');
    await cbm.waitFor();
    expect(await cbm.locator('h3').textContent()).toContain('critical infrastructure');
    expect(await cbm.locator('cite').textContent()).toContain('A/79/214');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(errors).toEqual([]);
  });

  it('shows a summary as a summary, never as a quotation, and a verbatim text as one', async () => {
    const { page } = visitor;
    await open(page, '/en/framework/threat-critical-infrastructure');
    await main(page).locator('[data-status="summary"]').first().waitFor();
    expect(await main(page).locator('[data-status="summary"]').first().textContent()).toBe('Summary in our words, not a quotation');
    expect(await main(page).getByText('This is our summary of the source, not its official wording.').count()).toBe(1);
    expect(await main(page).locator('blockquote').count()).toBe(0);
    expect(await main(page).locator('[data-status="verbatim"]').count()).toBe(0);

    await open(page, '/en/framework/norm-13f');
    await main(page).locator('blockquote[data-testid="element-text"]').waitFor();
    expect(await main(page).locator('[data-status="verbatim"]').first().textContent()).toContain('Official wording');
  });

  it('shows the English text, marked, on an Arabic page, mirrored right to left', async () => {
    const { page } = visitor;
    await open(page, '/ar/framework/threat-critical-infrastructure');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const mark = main(page).locator('[data-fallback="true"]').first();
    await mark.waitFor();
    expect(await mark.textContent()).toBe('بالإنكليزية: لا يوجد نص بهذه اللغة بعد');
    expect(await main(page).locator('[data-testid="element-text"] p[lang]').getAttribute('lang')).toBe('en');
    expect(await main(page).locator('[data-testid="element-text"] p[lang]').getAttribute('dir')).toBe('ltr');
    // A version's permanent link.
    await main(page).getByRole('link', { name: '/ar/framework/threat-critical-infrastructure/v/1' }).click();
    await page.waitForURL(/\/ar\/framework\/threat-critical-infrastructure\/v\/1$/);
    await page.locator('h1').waitFor();
  });

  it('browses by pillar, as of a date kept in the address, with a print button and the exports', async () => {
    const { page } = visitor;
    await open(page, '/en/framework');
    await page.getByRole('navigation', { name: 'Pillars of the framework' }).getByRole('link', { name: /^Norms/ }).click();
    await page.waitForURL(/pillar=norms/);
    await main(page).locator('li[data-code="norm-13f"]').waitFor();
    await page.getByLabel('As of').fill('2021-01-01');
    await page.waitForURL(/asOf=2021-01-01/);
    await main(page).getByText('The framework as it stood on January 1, 2021').waitFor();
    expect(await main(page).getByRole('button', { name: 'Print' }).count()).toBe(1);
    expect(await main(page).getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe('/api/v1/framework/export?asOf=2021-01-01&format=csv');
    const csv = await page.request.get('/api/v1/framework/export?asOf=2021-01-01&format=csv');
    expect(csv.status()).toBe(200);
    // Printed, the page is the framework alone: no header, navigation or footer.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await main(page).locator('li[data-code="norm-13f"]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the Secretariat records a text', () => {
  it('sends If-Match, and says plainly when someone else recorded a version first', async () => {
    const secretariat = await newPage(browser, 'en');
    await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
    const { page, context, errors } = secretariat;
    await open(page, '/en/framework/cb-principle-2');
    const form = main(page).locator('section[aria-labelledby="element-record"]');
    await form.waitFor();
    await expectAccessible(page, '/en/framework/cb-principle-2 (Secretariat)');

    // Someone else records a version meanwhile.
    const me = await context.request.get('/api/v1/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const current = await context.request.get('/api/v1/framework/elements/cb-principle-2');
    const other = await context.request.post('/api/v1/framework/elements/cb-principle-2/versions', {
      headers: { 'x-csrf-token': csrfToken, 'if-match': current.headers().etag ?? '' },
      data: { language: 'es', title: 'La creación de capacidad debe basarse en datos empíricos', text: 'Texto en español.', status: 'summary' },
    });
    expect(other.status()).toBe(201);

    await form.getByLabel('Language of the text').selectOption('fr');
    await form.getByRole('textbox', { name: 'Title' }).fill('Le renforcement des capacités doit reposer sur des données');
    await form.getByRole('textbox', { name: 'Text' }).fill('Texte en français.');
    await form.getByRole('button', { name: 'Record the text' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Someone recorded another version');

    // Reloaded, the form is sent again and recorded.
    await form.getByRole('button', { name: 'Reload the element' }).click();
    await page.getByRole('cell', { name: 'Translation recorded' }).first().waitFor();
    const again = main(page).locator('section[aria-labelledby="element-record"]');
    await again.getByLabel('Language of the text').selectOption('fr');
    await again.getByRole('textbox', { name: 'Title' }).fill('Le renforcement des capacités doit reposer sur des données');
    await again.getByRole('textbox', { name: 'Text' }).fill('Texte en français.');
    await again.getByRole('button', { name: 'Record the text' }).click();
    await page.getByRole('link', { name: 'Version 3' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

const FRAMEWORK_PAGES = [
  '/framework',
  '/framework?pillar=norms&asOf=2023-01-01',
  '/framework/threat-critical-infrastructure',
  '/framework/norm-13f/v/1',
  '/framework/timeline?from=2023-01-01',
  '/framework/search?q=critical%20infrastructure',
];

// One test per page: each has the whole time budget of a test, so a loaded machine that makes each
// page slow does not fail six pages' checks for the time the six took together.
describe.each(LANGUAGES)('the framework pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  it.each(FRAMEWORK_PAGES)('%s', async (path) => {
    const { page, errors } = visitor;
    await open(page, `/${lang}${path}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').count(), `${path}: one h1`).toBe(1);
    await main(page).locator('ol li, [data-testid="element-text"]').first().waitFor();
    await expectAccessible(page, `/${lang}${path}`);
    expect(errors).toEqual([]);
  });
});
