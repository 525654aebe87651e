import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, expectChromeAccessible, launchBrowser, newPage } from './harness';

/**
 * Follow and be told: a delegate follows a draft from its page (keyboard alone), the chair issues a
 * revision, and the notice shows on the delegate's notifications page with its unread count in the
 * header; marking it read clears the count. Axe on the page in French and Arabic.
 */
let browser: Browser;
let chair: { context: BrowserContext; page: Page };
let delegate: { context: BrowserContext; page: Page; errors: string[] };
const stamp = Date.now().toString(36);

async function call(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown, headers: Record<string, string> = {}) {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken, ...headers }, ...(data === undefined ? {} : { data }) });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as any };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .mantine-Loader-root'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  chair = await newPage(browser, 'en');
  await addMintedSession(chair.context, account('chair@poa.demo'));
  delegate = await newPage(browser, 'fr');
  await addMintedSession(delegate.context, account('delegate.fra@poa.demo'));
});
afterAll(async () => {
  await chair.context.close();
  await delegate.context.close();
  await browser.close();
});

it('follows a draft, is told of its next revision with the unread count, and marks it read', async () => {
  const title = `Decision on notification of incidents ${stamp}`;
  const created = await call(chair.context, 'POST', '/api/v1/drafts', { title, body: 'plenary', kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Encourages States to notify incidents.' }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draftId = created.body.id as string;
  const { page } = delegate;

  await open(page, `/fr/drafts/${draftId}`);
  const follow = page.getByRole('button', { name: 'Suivre', exact: true });
  await follow.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Ne plus suivre' }).waitFor();

  const issued = await call(chair.context, 'POST', `/api/v1/drafts/${draftId}/revisions`, { paragraphs: [{ kind: 'operative', text: 'Encourages States to notify significant incidents.' }] }, { 'if-match': '"0"' });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);

  // The notice is written by a job after the revision commits: wait for it, then open the page.
  const unread = async () => ((await call(delegate.context, 'GET', '/api/v1/me/notifications')).body.items as { targetId: string; read: boolean }[]).filter((n) => n.targetId === draftId && !n.read).length;
  await expect.poll(unread, { timeout: 15_000 }).toBe(1);
  await open(page, '/fr/notifications');
  const notice = page.getByTestId('notice').filter({ hasText: title });
  await expect.poll(() => notice.textContent()).toContain('la version Rev.1 a été publiée');
  const link = page.getByTestId('notifications-link');
  const count = Number(await page.getByTestId('unread-count').textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  expect(await link.getAttribute('aria-label')).toMatch(new RegExp(`^Notifications, ${count} non lues?$`));
  await expectAccessible(page, 'notifications (fr)');
  await expectChromeAccessible(page, 'header with notifications (fr)');

  // In Arabic, right to left: the page and the header with its count, then the notice marked read by keyboard.
  await open(page, '/ar/notifications');
  const arabic = page.getByTestId('notice').filter({ hasText: title });
  await arabic.waitFor();
  await expectAccessible(page, 'notifications (ar)');
  await expectChromeAccessible(page, 'header with notifications (ar)');
  await arabic.getByRole('button', { name: 'وضع علامة مقروء' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(unread).toBe(0);
  const badge = page.getByTestId('unread-count');
  await expect.poll(async () => (count > 1 ? Number(await badge.textContent()) : await badge.count())).toBe(count > 1 ? count - 1 : 0);
  expect(delegate.errors).toEqual([]);
});
