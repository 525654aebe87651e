import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, expectAccessible, LANGUAGES, launchBrowser, newPage, addMintedSession, type Lang } from './harness';

/**
 * Official documents: the Secretariat issues a document and uploads its languages through the
 * pages; a file whose bytes are not what its name says is refused; anyone finds documents by symbol
 * or title words.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
let visitor: Session;
let secretariat: Session;
/** The document this file issues through the form. */
let documentId: string;
let symbol: string;
const word = `Zanzibar${randomUUID().slice(0, 6)}`;
const title = `Working paper on ${word} points of contact`;

const main = (page: Page) => page.locator('main');
const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

type DocumentJson = { symbol: string; languages: Record<string, boolean>; files: { language: string; version: number; format: string }[] };
async function documentFromApi(context: BrowserContext, id: string): Promise<DocumentJson> {
  const res = await context.request.get(`/api/v1/documents/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as DocumentJson;
}

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'en');
  secretariat = await newPage(browser, 'en');
  await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the Secretariat issues a document and uploads its texts', () => {
  it('issues a working paper through the form, with the symbol it previewed', async () => {
    const { page, context, errors } = secretariat;
    await open(page, '/en/documents');
    await main(page).getByRole('link', { name: 'Issue a document' }).click();
    await page.locator('h1', { hasText: 'Issue an official document' }).waitFor();
    await main(page).getByLabel('Type').selectOption('working-paper');
    const year = new Date().getUTCFullYear();
    await main(page).getByLabel('Date').fill(`${year}-06-15`);
    const preview = main(page).getByTestId('symbol-preview');
    await preview.locator('strong').waitFor();
    const previewed = (await preview.locator('strong').textContent())!;
    expect(previewed).toMatch(new RegExp(`/${year}/WP\\.\\d+$`));
    // The English title is required: said on the field.
    await main(page).getByRole('button', { name: 'Issue the document' }).click();
    await main(page).getByText('This field is required.').waitFor();
    await main(page).getByLabel('Title in English').fill(title);
    await main(page).getByLabel('Title in French (optional)').fill(`Document de travail sur les points de contact ${word}`);
    await main(page).getByRole('button', { name: 'Issue the document' }).click();
    await page.locator('h1', { hasText: title }).waitFor();
    documentId = page.url().split('/').pop()!;
    symbol = (await main(page).getByTestId('document-symbol').textContent())!;
    // The symbol previewed is the one given (no other document of the series was issued meanwhile).
    expect(symbol).toBe(previewed);
    const held = await documentFromApi(context, documentId);
    expect(held.symbol).toBe(symbol);
    expect(Object.values(held.languages).every((v) => v === false)).toBe(true);
    // No language exists yet: said for each of the six.
    expect(await main(page).locator('tr[data-available="false"]').count()).toBe(6);
    expect(errors).toEqual([]);
  });

  it('uploads the English text as a PDF, with its progress, and the page shows the language at once', async () => {
    const { page, context, errors } = secretariat;
    await open(page, `/en/documents/${documentId}`);
    await main(page).getByText(/at most \d+(\.\d)? MB/).first().waitFor();
    await main(page).getByLabel('Language of the file').selectOption('en');
    await main(page).locator('input[type="file"]').setInputFiles({ name: 'wp-en.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await main(page).getByRole('button', { name: 'Upload', exact: true }).click();
    await main(page).getByRole('status').filter({ hasText: `The English text of ${symbol} is uploaded as version 1.` }).waitFor();
    await main(page).locator('tr[data-language="en"][data-available="true"]').waitFor();
    expect(await main(page).locator('tr[data-available="false"]').count()).toBe(5);
    const held = await documentFromApi(context, documentId);
    expect(held.languages.en).toBe(true);
    expect(held.files).toMatchObject([{ language: 'en', version: 1, format: 'pdf' }]);
    // The download is the very file.
    const link = main(page).getByRole('link', { name: 'Download in English (PDF)' });
    const href = (await link.getAttribute('href'))!;
    const file = await visitor.context.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(pdfBytes)).toBe(true);
    // A second English upload is version 2; version 1 stays in the history.
    await main(page).locator('input[type="file"]').setInputFiles({ name: 'wp-en-corrected.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await main(page).getByRole('button', { name: 'Upload', exact: true }).click();
    await main(page).getByRole('status').filter({ hasText: 'as version 2' }).waitFor();
    await main(page).getByRole('link', { name: 'Download English version 1' }).waitFor();
    await main(page).getByRole('link', { name: 'Download English version 2' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses, with a clear message, a file named .pdf whose bytes are not a PDF; nothing is stored', async () => {
    const { page, context, errors } = secretariat;
    await open(page, `/en/documents/${documentId}`);
    await main(page).getByLabel('Language of the file').selectOption('fr');
    await main(page)
      .locator('input[type="file"]')
      .setInputFiles({ name: 'document-de-travail.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a PDF at all</body></html>') });
    await main(page).getByRole('button', { name: 'Upload', exact: true }).click();
    const refused = main(page).getByTestId('upload-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('The platform refused this file: its content is not a PDF, DOCX or ODT document');
    expect(await refused.textContent()).toContain('The file is not a PDF, DOCX or ODT document.');
    expect((await documentFromApi(context, documentId)).languages.fr).toBe(false);
    expect(await main(page).locator('tr[data-language="fr"][data-available="false"]').count()).toBe(1);

    // A name that is not a PDF, DOCX or ODT is stopped before sending.
    await main(page).locator('input[type="file"]').setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await main(page).getByRole('button', { name: 'Upload', exact: true }).click();
    await main(page).getByTestId('upload-refused').filter({ hasText: 'Only PDF, DOCX and ODT files are accepted' }).waitFor();
    expect((await documentFromApi(context, documentId)).languages.fr).toBe(false);
    expect(errors).toEqual([]);
  });

  it('offers no upload and no issuing to a delegate, and the API refuses them', async () => {
    const delegate = await newPage(browser, 'en');
    await addMintedSession(delegate.context, account('delegate.fra@poa.demo'));
    await open(delegate.page, `/en/documents/${documentId}`);
    await main(delegate.page).locator('tr[data-language="en"]').waitFor();
    expect(await main(delegate.page).getByRole('heading', { name: 'Upload a language version' }).count()).toBe(0);
    await open(delegate.page, '/en/documents');
    // The button comes with the list's answer (what the caller may do): count it once the list is there.
    await main(delegate.page).locator('tbody tr').first().waitFor();
    expect(await main(delegate.page).getByRole('link', { name: 'Issue a document' }).count()).toBe(0);
    await open(delegate.page, '/en/documents/new');
    await main(delegate.page).getByText('Your account may not issue official documents.').waitFor();
    await delegate.context.close();
  });
});

describe('anyone finds documents by symbol and by title', () => {
  it('by symbol, by words of the title in any language, and by type', async () => {
    const { page, errors } = visitor;
    await open(page, '/en/documents');
    const search = page.getByRole('searchbox', { name: 'Symbol or words of the title' });
    await search.fill(symbol);
    await page.waitForURL(/q=/);
    const row = main(page).locator(`tr[data-symbol="${symbol}"]`);
    await row.waitFor();
    // A symbol is also the start of others' (WP.1 of WP.10): the count says how many match.
    expect(await main(page).getByRole('status').first().textContent()).toMatch(/^\d+ documents?$/);
    expect(await row.locator('td').nth(0).textContent()).toContain(title);
    expect(await row.getByRole('listitem').allTextContents()).toEqual(['EN']);

    // Words of the title, in French, folded (case and accents ignored).
    await search.fill(`POINTS DE CONTACT ${word.toUpperCase()}`);
    await page.waitForURL(/q=POINTS/);
    // The list of the first search shows until the second's answer: wait for the one row.
    await expect.poll(() => main(page).locator('tbody tr').count()).toBe(1);
    await row.waitFor();

    // Filtered by a type it is not: nothing; by its type: found.
    await main(page).getByLabel('Type').selectOption('report');
    await page.waitForURL(/type=report/);
    await main(page).getByText('No document matches this search.').waitFor();
    await main(page).getByLabel('Type').selectOption('working-paper');
    await row.waitFor();

    // The link opens the document's page.
    await row.getByRole('link', { name: symbol }).click();
    await page.locator('h1', { hasText: title }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a symbol that matches nothing says so', async () => {
    const { page } = visitor;
    await open(page, `/en/documents?q=${encodeURIComponent('A/AC.999/1999/WP.999')}`);
    await main(page).getByText('No document matches this search.').waitFor();
    expect(await main(page).getByRole('status').first().textContent()).toBe('0 documents');
  });
});

describe.each(LANGUAGES)('the document pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  // One test per page, so that a slow machine times out on one page, not on five in a row.
  it.each([
    ['the list', 'visitor', () => '/documents'],
    ['a search', 'visitor', () => `/documents?q=${encodeURIComponent(word)}`],
    ['a document, as the public sees it', 'visitor', () => `/documents/${documentId}`],
    ['the form to issue a document', 'secretariat', () => '/documents/new'],
    ['a document, as the Secretariat sees it', 'secretariat', () => `/documents/${documentId}`],
  ] as [string, 'visitor' | 'secretariat', () => string][])('%s', async (_name, who, path) => {
    const { page, errors } = who === 'secretariat' ? secretariat : visitor;
    await open(page, `/${lang}${path()}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').count(), `${path()}: one h1`).toBe(1);
    await main(page).locator('table, form').first().waitFor();
    await expectAccessible(page, `/${lang}${path()}`);
    expect(errors).toEqual([]);
  });

  it('the refusal of a file, as the Secretariat sees it', async () => {
    const { page } = secretariat;
    await open(page, `/${lang}/documents/${documentId}`);
    await main(page).locator('input[type="file"]').setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await main(page).locator('form button[type="submit"]').click();
    await main(page).getByTestId('upload-refused').waitFor();
    await expectAccessible(page, `/${lang}/documents/${documentId} (refused upload)`);
  });
});
