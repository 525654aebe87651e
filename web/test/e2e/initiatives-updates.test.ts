import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, lastLinkTo, launchBrowser, newPage } from './harness';

/**
 * Other initiatives and email updates as people use them: the public finds who else works on an
 * element of the framework; the Secretariat publishes a State's proposal; anyone signs up for
 * updates in Arabic, confirms by the link, and unsubscribes by the link of the message.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
let visitor: Session;
let secretariat: Session;
const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
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

describe('other initiatives', () => {
  it('the public searches the registry and sees who else works on a framework element', async () => {
    const { page } = visitor;
    await open(page, '/en/initiatives');
    await main(page).getByRole('link', { name: /OSCE confidence-building measures/ }).waitFor();
    await expectAccessible(page, 'initiatives list');
    await main(page).getByLabel('Search initiatives').fill('cicte');
    await expect.poll(() => main(page).locator('tbody tr').count()).toBe(1);
    // A proposal still under review is not public.
    expect(await main(page).getByText('Paris Call').count()).toBe(0);
    await open(page, '/en/framework/global-cbm-5');
    const section = main(page).locator('section', { has: page.getByRole('heading', { name: 'Who else works on this' }) });
    await section.getByRole('link', { name: /OSCE confidence-building measures/ }).click();
    await page.locator('h1', { hasText: 'OSCE confidence-building measures' }).waitFor();
    await expectAccessible(page, 'initiative page');
  });

  it('the Secretariat publishes a proposal', async () => {
    const { page } = secretariat;
    await open(page, '/en/initiatives');
    await main(page).getByRole('link', { name: 'Paris Call for Trust and Security in Cyberspace' }).click();
    await main(page).getByText('The Secretariat has not reviewed this proposal yet').waitFor();
    await expectAccessible(page, 'initiative under review');
    await main(page).getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => main(page).getByRole('button', { name: 'Publish' }).count()).toBe(0);
    const list = (await (await visitor.context.request.get('/api/v1/initiatives?q=paris')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });

  it('the Secretariat edits the published initiative; the public page follows', async () => {
    const { page } = secretariat;
    await main(page).getByRole('link', { name: 'Edit this initiative' }).click();
    await page.locator('h1', { hasText: 'Edit the initiative' }).waitFor();
    await expectAccessible(page, 'initiative edit form');
    await main(page).getByLabel('Contact').fill('secretariat@pariscall.example.org');
    await main(page).getByRole('button', { name: 'Save the changes' }).click();
    await page.locator('h1', { hasText: 'Paris Call for Trust and Security in Cyberspace' }).waitFor();
    await main(page).getByText('secretariat@pariscall.example.org').waitFor();
    const list = (await (await visitor.context.request.get('/api/v1/initiatives?q=paris')).json()) as { items: { contact: string | null }[] };
    expect(list.items[0]!.contact).toBe('secretariat@pariscall.example.org');
  });
});

describe('email updates', () => {
  it('signs up in Arabic, confirms by the link, and unsubscribes by the link of the message', async () => {
    const address = `e2e.${randomUUID().slice(0, 8)}@example.org`;
    const session = await newPage(browser, 'ar');
    const { page } = session;
    await open(page, '/ar/updates');
    await expectAccessible(page, 'updates sign-up (ar)');
    await main(page).getByLabel('عنوان البريد الإلكتروني').fill(address);
    await main(page).getByLabel('الوثائق').uncheck();
    await main(page).getByRole('button', { name: 'اشتراك' }).click();
    await main(page).getByText('تحقق من بريدك').waitFor();
    await open(page, await lastLinkTo(address, '/updates/confirm/'));
    await main(page).getByText('تم تأكيد اشتراكك').waitFor();
    await expectAccessible(page, 'updates confirmed (ar)');
    await open(page, await lastLinkTo(address, '/updates/unsubscribe/'));
    await expectAccessible(page, 'unsubscribe (ar)');
    await main(page).getByRole('button', { name: 'إلغاء الاشتراك' }).click();
    await main(page).getByText('لن تتلقى بعد الآن أي مستجدات بالبريد').waitFor();
    await session.context.close();
  });
});
