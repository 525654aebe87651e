import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, launchBrowser, newPage } from './harness';

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
 *   by U+2066 … U+2069 (where a text cannot hold an element: a translated sentence, a date's zone, an option).
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
    '/reporting →/reporting/cycles/[^/]+/analysis',
    '/drafts →/drafts/(?!new)[^/?]+$',
    '/outcomes →/outcomes/[^/?]+$',
    '/silence-procedures',
    '/groups →/groups/[^/?]+$',
    '/initiatives',
    '/capacity/catalogue',
  ],
  'focal.chl@poa.demo': ['/reporting →/reporting/reports/[^/?]+$', '/account', '/my', '/notifications'],
  'chair@poa.demo': ['/drafts →/drafts/(?!new)[^/?]+$', '/silence-procedures'],
  'secretariat@poa.demo': ['/account', '/invite'],
};

/**
 * Pages that still show unmarked Latin text (issue 17, item 4, not finished): each is added to PAGES
 * once fixed. Person names and ISO codes in the contacts pages, the search's snippets, the open data
 * page's format names, the documents' symbols and file facts, the capacity pages' organisations and
 * project texts, the accreditation pages' names and zones, the framework element's relations, the
 * working-group names in the calendar's and the new draft's selects, an initiative's codes.
 */
export const NOT_YET = [
  '/framework/norm-13f',
  '/documents',
  '/capacity/needs',
  '/capacity/offers',
  '/capacity/projects',
  '/capacity/analysis',
  '/accreditation',
  '/open-data',
  '/search',
  '/contacts',
  '/drafts/new',
  '/meetings',
];

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** The Latin texts in `main` that no element marks, each with the path of tags down to it. */
function unmarkedLatin(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const main = document.querySelector('main');
    if (!main) return ['no <main>'];
    const latin = /[A-Za-z\u00C0-\u024F]/;
    const excused = /[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|\u2066[^\u2069]*\u2069/g;
    const isolated = (el: Element) => el.tagName === 'BDI' || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, template, [hidden]')) continue;
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
  });
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
