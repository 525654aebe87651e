import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, launchBrowser, newPage } from './harness';

/**
 * "My PoA" as Kenya's focal point finds it in the demo: its report in draft with the sections still
 * to answer, the annual meeting to register for, each with its deadline and its action; in French and
 * in Arabic (right to left), and on a phone's width without sideways scrolling.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a focal point's My PoA", () => {
  it('in French: what needs Kenya, each with its deadline, and the report one click away', async () => {
    const { context, page, errors } = await newPage(browser, 'fr');
    await addMintedSession(context, account('focal.ken@poa.demo'));
    await page.goto('/fr');
    await page.locator('header').getByRole('link', { name: 'Mon PoA' }).click();
    await page.waitForURL(/\/fr\/my$/);
    await page.getByRole('heading', { level: 1, name: 'Mon PoA' }).waitFor();
    const list = page.getByRole('list', { name: 'Ce qui vous attend' });
    await list.waitFor();

    // Other files on this server may open more cycles and meetings: the demo's report in draft is the one to continue.
    const report = list.getByRole('article').filter({ hasText: 'Rapport national' }).filter({ has: page.getByRole('link', { name: 'Poursuivre le rapport' }) }).first();
    await expect.poll(() => report.textContent()).toMatch(/Sections sans réponse : \d+ sur \d+/);
    expect(await report.textContent()).toContain('Échéance :');
    const registration = list.getByRole('article').filter({ hasText: 'Inscrire la délégation' }).first();
    expect(await registration.textContent()).toContain('Clôture des inscriptions :');
    await expectAccessible(page, '/fr/my');

    await report.getByRole('link', { name: 'Poursuivre le rapport' }).click();
    await page.waitForURL(/\/fr\/reporting\/reports\/[0-9a-f-]{36}\/edit$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Arabic, right to left, at 390 px: the same list, with no sideways scroll', async () => {
    const { context, page, errors } = await newPage(browser, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await addMintedSession(context, account('focal.ken@poa.demo'));
    await page.goto('/ar/my');
    await page.getByRole('heading', { level: 1, name: 'برنامجي' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const list = page.getByRole('list', { name: 'ما يتطلب منك إجراءً' });
    await list.getByRole('link', { name: 'تابع التقرير' }).first().waitFor();
    await list.getByRole('link', { name: 'سجّل الوفد' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, '/ar/my');
    expect(errors).toEqual([]);
    await context.close();
  });
});
