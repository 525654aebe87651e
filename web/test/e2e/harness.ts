import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TOTP, Secret } from 'otpauth';
import { expect, inject } from 'vitest';
import { waitForOutbox, type OutboxMessage } from '../../../server/src/testing/outbox.js';

export interface DemoAccount {
  role: 'secretariat' | 'chair' | 'focal_point' | 'delegate' | 'stakeholder';
  name: string;
  email: string;
  password: string;
  state: string | null;
  organisation: string | null;
  totpSecret: string | null;
  recoveryCodes: string[];
}

export interface E2EServer {
  url: string;
  dataDir: string;
  accounts: DemoAccount[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    server: E2EServer;
  }
}

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const server = (): E2EServer => inject('server');

export function account(email: string): DemoAccount {
  const found = server().accounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
}

/** Debian's Chromium, headless, with nothing that reaches the network by itself. Playwright gives it a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies) whose browser prefers `lang`. */
export async function newPage(browser: Browser, lang: string = 'en'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server().url,
    locale: lang,
    extraHTTPHeaders: { 'accept-language': lang },
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  // Script errors and Content-Security-Policy refusals fail the test that checks `errors`.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/i.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
}

/** The code an authenticator app shows now (or `steps` periods later: each code is accepted once). */
export function totp(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** Signs a context in through the API (as the web app does), for tests that are not about signing in. */
export async function signInByApi(context: BrowserContext, who: DemoAccount): Promise<void> {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  // A code is accepted once: if this account's current code was used by an earlier test, the next one
  // is; if both were (several sign-ins within one period, from any test file), the next period's are.
  let status = 0;
  let body = '';
  for (let period = 0; period < 3; period++) {
    for (const steps of who.totpSecret ? [0, 1] : [0]) {
      const res = await context.request.post('/api/v1/session', {
        headers: { 'x-csrf-token': csrfToken },
        data: { email: who.email, password: who.password, ...(who.totpSecret ? { otp: totp(who.totpSecret, steps) } : {}) },
      });
      status = res.status();
      body = await res.text();
      if (status === 200) return;
    }
    if (!who.totpSecret) break;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  expect(status, body).toBe(200);
}

/** A request with the CSRF token the API expects, from a signed-in context. */
export async function apiPost(context: BrowserContext, url: string, data: unknown): Promise<{ status: number; body: unknown }> {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.post(url, { headers: { 'x-csrf-token': csrfToken }, data });
  const text = await res.text();
  return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * The link in the last message sent to `to`, from the server's mail outbox (decoded as a mail client
 * would). Mail leaves a moment after the request that queued it: waits for such a message.
 */
export async function lastLinkTo(to: string, pathPart: string): Promise<string> {
  const linkIn = (text: string) => new RegExp(`https?://\\S+${pathPart}\\S+`).exec(text);
  const addressed = (m: OutboxMessage) => m.to.toLowerCase().includes(to.toLowerCase());
  const messages = await waitForOutbox(path.join(server().dataDir, 'outbox'), (m) => addressed(m) && !!linkIn(m.text), `message to ${to} with a link to ${pathPart}`);
  const match = linkIn(messages.reverse().find((m) => addressed(m) && !!linkIn(m.text))!.text)!;
  return new URL(match[0]).pathname;
}

/** The last message sent to `to`: its subject and text, decoded. Waits for one, as `lastLinkTo` does. */
export async function lastMailTo(to: string): Promise<{ subject: string; text: string }> {
  const addressed = (m: OutboxMessage) => m.to.toLowerCase().includes(to.toLowerCase());
  const messages = await waitForOutbox(path.join(server().dataDir, 'outbox'), addressed, `message to ${to}`);
  return messages.reverse().find(addressed)!;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

function describeViolations(violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[]) {
  return violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/**
 * axe-core at WCAG 2.2 A and AA on the whole page.
 *
 * On Arabic pages axe checks almost no text for contrast: its colour-contrast rule skips text it
 * takes for an icon-font ligature (axe's isIconLigature), and joined Arabic letters look like one
 * (13 texts examined on the Arabic home page, 50 on the English one). So on right-to-left pages,
 * each Arabic text is also replaced for a moment by Latin letters of the same length, in the same
 * element, colour, size and weight, and contrast is checked per landmark (header, nav, main,
 * footer), each run required to have examined some text.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Wait for the page to settle: no loader left, fonts ready.
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root') && document.fonts.status === 'loaded');
  const whole = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(whole.violations, `${label}\n${describeViolations(whole.violations)}`).toEqual([]);
  const rtl = await page.evaluate(() => document.documentElement.dir === 'rtl');
  if (!rtl) return;
  await page.evaluate(() => {
    const arabic = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
    const saved: [Text, string][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!arabic.test(node.data)) continue;
      saved.push([node, node.data]);
      node.data = node.data.replace(/\S/g, 'x');
    }
    (window as unknown as { __arabicText: [Text, string][] }).__arabicText = saved;
  });
  try {
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      if ((await page.locator(landmark).count()) === 0) continue;
      const result = await new AxeBuilder({ page }).include(landmark).withRules(['color-contrast']).analyze();
      expect(result.violations, `${label} <${landmark}>\n${describeViolations(result.violations)}`).toEqual([]);
      const contrast = [...result.passes, ...result.incomplete].find((r) => r.id === 'color-contrast');
      expect(contrast?.nodes.length ?? 0, `${label} <${landmark}>: axe examined no text for contrast`).toBeGreaterThan(0);
    }
  } finally {
    await page.evaluate(() => {
      for (const [node, text] of (window as unknown as { __arabicText: [Text, string][] }).__arabicText) node.data = text;
    });
  }
}

/** Presses Tab until `accept` holds for the focused element; fails after `max` presses. */
export async function tabUntil(page: Page, accept: (el: { tag: string; text: string; name: string; type: string; href: string }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        text: (a?.textContent ?? '').trim(),
        name: a?.getAttribute('aria-label') ?? (a as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '',
        type: a?.getAttribute('type') ?? '',
        href: a?.getAttribute('href') ?? '',
      };
    });
    if (accept(el)) return;
  }
  throw new Error(`no element accepted after ${max} Tab presses`);
}
