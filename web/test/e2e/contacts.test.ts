import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, closeDropdown, expectAccessible, lastLinkTo, launchBrowser, newPage, totp } from './harness';

/**
 * The crisis line's whole flow, as the issue asks it, in English then in Russian: Kenya's focal
 * point nominates a point of contact (with its authenticator's code) and reads its history; the
 * Secretariat checks Kenya's points of contact; the new one acknowledges by the link of its email
 * (in Russian, its language), and the Secretariat sees the answer; Chile's focal point writes to
 * Kenya in Russian, and Kenya's replies.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

async function as(email: string, lang: string): Promise<Session> {
  const session = await newPage(browser, lang);
  await addMintedSession(session.context, account(email));
  return session;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the points of contact', () => {
  it('nominate and check in English; acknowledge, message and reply in Russian', { timeout: 180_000 }, async () => {
    const stamp = randomUUID().slice(0, 6);
    const name = `Njeri Wambui ${stamp}`;
    const email = `poc.e2e.${stamp}@example.org`;

    // Kenya's focal point nominates a technical point of contact who works in Russian.
    const kenya = await as('focal.ken@poa.demo', 'en');
    await open(kenya.page, '/en/contacts/nominate');
    await expectAccessible(kenya.page, 'nominate a point of contact');
    const form = main(kenya.page);
    await form.getByRole('textbox', { name: 'Full name' }).fill(name);
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Duty officer');
    await form.getByRole('textbox', { name: 'Organisation' }).fill('KE-CIRT (e2e)');
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Telephone' }).fill('+254 20 000 0042');
    await form.getByRole('textbox', { name: 'Working languages' }).fill('ru, en');
    await form.getByRole('textbox', { name: 'Time zone' }).fill('Africa/Nairobi');
    await form.locator('input[type="file"]').setInputFiles({ name: 'note-verbale.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% note verbale ${stamp}\n%%EOF\n`) });
    await form.getByRole('checkbox', { name: /Also invite/ }).uncheck();
    await form.getByRole('textbox', { name: 'Code from your authenticator app' }).fill(totp(account('focal.ken@poa.demo').totpSecret!));
    await form.getByRole('button', { name: 'Nominate' }).click();
    await main(kenya.page).getByText(name).waitFor();
    await main(kenya.page).getByRole('link', { name: `History of the nomination of ${name}` }).click();
    await kenya.page.locator('h1', { hasText: 'History of a nomination' }).waitFor();
    await main(kenya.page).getByText('Nominated').waitFor();
    // The note verbale came with the first version, and downloads as it was sent.
    const transmission = main(kenya.page).getByRole('link', { name: 'Official transmission of version 1 (PDF)' });
    const file = await kenya.page.request.get((await transmission.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect((await file.body()).toString()).toContain(`note verbale ${stamp}`);
    await expectAccessible(kenya.page, 'history of a nomination');

    // The Secretariat checks Kenya's points of contact.
    const secretariat = await as('secretariat@poa.demo', 'en');
    await open(secretariat.page, '/en/contacts/checks');
    await main(secretariat.page).getByRole('img', { name: /Stacked columns/ }).waitFor();
    await expectAccessible(secretariat.page, 'reachability checks');
    await main(secretariat.page).getByLabel('Who is checked', { exact: true }).first().click();
    await secretariat.page.getByRole('option', { name: 'Some States' }).click();
    await closeDropdown(secretariat.page);
    await main(secretariat.page).getByRole('textbox', { name: 'States', exact: true }).fill('KEN');
    await main(secretariat.page).getByRole('button', { name: 'Start the check' }).click();
    await secretariat.page.locator('h1', { hasText: 'Results of a reachability check' }).waitFor();
    await main(secretariat.page).getByText('0 of 3 points of contact answered').waitFor();
    await expectAccessible(secretariat.page, 'results of a check');
    const checkPath = new URL(secretariat.page.url()).pathname;

    // The new point of contact acknowledges by its link, in Russian, without signing in.
    const link = await lastLinkTo(email, '/contacts/acknowledge/');
    expect(link).toMatch(/^\/ru\/contacts\/acknowledge\//);
    const visitor = await newPage(browser, 'ru');
    await open(visitor.page, link);
    await expectAccessible(visitor.page, 'acknowledge a check (ru)');
    await main(visitor.page).getByRole('button', { name: 'Я получил(а) сообщение' }).click();
    await main(visitor.page).getByText('Ваше подтверждение записано').waitFor();
    await open(secretariat.page, checkPath.replace(/^\/en\//, '/ru/'));
    await main(secretariat.page).getByText('Ответило 1 из 3 контактных лиц').waitFor();

    // Chile's focal point writes to Kenya in Russian; Kenya's focal point replies.
    const chile = await as('focal.chl@poa.demo', 'ru');
    await open(chile.page, '/ru/contacts/threads');
    const write = main(chile.page);
    await write.getByRole('textbox', { name: 'Государству' }).fill('KEN');
    await write.getByRole('textbox', { name: 'Сообщение' }).fill(`Запрос информации о сканировании ${stamp}`);
    await write.getByRole('button', { name: 'Отправить' }).click();
    // The States by their names in the page's language, from the six-language reference.
    await chile.page.locator('h1', { hasText: 'Чили → Кения' }).waitFor();
    await expectAccessible(chile.page, 'a thread (ru)');
    const threadPath = new URL(chile.page.url()).pathname;

    await open(kenya.page, threadPath);
    const answer = main(kenya.page);
    await answer.getByText(`Запрос информации о сканировании ${stamp}`).waitFor();
    await answer.getByLabel('Вид сообщения', { exact: true }).first().click();
    await kenya.page.getByRole('option', { name: 'Ответ', exact: true }).click();
    await closeDropdown(kenya.page);
    await answer.getByRole('textbox', { name: 'Сообщение' }).fill(`Ответ Кении ${stamp}`);
    await answer.getByRole('button', { name: 'Отправить' }).click();
    await answer.getByText(`Ответ Кении ${stamp}`).waitFor();
    await open(chile.page, threadPath);
    await main(chile.page).getByText(`Ответ Кении ${stamp}`).waitFor();
    await main(chile.page).getByText('Дан ответ').waitFor();

    for (const s of [kenya, secretariat, visitor, chile]) expect(s.errors).toEqual([]);
  });

  it('the directory, a nomination, the checks and the read log pass axe in Arabic, right to left, naming States in Arabic', { timeout: 120_000 }, async () => {
    const kenya = await as('focal.ken@poa.demo', 'ar');
    const rtl = () => kenya.page.evaluate(() => document.documentElement.dir);
    await open(kenya.page, '/ar/contacts');
    await main(kenya.page).locator('tbody tr').first().waitFor();
    expect(await rtl()).toBe('rtl');
    // The States are named in Arabic, not by their codes.
    await main(kenya.page).getByText('كينيا', { exact: false }).first().waitFor();
    await expectAccessible(kenya.page, 'the directory (ar)');
    const history = (await main(kenya.page).locator('a[href*="/history"]').first().getAttribute('href'))!;
    await open(kenya.page, history);
    await main(kenya.page).locator('li').first().waitFor();
    await expectAccessible(kenya.page, 'history of a nomination (ar)');
    await open(kenya.page, history.replace(/\/history$/, '/change'));
    await main(kenya.page).locator('input[type="file"]').waitFor({ state: 'attached' });
    await expectAccessible(kenya.page, 'change a nomination (ar)');
    await open(kenya.page, '/ar/contacts/nominate');
    await expectAccessible(kenya.page, 'nominate a point of contact (ar)');

    const secretariat = await as('secretariat@poa.demo', 'ar');
    await open(secretariat.page, '/ar/contacts/checks');
    await main(secretariat.page).getByRole('img').first().waitFor();
    await expectAccessible(secretariat.page, 'reachability checks (ar)');
    const check = (await main(secretariat.page).locator('a[href*="/contacts/checks/"]').first().getAttribute('href'))!;
    await open(secretariat.page, check);
    const byState = main(secretariat.page).getByTestId('by-state-table');
    await byState.locator('tbody tr').first().waitFor();
    // Each row names its State in Arabic once the reference has loaded: no bare code is left.
    await expect.poll(() => byState.locator('tbody th').allInnerTexts()).not.toContainEqual(expect.stringMatching(/^[A-Z]{3}$/));
    expect((await byState.locator('tbody th').allInnerTexts()).every((name) => /[\u0600-\u06FF]/.test(name))).toBe(true);
    await expectAccessible(secretariat.page, 'results of a check (ar)');
    await open(secretariat.page, '/ar/contacts/reads');
    await main(secretariat.page).locator('tbody tr').first().waitFor();
    await expectAccessible(secretariat.page, 'the read log (ar)');

    for (const s of [kenya, secretariat]) expect(s.errors).toEqual([]);
  });
});
