import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, addMintedSession, expectAccessible, lastLinkTo, lastMailTo, launchBrowser, newPage } from './harness';

/**
 * Accreditation on a non-objection basis, the whole path of issue #15: an organisation applies in
 * Spanish; the Secretariat finds it complete and circulates it in a batch whose period ends a few
 * seconds later; Kenya's focal point objects with a general basis, not naming Kenya; the period ends,
 * the job decides and the outcome is mailed (with the basis, without the State); an accredited
 * organisation submits a written input that appears in the meeting page's stakeholder section.
 */
let browser: Browser;
type Session = { context: BrowserContext; page: Page; errors: string[] };
let applicant: Session;
let secretariat: Session;
let kenya: Session;
let stakeholder: Session;
const main = (page: Page) => page.locator('main');
const stamp = randomUUID().slice(0, 8);
const name = `Red Andina de Ciberseguridad ${stamp}`;
const contact = `contacto.${stamp}@example.org`;
const basis = 'Su labor no guarda relación con la seguridad internacional.';
let trackPath = '';
let batchId = '';

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

/** A local time in UTC `ms` from now, to the second (as a datetime-local field takes it). */
const utcIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

beforeAll(async () => {
  browser = await launchBrowser();
  applicant = await newPage(browser, 'es');
  secretariat = await newPage(browser, 'en');
  kenya = await newPage(browser, 'en');
  stakeholder = await newPage(browser, 'en');
  await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
  await addMintedSession(kenya.context, account('focal.ken@poa.demo'));
  await addMintedSession(stakeholder.context, account('stakeholder@poa.demo'));
});
afterAll(async () => {
  await browser?.close();
});

describe('accreditation on a non-objection basis', () => {
  it('an organisation applies in Spanish and follows its application with its private link', async () => {
    const { page } = applicant;
    await open(page, '/es/accreditation');
    await main(page).getByRole('link', { name: /Global Forum|Foro Mundial/ }).waitFor();
    await expectAccessible(page, 'accredited organisations (es)');
    await main(page).getByRole('link', { name: 'Solicitar la acreditación' }).click();
    await page.locator('h1', { hasText: 'Solicitud de acreditación' }).waitFor();
    await expectAccessible(page, 'application form (es)');
    const form = main(page);
    await form.getByLabel('Nombre en español').fill(name);
    await form.getByLabel('País de la sede').selectOption('CHL');
    await form.getByLabel('Sitio web').fill('https://redandina.example.org');
    await form.getByLabel('Objetivo').fill('Fortalecer la cooperación regional en ciberseguridad.');
    await form.getByLabel('Labor pertinente').fill('Talleres sobre medidas de fomento de la confianza.');
    await form.getByLabel('Persona de contacto').fill('Ana Pérez');
    await form.getByLabel('Correo electrónico de contacto').fill(contact);
    await form.getByLabel('Nombre del representante 1').fill('Luis Díaz');
    await form.getByLabel('Correo electrónico del representante 1').fill(`luis.${stamp}@example.org`);
    await form.getByRole('button', { name: 'Presentar la solicitud' }).click();
    const link = form.getByTestId('tracking-link');
    await link.waitFor();
    trackPath = new URL((await link.textContent())!).pathname;
    expect(trackPath).toMatch(/^\/es\/accreditation\/track\/[\w-]+$/);
    // The same private link is emailed to the contact.
    expect(await lastLinkTo(contact, '/accreditation/track/')).toBe(trackPath);
    await open(page, trackPath);
    await main(page).getByText('Presentada', { exact: true }).waitFor();
    await expectAccessible(page, 'application tracking (es)');
  });

  it('the Secretariat finds it complete and circulates it in a batch; the period runs in the stated zone', async () => {
    const { page } = secretariat;
    await open(page, '/en/accreditation/applications');
    await expectAccessible(page, 'applications');
    await main(page).getByRole('link', { name }).click();
    await page.locator('h1', { hasText: name }).waitFor();
    await expectAccessible(page, 'application (Secretariat)');
    await main(page).getByRole('button', { name: 'Mark complete' }).click();
    await main(page).getByText('Complete', { exact: true }).waitFor();
    await open(page, '/en/accreditation/batches');
    await main(page).getByLabel(name).check();
    await main(page).getByLabel('Time zone').selectOption('UTC');
    await expectAccessible(page, 'batches and circulation');
    // A period of a few seconds, so that it ends within the test: time enough for one objection.
    await main(page).getByLabel('One end for every application (optional)').fill(utcIn(35_000));
    await main(page).getByRole('button', { name: 'Circulate 1 application' }).click();
    await page.waitForURL(/\/en\/accreditation\/batches\/[\w-]+$/);
    batchId = page.url().split('/').pop()!;
    await main(page).getByTestId('period-left').waitFor();
    expect(await main(page).getByText(/The non-objection period ends on .*time zone UTC/).count()).toBe(1);
  });

  it('a focal point objects from the batch of the email, with a general basis, not naming its State', async () => {
    const { page } = kenya;
    // The link of the message to the focal points names this batch.
    await expect.poll(() => lastLinkTo('focal.ken@poa.demo', '/accreditation/batches/')).toBe(`/en/accreditation/batches/${batchId}`);
    await open(page, `/en/accreditation/batches/${batchId}`);
    await main(page).getByRole('button', { name: `Object to ${name}` }).click();
    await main(page).getByLabel('With a general basis, shared with the organisation').check();
    await main(page).getByRole('textbox', { name: 'General basis' }).fill(basis);
    await main(page).getByRole('button', { name: 'Object for my State' }).click();
    await main(page).getByText(`Basis shared: ${basis}`).waitFor();
    await main(page).getByText('Your State is not named.').waitFor();
    await expectAccessible(page, 'batch (focal point)');
  });

  it('the period ends, the outcome follows by itself and is mailed with the basis, without the State', async () => {
    const { page } = kenya;
    await main(page).getByText('The period has ended.').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await lastMailTo(contact)).subject, { timeout: 30_000 }).toBe(`No acreditada: ${name}`);
    const mail = await lastMailTo(contact);
    expect(mail.text).toContain(basis);
    expect(mail.text).not.toMatch(/Kenya|KEN/);
    await open(applicant.page, trackPath);
    await main(applicant.page).getByText('No acreditada', { exact: true }).first().waitFor();
    await main(applicant.page).getByText(basis).waitFor();
    await page.reload();
    await main(page).getByText('Not accredited', { exact: true }).first().waitFor();
  });

  it('an accredited organisation submits a written input that appears on the meeting page', async () => {
    const { page, context } = stakeholder;
    const meetings = (await (await context.request.get('/api/v1/meetings?kind=annual-meeting')).json()) as { items: { id: string }[] };
    const meetingId = meetings.items[0]!.id;
    const title = `Written input on national points of contact ${stamp}`;
    await open(page, '/en/accreditation');
    await main(page).getByRole('link', { name: 'Your organisation' }).click();
    await main(page).getByRole('heading', { name: 'Submit a written input' }).waitFor();
    await expectAccessible(page, 'organisation (its representative)');
    // The select, not the choice of target above it ('A meeting (or an item of its agenda)').
    await main(page).getByRole('combobox', { name: 'Meeting' }).first().selectOption(meetingId);
    await main(page).getByLabel('Title').fill(title);
    await main(page).getByLabel('Text of the input').fill('The Forum proposes a joint exercise of the points of contact with regional organisations.');
    await main(page).getByRole('button', { name: 'Submit and publish' }).click();
    await main(page).getByRole('link', { name: "See the meeting's page" }).click();
    const section = main(page).getByTestId('stakeholder-inputs');
    await section.getByRole('heading', { name: title }).waitFor();
    await expectAccessible(page, 'meeting page with written inputs');
    for (const s of [applicant, secretariat, kenya, stakeholder]) expect(s.errors).toEqual([]);
  });
});

describe('in Arabic, right to left', () => {
  it('the application form, the public list, an organisation’s page and the objection form are axe-clean', async () => {
    const visitor = await newPage(browser, 'ar');
    const jordan = await newPage(browser, 'ar');
    await addMintedSession(jordan.context, account('focal.jor@poa.demo'));
    try {
      const { page } = visitor;
      await open(page, '/ar/accreditation');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const forum = main(page).getByRole('link', { name: /Global Forum/ });
      await forum.waitFor();
      await expectAccessible(page, 'accredited organisations (ar)');
      await forum.click();
      await page.waitForURL(/\/ar\/accreditation\/organisations\/[\w-]+$/);
      await page.locator('h1', { hasText: 'Global Forum' }).waitFor();
      await expectAccessible(page, 'organisation (ar)');
      await open(page, '/ar/accreditation/apply');
      await main(page).getByRole('button', { name: 'تقديم الطلب' }).waitFor();
      await expectAccessible(page, 'application form (ar)');

      // Jordan's focal point, in the batch of the demo's applicant still in its period.
      const circulated = (await (await jordan.context.request.get('/api/v1/stakeholder-applications?status=circulated')).json()) as {
        items: { batchId: string; organisation: { names: { es?: string } }; can: { object: boolean } }[];
      };
      const pending = circulated.items.find((a) => a.can.object && a.organisation.names.es?.startsWith('Red Latinoamericana'));
      expect(pending, 'the demo applicant in its period').toBeDefined();
      await open(jordan.page, `/ar/accreditation/batches/${pending!.batchId}`);
      await main(jordan.page).getByRole('button', { name: /^الاعتراض على / }).first().click();
      await main(jordan.page).getByLabel('مع سبب عام يُبلغ إلى المنظمة').check();
      await main(jordan.page).getByRole('textbox', { name: 'السبب العام' }).waitFor();
      await expectAccessible(jordan.page, 'objection form (ar)');
      // Nothing is sent: the form is only looked at.
      expect(visitor.errors).toEqual([]);
      expect(jordan.errors).toEqual([]);
    } finally {
      await visitor.context.close();
      await jordan.context.close();
    }
  });
});
