import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, LANGUAGES, launchBrowser, newPage, type Lang } from './harness';

/**
 * Negotiation through the web pages: amendments and co-sponsors, the chair's next revision and the
 * word-level comparison, adoption in a meeting (an objection first, then consensus) with the outcome's
 * hash verified in the browser, and silence procedures broken by a State with confirmation.
 */

type Session = { context: BrowserContext; page: Page; errors: string[] };
let browser: Browser;
let visitor: Session;
const sessions: Record<string, Session> = {};
const stamp = Date.now().toString(36);

async function as(email: string): Promise<Session> {
  if (!sessions[email]) {
    const s = await newPage(browser, 'en');
    await addMintedSession(s.context, account(email));
    sessions[email] = s;
  }
  return sessions[email]!;
}

/** A request through the signed-in context, with the CSRF token and any extra headers. */
async function call(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown, headers: Record<string, string> = {}) {
  const me = await context.request.get('/api/v1/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken, ...headers }, ...(data === undefined ? {} : { data }) });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as any, etag: res.headers().etag ?? '' };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
}

const main = (page: Page) => page.locator('main');

async function tableDraft(title: string, paragraphs: { kind: 'preambular' | 'operative'; text: string }[]): Promise<string> {
  const chair = await as('chair@poa.demo');
  const res = await call(chair.context, 'POST', '/api/v1/drafts', { title, body: 'plenary', kind: 'decision', paragraphs });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function draft(id: string) {
  return (await call(visitor.context, 'GET', `/api/v1/drafts/${id}`)).body;
}

/** A local time in a zone, `days` from now, as the server expects it. */
function localIn(zone: string, ms: number, withSeconds = false): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + ms))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
}

async function openSilence(draftId: string, deadlineLocal: string, zone: string): Promise<string> {
  const chair = await as('chair@poa.demo');
  const res = await call(chair.context, 'POST', `/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal, zone });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

let axeDraftId: string;
let axeOutcomeId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await newPage(browser, 'en');
  // A draft with a revision, proposals and an open silence procedure, for the accessibility checks.
  axeDraftId = await tableDraft(`Decision on regional points of contact ${stamp}`, [
    { kind: 'preambular', text: 'Recalling the global directory of points of contact,' },
    { kind: 'operative', text: 'Encourages States to nominate diplomatic and technical points of contact;' },
  ]);
  const chile = await as('delegate.chl@poa.demo');
  const d0 = await draft(axeDraftId);
  const proposed = await call(chile.context, 'POST', `/api/v1/drafts/${axeDraftId}/amendments`, {
    revision: 0,
    action: 'replace',
    paragraphKey: d0.latest.paragraphs[1].key,
    text: 'Encourages States to nominate diplomatic and technical points of contact without delay;',
    reason: 'Timeliness matters in a crisis.',
  });
  expect(proposed.status).toBe(201);
  const chair = await as('chair@poa.demo');
  const rev = await call(
    chair.context,
    'POST',
    `/api/v1/drafts/${axeDraftId}/revisions`,
    { paragraphs: d0.latest.paragraphs.map((p: { key: string; kind: string; text: string }, i: number) => ({ key: p.key, kind: p.kind, text: i === 1 ? 'Encourages States to nominate diplomatic and technical points of contact without delay;' : p.text })), takesUp: [proposed.body.id] },
    { 'if-match': '"0"' },
  );
  expect(rev.status).toBe(201);
  await openSilence(axeDraftId, localIn('America/New_York', 3 * 86_400_000), 'America/New_York');
  const outcomes = (await call(visitor.context, 'GET', '/api/v1/outcomes')).body.items as { id: string }[];
  expect(outcomes.length).toBeGreaterThan(0);
  axeOutcomeId = outcomes[outcomes.length - 1]!.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('amendments and revisions', () => {
  let draftId: string;
  let amendmentId: string;

  beforeAll(async () => {
    draftId = await tableDraft(`Decision on capacity-building for CERTs ${stamp}`, [
      { kind: 'preambular', text: 'Recognizing the role of computer emergency response teams,' },
      { kind: 'operative', text: 'Invites States to support the training of national computer emergency response teams;' },
    ]);
  });

  it('a delegate proposes an amendment for Chile, and France co-sponsors it with one click', async () => {
    const { page, errors } = await as('delegate.chl@poa.demo');
    await open(page, `/en/drafts/${draftId}`);
    const form = main(page).locator('form', { has: page.getByRole('button', { name: 'Propose for Chile' }) });
    await form.getByLabel('Proposal').selectOption('replace');
    const op1 = (await draft(draftId)).latest.paragraphs[1];
    expect(op1.label).toBe('OP1');
    await form.getByLabel('Paragraph', { exact: true }).selectOption(op1.key);
    const text = form.getByLabel('Proposed text of the paragraph');
    // The field takes the chosen paragraph's text: wait for it before typing over it.
    await expect.poll(() => text.inputValue()).toBe('Invites States to support the training of national computer emergency response teams;');
    // Submitting unchanged text is stopped on the field, before anything is sent.
    await form.getByRole('button', { name: 'Propose for Chile' }).click();
    await form.getByText('The proposed text is the same as the paragraph\'s.').waitFor();
    await text.fill('Invites States and regional organisations to support the training and certification of national computer emergency response teams;');
    await form.getByLabel('Reason').fill('Regional organisations already run such training.');
    await form.getByRole('button', { name: 'Propose for Chile' }).click();
    const card = main(page).locator('li[data-paragraph="OP1"] li[data-amendment]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Regional organisations already run such training.');
    // Chile proposed it: Chile has no button to co-sponsor its own proposal.
    expect(await card.getByRole('button').count()).toBe(0);

    const held = await draft(draftId);
    const proposal = held.latest.paragraphs[1].amendments[0];
    expect(proposal).toMatchObject({ proposerState: 'CHL', action: 'replace', sponsors: ['CHL'], revision: 0 });
    amendmentId = proposal.id;

    const france = await as('focal.fra@poa.demo');
    await open(france.page, `/en/drafts/${draftId}`);
    const theirs = main(france.page).locator(`li[data-amendment="${amendmentId}"]`);
    // The button names the State the focal point acts for, and no other (once the names are loaded).
    await theirs.getByRole('button', { name: 'Co-sponsor for France' }).waitFor();
    expect(await theirs.getByRole('button', { name: /Chile/ }).count()).toBe(0);
    await theirs.getByRole('button', { name: 'Co-sponsor for France' }).click();
    await theirs.locator('[data-testid="cosponsors"]', { hasText: 'France' }).waitFor();
    await theirs.getByRole('button', { name: 'Co-sponsor for France' }).waitFor({ state: 'detached' });
    expect((await draft(draftId)).latest.paragraphs[1].amendments[0].sponsors).toEqual(['CHL', 'FRA']);
    expect(errors).toEqual([]);
    expect(france.errors).toEqual([]);
  });

  it('the compilation lists the proposal under its paragraph with its sponsors', async () => {
    const { page } = await as('chair@poa.demo');
    await open(page, `/en/drafts/${draftId}/compilation`);
    const row = main(page).locator(`section[data-paragraph="OP1"] tr[data-amendment="${amendmentId}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Chile');
    expect(text).toContain('France');
    expect(text).toContain('not taken up');
  });

  it('the chair issues Rev.1 taking it up, and the comparison shows the words changed', async () => {
    const { page, errors } = await as('chair@poa.demo');
    await open(page, `/en/drafts/${draftId}`);
    await main(page).getByRole('link', { name: 'Issue Rev.1' }).click();
    await page.locator('h1', { hasText: 'Issue Rev.1' }).waitFor();
    const proposal = main(page).locator(`li[data-amendment="${amendmentId}"]`);
    await proposal.getByRole('button', { name: 'Apply to the text' }).click();
    await expect.poll(() => proposal.getByLabel('Taken up').isChecked()).toBe(true);
    await expect.poll(() => main(page).getByLabel('Text of paragraph 2').inputValue()).toContain('and certification');
    await main(page).getByLabel('Note on this revision').fill('Takes up the proposal of Chile, co-sponsored by France.');
    await main(page).getByRole('button', { name: /^Issue Rev\.1/ }).click();

    await page.waitForURL(/\/compare\?from=0&to=1$/);
    const changed = main(page).locator('li[data-change="changed"]');
    await changed.waitFor();
    expect(await changed.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('regional organisations')]));
    expect((await changed.locator('ins').allTextContents()).join(' ')).toContain('certification');
    // Not by colour alone: the insertion is announced in words to screen readers.
    expect(await changed.locator('ins').first().textContent()).toContain('[insertion starts]');
    expect(await main(page).locator('li[data-change="unchanged"]').count()).toBe(1);
    // The proposal stands beside its paragraph, now taken up in Rev.1.
    expect(await changed.locator(`li[data-amendment="${amendmentId}"]`).textContent()).toContain('taken up in Rev.1');
    // Paragraph by paragraph navigation.
    await main(page).locator('li[data-change="unchanged"]').getByRole('link', { name: 'Next paragraph' }).click();
    await page.waitForURL((url) => /^#c-/.test(url.hash));

    const held = await draft(draftId);
    expect(held.revisions.map((r: { number: number }) => r.number)).toEqual([0, 1]);
    expect(held.revisions[1].takesUp).toEqual([amendmentId]);
    expect(held.latest.paragraphs[1].amendments[0].takenUpIn).toBe(1);
    expect(held.latest.paragraphs[1].text).toBe('Invites States and regional organisations to support the training and certification of national computer emergency response teams;');
    expect(errors).toEqual([]);
  });

  it('a stakeholder has no amendment form nor co-sponsor button, and the API refuses them', async () => {
    const { page, context } = await as('stakeholder@poa.demo');
    await open(page, `/en/drafts/${draftId}`);
    await main(page).locator('li[data-amendment]').first().waitFor();
    expect(await main(page).getByRole('button', { name: /Co-sponsor|Propose/ }).count()).toBe(0);
    expect((await call(context, 'POST', `/api/v1/amendments/${amendmentId}/sponsors`)).status).toBe(403);
  });
});

describe('adoption in a meeting', () => {
  let draftId: string;
  let meetingId: string;

  beforeAll(async () => {
    const secretariat = await as('secretariat@poa.demo');
    const meeting = await call(secretariat.context, 'POST', '/api/v1/meetings', {
      kind: 'informal-consultation',
      title: { en: `Informal consultation on the draft decision ${stamp}` },
      startsAt: '2027-03-10T10:00',
      endsAt: '2027-03-10T18:00',
      timeZone: 'America/New_York',
      venue: 'Conference Room 1, United Nations Headquarters, New York',
      format: 'hybrid',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    meetingId = meeting.body.id;
    const opened = await call(secretariat.context, 'POST', `/api/v1/meetings/${meetingId}/status`, { status: 'registration-open' }, { 'if-match': meeting.etag });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    for (const [email, iso3] of [['focal.fra@poa.demo', 'FRA'], ['focal.chl@poa.demo', 'CHL']] as const) {
      const who = await as(email);
      const reg = await call(who.context, 'PUT', `/api/v1/meetings/${meetingId}/registrations/states/${iso3}`, { contactEmail: 'mission@example.org', participants: [{ role: 'head', name: `Head of delegation ${iso3}` }] });
      expect(reg.status, JSON.stringify(reg.body)).toBe(200);
      const confirmed = await call(secretariat.context, 'POST', `/api/v1/meetings/${meetingId}/registrations/${reg.body.id}/confirm`, {}, { 'if-match': `"${reg.body.version}"` });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    }
    const inSession = await call(secretariat.context, 'POST', `/api/v1/meetings/${meetingId}/status`, { status: 'in-session' }, { 'if-match': opened.etag });
    expect(inSession.status, JSON.stringify(inSession.body)).toBe(200);
    draftId = await tableDraft(`Decision on the schedule of intersessional meetings ${stamp}`, [
      { kind: 'operative', text: 'Decides to hold two intersessional meetings of each technical working group every year;' },
    ]);
  });

  it('an objection stops adoption; then, with no objection, consensus adopts it and the outcome verifies', async () => {
    const chair = await as('chair@poa.demo');
    await open(chair.page, `/en/drafts/${draftId}`);
    await main(chair.page).getByLabel('Meeting in session').selectOption(meetingId);
    await main(chair.page).getByRole('button', { name: 'Propose adoption of Zero draft' }).click();
    const first = main(chair.page).locator('[data-proposal][data-status="open"]');
    await first.waitFor();
    expect(await first.getByRole('button', { name: 'Declare consensus' }).isEnabled()).toBe(true);

    // France, on its own screen, objects with a reason, after a confirmation.
    const france = await as('focal.fra@poa.demo');
    await open(france.page, `/en/drafts/${draftId}`);
    await main(france.page).getByRole('button', { name: 'Object for France' }).click();
    const dialog = france.page.getByRole('dialog');
    await dialog.getByLabel('Reason for the objection').fill('Two meetings a year is more than small delegations can attend.');
    await dialog.getByRole('button', { name: 'Object for France' }).click();
    await dialog.waitFor({ state: 'detached' });
    await main(france.page).locator('[data-proposal][data-status="not-adopted"] [data-objection="FRA"]').waitFor();

    // The chair's screen (it refreshes by itself while a proposal is open) shows the objection: consensus cannot be declared.
    const stopped = main(chair.page).locator('[data-proposal][data-status="not-adopted"]');
    await stopped.waitFor();
    expect(await stopped.locator('[data-objection="FRA"]').textContent()).toContain('Two meetings a year');
    expect(await stopped.getByRole('button', { name: 'Declare consensus' }).isDisabled()).toBe(true);
    await stopped.getByText('An objection stands: consensus cannot be declared.').waitFor();
    // The API refuses it as well.
    const proposalId = (await draft(draftId)).adoptionProposals[0].id;
    const refused = await call(chair.context, 'POST', `/api/v1/adoption-proposals/${proposalId}/consensus`);
    expect(refused.status).toBe(409);
    expect((await draft(draftId)).status).toBe('negotiating');

    // Proposed again, no State objects: the chair declares consensus.
    await main(chair.page).getByLabel('Meeting in session').selectOption(meetingId);
    await main(chair.page).getByRole('button', { name: 'Propose adoption of Zero draft' }).click();
    const second = main(chair.page).locator('[data-proposal][data-status="open"]');
    await second.getByRole('button', { name: 'Declare consensus' }).click();
    await main(chair.page).locator('[data-proposal][data-status="adopted"]').waitFor();
    const held = await draft(draftId);
    expect(held.status).toBe('adopted');
    expect(held.adoptionProposals.map((p: { status: string }) => p.status)).toEqual(['not-adopted', 'adopted']);

    await main(chair.page).locator('[data-proposal][data-status="adopted"]').getByRole('link', { name: /^Adopted as / }).click();
    await chair.page.waitForURL(/\/outcomes\/[0-9a-f-]+$/);
    await main(chair.page).locator('[data-verified="true"]').waitFor();
    const outcome = (await call(visitor.context, 'GET', `/api/v1/outcomes/${held.outcome.id}`)).body;
    expect(await main(chair.page).getByTestId('published-hash').textContent()).toBe(outcome.contentHash);
    expect(await main(chair.page).getByTestId('computed-hash').textContent()).toBe(outcome.contentHash);
    expect(await main(chair.page).getByTestId('verification').textContent()).toContain('Verified');
    // The record names the objecting State and its reason; it names States only.
    expect(await main(chair.page).locator('[data-objection="FRA"]').textContent()).toContain('Two meetings a year');

    // After adoption, Chile explains its position.
    const chile = await as('focal.chl@poa.demo');
    await open(chile.page, `/en/outcomes/${held.outcome.id}`);
    await main(chile.page).getByLabel('Explanation of position').fill('Chile joined consensus and will host one of the meetings.');
    await main(chile.page).getByRole('button', { name: 'Record for Chile' }).click();
    await main(chile.page).locator('[data-explanation="CHL"]').waitFor();
    expect((await call(visitor.context, 'GET', `/api/v1/outcomes/${held.outcome.id}`)).body.explanations).toEqual([
      expect.objectContaining({ state: 'CHL', text: 'Chile joined consensus and will host one of the meetings.' }),
    ]);
    expect(chair.errors).toEqual([]);
    expect(france.errors).toEqual([]);
  });
});

describe('silence procedures', () => {
  it('a focal point breaks silence for its State, after giving a reason and confirming', async () => {
    const draftId = await tableDraft(`Decision on a voluntary checklist ${stamp}`, [{ kind: 'operative', text: 'Adopts the voluntary checklist annexed to the present decision;' }]);
    const procedureId = await openSilence(draftId, localIn('Europe/Zurich', 2 * 86_400_000), 'Europe/Zurich');
    const { page, errors } = await as('focal.chl@poa.demo');
    await open(page, '/en/silence-procedures');
    const item = main(page).locator(`li[data-procedure="${procedureId}"]`);
    expect(await item.getByTestId('deadline-stated').textContent()).toContain('(Europe/Zurich)');
    // The countdown runs: its text changes by itself (within a second or so).
    const before = await item.getByTestId('countdown').textContent();
    await expect.poll(() => item.getByTestId('countdown').textContent()).not.toBe(before);

    await item.getByRole('button', { name: 'Break silence for Chile' }).click();
    const dialog = page.getByRole('dialog');
    // Nothing is sent without a reason and the confirmation.
    await dialog.getByRole('button', { name: 'Break silence now' }).click();
    await dialog.getByText('Give a reason (at least three characters).').waitFor();
    await dialog.getByText('Tick the box to confirm.').waitFor();
    expect((await draft(draftId)).silenceProcedures[0].status).toBe('open');
    await dialog.getByLabel('Reason for breaking silence').fill('The checklist needs a paragraph on national legislation.');
    await dialog.getByLabel('I confirm that Chile breaks silence on this text.').check();
    await dialog.getByRole('button', { name: 'Break silence now' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
    const held = await draft(draftId);
    expect(held.silenceProcedures[0]).toMatchObject({ status: 'broken', breaks: [{ state: 'CHL', reason: 'The checklist needs a paragraph on national legislation.' }] });
    expect(errors).toEqual([]);
  });

  it('a delegate of another State has no button, and the API refuses a break by anyone but a focal point', async () => {
    const draftId = await tableDraft(`Decision on a glossary ${stamp}`, [{ kind: 'operative', text: 'Takes note of the glossary of terms prepared by the Secretariat;' }]);
    const procedureId = await openSilence(draftId, localIn('America/New_York', 86_400_000), 'America/New_York');
    const { page, context } = await as('delegate.fra@poa.demo');
    await open(page, '/en/silence-procedures');
    const item = main(page).locator(`li[data-procedure="${procedureId}"]`);
    await item.waitFor();
    // Its one button is to follow the procedure (see follow.test.ts): none to break silence.
    await item.getByRole('button', { name: 'Follow' }).waitFor();
    expect(await item.getByRole('button').count()).toBe(1);
    await main(page).getByText('Only the focal point of France may break silence for it.').waitFor();
    expect((await call(context, 'POST', `/api/v1/silence-procedures/${procedureId}/breaks`, { reason: 'Not ours to break.' })).status).toBe(403);
    // Kenya's focal point sees a button for Kenya only.
    const kenya = await as('focal.ken@poa.demo');
    await open(kenya.page, '/en/silence-procedures');
    const theirs = main(kenya.page).locator(`li[data-procedure="${procedureId}"]`);
    await theirs.getByRole('button', { name: 'Break silence for Kenya' }).waitFor();
    expect(await theirs.getByRole('button', { name: /France|Chile/ }).count()).toBe(0);
    expect((await draft(draftId)).silenceProcedures[0].status).toBe('open');
  });

  it('a break after the deadline is refused, and the refusal is shown plainly', async () => {
    const draftId = await tableDraft(`Decision on a reporting template ${stamp}`, [{ kind: 'operative', text: 'Welcomes the reporting template;' }]);
    const { page } = await as('focal.jor@poa.demo');
    const procedureId = await openSilence(draftId, localIn('UTC', 15_000, true), 'UTC');
    await open(page, '/en/silence-procedures');
    const item = main(page).locator(`li[data-procedure="${procedureId}"]`);
    await item.getByRole('button', { name: 'Break silence for Jordan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason for breaking silence').fill('We need more time to consult.');
    await dialog.getByLabel(/I confirm that Jordan/).check();
    await item.getByTestId('countdown').filter({ hasText: 'The deadline has passed' }).waitFor({ timeout: 25_000 });
    await dialog.getByRole('button', { name: 'Break silence now' }).click();
    const alert = dialog.locator('[data-problem]');
    await alert.waitFor();
    // Refused as late, naming the deadline, whether or not the deadline job has adopted the text yet
    // (and then naming the outcome too).
    expect(await alert.textContent()).toMatch(/Refused: the deadline was .+; silence can no longer be broken\./);
    expect((await draft(draftId)).silenceProcedures[0].breaks).toEqual([]);
  });

  it('breaking silence works with the keyboard alone', async () => {
    const draftId = await tableDraft(`Decision on a cyber-incident severity scale ${stamp}`, [{ kind: 'operative', text: 'Encourages States to use a common severity scale when reporting incidents;' }]);
    await openSilence(draftId, localIn('America/New_York', 86_400_000), 'America/New_York');
    const { page } = await as('focal.ken@poa.demo');
    await open(page, `/en/drafts/${draftId}`);
    await main(page).getByRole('button', { name: 'Break silence for Kenya' }).waitFor();
    await page.locator('body').focus();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Break silence for Kenya') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Break silence for Kenya');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The dialog puts the focus on the reason field.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('Kenya asks for a reference to regional severity scales.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Break silence now') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Break silence now');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await main(page).locator('[data-break-by="KEN"]').waitFor();
    expect((await draft(draftId)).silenceProcedures[0]).toMatchObject({ status: 'broken', breaks: [{ state: 'KEN' }] });
  });
});

describe('tabling a zero draft', () => {
  it("the group's chair transmits its finished draft to the plenary, after confirming", async () => {
    const groups = (await call(visitor.context, 'GET', '/api/v1/groups')).body.items as { id: string; name: { en: string }; status: string }[];
    const group = groups.find((g) => g.status === 'active' && g.name.en === 'Technical working group on confidence-building measures')!;
    const chair = await as('chair@poa.demo');
    const tabled = await call(chair.context, 'POST', '/api/v1/drafts', { title: `Recommendations on communication checks ${stamp}`, body: group.id, kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Recommends regular communication checks between points of contact.' }] });
    expect(tabled.status).toBe(201);
    expect((await call(chair.context, 'GET', `/api/v1/drafts/${tabled.body.id}`)).body.can.openSilenceProcedure).toBe(false);
    const { page } = chair;
    await open(page, `/en/drafts/${tabled.body.id}`);
    await main(page).getByRole('button', { name: 'Transmit to the plenary' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transmit to the plenary' });
    await dialog.getByText('Transmit Zero draft of this draft to the plenary?', { exact: false }).waitFor();
    // Cancel first: nothing is sent.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await draft(tabled.body.id)).body).toBe(group.id);
    await main(page).getByRole('button', { name: 'Transmit to the plenary' }).click();
    await page.getByRole('dialog', { name: 'Transmit to the plenary' }).getByRole('button', { name: 'Transmit now' }).click();
    await main(page).getByText('Transmitted to the plenary on', { exact: false }).waitFor();
    const transmitted = await draft(tabled.body.id);
    expect(transmitted.body).toBe('plenary');
    expect(transmitted.transmittedAt).toBeTruthy();
    // The page names the group that prepared it and the revision it transmitted.
    expect(transmitted.transmission).toMatchObject({ group: group.id, revision: { number: 0 } });
    await expect.poll(() => main(page).getByTestId('transmission').textContent()).toContain('by Technical working group on confidence-building measures (Zero draft)');
    // Before the plenary now, it may go under silence, which the group's own draft could not.
    expect((await call(chair.context, 'GET', `/api/v1/drafts/${tabled.body.id}`)).body.can.openSilenceProcedure).toBe(true);
    expect(await main(page).getByRole('button', { name: 'Transmit to the plenary' }).count()).toBe(0);
  });

  it('a change to the framework adds a norm whose text is one of its paragraphs', async () => {
    const { page } = await as('secretariat@poa.demo');
    await open(page, '/en/drafts/new');
    const form = main(page);
    await form.locator('ol li').first().waitFor();
    const code = `norm-x${stamp}`;
    await form.getByRole('textbox', { name: 'Title' }).fill(`Decision adding a norm on incident severity ${stamp}`);
    await form.getByRole('radio', { name: 'Change to the framework' }).check();
    await form.getByRole('textbox', { name: 'Text of paragraph 1' }).fill('Recognizing the value of a shared understanding of incident severity,');
    await form.getByRole('textbox', { name: 'Text of paragraph 2' }).fill('States should use a common scale when they describe the severity of ICT incidents to each other.');
    await form.getByRole('button', { name: 'Add an element' }).click();
    await form.getByRole('textbox', { name: 'Code of the new element (change 1)' }).fill('Not A Code');
    await form.getByRole('button', { name: 'Table the zero draft' }).click();
    // The field keeps what can be a code (lower case, no spaces); what is left is still refused.
    await form.getByRole('alert').getByText('is not an element code', { exact: false }).waitFor();
    await form.getByRole('textbox', { name: 'Code of the new element (change 1)' }).fill(code);
    await form.getByRole('textbox', { name: 'Title of the new element (change 1)' }).fill('Common scale of incident severity');
    await form.getByRole('combobox', { name: 'Its text is paragraph (change 1)' }).selectOption('2');
    await form.getByRole('button', { name: 'Table the zero draft' }).click();
    await page.waitForURL((url) => /\/en\/drafts\/[0-9a-f-]{36}$/.test(url.pathname));
    const tabled = await draft(page.url().split('/').pop()!);
    expect(tabled.kind).toBe('framework-change');
    expect(tabled.frameworkEffects).toEqual([{ action: 'add', code, kind: 'norm', title: 'Common scale of incident severity', paragraphKey: tabled.latest.paragraphs[1].key }]);
  });

  it('a State, a stakeholder and the public have no form: no button, and the page says it is not theirs', async () => {
    for (const who of ['focal.chl@poa.demo', 'stakeholder@poa.demo', null] as const) {
      const { page } = who ? await as(who) : visitor;
      await open(page, '/en/drafts');
      expect(await main(page).getByRole('link', { name: 'Table a zero draft' }).count(), who ?? 'public').toBe(0);
      await open(page, '/en/drafts/new');
      await main(page).getByRole('alert').waitFor();
      expect(await main(page).getByRole('button', { name: 'Table the zero draft' }).count()).toBe(0);
    }
  });
});

describe.each(LANGUAGES)('the negotiation pages in %s pass axe (WCAG 2.2 A and AA)', (lang: Lang) => {
  const pages: [string, 'visitor' | 'chile' | 'chair', () => string][] = [
    ['the list of drafts', 'visitor', () => '/drafts'],
    ['the form to table a zero draft', 'chair', () => '/drafts/new'],
    ['a draft, as a State sees it', 'chile', () => `/drafts/${axeDraftId}`],
    ['the comparison of revisions', 'visitor', () => `/drafts/${axeDraftId}/compare?from=0&to=1`],
    ['the compilation of proposals', 'visitor', () => `/drafts/${axeDraftId}/compilation`],
    ['the open silence procedures, as a focal point sees them', 'chile', () => '/silence-procedures'],
    ['the adopted outcomes', 'visitor', () => '/outcomes'],
    ['an outcome, verified', 'visitor', () => `/outcomes/${axeOutcomeId}`],
  ];
  it.each(pages)('%s', async (_name, who, path) => {
    const session = who === 'chile' ? await as('focal.chl@poa.demo') : who === 'chair' ? await as('chair@poa.demo') : visitor;
    await open(session.page, `/${lang}${path()}`);
    expect(await session.page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await session.page.locator('h1').count(), `${path()}: one h1`).toBe(1);
    await main(session.page).locator('table, ol li, li[data-procedure]').first().waitFor();
    if (path().startsWith('/outcomes/')) await main(session.page).locator('[data-verified="true"]').waitFor();
    await expectAccessible(session.page, `/${lang}${path()}`);
    expect(session.errors).toEqual([]);
  });
});
