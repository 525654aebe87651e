import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, apiPost, expectAccessible, launchBrowser, newPage } from './harness';

/**
 * Capacity-building as issue #13 asks, in the browser: Kenya's focal point turns a need of its national
 * report into a published need in one step, sees the offers ranked with their reasons, invites France's;
 * France's focal point accepts; Kenya confirms, and a project follows. The flow in French; the same
 * pages, the list of needs and the analysis, in Arabic.
 */
type Session = { context: BrowserContext; page: Page; errors: string[] };
let browser: Browser;
let kenya: Session;
let france: Session;
const main = (page: Page) => page.locator('main');
const NEW_NEED = 'Support to draft a national scale of incident severity for sector CSIRTs';

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

async function send(context: BrowserContext, method: 'GET' | 'PUT', url: string, data?: unknown, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken, ...headers }, ...(data === undefined ? {} : { data }) });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

/**
 * Kenya's report of last year (the demo's, whose first need is already published) gains a second need
 * in its capacity-building section and is submitted again: the need the focal point then publishes.
 */
async function addNeedToKenyasReport(context: BrowserContext): Promise<void> {
  const year = new Date().getUTCFullYear();
  const cycles = (await send(context, 'GET', '/api/v1/reporting/cycles')).body.items as { title: string; myReport: { id: string } | null }[];
  const report = cycles.find((c) => c.title === `Reporting cycle ${year - 1}`)!.myReport!.id;
  const draft = (await send(context, 'GET', `/api/v1/reporting/reports/${report}`)).body.draft as { key: string; version: number; answer: { needs: unknown[] } }[];
  const section = draft.find((d) => d.key === 'capacity-building')!;
  const answer = { ...section.answer, needs: [...section.answer.needs, { description: NEW_NEED, codes: ['norm-13g'] }] };
  expect((await send(context, 'PUT', `/api/v1/reporting/reports/${report}/sections/capacity-building`, { answer, visibility: null }, { 'if-match': `"${section.version}"` })).status).toBe(200);
  expect((await apiPost(context, `/api/v1/reporting/reports/${report}/submissions`, {})).status).toBe(201);
}

beforeAll(async () => {
  browser = await launchBrowser();
  kenya = await newPage(browser, 'fr');
  await addMintedSession(kenya.context, account('focal.ken@poa.demo'));
  france = await newPage(browser, 'fr');
  await addMintedSession(france.context, account('focal.fra@poa.demo'));
  await addNeedToKenyasReport(kenya.context);
});
afterAll(async () => {
  await browser?.close();
});

let needPath = '';
let projectPath = '';

describe('a need from a national report becomes a project', () => {
  it('in French: published from the report, ranked offers, invited, accepted, confirmed', async () => {
    const { page } = kenya;
    await open(page, '/fr/capacity/needs/new');
    const fromReport = main(page).locator('section[aria-labelledby="from-report"]');
    await fromReport.getByRole('checkbox', { name: 'français' }).check();
    await expectAccessible(page, 'publish a need (fr)');
    await fromReport.getByRole('button', { name: 'Publier les besoins de notre rapport' }).click();
    await fromReport.getByText('Publiés : 1. Déjà publiés auparavant : 1.').waitFor();
    await fromReport.getByRole('link', { name: 'Ouvrir le besoin publié n° 1' }).click();
    await page.locator('h1', { hasText: NEW_NEED }).waitFor();
    needPath = new URL(page.url()).pathname;

    // France's offer, ranked with its reasons; the State invites it.
    const offer = main(page).locator('li[data-offer]', { hasText: 'Formation à la réponse aux incidents pour les CSIRT' });
    await offer.getByText('Partage norm-13g (Normes) : 3 points').waitFor();
    expect(await main(page).getByRole('link', { name: 'Le rapport national, section capacity-building' }).count()).toBe(1);
    await expectAccessible(page, 'need with ranked offers (fr)');
    const offerPath = (await offer.getByRole('link').first().getAttribute('href'))!;
    await offer.getByRole('button', { name: 'Inviter cette offre' }).click();
    const invite = page.getByRole('dialog', { name: 'Inviter cet offrant ?' });
    await invite.getByLabel('Message à l’autre partie').fill('Nos CSIRT sectoriels aimeraient suivre votre formation.');
    await expectAccessible(page, 'invite dialog (fr)');
    await invite.getByRole('button', { name: 'Inviter cette offre' }).click();
    await main(page).getByTestId('match-status').filter({ hasText: 'Invité' }).waitFor();

    // France's focal point sees the invitation on its offer and accepts it.
    await open(france.page, offerPath);
    const invitation = main(france.page).locator('[data-match][data-status="invited"]', { hasText: 'Nos CSIRT sectoriels' });
    await expectAccessible(france.page, 'offer with its invitation (fr)');
    await invitation.getByRole('button', { name: 'Accepter' }).click();
    const accept = france.page.getByRole('dialog', { name: 'Accepter cette invitation ?' });
    await accept.getByLabel('Message à l’autre partie').fill('Avec plaisir : au deuxième trimestre.');
    await accept.getByRole('button', { name: 'Accepter' }).click();
    await main(france.page).locator('[data-match][data-status="accepted"]').waitFor();

    // Kenya confirms: the project begins.
    await open(page, needPath);
    const accepted = main(page).locator('[data-match][data-status="accepted"]');
    await accepted.getByText('Réponse : Avec plaisir : au deuxième trimestre.').waitFor();
    await accepted.getByRole('button', { name: 'Confirmer et lancer le projet' }).click();
    await page.getByRole('dialog', { name: 'Confirmer cet appariement et lancer un projet ?' }).getByRole('button', { name: 'Confirmer et lancer le projet' }).click();
    const confirmed = main(page).locator('[data-match][data-status="confirmed"]');
    await confirmed.getByRole('link', { name: 'Voir le projet' }).click();
    await page.locator('h1', { hasText: NEW_NEED }).waitFor();
    projectPath = new URL(page.url()).pathname;
    expect(projectPath).toMatch(/^\/fr\/capacity\/projects\/[0-9a-f-]{36}$/);
    expect(await main(page).getByTestId('project-status').textContent()).toBe('En cours');
    await expectAccessible(page, 'project (fr)');
    expect(kenya.errors).toEqual([]);
    expect(france.errors).toEqual([]);
  });

  it('in Arabic: the needs, the need, the project and the analysis, right to left', async () => {
    const session = await newPage(browser, 'ar');
    await addMintedSession(session.context, account('focal.ken@poa.demo'));
    const { page } = session;
    await open(page, '/ar/capacity/needs');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await main(page).locator('tr[data-need]').first().waitFor();
    await expectAccessible(page, 'needs (ar)');
    await open(page, needPath.replace('/fr/', '/ar/'));
    await main(page).locator('[data-match][data-status="confirmed"]').waitFor();
    await expectAccessible(page, 'need (ar)');
    await open(page, projectPath.replace('/fr/', '/ar/'));
    await main(page).getByTestId('project-status').waitFor();
    await expectAccessible(page, 'project (ar)');
    await open(page, '/ar/capacity/analysis');
    await main(page).getByTestId('world-map').waitFor();
    // Kenya is among the requesting States on the map.
    expect(await main(page).locator('path[data-m49="404"]').getAttribute('data-category')).toBe('requesting');
    await expectAccessible(page, 'analysis (ar)');
    expect(session.errors).toEqual([]);
    await session.context.close();
  });
});

describe('the offers, the project catalogue and the needs-based catalogue, in English and in Arabic', () => {
  const STATES_ONLY = 'A States-only need that the printed catalogue leaves out';

  it('in English, for the public: each page passes axe; the catalogue prints without the site around it, a page per pillar', async () => {
    const session = await newPage(browser, 'en');
    const { page } = session;
    await open(page, '/en/capacity/offers');
    await main(page).locator('tr[data-offer]').first().waitFor();
    await expectAccessible(page, 'offers (en)');
    await open(page, '/en/capacity/projects');
    await main(page).locator('tr[data-project]').first().waitFor();
    await expectAccessible(page, 'project catalogue (en)');

    // Reached from the analysis.
    await open(page, '/en/capacity/analysis');
    await main(page).getByRole('link', { name: 'The needs-based catalogue for the annual meeting, to print' }).click();
    await page.locator('h1', { hasText: 'Capacity-building needs: catalogue for the annual meeting' }).waitFor();
    await main(page).locator('section[data-pillar] article[data-need]').first().waitFor();
    await expectAccessible(page, 'needs-based catalogue (en)');

    // Printed: no header, navigation or footer, no Print button; each pillar begins a page; each need's address is written.
    await page.emulateMedia({ media: 'print' });
    for (const landmark of ['header', 'nav', 'footer']) expect(await page.locator(landmark).first().isVisible(), landmark).toBe(false);
    expect(await main(page).getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const chapter = main(page).locator('section[data-pillar]').first();
    expect(await chapter.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    const address = await chapter.locator('article[data-need] bdi[data-verbatim]').first().textContent();
    expect(address).toMatch(/^http:\/\/[^/]+\/en\/capacity\/needs\/[0-9a-f-]{36}$/);
    expect(await chapter.locator('article[data-need] bdi[data-verbatim]').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(session.errors).toEqual([]);
    await session.context.close();
  });

  it('in Arabic, for a focal point: right to left, each page passes axe, and a need shown to the States only is not in the catalogue', async () => {
    const session = await newPage(browser, 'ar');
    await addMintedSession(session.context, account('focal.ken@poa.demo'));
    const { page } = session;
    const created = await apiPost(session.context, '/api/v1/capacity/needs', {
      title: { en: STATES_ONLY },
      description: { en: 'Seen by States and offerors who hold an account, not by the public.' },
      codes: ['norm-13g'],
      modality: 'advisory',
      languages: ['en'],
      visibility: 'participants',
    });
    expect(created.status).toBe(201);

    await open(page, '/ar/capacity/offers');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await main(page).locator('tr[data-offer]').first().waitFor();
    await expectAccessible(page, 'offers (ar)');
    await open(page, '/ar/capacity/projects');
    await main(page).locator('tr[data-project]').first().waitFor();
    await expectAccessible(page, 'project catalogue (ar)');

    // The focal point sees its States-only need among the needs; the catalogue, the same for everyone, has it not.
    await open(page, '/ar/capacity/needs');
    await main(page).locator('tr[data-need]', { hasText: STATES_ONLY }).waitFor();
    await open(page, '/ar/capacity/catalogue');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await main(page).locator('section[data-pillar] article[data-need]').first().waitFor();
    expect(await main(page).getByText(STATES_ONLY).count()).toBe(0);
    expect(await main(page).locator(`article[data-need="${(created.body as { id: string }).id}"]`).count()).toBe(0);
    await expectAccessible(page, 'needs-based catalogue (ar)');
    expect(session.errors).toEqual([]);
    await session.context.close();
  });
});
