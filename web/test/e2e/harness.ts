import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
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
  /** The session the test server opened for this account at start (see addMintedSession). */
  session: { token: string; csrf: string };
}

export interface E2EServer {
  url: string;
  dataDir: string;
  accounts: DemoAccount[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: E2EServer[];
  }
}

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

/**
 * The server of this file's worker (see global-setup.ts): files running at the same moment never
 * share one, so none sees another's changes half-way.
 */
export function server(): E2EServer {
  const servers = inject('servers');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const found = servers[(worker - 1) % servers.length];
  if (!found) throw new Error('no browser-test server was started');
  return found;
}

export function account(email: string): DemoAccount {
  const found = server().accounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
}

/**
 * The browser the tests drive: `CHROMIUM_PATH` when set, else Debian's headless shell of Chromium (the
 * same engine, Blink and V8 of the same version, without the full browser's user interface process:
 * measured, its main process used 0.6 CPU-s where the full browser used 5.1 over the same two files,
 * and the renderers 18 % less), else Debian's full Chromium in headless mode.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

/** Chromium, headless, with nothing that reaches the network by itself. Playwright gives it a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
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

/**
 * Puts the session the test server opened for `who` at start into the context: the session cookie
 * and the CSRF cookie, as a sign-in sets them. For tests that are not about signing in: no password
 * is hashed and no TOTP period waited for. Every context given one account's session shares it, so a
 * test that signs out or changes a password uses a sign-in or an account of its own.
 */
export async function addMintedSession(context: BrowserContext, who: DemoAccount): Promise<void> {
  const url = server().url;
  await context.addCookies([
    { name: 'poa_session', value: who.session.token, url, httpOnly: true, sameSite: 'Lax' },
    { name: 'poa_csrf', value: who.session.csrf, url, sameSite: 'Strict' },
  ]);
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's own `axe.run` in the page, on `include` minus `exclude` (CSS selectors). axe is put in
 * the page once per document, and only the violations are reported in full (`resultTypes`: passes
 * and the rest keep one node each, enough to know a rule examined something). The app has no
 * frames, so @axe-core/playwright's way (axe put in twice per check, the partial results carried to a
 * new blank page to be finished there) only added cost: 4-5 times the time of this on our pages.
 */
async function runAxe(page: Page, scope: { include?: string[]; exclude?: string[] }, options: RunOptions): Promise<AxeResults> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(axeSource);
  await transitionsDone(page);
  // Without `include`, the whole document: the rules about the document itself (title, language) run then only.
  const context = { ...(scope.include ? { include: scope.include.map((s) => [s]) } : {}), exclude: (scope.exclude ?? []).map((s) => [s]) };
  return page.evaluate(
    ([context, options]) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(context, options),
    [context, { ...options, resultTypes: ['violations'] }] as const,
  );
}

/**
 * Waits until nothing on the page is moving: no transition or animation with an end is running (a
 * dialog fading in, a menu sliding open; a loader's endless spin does not count). axe measures the
 * colours as they are at that moment, and a dialog half faded in has the contrast of its way in, not
 * the one it settles at. Each round lets two frames pass first, so a transition about to start has
 * started.
 */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (;;) {
      await frame();
      await frame();
      const moving = document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
      if (moving.length === 0) return;
      await Promise.all(moving.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

function describeViolations(violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[]) {
  return violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/** Waits for the page to settle: no loader left, fonts ready. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root') && document.fonts.status === 'loaded');
}

type Strings = { [key: string]: string | Strings };
const keysOf = (tree: Strings, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '')] : keysOf(v, `${prefix}${k}.`)));
/** Every key of the app's strings (English has them all). */
const STRING_KEYS = new Set(keysOf(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../src/locales/en.json'), 'utf8')) as Strings));

/**
 * No string of the app is shown as its key (`reporting.analysis.heading`): what a page shows when its
 * route did not load the part of the strings it belongs to (app/router.tsx, scripts/locale-parts.ts).
 * Looks at the text and at the labels, titles and placeholders.
 */
export async function expectNoRawKeys(page: Page, label: string): Promise<void> {
  const text = await page.evaluate(() =>
    [document.body.innerText, ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''))].join('\n'),
  );
  const shown = [...text.matchAll(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g)].map((m) => m[0]).filter((k) => STRING_KEYS.has(k));
  expect(shown, `${label}: strings shown as their keys`).toEqual([]);
}

const rightToLeft = (page: Page) => page.evaluate(() => document.documentElement.dir === 'rtl');

/** With E2E_AXE_LOG set, each check appends a line (what, language, label) there: to count the pages checked. */
function logCheck(what: 'main' | 'chrome', lang: string, label: string): void {
  const file = process.env.E2E_AXE_LOG;
  if (file) appendFileSync(file, `${what}\t${lang}\t${label}\n`);
}

/**
 * On a right-to-left page axe checks almost no text for contrast: its colour-contrast rule skips text
 * it takes for an icon-font ligature (axe's isIconLigature), and joined Arabic letters look like one
 * (13 texts examined on the Arabic home page, 50 on the English one). So each Arabic text is replaced
 * for a moment by Latin letters of the same length, in the same element, colour, size and weight, and
 * contrast is checked in each of `regions`, each run required to have examined some text.
 */
async function expectArabicContrast(page: Page, label: string, regions: string[]): Promise<void> {
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
    for (const region of regions) {
      if ((await page.locator(region).count()) === 0) continue;
      const result = await runAxe(page, { include: [region] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
      expect(result.violations, `${label} <${region}>\n${describeViolations(result.violations)}`).toEqual([]);
      const contrast = [...result.passes, ...result.incomplete].find((r) => r.id === 'color-contrast');
      expect(contrast?.nodes.length ?? 0, `${label} <${region}>: axe examined no text for contrast`).toBeGreaterThan(0);
    }
  } finally {
    await page.evaluate(() => {
      for (const [node, text] of (window as unknown as { __arabicText: [Text, string][] }).__arabicText) node.data = text;
    });
  }
}

/**
 * axe-core at WCAG 2.2 A and AA on what a page has of its own: its `main`, and whatever it opened
 * over itself (a dialog, a menu: Mantine puts them in portals outside `main`). The header, navigation
 * and footer are the same on every page: expectChromeAccessible checks them once per language.
 * What axe would check of the document itself on every page, a title and the page's language, is
 * checked here directly. On a right-to-left page, contrast is also checked with the Arabic text
 * swapped for Latin letters (see expectArabicContrast).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settled(page);
  const { lang, title } = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title.trim() }));
  expect(LANGUAGES as readonly string[], `${label}: the page's language`).toContain(lang);
  expect(title, `${label}: the page's title`).not.toBe('');
  logCheck('main', lang, label);
  await expectNoRawKeys(page, label);
  const own = ['main', ...((await page.locator('[data-portal]').count()) > 0 ? ['[data-portal]'] : [])];
  const result = await runAxe(page, { include: own }, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  expect(result.violations, `${label}\n${describeViolations(result.violations)}`).toEqual([]);
  if (await rightToLeft(page)) await expectArabicContrast(page, label, ['main']);
}

/**
 * axe-core at WCAG 2.2 A and AA on the whole page but its `main`: the shared header, navigation and
 * footer, and the rules about the document itself (its language, title, a way to skip to the
 * content). One page per language is enough: they are the same on every page.
 */
export async function expectChromeAccessible(page: Page, label: string): Promise<void> {
  await settled(page);
  const lang = await page.evaluate(() => document.documentElement.lang);
  for (const landmark of ['header', 'nav', 'footer']) expect(await page.locator(landmark).count(), `${label}: a <${landmark}>`).toBeGreaterThan(0);
  logCheck('chrome', lang, label);
  await expectNoRawKeys(page, label);
  const result = await runAxe(page, { exclude: ['main'] }, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  expect(result.violations, `${label}\n${describeViolations(result.violations)}`).toEqual([]);
  if (await rightToLeft(page)) await expectArabicContrast(page, label, ['header', 'nav', 'footer']);
}

/**
 * Closes an open dropdown (a Select's or MultiSelect's options, a menu) with Escape, and waits until
 * no list of options is shown: an open one lies over the page and takes the next click.
 */
export async function closeDropdown(page: Page): Promise<void> {
  if ((await page.getByRole('listbox').count()) > 0) await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
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
