import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, closeDropdown, expectAccessible, LANGUAGES, launchBrowser, newPage, server, tabUntil, type Lang } from './harness';

/**
 * Meetings through the browser: the Secretariat sets up a meeting and its agenda, a focal point
 * registers its delegation and the Secretariat confirms it, the list of participants stays private
 * until published, a delegate submits a statement, and the calendar gives each meeting at its own
 * local time with a feed to subscribe to. Axe on each page in the six languages.
 */

type Session = { context: BrowserContext; page: Page; errors: string[] };

let browser: Browser;
let visitor: Session;
let secretariat: Session;
let kenya: Session;
let jordan: Session;
let chile: Session;

/** A meeting of this file's own, made through the API: other test files never touch it. */
const fixture = { id: '', title: `Informal consultation on ICT security ${randomUUID().slice(0, 8)}` };

const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

/** A request with the session's CSRF token and any other headers. */
async function call(context: BrowserContext, method: string, url: string, data?: unknown, headers: Record<string, string> = {}) {
  const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': me.csrfToken, ...headers }, ...(data === undefined ? {} : { data }) });
  const text = await res.text();
  return { status: res.status(), body: (text && res.headers()['content-type']?.includes('json') ? JSON.parse(text) : text) as Record<string, any>, headers: res.headers() };
}

/** `YYYY-MM-DD` some days from now. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function session(who?: string, lang = 'en'): Promise<Session> {
  const s = await newPage(browser, lang);
  if (who) await addMintedSession(s.context, account(who));
  return s;
}

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await session();
  secretariat = await session('secretariat@poa.demo');
  kenya = await session('focal.ken@poa.demo');
  jordan = await session('focal.jor@poa.demo');
  chile = await session('delegate.chl@poa.demo');

  // The fixture: a plenary meeting in Tokyo, open for registration, with a provisional agenda.
  const created = await call(secretariat.context, 'POST', '/api/v1/meetings', {
    kind: 'informal-consultation',
    title: { en: fixture.title },
    startsAt: `${day(70)}T10:00`,
    endsAt: `${day(71)}T17:00`,
    registrationDeadline: `${day(60)}T18:00`,
    timeZone: 'Asia/Tokyo',
    venue: 'United Nations University, Tokyo',
    format: 'hybrid',
    stakeholdersMayAttend: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  fixture.id = created.body.id as string;
  const agenda = await call(secretariat.context, 'POST', `/api/v1/meetings/${fixture.id}/agenda`, {
    items: [
      { key: 'opening', title: { en: 'Opening of the consultation' } },
      { key: 'cbms', title: { en: 'Confidence-building measures' }, items: [{ key: 'poc', title: { en: 'Points of contact' }, elements: ['global-cbm-1'] }] },
    ],
  });
  expect(agenda.status, JSON.stringify(agenda.body)).toBe(201);
  const opened = await call(secretariat.context, 'POST', `/api/v1/meetings/${fixture.id}/status`, { status: 'registration-open' }, { 'if-match': `"${created.body.version}"` });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
});

afterAll(async () => {
  await browser?.close();
});

describe('the Secretariat sets up a meeting', () => {
  it('schedules it through the form, in its own time zone, and opens registration', async () => {
    const { page, errors } = secretariat;
    const title = `Technical briefing on ping tests ${randomUUID().slice(0, 8)}`;
    await open(page, '/en/meetings');
    await main(page).getByRole('link', { name: 'Schedule a meeting' }).click();
    await page.locator('h1', { hasText: 'Schedule a meeting' }).waitFor();

    // The form says what is wrong before sending anything.
    await main(page).getByRole('button', { name: 'Schedule and announce' }).click();
    await main(page).getByText('This field is required.').first().waitFor();

    await main(page).getByLabel('Kind of meeting').selectOption('organizational-session');
    await main(page).getByLabel('Title in English').fill(title);
    await main(page).getByText(/Other languages/).click();
    await main(page).getByLabel('Title in French').fill(`Séance d’information sur les tests de communication`);
    await main(page).getByLabel('Session number').fill('2');
    await main(page).getByLabel('Time zone of the meeting').selectOption('Europe/Vienna');
    await main(page).getByLabel('Starts').fill(`${day(90)}T09:30`);
    await main(page).getByLabel('Ends').fill(`${day(90)}T13:00`);
    await main(page).getByLabel('Registration deadline').fill(`${day(80)}T17:00`);
    await main(page).getByLabel('Venue').fill('Vienna International Centre');
    await main(page).getByLabel('Format').selectOption('in-person');
    await main(page).getByRole('button', { name: 'Schedule and announce' }).click();

    await page.locator('h1', { hasText: title }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const dates = await main(page).getByTestId('meeting-dates').first().textContent();
    expect(dates).toContain('9:30');
    expect(dates).toContain('Europe/Vienna');

    // What the API holds: the wall-clock times as entered, in Vienna.
    const held = await call(visitor.context, 'GET', `/api/v1/meetings/${id}`);
    expect(held.body).toMatchObject({
      kind: 'organizational-session',
      title: { en: title, fr: 'Séance d’information sur les tests de communication' },
      sessionNumber: 2,
      timeZone: 'Europe/Vienna',
      local: { startsAt: `${day(90)}T09:30`, endsAt: `${day(90)}T13:00`, registrationDeadline: `${day(80)}T17:00` },
      venue: 'Vienna International Centre',
      format: 'in-person',
      status: 'planned',
    });

    // Opening registration is confirmed first.
    await main(page).getByRole('button', { name: 'Open registration' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await main(page).locator('[data-status="registration-open"]').first().waitFor();
    expect((await call(visitor.context, 'GET', `/api/v1/meetings/${id}`)).body.status).toBe('registration-open');

    // Edit it: the form comes back with what was set, the change is saved with If-Match.
    await main(page).getByRole('link', { name: 'Edit the meeting' }).click();
    await page.locator('h1', { hasText: 'Edit the meeting' }).waitFor();
    // The form holds the meeting once it is loaded: wait for that before changing a field.
    await expect.poll(() => main(page).getByLabel('Starts').inputValue()).toBe(`${day(90)}T09:30`);
    await expect.poll(() => main(page).getByLabel('Venue').inputValue()).toBe('Vienna International Centre');
    await main(page).getByLabel('Venue').fill('Vienna International Centre, Board Room B');
    await main(page).getByRole('button', { name: 'Save the changes' }).click();
    await page.locator('h1', { hasText: title }).waitFor();
    await main(page).getByText('Vienna International Centre, Board Room B').waitFor();
    expect(errors).toEqual([]);
  });

  it('revises the agenda through the editor, linked to framework elements, and adopts it', async () => {
    const { page, errors } = secretariat;
    const created = await call(secretariat.context, 'POST', '/api/v1/meetings', {
      kind: 'annual-meeting',
      title: { en: `Annual meeting for the agenda test ${randomUUID().slice(0, 8)}` },
      startsAt: `${day(200)}T10:00`,
      endsAt: `${day(204)}T18:00`,
      timeZone: 'America/New_York',
      format: 'hybrid',
    });
    const id = created.body.id as string;
    await open(page, `/en/meetings/${id}`);
    await main(page).getByText('The agenda has not been issued yet.').waitFor();
    await main(page).getByRole('link', { name: 'Set the provisional agenda' }).click();
    await page.locator('h1', { hasText: 'Agenda of the meeting' }).waitFor();

    const item = (n: number) => main(page).locator(`[data-agenda-item="${n}"]`);
    await item(0).getByLabel('Title in English').first().fill('Opening of the meeting');
    await main(page).getByRole('button', { name: 'Add an item' }).click();
    await item(1).getByLabel('Title in English').first().fill('Norms of responsible State behaviour');
    await item(1).getByRole('button', { name: 'Add a sub-item to item 2' }).click();
    const sub = item(1).locator('[data-sub-item="0"]');
    await sub.getByLabel('Title in English').fill('Critical infrastructure');
    await sub.getByLabel('Framework elements').fill('norm-13f');
    await page.getByRole('option', { name: /^norm-13f / }).click();
    // The dropdown stays open after a choice, over the buttons below: close it before the next click.
    await closeDropdown(page);
    await main(page).getByRole('button', { name: 'Add an item' }).click();
    await item(2).getByLabel('Title in English').first().fill('Adoption of the report');
    // Reorder with the keyboard: the report goes before the norms, then back. The focus stays on the
    // moved item's button (on its other one at the bottom, where "Move down" is disabled), and the move is said.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { item: el?.closest('[data-agenda-item]')?.getAttribute('data-agenda-item') ?? null, text: el?.textContent?.trim() ?? '' };
      });
    await item(2).getByRole('button', { name: 'Move up' }).last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => item(1).getByLabel('Title in English').first().inputValue()).toBe('Adoption of the report');
    await expect.poll(focused).toEqual({ item: '1', text: 'Move up' });
    await main(page).getByRole('status').filter({ hasText: 'Moved. Item 2 is now “Adoption of the report”.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    await expect.poll(focused).toEqual({ item: '1', text: 'Move down' });
    await page.keyboard.press('Enter');
    await expect.poll(() => item(2).getByLabel('Title in English').first().inputValue()).toBe('Adoption of the report');
    await expect.poll(focused).toEqual({ item: '2', text: 'Move up' });
    await main(page).getByRole('status').filter({ hasText: 'Moved. Item 3 is now “Adoption of the report”.' }).waitFor({ state: 'attached' });
    await main(page).getByRole('button', { name: 'Save as a new version' }).click();
    await main(page).getByTestId('agenda-versions').getByText('Provisional agenda').waitFor();

    const saved = await call(visitor.context, 'GET', `/api/v1/meetings/${id}/agenda`);
    expect(saved.body.current.status).toBe('draft');
    expect(saved.body.current.items.map((i: { number: string; title: { en: string } }) => `${i.number} ${i.title.en}`)).toEqual([
      '1 Opening of the meeting',
      '2 Norms of responsible State behaviour',
      '3 Adoption of the report',
    ]);
    expect(saved.body.current.items[1].items).toMatchObject([{ number: '2 (a)', title: { en: 'Critical infrastructure' }, elements: ['norm-13f'] }]);

    // Adoption, confirmed first; the adopted agenda is frozen.
    await main(page).getByRole('button', { name: 'Adopt the agenda' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Adopt the agenda' }).click();
    await main(page).getByText('The adopted agenda can no longer be changed.').waitFor();
    const adopted = await call(visitor.context, 'GET', `/api/v1/meetings/${id}/agenda`);
    expect(adopted.body.current).toMatchObject({ status: 'adopted', version: 1 });

    // The meeting page shows it, with links to the framework elements.
    await open(page, `/en/meetings/${id}`);
    await main(page).getByTestId('agenda-status').getByText(/Adopted/).waitFor();
    const link = main(page).getByTestId('agenda').getByRole('link', { name: 'norm-13f' });
    expect(await link.getAttribute('href')).toBe('/en/framework/norm-13f');
    expect(errors).toEqual([]);
  });
});

describe('registration of delegations', () => {
  it('a focal point registers its delegation, sees what will be public, and the Secretariat confirms it', async () => {
    const { page, errors } = kenya;
    await open(page, `/en/meetings/${fixture.id}`);
    await main(page).getByRole('link', { name: 'Register your delegation' }).click();
    await page.locator('h1', { hasText: 'Registration of the delegation' }).waitFor();

    await main(page).getByLabel('Contact email of the delegation').fill('mission.kenya@example.org');
    const p = (n: number) => main(page).locator(`[data-participant="${n}"]`);
    await p(0).getByLabel(/^Name/).fill('Wanjiru Kamau');
    await p(0).getByLabel('Title or function').fill('Ambassador, Permanent Representative');
    await p(0).getByLabel('This is me').check();
    await main(page).getByRole('button', { name: 'Add a participant' }).click();
    await p(1).getByLabel('Role').selectOption('representative');
    await p(1).getByLabel(/^Name/).fill('Otieno Mwangi');
    await p(1).getByLabel('Title or function').fill('Counsellor');
    await p(1).getByLabel('Email').fill('otieno.private@example.ke');
    await p(1).getByLabel('Phone').fill('+254 20 123 4567');

    // Before sending: the public part shows name, title and delegation; email and phone are apart.
    const publicPart = main(page).getByTestId('preview-public');
    await publicPart.getByText('Otieno Mwangi').waitFor();
    expect(await publicPart.textContent()).toContain('Counsellor');
    expect(await publicPart.textContent()).not.toContain('otieno.private@example.ke');
    expect(await main(page).getByTestId('preview-private').textContent()).toContain('otieno.private@example.ke');

    await main(page).getByRole('button', { name: 'Submit the registration' }).click();
    await main(page).getByTestId('registration-status').locator('[data-status="submitted"]').waitFor();
    const mine = await call(kenya.context, 'GET', `/api/v1/meetings/${fixture.id}/registrations/states/KEN`);
    expect(mine.body).toMatchObject({ status: 'submitted', contactEmail: 'mission.kenya@example.org' });
    expect(mine.body.participants).toMatchObject([
      { role: 'head', name: 'Wanjiru Kamau', title: 'Ambassador, Permanent Representative', isMe: true },
      { role: 'representative', name: 'Otieno Mwangi', title: 'Counsellor', email: 'otieno.private@example.ke', phone: '+254 20 123 4567' },
    ]);

    // The Secretariat confirms it from the meeting page.
    const s = secretariat.page;
    await open(s, `/en/meetings/${fixture.id}`);
    const row = main(s).locator('tr[data-registration="KEN"]');
    await row.getByRole('button', { name: 'Confirm the registration of Kenya' }).click();
    await s.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await row.getByText('Confirmed').waitFor();
    expect((await call(kenya.context, 'GET', `/api/v1/meetings/${fixture.id}/registrations/states/KEN`)).body.status).toBe('confirmed');

    // The focal point sees it confirmed.
    await page.reload();
    await main(page).getByTestId('registration-status').locator('[data-status="confirmed"]').waitFor();
    expect(errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
  });

  it('a focal point registers with the keyboard alone', async () => {
    const { page, errors } = jordan;
    await open(page, `/en/meetings/${fixture.id}/registration`);
    await main(page).getByLabel('Contact email of the delegation').waitFor();
    await page.locator('h1').focus();
    await tabUntil(page, (el) => el.tag === 'input' && el.name.startsWith('Contact email of the delegation'));
    await page.keyboard.type('mission.jordan@example.org');
    await tabUntil(page, (el) => el.tag === 'input' && el.name.startsWith('Name'));
    await page.keyboard.type('Omar Haddad');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Director, Cybersecurity Centre');
    // Add an adviser, with the keyboard: the focus goes to the new participant's role.
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Add a participant');
    await page.keyboard.press('Enter');
    const role = main(page).locator('[data-participant="1"]').getByLabel('Role');
    await role.waitFor();
    await expect.poll(() => role.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => role.inputValue()).toBe('adviser');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lina Saleh');
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Submit the registration');
    await page.keyboard.press('Enter');
    await main(page).getByTestId('registration-status').locator('[data-status="submitted"]').waitFor();
    const held = await call(jordan.context, 'GET', `/api/v1/meetings/${fixture.id}/registrations/states/JOR`);
    expect(held.body.contactEmail).toBe('mission.jordan@example.org');
    expect(held.body.participants.map((x: { role: string; name: string; title: string | null }) => [x.role, x.name, x.title])).toEqual([
      ['head', 'Omar Haddad', 'Director, Cybersecurity Centre'],
      ['adviser', 'Lina Saleh', null],
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps the list of participants from the public until the Secretariat publishes it', async () => {
    const { page, errors } = visitor;
    await open(page, `/en/meetings/${fixture.id}`);
    await main(page).getByTestId('participants-unpublished').waitFor();
    expect(await main(page).textContent()).not.toContain('Wanjiru Kamau');
    expect((await call(visitor.context, 'GET', `/api/v1/meetings/${fixture.id}/participants`)).status).not.toBe(200);
    expect((await call(visitor.context, 'GET', `/api/v1/meetings/${fixture.id}/participants?format=csv`)).status).not.toBe(200);

    // The Secretariat sees it before, marked as not published, and publishes it.
    const s = secretariat.page;
    await open(s, `/en/meetings/${fixture.id}`);
    await main(s).getByTestId('participants').getByText('Not published').waitFor();
    await main(s).getByTestId('participants').getByText('Wanjiru Kamau', { exact: false }).waitFor();
    await main(s).getByRole('button', { name: 'Publish the list of participants' }).click();
    await s.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await main(s).getByText('The list of participants is public.').waitFor();

    // Now public: confirmed delegations (Kenya, not Jordan's unconfirmed one), name and title only.
    await page.reload();
    const list = main(page).getByTestId('participants');
    await list.locator('[data-delegation="KEN"]').waitFor();
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Wanjiru Kamau');
    expect(text).toContain('Counsellor');
    expect(text).not.toContain('otieno.private@example.ke');
    expect(text).not.toContain('+254');
    expect(text).not.toContain('Omar Haddad');
    expect(await list.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(`/api/v1/meetings/${fixture.id}/participants?format=csv`);
    const csv = await call(visitor.context, 'GET', `/api/v1/meetings/${fixture.id}/participants?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Wanjiru Kamau');

    // The printable list is in the page's language: from the meeting page, then in Arabic, right to left.
    await list.getByRole('link', { name: 'Printable list' }).click();
    await page.locator('h1', { hasText: 'List of participants' }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=participants');
    await open(page, `/ar/meetings/${fixture.id}?view=participants`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('قائمة المشاركين');
    const printable = main(page).getByTestId('printable-participants');
    const kenyaRows = printable.locator('[data-delegation="KEN"]');
    await kenyaRows.waitFor();
    const printed = (await printable.textContent()) ?? '';
    expect(printed).toContain('Wanjiru Kamau');
    expect(printed).toContain('الدول الأعضاء');
    expect(printed).not.toContain('Member States');
    expect(printed).not.toContain('otieno.private@example.ke');
    expect(await printable.locator('th[scope="col"]').allTextContents()).toEqual(['الوفد', 'الصفة', 'الاسم', 'اللقب أو الوظيفة']);
    // Printed: the list alone, without the site's header, footer and the page's buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.locator('footer').first().isVisible()).toBe(false);
    expect(await printable.getByRole('button').isVisible()).toBe(false);
    expect(await kenyaRows.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});

describe('statements', () => {
  it('a delegate submits a statement on an agenda item; it is public once the Secretariat publishes the statements', async () => {
    const { page, errors } = chile;
    const text = `Chile supports a periodic communication check of the points of contact (${randomUUID().slice(0, 6)}).`;
    await open(page, `/en/meetings/${fixture.id}`);
    const form = main(page).getByRole('form', { name: 'Submit a statement' });
    await form.getByLabel('Agenda item').selectOption('poc');
    await form.getByLabel('Language of the statement').selectOption('en');
    await form.getByLabel('Title of the statement').fill('Statement of Chile on points of contact');
    await form.getByRole('button', { name: 'Submit the statement' }).click();
    await form.getByText('This field is required.').waitFor();
    await form.getByLabel('Text of the statement').fill(text);
    await form.getByRole('button', { name: 'Submit the statement' }).click();
    await main(page).getByTestId('statements-states').getByText(text).waitFor();

    const own = await call(chile.context, 'GET', `/api/v1/meetings/${fixture.id}/statements`);
    expect(own.body.states).toMatchObject([{ agendaItem: { key: 'poc', number: '2 (a)' }, delegationName: 'Chile', language: 'en', text }]);
    // Not public before publication.
    expect((await call(visitor.context, 'GET', `/api/v1/meetings/${fixture.id}/statements`)).body.states).toEqual([]);
    await open(visitor.page, `/en/meetings/${fixture.id}`);
    await main(visitor.page).getByTestId('statements-unpublished').waitFor();

    const s = secretariat.page;
    await open(s, `/en/meetings/${fixture.id}`);
    await main(s).getByRole('button', { name: 'Publish the statements' }).click();
    await s.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await main(s).getByText('The statements are public.').waitFor();

    await visitor.page.reload();
    const states = main(visitor.page).getByTestId('statements-states');
    await states.getByText(text).waitFor();
    expect(await states.getByRole('heading', { name: /2 \(a\) Points of contact/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('the calendar', () => {
  it('shows each meeting at its own local time, whatever the browser’s time zone, and the feeds to subscribe to', async () => {
    const context = await browser.newContext({ baseURL: server().url, locale: 'en', timezoneId: 'America/Los_Angeles', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, `/en/meetings?q=${encodeURIComponent(fixture.title)}`);
    const item = main(page).locator(`li[data-meeting="${fixture.id}"]`);
    await item.waitFor();
    const when = (await item.getByTestId('meeting-dates').textContent()) ?? '';
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day(70)}T00:00:00Z`));
    expect(when).toContain(`${date} at 10:00`);
    expect(when).toContain('Asia/Tokyo');
    expect(when).toContain('Japan');

    // The month view puts it on its day.
    await main(page).getByText('Month', { exact: true }).click();
    await page.waitForURL(/view=month/);
    await page.goto(`/en/meetings?view=month&month=${day(70).slice(0, 7)}&q=${encodeURIComponent(fixture.title)}`);
    await main(page).locator(`td[data-day="${day(70)}"]`).getByRole('link', { name: fixture.title }).waitFor();

    // The public feed: a link to copy, a webcal:// link, and the meeting in it with its zone.
    const url = (await main(page).getByTestId('feed-url').first().textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/meetings\.ics$/);
    expect(await main(page).getByRole('link', { name: 'Subscribe in your calendar application' }).first().getAttribute('href')).toBe(url.replace(/^https?:\/\//, 'webcal://'));
    const ics = await (await context.request.get(new URL(url).pathname)).text();
    expect(ics).toContain(fixture.title);
    expect(ics).toContain('TZID=Asia/Tokyo');
    await main(page).getByText('Sign in to get a private calendar of the meetings you are registered for.').waitFor();
    await context.close();
  });

  it('gives a signed-in delegate a private feed of the meetings it is registered in', async () => {
    const { page, errors } = kenya;
    await open(page, '/en/meetings');
    await main(page).getByRole('button', { name: /Create my private calendar link|Make a new link/ }).first().click();
    // A first link is shown at once; replacing one asks first.
    const shown = main(page).getByRole('status').filter({ hasText: 'Your private calendar link' });
    const dialog = page.getByRole('dialog');
    await dialog.or(shown).first().waitFor();
    if (await dialog.count()) await dialog.getByRole('button', { name: 'Make a new link' }).click();
    const url = (await shown.getByTestId('feed-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/feeds\/[A-Za-z0-9_-]{43}\/meetings\.ics$/);
    // Kenya's focal point is on the delegation (as "This is me"): the meeting is in the private feed.
    const ics = await (await visitor.context.request.get(new URL(url).pathname)).text();
    expect(ics).toContain(fixture.title);
    expect(errors).toEqual([]);
  });
});

describe.each(LANGUAGES)('the meeting pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  const pages: [string, () => Session, () => string][] = [
    ['the calendar', () => visitor, () => '/meetings'],
    ['the month view', () => visitor, () => `/meetings?view=month&month=${day(70).slice(0, 7)}`],
    ['a meeting page (public)', () => visitor, () => `/meetings/${fixture.id}`],
    ['a meeting page (Secretariat)', () => secretariat, () => `/meetings/${fixture.id}`],
    ['the registration form', () => kenya, () => `/meetings/${fixture.id}/registration`],
    ['the Secretariat’s new meeting form', () => secretariat, () => '/meetings/new'],
    ['the Secretariat’s edit form', () => secretariat, () => `/meetings/${fixture.id}/edit`],
    ['the agenda editor', () => secretariat, () => `/meetings/${fixture.id}/agenda`],
    ['the printable list of participants', () => secretariat, () => `/meetings/${fixture.id}?view=participants`],
  ];
  it.each(pages)('%s', async (_name, who, path) => {
    const { page, errors } = who();
    await open(page, `/${lang}${path()}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').count(), `${path()}: one h1`).toBe(1);
    await main(page).locator('li, form, table').first().waitFor();
    await expectAccessible(page, `/${lang}${path()}`);
    expect(errors).toEqual([]);
  });
});
