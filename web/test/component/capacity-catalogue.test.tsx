import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import CataloguePage from '../../src/features/capacity/CataloguePage';
import { me, renderPage } from './app';
import { json, type FakeApi } from './fake-api';

const names = (en: string, fr: string) => ({ ar: en, zh: en, en, fr, ru: en, es: en });
const STATES = [
  { iso3: 'KEN', m49: '404', status: 'member', regionalGroup: 'AG', names: names('Kenya', 'Kenya') },
  { iso3: 'JOR', m49: '400', status: 'member', regionalGroup: 'APG', names: names('Jordan', 'Jordanie') },
  { iso3: 'VNM', m49: '704', status: 'member', regionalGroup: 'APG', names: names('Viet Nam', 'Viet Nam') },
  { iso3: 'EGY', m49: '818', status: 'member', regionalGroup: 'AG', names: names('Egypt', 'Égypte') },
];

const element = (code: string, pillar: string, title: string, language: 'en' | 'fr') => ({
  code,
  kind: pillar === 'norms' ? 'norm' : 'cbm',
  pillar,
  display: { title, text: '…', status: 'summary', language, fallback: language === 'en' },
});
const ELEMENTS = [element('norm-13g', 'norms', 'Protect critical infrastructure', 'en'), element('global-cbm-7', 'cbms', 'Points de contact', 'fr')];

let n = 0;
const need = (over: Record<string, unknown>) => ({
  id: `7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e${String(++n).padStart(4, '0')}`,
  state: 'KEN',
  title: { en: 'A need' },
  description: { en: 'Its description.' },
  codes: ['norm-13g'],
  modality: 'training',
  languages: ['en', 'fr'],
  periodStart: null,
  periodEnd: null,
  partners: 1,
  visibility: 'public',
  status: 'open',
  source: null,
  publishedAt: '2026-10-01T10:00:00.000Z',
  matchedAt: null,
  ...over,
});

const kenya = need({ state: 'KEN', title: { en: 'Training of sector CSIRTs' }, description: { en: 'Incident severity assessment.' }, codes: ['norm-13g', 'global-cbm-7'] });
const jordan = need({ state: 'JOR', title: { en: 'Protection of water utilities', fr: 'Protection des services d’eau' }, description: { en: 'Water.', fr: 'L’eau.' }, codes: ['norm-13g'], status: 'in-discussion', modality: 'advisory', periodStart: '2027-01-01', periodEnd: '2027-06-30' });
const vietNam = need({ state: 'VNM', title: { en: 'National CERT exercise', fr: 'Exercice national du CERT' }, description: { en: 'An exercise.', fr: 'Un exercice.' }, codes: ['norm-13g'] });
/** Shown to the States only: a viewer who holds an account sees it in the list, but the catalogue is the public one. */
const egyptParticipants = need({ state: 'EGY', title: { en: 'For the States only' }, codes: ['norm-13g'], visibility: 'participants' });

function catalogueApi(api: FakeApi) {
  api.on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'KEN' }));
  api.on('GET', '/api/v1/states', { items: STATES, total: STATES.length });
  api.on('GET', '/api/v1/framework/elements', { asOf: '2026-12-07', items: ELEMENTS });
  api.on('GET', '/api/v1/capacity/needs', (request) => {
    const items = request.query.get('status') === 'open' ? [vietNam, kenya, egyptParticipants] : request.query.get('status') === 'in-discussion' ? [jordan] : [];
    return json({ items, total: items.length, can: { publishNeed: false, publishOffer: false } });
  });
}

const open = (lang: string) => renderPage(`/${lang}/capacity/catalogue`, [{ path: 'capacity/catalogue', element: <CataloguePage /> }], catalogueApi);

afterEach(() => {
  Reflect.deleteProperty(window, 'print');
});

describe('the needs-based catalogue for the annual meeting', () => {
  it('lists the public needs still looking for partners, by pillar, then by State in the alphabetical order of the page’s language', async () => {
    const { api } = open('fr');
    const norms = await screen.findByRole('region', { name: 'Normes' }, { timeout: 15_000 });
    const chapters = [...document.querySelectorAll('section[data-pillar]')].map((s) => s.getAttribute('data-pillar'));
    expect(chapters).toEqual(['norms', 'cbms']);
    // In French, Jordanie comes before Kenya and Viet Nam; Egypt's need, for the States only, is in no chapter.
    expect([...norms.querySelectorAll('section[data-state]')].map((s) => s.getAttribute('data-state'))).toEqual(['JOR', 'KEN', 'VNM']);
    expect(within(norms).getByRole('heading', { level: 3, name: 'Jordanie' })).toBeTruthy();
    expect(screen.queryByText('For the States only')).toBeNull();
    // Kenya's need concerns both pillars: it is in each.
    const cbms = screen.getByRole('region', { name: 'Mesures de confiance' });
    expect([...cbms.querySelectorAll('section[data-state]')].map((s) => s.getAttribute('data-state'))).toEqual(['KEN']);
    expect(within(cbms).getByText('Training of sector CSIRTs')).toBeTruthy();

    // Each need: its title, description, elements with their names, modality, languages and period.
    const water = norms.querySelector(`article[data-need="${jordan.id}"]`) as HTMLElement;
    expect(within(water).getByRole('heading', { level: 4, name: 'Protection des services d’eau' })).toBeTruthy();
    expect(within(water).getByText('L’eau.')).toBeTruthy();
    expect(within(water).getByText('norm-13g')).toBeTruthy();
    expect(within(water).getByText('Protect critical infrastructure')).toBeTruthy();
    expect(within(water).getByText('Services de conseil')).toBeTruthy();
    expect(within(water).getByText('anglais et français')).toBeTruthy();
    expect(within(water).getByText(/1 janvier 2027/)).toBeTruthy();

    // The cover: the counts of what is listed (three needs of three States), each pillar with its own.
    const counts = screen.getByTestId('catalogue-counts');
    expect(within(counts).getByText('Besoins présentés : 3. États demandeurs : 3.')).toBeTruthy();
    expect(within(counts).getByRole('link', { name: 'Normes · besoins : 3' }).getAttribute('href')).toBe('#catalogue-norms');
    expect(within(counts).getByRole('link', { name: 'Mesures de confiance · besoins : 1' }).getAttribute('href')).toBe('#catalogue-cbms');
    expect(screen.getByTestId('catalogue-date').textContent).toMatch(/^Situation au \d{1,2} \S+ \d{4}$/);

    // Read through the list of needs, open and in discussion, as every page reads it.
    expect(api.sentTo('GET', '/api/v1/capacity/needs').map((s) => s.query.get('status')).sort()).toEqual(['in-discussion', 'open']);
    expect(api.unanswered).toEqual([]);
  });

  it('marks each text shown in English on a page in another language, and no other', async () => {
    open('fr');
    const norms = await screen.findByRole('region', { name: 'Normes' }, { timeout: 15_000 });
    const ken = norms.querySelector(`article[data-need="${kenya.id}"]`) as HTMLElement;
    const vnm = norms.querySelector(`article[data-need="${vietNam.id}"]`) as HTMLElement;
    // Kenya's title and description exist in English only: both marked; the element's name too.
    expect(within(ken).getByText('Training of sector CSIRTs').closest('[lang]')?.getAttribute('lang')).toBe('en');
    expect(ken.querySelectorAll('[data-fallback="true"]')).toHaveLength(3);
    // Viet Nam's need is in French: only the English name of norm-13g is marked.
    expect(vnm.querySelectorAll('[data-fallback="true"]')).toHaveLength(1);
    // The name of global-cbm-7 is in French: not marked.
    const contacts = within(ken).getByText('Points de contact').closest('li') as HTMLElement;
    expect(contacts.querySelectorAll('[data-fallback="true"]')).toHaveLength(0);
    expect((within(ken).getByText('Protect critical infrastructure').closest('li') as HTMLElement).querySelectorAll('[data-fallback="true"]')).toHaveLength(1);
  });

  it('prints with the browser’s print, once the catalogue is there', async () => {
    // happy-dom has no print(): the browser's, as a spy.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    const { user } = open('en');
    await screen.findByRole('region', { name: 'Norms' }, { timeout: 15_000 });
    const button = screen.getByRole('button', { name: 'Print' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    await user.click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('reads every page of the list, 200 needs at a time, and keeps the public ones of all of them', async () => {
    const hidden = Array.from({ length: 249 }, (_, i) => need({ state: 'EGY', id: `7a1e3c55-0b7f-4e8e-9d1a-${String(i).padStart(12, '0')}`, visibility: i % 2 ? 'participants' : 'secretariat' }));
    const all = [...hidden.slice(0, 199), vietNam, ...hidden.slice(199), jordan];
    const { api } = renderPage('/en/capacity/catalogue', [{ path: 'capacity/catalogue', element: <CataloguePage /> }], (api) => {
      catalogueApi(api);
      api.on('GET', '/api/v1/capacity/needs', (request) => {
        const offset = Number(request.query.get('offset'));
        const items = request.query.get('status') === 'open' ? all.slice(offset, offset + Number(request.query.get('limit'))) : [];
        return json({ items, total: request.query.get('status') === 'open' ? all.length : 0, can: { publishNeed: false, publishOffer: false } });
      });
    });
    await screen.findByRole('region', { name: 'Norms' }, { timeout: 15_000 });
    expect(screen.getByText('Needs listed: 2. Requesting States: 2.')).toBeTruthy();
    const open = api.sentTo('GET', '/api/v1/capacity/needs').filter((s) => s.query.get('status') === 'open');
    expect(open.map((s) => [s.query.get('offset'), s.query.get('limit')])).toEqual([
      ['0', '200'],
      ['200', '200'],
    ]);
  });

  it('says so when no public need is looking for partners', async () => {
    renderPage('/en/capacity/catalogue', [{ path: 'capacity/catalogue', element: <CataloguePage /> }], (api) => {
      catalogueApi(api);
      api.on('GET', '/api/v1/capacity/needs', () => json({ items: [egyptParticipants], total: 1, can: { publishNeed: false, publishOffer: false } }));
    });
    await screen.findByText('No need is open for partners at present.', {}, { timeout: 15_000 });
    expect(screen.getByText('Needs listed: 0. Requesting States: 0.')).toBeTruthy();
    expect(document.querySelectorAll('section[data-pillar]')).toHaveLength(0);
  });
});
