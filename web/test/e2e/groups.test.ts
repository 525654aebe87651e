import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, apiPost, expectAccessible, LANGUAGES, launchBrowser, newPage, addMintedSession, tabUntil, type Lang } from './harness';

/**
 * Technical working groups, as States, stakeholders and the Secretariat use them: a State joins and
 * leaves by itself, with no approval; a stakeholder is never a member; the Secretariat sets groups up.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
let visitor: Session;
let secretariat: Session;
/** A group of this test file, set up by the Secretariat through the form: no other file changes it. */
let groupId: string;
/** The demo's working group, with its members, an observer and a meeting. */
let demoGroupId: string;
const groupName = `E2E working group on ICT security ${randomUUID().slice(0, 8)}`;

const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

async function signedIn(email: string, lang: Lang = 'en'): Promise<Session> {
  const session = await newPage(browser, lang);
  await addMintedSession(session.context, account(email));
  return session;
}

/** Opens this file's group's edit form, and waits until it holds the group (typing earlier would be overwritten). */
async function openEditForm(page: Page): Promise<void> {
  await open(page, `/en/groups/${groupId}/edit`);
  await expect.poll(() => main(page).getByLabel('Name in English').inputValue()).toBe(groupName);
}

type GroupJson = { members: { states: { iso3: string }[]; observers: { organisationId: string }[] }; can: Record<string, boolean> };
async function groupFromApi(context: BrowserContext, id: string): Promise<GroupJson> {
  const res = await context.request.get(`/api/v1/groups/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as GroupJson;
}

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'en');
  secretariat = await signedIn('secretariat@poa.demo');
  const list = (await (await visitor.context.request.get('/api/v1/groups')).json()) as { items: { id: string; name: { en: string } }[] };
  demoGroupId = list.items.find((g) => g.name.en === 'Technical working group on confidence-building measures')!.id;

  // The Secretariat sets up a group through the form: name, mandate, a co-facilitator, an item, modalities.
  const { page, errors } = secretariat;
  await open(page, '/en/groups');
  await main(page).getByRole('link', { name: 'Set up a working group' }).click();
  await page.locator('h1', { hasText: 'Set up a technical working group' }).waitFor();
  // Sending it empty says what is missing, on the fields.
  await main(page).getByRole('button', { name: 'Set up the group' }).click();
  await main(page).getByText('This field is required.').nth(1).waitFor();
  expect(await main(page).getByText('This field is required.').count()).toBe(2);
  await main(page).getByLabel('Name in English').fill(groupName);
  await main(page).getByLabel('Name in French (optional)').fill('Groupe de travail E2E sur la sécurité des TIC');
  await main(page).getByLabel('Mandate in English').fill('To exchange views on the security of ICT supply chains. To report to the annual meeting.');
  await main(page).getByLabel('Source of the mandate').fill('A/AC.300/2027/2, decision 3');
  await main(page).getByRole('button', { name: 'Add a chair or co-facilitator' }).click();
  await main(page).getByLabel('Name of chair 1').fill('Ambassador Ana Pereira');
  await main(page).getByLabel('State of chair 1').selectOption('CHL');
  await main(page).getByRole('button', { name: 'Add an item to the work programme' }).click();
  await main(page).getByLabel('Item 1 (in English)').fill('Exchange of views on supply chain security');
  await main(page).getByLabel('When (item 1)').fill('2027-Q3');
  await main(page).getByRole('button', { name: 'Set up the group' }).click();
  await page.locator('h1', { hasText: groupName }).waitFor();
  groupId = page.url().split('/').pop()!;
  expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
  const held = (await (await secretariat.context.request.get(`/api/v1/groups/${groupId}`)).json()) as {
    name: Record<string, string>;
    chairs: { name: string; role: string; state: string | null }[];
    workProgramme: { period: string | null }[];
    stakeholderObservers: boolean;
  };
  expect(held.name).toEqual({ en: groupName, fr: 'Groupe de travail E2E sur la sécurité des TIC' });
  expect(held.chairs).toEqual([{ name: 'Ambassador Ana Pereira', role: 'co-facilitator', state: 'CHL' }]);
  expect(held.workProgramme[0]?.period).toBe('2027-Q3');
  expect(held.stakeholderObservers).toBe(true);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('a State joins and leaves a working group by itself', () => {
  it('a delegate of France joins with one button, is listed at once, then leaves after confirming', async () => {
    const { context, page, errors } = await signedIn('delegate.fra@poa.demo');
    await open(page, `/en/groups/${groupId}`);
    const members = main(page).getByTestId('member-count');
    expect(await members.textContent()).toBe('0 member States');
    expect(await main(page).locator('tr[data-iso3="FRA"]').count()).toBe(0);

    await main(page).getByRole('button', { name: 'Join the group' }).click();
    // No approval: the page says so at once, and France is in the list of members.
    await main(page).getByText('Your State is a member of this group:').waitFor();
    await main(page).locator('tr[data-iso3="FRA"]').waitFor();
    expect(await main(page).locator('tr[data-iso3="FRA"] th').textContent()).toBe('France');
    await expect.poll(() => members.textContent()).toBe('1 member State');
    expect((await groupFromApi(context, groupId)).members.states.map((s) => s.iso3)).toEqual(['FRA']);
    // The list of groups counts it.
    await open(page, '/en/groups');
    const row = main(page).locator(`tr[data-group="${groupId}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('1');

    // Leaving asks first; cancelling changes nothing.
    await open(page, `/en/groups/${groupId}`);
    await main(page).getByRole('button', { name: 'Leave the group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave the working group?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await groupFromApi(context, groupId)).members.states.map((s) => s.iso3)).toEqual(['FRA']);

    await main(page).getByRole('button', { name: 'Leave the group' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Leave the group' }).click();
    await main(page).getByRole('button', { name: 'Join the group' }).waitFor();
    await expect.poll(() => main(page).locator('tr[data-iso3="FRA"]').count()).toBe(0);
    await expect.poll(() => members.textContent()).toBe('0 member States');
    expect((await groupFromApi(context, groupId)).members.states).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a delegate of Chile joins with the keyboard alone, and the member list shows Chile in the page’s language', async () => {
    const { context, page, errors } = await signedIn('delegate.chl@poa.demo', 'fr');
    await open(page, `/fr/groups/${groupId}`);
    await main(page).getByRole('button', { name: 'Rejoindre le groupe' }).waitFor();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Rejoindre le groupe', 80);
    await page.keyboard.press('Enter');
    await main(page).locator('tr[data-iso3="CHL"]').waitFor();
    expect(await main(page).locator('tr[data-iso3="CHL"] th').textContent()).toBe('Chili');
    // The button is now "Quitter le groupe": wait for it before tabbing to it.
    await main(page).getByRole('button', { name: 'Quitter le groupe' }).waitFor();
    expect((await groupFromApi(context, groupId)).members.states.map((s) => s.iso3)).toEqual(['CHL']);

    // Leaving by keyboard too: the confirmation takes the focus, and Escape cancels it.
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Quitter le groupe', 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Quitter le groupe de travail ?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await groupFromApi(context, groupId)).members.states.map((s) => s.iso3)).toEqual(['CHL']);
    // The focus is back on the button that opened it.
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Quitter le groupe');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Quitter le groupe', 10);
    await page.keyboard.press('Enter');
    await main(page).getByRole('button', { name: 'Rejoindre le groupe' }).waitFor();
    expect((await groupFromApi(context, groupId)).members.states).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a State never acts for another: the API refuses, and the page offers nothing to do so', async () => {
    const { context } = await signedIn('delegate.fra@poa.demo');
    expect((await apiPost(context, `/api/v1/groups/${groupId}/members`, { state: 'CHL' })).status).toBe(403);
    await context.close();
  });
});

describe('the demo working group', () => {
  it('lists its members in the page’s language, its observer and its meeting in the time zone of its venue', async () => {
    const { page, errors } = visitor;
    await open(page, `/es/groups/${demoGroupId}`);
    await main(page).locator('tr[data-iso3="KEN"]').waitFor();
    expect(await main(page).locator('tr[data-iso3="KEN"] th').textContent()).toBe('Kenya');
    expect(await main(page).locator('tr[data-iso3="FRA"] th').textContent()).toBe('Francia');
    expect(await main(page).getByTestId('observers').textContent()).toContain('Global Forum on Cyber Expertise');
    const meeting = main(page).locator('section[aria-labelledby="group-meetings"] tbody tr').first();
    // In the venue's zone, named in the page's language: "… (hora de Europa central, huso horario Europe/Zurich)".
    expect(await meeting.textContent()).toMatch(/\(.+, huso horario Europe\/Zurich\)/);
    expect(await meeting.getByRole('link').getAttribute('href')).toMatch(/^\/es\/meetings\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
  });
});

describe('a stakeholder is never a member', () => {
  it('is offered no member button, only to observe; the API refuses it as a member', async () => {
    const { context, page, errors } = await signedIn('stakeholder@poa.demo');
    const organisationId = ((await (await context.request.get('/api/v1/me')).json()) as { account: { organisation: { id: string } } }).account.organisation.id;
    await open(page, `/en/groups/${groupId}`);
    await main(page).getByRole('button', { name: 'Take part as an observer' }).waitFor();
    expect(await main(page).getByRole('button', { name: 'Join the group' }).count()).toBe(0);
    expect(await main(page).locator('[data-action="join"]').count()).toBe(0);
    const can = (await groupFromApi(context, groupId)).can;
    expect(can).toMatchObject({ join: false, leave: false, observe: true });

    // The API refuses it as a member, whatever it claims to be.
    expect((await apiPost(context, `/api/v1/groups/${groupId}/members`, { organisationId })).status).toBe(403);
    expect((await apiPost(context, `/api/v1/groups/${groupId}/members`, { state: 'FRA' })).status).toBe(403);
    expect((await groupFromApi(context, groupId)).members.states).toEqual([]);

    // As an observer it takes part, and is listed apart from the States.
    await main(page).getByRole('button', { name: 'Take part as an observer' }).click();
    await main(page).getByTestId('observers').waitFor();
    expect(await main(page).getByTestId('observers').textContent()).toContain('Global Forum on Cyber Expertise');
    expect((await groupFromApi(context, groupId)).members.observers.map((o) => o.organisationId)).toEqual([organisationId]);
    expect((await groupFromApi(context, groupId)).members.states).toEqual([]);
    await main(page).getByRole('button', { name: 'Stop taking part as an observer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop observing' }).click();
    await main(page).getByRole('button', { name: 'Take part as an observer' }).waitFor();
    expect((await groupFromApi(context, groupId)).members.observers).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when the modalities admit no observers, the page says so and offers no button', async () => {
    // The Secretariat changes the modalities through the edit form (If-Match is the page's own).
    const { page } = secretariat;
    await openEditForm(page);
    await main(page).getByLabel('Accredited organisations may take part as observers').uncheck();
    await main(page).getByRole('button', { name: 'Save the changes' }).click();
    await page.locator('h1', { hasText: groupName }).waitFor();
    await main(page).getByText("The group's modalities do not admit observers.").waitFor();

    const { context, page: stakeholderPage } = await signedIn('stakeholder@poa.demo');
    await open(stakeholderPage, `/en/groups/${groupId}`);
    await main(stakeholderPage).getByText('An organisation takes part as an observer, never as a member.').waitFor();
    expect(await main(stakeholderPage).locator('[data-action]').count()).toBe(0);
    await context.close();

    // Put back as it was, for the tests that follow.
    await openEditForm(page);
    await main(page).getByLabel('Accredited organisations may take part as observers').check();
    await main(page).getByRole('button', { name: 'Save the changes' }).click();
    await page.locator('h1', { hasText: groupName }).waitFor();
  });
});

describe.each(LANGUAGES)('the working group pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  // One test per page, so that a slow machine times out on one page, not on six in a row.
  it.each([
    ['the list', 'visitor', () => '/groups'],
    ['a group, as the public sees it', 'visitor', () => `/groups/${groupId}`],
    ['the demo group', 'visitor', () => `/groups/${demoGroupId}`],
    ['a group, as the Secretariat sees it', 'secretariat', () => `/groups/${groupId}`],
    ['the form for a new group', 'secretariat', () => '/groups/new'],
    ['the form to edit a group', 'secretariat', () => `/groups/${groupId}/edit`],
  ] as [string, 'visitor' | 'secretariat', () => string][])('%s', async (_name, who, path) => {
    const { page, errors } = who === 'secretariat' ? secretariat : visitor;
    await open(page, `/${lang}${path()}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').count(), `${path()}: one h1`).toBe(1);
    await main(page).locator('table, form, section').first().waitFor();
    await expectAccessible(page, `/${lang}${path()}`);
    expect(errors).toEqual([]);
  });

  it('the confirmation to leave, as a State’s delegate sees it', async () => {
    const { context, page, errors } = await signedIn('delegate.chl@poa.demo', lang);
    await open(page, `/${lang}/groups/${groupId}`);
    const join = main(page).locator('[data-action="join"]');
    const leave = main(page).locator('[data-action="leave"]');
    await join.or(leave).first().waitFor();
    if (await join.count()) await join.click();
    await leave.click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, `/${lang}/groups/${groupId} (leave dialog)`);
    await page.getByRole('dialog').locator('[data-action="confirm"]').click();
    await main(page).locator('[data-action="join"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
