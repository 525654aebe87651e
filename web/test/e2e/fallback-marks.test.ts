import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { account, addMintedSession, launchBrowser, newPage, server } from './harness';

/**
 * On an Arabic, Chinese or Russian page, no Latin letters may appear in the main content unless an
 * element says what they are (issue 17, item 4). A Latin text node passes when:
 * - an element around it inside `main` carries a `lang` other than the page's (a text shown in
 *   another language: `ui/localized` gives it its `lang`, `dir`, isolation and the fallback mark),
 *   and that element is isolated for bidirectional text; or
 * - an element around it is `data-verbatim` with `translate="no"` and `dir="ltr"` (a symbol or code
 *   such as PoA/2026/DEC.1 or norm-13f: Latin in every language; `ui/localized`'s `Verbatim`), or
 *   `data-verbatim="name"` with `translate="no"` and `dir="auto"` (a person's own name, `ProperName`); or
 * - what is Latin in it is only e-mail addresses, web addresses, or codes isolated in the text itself
 *   by U+2066 … U+2069 (where a text cannot hold an element: a translated sentence, a date's zone).
 * An element with `lang=""` counts as another language: a text as its author wrote it, in a language the
 * platform does not record (`AsWritten`, marked "as written: not translated").
 * In a native select's option, which cannot hold an element, a name in another language passes only
 * in `LocalizedOption`'s form: the option's own `lang` other than the page's, the name isolated, then
 * "in English" in the page's words (`common.fallbackOption`); an option naming a language in itself
 * passes when its value and lang are that language. An option that is one isolated name alone, or the
 * marked form without its own `lang`, fails.
 * Nothing else is excused.
 */
const LANGS = ['ar', 'zh', 'ru'] as const;

/** Pages as each role sees them; `→pattern` also visits the first link in `main` matching it. */
const PAGES: Record<'public' | 'secretariat@poa.demo' | 'focal.chl@poa.demo' | 'chair@poa.demo', string[]> = {
  public: [
    ' →/meetings/[^/?]+$',
    '/states?group=GRULAC',
    '/states/CHL',
    '/framework',
    '/framework/timeline',
    '/framework/norm-13f',
    '/reporting →/reporting/cycles/[^/]+/analysis',
    '/drafts →/drafts/(?!new)[^/?]+$',
    '/outcomes →/outcomes/[^/?]+$',
    '/silence-procedures',
    '/groups →/groups/[^/?]+$',
    '/meetings',
    '/initiatives →/initiatives/(?!propose)[^/?]+$',
    '/documents →/documents/(?!new)[^/?]+$',
    '/capacity/needs →/capacity/needs/(?!new)[^/?]+$',
    '/capacity/offers →/capacity/offers/(?!new)[^/?]+$',
    '/capacity/projects →/capacity/projects/[^/?]+$',
    '/capacity/analysis',
    '/capacity/catalogue',
    '/accreditation →/accreditation/organisations/[^/?]+$',
    '/open-data',
    '/search?q=cyber',
  ],
  'focal.chl@poa.demo': ['/reporting →/reporting/reports/[^/?]+$', '/account', '/my', '/notifications', '/contacts →/contacts/pocs/[^/]+/history$', '/contacts/threads →/contacts/threads/[^/?]+$', '/contacts/checks', '/contacts/reads'],
  'chair@poa.demo': ['/drafts →/drafts/(?!new)[^/?]+$', '/silence-procedures', '/drafts/new'],
  'secretariat@poa.demo': ['/account', '/invite', '/accreditation/applications →/accreditation/applications/[^/?]+$', '/accreditation/batches', '/meetings/new', '/groups/new', '/documents/new', '/contacts/checks', '/contacts/reads'],
};

/**
 * How an option shows a name in another language (`ui/localized`'s `LocalizedOption`): the name
 * isolated (U+2066 … U+2069), then "in English" in the page's language (`common.fallbackOption`), on
 * an option whose own `lang` is not the page's. A pattern per language, from the locale files.
 */
const optionForms = Object.fromEntries(
  LANGS.map((lang) => {
    const strings = JSON.parse(readFileSync(new URL(`../../src/locales/${lang}.json`, import.meta.url), 'utf8')) as { common: { fallbackOption: string } };
    const [before, after] = strings.common.fallbackOption.split('{{text}}').map((part) => part!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return [lang, `${before}\u2066[^\u2069]*\u2069${after}`];
  }),
) as Record<(typeof LANGS)[number], string>;

let browser: Browser;
const contexts: BrowserContext[] = [];

/** A request from a signed-in context, with the CSRF token the API expects. */
async function call(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown, headers: Record<string, string> = {}) {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken, ...headers }, ...(data === undefined ? {} : { data }) });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

/**
 * What the pages above show must not depend on browser files that ran before on the same worker: the
 * demo has no notice for Chile's focal point, so this file makes one itself (the focal point follows a
 * draft in English only, whose symbol-like code would break an Arabic sentence, and the chair issues
 * its next revision). The notifications page and My PoA then always show a text in another language.
 */
async function makeNotice(): Promise<void> {
  const chair = await browser.newContext({ baseURL: server().url });
  const focal = await browser.newContext({ baseURL: server().url });
  contexts.push(chair, focal);
  await addMintedSession(chair, account('chair@poa.demo'));
  await addMintedSession(focal, account('focal.chl@poa.demo'));
  const title = `Decision on PoA/2026/DEC.1 follow-up ${Date.now().toString(36)}`;
  const created = await call(chair, 'POST', '/api/v1/drafts', { title, body: 'plenary', kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Decides to follow up.' }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  const followed = await call(focal, 'PUT', `/api/v1/me/follows/draft/${id}`);
  expect(followed.status, JSON.stringify(followed.body)).toBeLessThan(300);
  const issued = await call(chair, 'POST', `/api/v1/drafts/${id}/revisions`, { paragraphs: [{ kind: 'operative', text: 'Decides to follow up in 2027.' }] }, { 'if-match': '"0"' });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  // The notice is written by a job after the revision commits.
  await vi.waitFor(
    async () => {
      const items = (await call(focal, 'GET', '/api/v1/me/notifications')).body.items as { targetId: string }[];
      if (!items.some((n) => n.targetId === id)) throw new Error(`no notice yet of the draft ${id}`);
    },
    { timeout: 30_000, interval: 200 },
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  await makeNotice();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** The Latin texts in `main` that no element marks, each with the path of tags down to it. */
function unmarkedLatin(page: Page): Promise<string[]> {
  const lang = new URL(page.url()).pathname.split('/')[1] as (typeof LANGS)[number];
  return page.evaluate((optionForm) => {
    const pageLang = document.documentElement.lang;
    const main = document.querySelector('main');
    if (!main) return ['no <main>'];
    const latin = /[A-Za-z\u00C0-\u024F]/;
    const excused = /[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|\u2066[^\u2069]*\u2069/g;
    // An option cannot hold an element: a name in another language is in the marked form (see
    // optionForm) on an option with its own lang; an option naming a language in itself (the language
    // choice) carries that language as its value and lang; an option that is one isolated name alone
    // (a name in another language without the words that mark it) is not excused.
    const marked = new RegExp(optionForm);
    const bareName = /^\s*\u2066[^\u2069]*\s[^\u2069]*\u2069\s*$/;
    const isolated = (el: Element) => el.tagName === 'BDI' || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, template, [hidden]')) continue;
      const option = el.closest('option');
      if (option) {
        const own = option.getAttribute('lang');
        const original = node.textContent ?? '';
        if (own !== null && own !== pageLang && option.getAttribute('value') === own) continue;
        const ownLang = own !== null && own !== pageLang;
        const text = ownLang ? original.replace(marked, '') : original;
        if (bareName.test(original) || (!ownLang && marked.test(original)) || latin.test(text.replace(excused, ''))) found.push(`${JSON.stringify(original.trim().slice(0, 80))} in option`);
        continue;
      }
      if (!latin.test((node.textContent ?? '').replace(excused, ''))) continue;
      const verbatim = el.closest('[data-verbatim]');
      if (verbatim && verbatim.getAttribute('translate') === 'no' && verbatim.getAttribute('dir') === (verbatim.getAttribute('data-verbatim') === 'name' ? 'auto' : 'ltr')) continue;
      const own = el.closest('[lang]');
      if (own && main.contains(own) && own.getAttribute('lang') !== pageLang && isolated(own)) continue;
      const where: string[] = [];
      for (let e: Element | null = el; e && e !== main; e = e.parentElement) where.unshift(e.tagName.toLowerCase() + (e.getAttribute('lang') ? `[lang=${e.getAttribute('lang')}]` : ''));
      found.push(`${JSON.stringify((node.textContent ?? '').trim().slice(0, 80))} in ${where.slice(-4).join('>')}`);
    }
    return found;
  }, optionForms[lang]);
}

/**
 * Opens a page as a link inside the app does (the router follows history), which spares reloading
 * the app for each of the many pages; the first page of a context is loaded in full. Waits for the
 * new page's heading and for nothing left loading.
 */
async function open(page: Page, path: string): Promise<void> {
  if (page.url() === 'about:blank') await page.goto(path);
  else {
    await page.evaluate((to) => {
      document.querySelectorAll('main h1').forEach((h) => h.setAttribute('data-left', ''));
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }
  await page.locator('main h1:not([data-left])').first().waitFor();
  const lang = path.split('/')[1];
  await page.waitForFunction((l) => document.documentElement.lang === l && !document.querySelector('.mantine-Loader-root'), lang);
}

describe('text in another language than the page is marked', () => {
  it('the check fails on unmarked Latin text and passes marked text, codes and addresses', async () => {
    const { context, page } = await newPage(browser, 'ar');
    contexts.push(context);
    await open(page, '/ar/no-such-page');
    await page.evaluate(() => {
      const add = (html: string) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html);
      add('<p>Report <span lang="en" dir="ltr">Report</span> <bdi data-verbatim dir="ltr" translate="no">PoA/2026/DEC.1</bdi> a@b.org https://example.org \u2066norm-13f\u2069</p>');
    });
    expect(await unmarkedLatin(page)).toEqual(['"Report" in p']);
    await page.evaluate(() => document.querySelector('main p:last-child')!.firstChild!.remove());
    expect(await unmarkedLatin(page)).toEqual([]);
    // A code whose element is not marked left-to-right and untranslatable is not excused.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p><span data-verbatim>norm-13f</span></p>'));
    expect(await unmarkedLatin(page)).toHaveLength(1);
    // An option: a name in another language only in the marked form, on an option with its own lang.
    await page.evaluate(() => {
      document.querySelector('main p:last-child')!.remove();
      document.querySelector('main')!.insertAdjacentHTML(
        'beforeend',
        '<select aria-label="x"><option lang="en">\u2066Technical working group\u2069 (بالإنكليزية)</option><option value="en" lang="en">English</option>' +
          '<option>\u2066PoA/2026/REC.1\u2069 — قرار</option><option>\u2066Technical working group\u2069</option><option lang="en">Technical working group</option>' +
          '<option>\u2066Technical working group\u2069 (بالإنكليزية)</option></select>',
      );
    });
    expect(await unmarkedLatin(page)).toEqual(['"\u2066Technical working group\u2069" in option', '"Technical working group" in option', '"\u2066Technical working group\u2069 (بالإنكليزية)" in option']);
  });

  for (const [who, paths] of Object.entries(PAGES)) {
    it(`on every main page in ${LANGS.join(', ')}, as ${who}`, async () => {
      const { context, page, errors } = await newPage(browser, 'en');
      contexts.push(context);
      if (who !== 'public') await addMintedSession(context, account(who));
      const problems: string[] = [];
      for (const lang of LANGS) {
        for (const entry of paths) {
          const [path, follow] = entry.split(' →');
          const urls = [`/${lang}${path}`];
          await open(page, urls[0]!);
          if (follow) {
            const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
            const next = hrefs.find((h) => new RegExp(`^/${lang}${follow}`).test(h));
            expect(next, `${urls[0]}: a link to ${follow}`).toBeDefined();
            urls.push(next!);
          }
          for (const [i, url] of urls.entries()) {
            if (i > 0) await open(page, url);
            for (const text of await unmarkedLatin(page)) problems.push(`${url}: ${text}`);
          }
        }
      }
      expect(problems, `unmarked Latin text:\n${problems.join('\n')}`).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
