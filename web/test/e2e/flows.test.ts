import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { account, addMintedSession, apiPost, closeDropdown, expectNoRawKeys, lastLinkTo, lastMailTo, launchBrowser, newPage, tabUntil, totp, type DemoAccount } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page) => page.locator('h1');
/** A text field by its accessible name (the label, without the required-field asterisk). */
const field = (scope: Page | ReturnType<Page['locator']>, name: string) => scope.getByRole('textbox', { name, exact: true });
const header = (page: Page) => page.locator('header');

describe('signing in', () => {
  it('signs in with a password and a TOTP code, shows the account, and signs out', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    const camila = account('focal.chl@poa.demo');
    await page.goto('/en');
    await header(page).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/sign-in\?next=%2Fen$/);

    await field(page, 'Email address').fill(camila.email);
    await field(page, 'Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');

    await field(page, 'Password').fill(camila.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = field(page, 'Authentication code');
    await code.waitFor();
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    await code.fill(totp(camila.totpSecret!));
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(/\/en\/my$/);
    await header(page).getByRole('link', { name: camila.name }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
    await heading(page).filter({ hasText: 'My account' }).waitFor();
    await page.getByText('National focal point').waitFor();
    await page.locator('dd', { hasText: 'Chile' }).waitFor();
    await page.getByRole('cell', { name: 'This session' }).waitFor();

    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with a password and a recovery code, which then works no more', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    const wanjiru = account('focal.ken@poa.demo');
    const code = wanjiru.recoveryCodes[0]!;
    await page.goto('/en/sign-in');
    await heading(page).filter({ hasText: 'Sign in' }).waitFor();
    await field(page, 'Email address').fill(wanjiru.email);
    await field(page, 'Password').fill(wanjiru.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await field(page, 'Authentication code').waitFor();
    await page.getByRole('button', { name: 'I cannot use my authenticator app: use a recovery code' }).click();
    const recovery = field(page, 'Recovery code');
    await recovery.waitFor();
    expect(await recovery.evaluate((el) => el === document.activeElement)).toBe(true);
    await recovery.fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await header(page).getByRole('link', { name: wanjiru.name }).waitFor();
    await context.close();

    // Each code works once.
    const again = await newPage(browser, 'en');
    const res = await apiPost(again.context, '/api/v1/session', { email: wanjiru.email, password: wanjiru.password, recoveryCode: code });
    expect(res.status).toBe(401);
    expect(errors).toEqual([]);
    await again.context.close();
  });

  it('shows only what the API says a signed-in user may do', async () => {
    const delegate = await newPage(browser, 'en');
    await addMintedSession(delegate.context, account('delegate.chl@poa.demo'));
    await delegate.page.goto('/en/states/CHL');
    await heading(delegate.page).filter({ hasText: 'Chile' }).waitFor();
    const nav = delegate.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My account' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Invite' }).count()).toBe(0);
    expect(await delegate.page.locator('#state-correct').count()).toBe(0);

    const focal = await newPage(browser, 'fr');
    await addMintedSession(focal.context, account('focal.jor@poa.demo'));
    await focal.page.goto('/fr/states/JOR');
    await heading(focal.page).filter({ hasText: 'Jordanie' }).waitFor();
    await focal.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Inviter' }).waitFor();
    expect(await focal.page.locator('#state-correct').count()).toBe(0);
    await delegate.context.close();
    await focal.context.close();
  });
});

describe('an invitation', () => {
  it('is accepted with a password and a second factor set up from the QR code', async () => {
    const secretariat = await newPage(browser, 'en');
    await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
    const email = 'kofi.mensah@example.org';
    const invited = await apiPost(secretariat.context, '/api/v1/invitations', { email, name: 'Kofi Mensah', role: 'focal_point', state: 'GHA' });
    expect(invited.status).toBe(201);
    const link = await lastLinkTo(email, '/invitation/');
    await secretariat.context.close();

    const { page, errors, context } = await newPage(browser, 'en');
    await page.goto(link);
    await page.getByText('Welcome, Kofi Mensah').waitFor();
    await page.locator('dd', { hasText: 'Ghana' }).waitFor();
    await page.getByRole('img', { name: 'QR code to add this account to an authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await field(page, 'Password').fill('short');
    await page.getByRole('button', { name: 'Open my account' }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    const password = 'a long passphrase for Accra';
    await field(page, 'Password').fill(password);
    await field(page, 'Confirm the password').fill(password);
    await field(page, 'Authentication code').fill(totp(secret));
    await page.getByRole('button', { name: 'Open my account' }).click();

    await heading(page).filter({ hasText: 'Your account is open' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByRole('link', { name: 'I have saved them: continue' }).click();
    await heading(page).filter({ hasText: 'My account' }).waitFor();
    await page.getByText('On: an authenticator app is asked for at sign-in').waitFor();
    await header(page).getByRole('link', { name: 'Kofi Mensah' }).waitFor();

    // The link works once.
    const again = await newPage(browser, 'en');
    await again.page.goto(link);
    await again.page.getByText('This invitation has already been accepted or has expired.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
    await again.context.close();
  });
});

describe('languages', () => {
  it('switches to Arabic: right-to-left, mirrored, with Arabic State names', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    await page.goto('/en/states');
    await page.locator('tbody tr').nth(194).waitFor();
    await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(/\/ar\/states$/);
    await heading(page).filter({ hasText: 'الدول' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);

    const names = await page.locator('tbody th a').allTextContents();
    expect(names).toHaveLength(195);
    for (const name of names) expect(name).toMatch(/[\u0600-\u06FF]/);
    // Mirrored: the platform's name stands at the right, the sign-in button at the left.
    const brand = await page.locator('header a[href="/ar"]').first().boundingBox();
    const signIn = await header(page).getByRole('link', { name: 'تسجيل الدخول' }).boundingBox();
    expect(brand!.x).toBeGreaterThan(signIn!.x);
    // The page's strings came in parts (the layout's, then the directory's): each in Arabic now.
    await expectNoRawKeys(page, 'the directory, switched to Arabic');

    await page.locator('tbody th a[href="/ar/states/EGY"]').click();
    await heading(page).filter({ hasText: 'مصر' }).waitFor();
    await expectNoRawKeys(page, 'a State, reached in Arabic');
    expect(await page.getByTestId('name-fr').textContent()).toBe('Égypte');
    expect(await page.getByTestId('name-ar').getAttribute('dir')).toBe('rtl');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the browser on a first visit, and keeps the language of a link', async () => {
    const french = await newPage(browser, 'fr-CH');
    await french.page.goto('/');
    await french.page.waitForURL(/\/fr$/);
    await french.page.goto('/states/BOL');
    await french.page.waitForURL(/\/fr\/states\/BOL$/);
    await heading(french.page).filter({ hasText: 'Bolivie (État plurinational de)' }).waitFor();

    const german = await newPage(browser, 'de-DE');
    await german.page.goto('/');
    await german.page.waitForURL(/\/en$/);
    await german.page.goto('/zh/states/CHN');
    await heading(german.page).filter({ hasText: '中国' }).waitFor();
    await german.page.goBack();
    await german.page.waitForURL(/\/en$/);
    await french.context.close();
    await german.context.close();
  });

  it('finds a State by its French name from the English directory', async () => {
    const { page, context } = await newPage(browser, 'en');
    await page.goto('/en/states');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('Allemagne');
    await page.waitForURL(/q=Allemagne/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    const row = page.locator('tbody tr').first();
    expect(await row.locator('th a').textContent()).toBe('Germany');
    expect(await row.textContent()).toContain('Found by its name in French: Allemagne');

    // Accents and case do not matter, and the group filter narrows the list.
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('cote d');
    await expect.poll(() => page.locator('tbody th a').allTextContents()).toEqual(['Côte d’Ivoire']);
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await page.getByLabel('Regional group').selectOption('EEG');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(23);
    await context.close();
  });
});

describe('emails in the reader’s language', () => {
  it('invites in the language of the page unless another is chosen, and lets each person choose the language of their emails', async () => {
    const { page, errors, context } = await newPage(browser, 'fr');
    await addMintedSession(context, account('secretariat@poa.demo'));
    await page.goto('/fr/invite');
    const language = page.getByRole('combobox', { name: 'Langue de l’invitation' });
    expect(await language.inputValue()).toBe('fr');
    await field(page, 'Nom').fill('Lucía Gómez');
    await field(page, 'Adresse électronique').fill('lucia.gomez@cancilleria.example');
    await page.getByLabel('Rôle').first().click();
    await page.getByRole('option', { name: 'Présidence' }).click();
    await closeDropdown(page);
    await language.selectOption('es');
    await page.getByRole('button', { name: 'Envoyer l\'invitation' }).click();
    await page.getByText('Invitation envoyée').waitFor();
    const mail = await lastMailTo('lucia.gomez@cancilleria.example');
    expect(mail.subject).toBe('Su invitación a la plataforma del PoA');
    expect(await lastLinkTo('lucia.gomez@cancilleria.example', '/invitation/')).toMatch(/^\/es\/invitation\//);
    await context.close();

    const delegate = await newPage(browser, 'en');
    await addMintedSession(delegate.context, account('delegate.fra@poa.demo'));
    await delegate.page.goto('/en/account');
    const mine = delegate.page.getByRole('combobox', { name: 'Emails from the platform' });
    await mine.selectOption('ru');
    await delegate.page.getByRole('button', { name: 'Save the language' }).click();
    await delegate.page.getByText('Emails will now be sent in Русский.').waitFor();
    const me = (await (await delegate.context.request.get('/api/v1/me')).json()) as { account: { language: string } };
    expect(me.account.language).toBe('ru');
    expect([...errors, ...delegate.errors]).toEqual([]);
    await delegate.context.close();
  });
});

describe('by keyboard alone', () => {
  it('signs in and reaches a State page', async () => {
    const { page, errors, context } = await newPage(browser, 'en');
    const claire = account('focal.fra@poa.demo');
    await page.goto('/en');
    await heading(page).waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/sign-in/);
    // The sign-in page's heading takes the focus once shown: tab from there, or a late focus move
    // would take the keys typed next.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    await tabUntil(page, (el) => el.type === 'email');
    // Focus is visible: a thick outline, not just a tinted border.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.type(claire.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(claire.password);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'one-time-code');
    await page.keyboard.type(totp(claire.totpSecret!));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/my$/);
    await header(page).getByRole('link', { name: claire.name }).waitFor();
    // The home page's heading takes the focus once it is shown; tabbing starts from there, not
    // from wherever the focus was before (otherwise Enter may land on the heading, not the link).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    await tabUntil(page, (el) => el.tag === 'a' && el.href === '/en/states');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/states$/);
    // The new page's heading has the focus, so the next Tab goes into the page.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await tabUntil(page, (el) => el.type === 'search');
    await page.keyboard.type('Bolivie');
    await page.waitForURL(/q=Bolivie/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await tabUntil(page, (el) => el.href === '/en/states/BOL');
    await page.keyboard.press('Enter');
    await heading(page).filter({ hasText: 'Bolivia (Plurinational State of)' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * A delegate of its own for a test that changes a password or signs sessions out: the demo accounts
 * and their sessions are shared by every browser test file, in any order, and must keep working.
 * Comes with the context its acceptance of the invitation signed in.
 */
async function ownDelegate(name: string, state: string): Promise<{ who: Pick<DemoAccount, 'name' | 'email' | 'password'>; context: BrowserContext }> {
  const secretariat = await newPage(browser, 'en');
  await addMintedSession(secretariat.context, account('secretariat@poa.demo'));
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Date.now()}@example.org`;
  expect((await apiPost(secretariat.context, '/api/v1/invitations', { email, name, role: 'delegate', state })).status).toBe(201);
  await secretariat.context.close();
  const token = (await lastLinkTo(email, '/invitation/')).split('/').pop()!;
  const accepted = await newPage(browser, 'en');
  const password = 'a delegate password for this test';
  expect((await apiPost(accepted.context, `/api/v1/invitations/${token}/accept`, { password })).status).toBe(200);
  return { who: { name, email, password }, context: accepted.context };
}

describe('passwords and sessions', () => {
  it('resets a forgotten password from the emailed link', async () => {
    const { who: diego, context: accepted } = await ownDelegate('Diego Fuentes', 'CHL');
    await accepted.close();
    const { page, context } = await newPage(browser, 'es');
    await page.goto('/es/sign-in');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    // The sign-in page has an email field too: wait for the reset page (its own chunk) before filling.
    await page.getByRole('heading', { name: 'Restablecer su contraseña' }).waitFor();
    await field(page, 'Correo electrónico').fill(diego.email);
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await page.getByText('Revise su correo electrónico').waitFor();

    await page.goto((await lastLinkTo(diego.email, '/reset-password/')).replace('/en/', '/es/'));
    const password = 'una contraseña nueva y larga';
    await field(page, 'Nueva contraseña').fill(password);
    await field(page, 'Confirme la contraseña').fill(password);
    await page.getByRole('button', { name: 'Guardar la nueva contraseña' }).click();
    await page.getByText('Se ha cambiado su contraseña').waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' }).click();
    await page.waitForURL(/\/es\/sign-in/);
    await heading(page).filter({ hasText: 'Iniciar sesión' }).waitFor();
    await field(page, 'Correo electrónico').fill(diego.email);
    await field(page, 'Contraseña').fill(password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await header(page).getByRole('link', { name: diego.name }).waitFor();
    await context.close();
  });

  it('changes the password, and signs out the other sessions', async () => {
    // Two sessions of Julien's: the one accepting the invitation opened, and one signed in with the password.
    const { who: julien, context: elsewhere } = await ownDelegate('Julien Moreau', 'FRA');
    const { page, context } = await newPage(browser, 'fr');
    expect((await apiPost(context, '/api/v1/session', { email: julien.email, password: julien.password })).status).toBe(200);
    await page.goto('/fr/account');
    await heading(page).filter({ hasText: 'Mon compte' }).waitFor();
    const sessions = page.getByRole('region', { name: 'Sessions' }).locator('tbody tr');
    await expect.poll(() => sessions.count()).toBeGreaterThanOrEqual(2);

    await field(page.getByRole('region', { name: 'Changer de mot de passe' }), 'Mot de passe actuel').fill('not my password at all');
    await field(page, 'Nouveau mot de passe').fill('nouveau mot de passe solide');
    await field(page, 'Confirmez le mot de passe').fill('nouveau mot de passe solide');
    await page.getByRole('region', { name: 'Changer de mot de passe' }).getByRole('button', { name: 'Changer de mot de passe' }).click();
    await page.getByText("Ce n'est pas votre mot de passe actuel.").waitFor();
    await field(page.getByRole('region', { name: 'Changer de mot de passe' }), 'Mot de passe actuel').fill(julien.password);
    await page.getByRole('region', { name: 'Changer de mot de passe' }).getByRole('button', { name: 'Changer de mot de passe' }).click();
    await page.getByText('Votre mot de passe a été modifié.').waitFor();

    await page.getByRole('button', { name: 'Déconnecter toutes les autres sessions' }).click();
    await page.getByText('Toutes les autres sessions ont été fermées.').waitFor();
    await expect.poll(() => sessions.count()).toBe(1);
    const me = (await (await elsewhere.request.get('/api/v1/me')).json()) as { account: unknown };
    expect(me.account).toBeNull();
    await elsewhere.close();
    await context.close();
  });

  it('makes new recovery codes after asking for the password', async () => {
    const mai = account('focal.vnm@poa.demo');
    const { page, context } = await newPage(browser, 'zh');
    await addMintedSession(context, mai);
    await page.goto('/zh/account');
    await heading(page).filter({ hasText: '我的账户' }).waitFor();
    await field(page.getByRole('region', { name: '恢复码' }), '当前密码').fill(mai.password);
    await page.getByRole('button', { name: '生成新的恢复码' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(codes.some((c) => mai.recoveryCodes.includes(c))).toBe(false);
    await context.close();
  });
});
