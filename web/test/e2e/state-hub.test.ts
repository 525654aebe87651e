import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, launchBrowser, newPage } from './harness';

/**
 * A State's page as its hub (#17, item 3): Chile's page shows, to anyone, its public report and
 * its published statement, on a phone in Arabic; Chile's focal point publishes its national
 * position there, and it is listed with its version.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
let visitor: Session;
let focal: Session;

const main = (page: Page) => page.locator('main');
const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'ar');
  await visitor.page.setViewportSize({ width: 390, height: 844 });
  focal = await newPage(browser, 'en');
  await addMintedSession(focal.context, account('focal.chl@poa.demo'));
});

afterAll(async () => {
  await browser?.close();
});

describe("Chile's page", () => {
  it('shows its public report and its published statement to anyone, in Arabic on a phone, without sideways scroll', async () => {
    const { page, errors } = visitor;
    await page.goto('/ar/states/CHL');
    await page.locator('h1', { hasText: 'شيلي' }).waitFor();
    const reports = main(page).getByTestId('state-reports');
    await reports.getByRole('link', { name: /First reporting cycle of the PoA/ }).waitFor();
    // English-only text on an Arabic page: in its own language, marked as not yet in Arabic.
    expect(await reports.locator('[lang="en"]').first().textContent()).toBe('First reporting cycle of the PoA');
    expect(await reports.locator('[data-fallback="true"]').count()).toBeGreaterThan(0);
    const statement = main(page).getByTestId('state-statements').getByText('Declaración de Chile en el intercambio general de opiniones');
    await statement.waitFor();
    expect(await statement.getAttribute('lang')).toBe('es');
    // The annual meeting's statements are not published: Chile's statement there is not shown.
    expect(await main(page).getByText('Declaración de Chile sobre medidas de fomento de la confianza').count()).toBe(0);
    // The public may not publish for Chile: no form.
    expect(await main(page).locator('form').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "Chile's page, ar, 390 px");
    expect(errors).toEqual([]);
  });

  it('its focal point publishes a national position, listed with its version', async () => {
    const { page, context, errors } = focal;
    const title = `National position of Chile on international law in cyberspace ${randomUUID().slice(0, 6)}`;
    await page.goto('/en/states/CHL');
    const form = main(page).getByRole('form', { name: 'Publish a national document' });
    await form.waitFor();
    await form.getByLabel('Kind of document').selectOption('international-law-position');
    await form.getByRole('textbox', { name: /Title in English/ }).fill(title);
    await form.getByLabel('Language of the file').selectOption('es');
    await form.locator('input[type="file"]').setInputFiles({ name: 'posicion-nacional.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await expectAccessible(page, "Chile's page with the publishing form, en");
    await form.getByRole('button', { name: 'Publish' }).click();
    const publication = main(page).getByTestId('national-publication').filter({ hasText: title });
    await publication.getByRole('link', { name: /Version 1 \(PDF, Spanish\)/ }).waitFor();

    const record = (await (await context.request.get('/api/v1/states/CHL/record')).json()) as { publications: { title: { en: string }; versions: { number: number; url: string }[] }[] };
    const published = record.publications.find((p) => p.title.en === title)!;
    expect(published.versions.map((v) => v.number)).toEqual([1]);
    const file = await context.request.get(published.versions[0]!.url);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
  });
});
