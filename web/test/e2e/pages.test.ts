import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, apiPost, expectAccessible, expectChromeAccessible, LANGUAGES, lastLinkTo, launchBrowser, newPage, type Lang } from './harness';

const DIRECTION: Record<Lang, 'rtl' | 'ltr'> = { ar: 'rtl', zh: 'ltr', en: 'ltr', fr: 'ltr', ru: 'ltr', es: 'ltr' };

let browser: Browser;
let visitor: { context: BrowserContext; page: Page; errors: string[] };
let secretariat: { context: BrowserContext; page: Page; errors: string[] };
const invitations: Partial<Record<Lang, string>> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'en');
  secretariat = await newPage(browser, 'en');
  await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
  // One open invitation per language, to check the page where a newcomer sets a password and a second factor.
  for (const lang of LANGUAGES) {
    const email = `axe.${lang}@example.org`;
    const res = await apiPost(secretariat.context, '/api/v1/invitations', { email, name: `Axe ${lang}`, role: 'focal_point', state: 'DEU' });
    expect(res.status).toBe(201);
    invitations[lang] = (await lastLinkTo(email, '/invitation/')).split('/').pop();
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page and waits until the app has rendered its one h1. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

async function expectPage(page: Page, lang: Lang, path: string): Promise<void> {
  await open(page, path);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, DIRECTION[lang]]);
  expect(await page.locator('h1').count(), `${path}: one h1`).toBe(1);
  expect(await page.title()).not.toBe('');
  await expectAccessible(page, `${path}`);
}

describe.each(LANGUAGES)('every page in %s passes axe (WCAG 2.2 A and AA)', (lang) => {
  // The header, navigation and footer are the same on every page: checked here once per language,
  // as a visitor sees them and as the Secretariat does (with its name, its links and "Sign out").
  // Every other check looks at a page's main content only.
  it('the shared header, navigation and footer', async () => {
    for (const { page, errors } of [visitor, secretariat]) {
      await open(page, `/${lang}`);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, DIRECTION[lang]]);
      await expectChromeAccessible(page, `/${lang} (header, navigation and footer)`);
      expect(errors).toEqual([]);
    }
  });

  it('public pages', async () => {
    const { page, errors } = visitor;
    // The directory is checked on one regional group: its 195 rows are alike, and axe takes a second per row group.
    for (const path of ['', '/states?group=EEG', '/states/BOL', '/states/VAT', '/open-data', '/sign-in', '/reset-password', '/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/no-such-page']) {
      await expectPage(page, lang, `/${lang}${path}`);
    }
    expect(errors).toEqual([]);
  });

  it('the sign-in page asking for the second factor, with its error', async () => {
    const { page } = visitor;
    await open(page, `/${lang}/sign-in`);
    const focal = account('focal.ken@poa.demo');
    await page.locator('input[type=email]').fill(focal.email);
    await page.locator('input[autocomplete=current-password]').fill(focal.password);
    await page.locator('button[type=submit]').click();
    await page.locator('input[autocomplete=one-time-code]').waitFor();
    await page.locator('button[type=submit]').click();
    await page.locator('[aria-invalid=true]').first().waitFor();
    await expectAccessible(page, `/${lang}/sign-in (second factor, empty code)`);
  });

  it('the invitation page with its QR code', async () => {
    const { page } = visitor;
    await open(page, `/${lang}/invitation/${invitations[lang]}`);
    await page.locator('svg[role=img]').waitFor();
    await expectAccessible(page, `/${lang}/invitation/…`);
  });

  it('pages for a signed-in member of the Secretariat', async () => {
    const { page, errors } = secretariat;
    for (const path of ['/account', '/invite', '/my', '/states/FRA']) {
      await expectPage(page, lang, `/${lang}${path}`);
    }
    // The correction form is shown because the API says so (can.correctNames), in the page's language.
    expect(await page.locator('#state-correct').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('the accessibility check', () => {
  it('fails on text of too low a contrast on a right-to-left page', async () => {
    const { page } = visitor;
    await open(page, '/ar');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'نص باهت'; // Arabic only: axe alone would not look at it
      p.style.color = '#c8c8c8';
      document.querySelector('main')?.append(p);
    });
    await expect(expectAccessible(page, 'deliberately broken')).rejects.toThrow(/color-contrast/);
  });

  it('fails on text of too low a contrast in the footer of a right-to-left page', async () => {
    const { page } = visitor;
    await open(page, '/ar');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'نص باهت'; // Arabic only: axe alone would not look at it
      // On a background of its own: the footer's may be dark, on which this grey would read well.
      p.style.color = '#c8c8c8';
      p.style.backgroundColor = '#ffffff';
      document.querySelector('footer')?.append(p);
    });
    await expect(expectChromeAccessible(page, 'deliberately broken')).rejects.toThrow(/color-contrast/);
  });
});

describe('screenshots', () => {
  it('of the home page in English and Arabic', async () => {
    mkdirSync('test-results', { recursive: true });
    const { page, context } = await newPage(browser, 'en');
    for (const lang of ['en', 'ar'] as const) {
      await open(page, `/${lang}`);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `test-results/home-${lang}.png`, fullPage: true });
    }
    await open(page, '/ar/states');
    await page.locator('tbody tr').first().waitFor();
    await page.screenshot({ path: 'test-results/states-ar.png' });
    await context.close();
  });
});
