import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectChromeAccessible, launchBrowser, newPage } from './harness';

/**
 * The one search, as a visitor uses it: `/` to the header's box, a suggestion chosen with the arrows
 * and Enter; the results page with its filters in the address, in English and in Arabic.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search', () => {
  it('from the header: "/" focuses the box, the arrows and Enter open a suggestion', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    await page.goto('/en/framework');
    await page.locator('h1').first().waitFor();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search the platform' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ransomwa');
    await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /Ransomware/ }).first().waitFor();
    // The header with its list of suggestions open (pages.test.ts checks the closed header in every language).
    await expectChromeAccessible(page, 'header with suggestions');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/framework\/threat-ransomware$/);
    await page.locator('h1', { hasText: 'Ransomware' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the results page keeps its filters in the address, in English and in Arabic', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    await page.goto('/en/search?q=critical%20infrastructure');
    await page.locator('h1', { hasText: 'Search' }).waitFor();
    const main = page.locator('main');
    await main.getByRole('link', { name: /critical infrastructure/i }).first().waitFor();
    await main.getByRole('combobox', { name: 'Kind' }).selectOption('framework-element');
    await expect.poll(() => page.url()).toMatch(/kind=framework-element/);
    await expect.poll(async () => (await main.locator('li[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).every((k) => k === 'framework-element')).toBe(true);
    await page.goto('/ar/search?q=critical&kind=framework-element');
    await page.locator('h1', { hasText: 'البحث' }).waitFor();
    await main.locator('li[data-kind]').first().waitFor();
    // The new page checked once, in Arabic: right to left, and axe's contrast check per element.
    await expectAccessible(page, 'search results (ar)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
