import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import OpenDataPage from '../../src/features/open-data/OpenDataPage';
import type { Catalogue } from '../../src/features/open-data/queries';
import { me, renderPage } from './app';

const T = (en: string, ar?: string) => ({ en, ...(ar ? { ar } : {}) });
const catalogue: Catalogue = {
  publisher: 'Secretariat of the Programme of Action',
  licence: 'https://creativecommons.org/licenses/by/4.0/',
  modified: '2027-03-15T16:00:00.000Z',
  datasets: [
    {
      id: 'outcomes',
      kind: 'outcomes',
      title: T('Adopted outcomes', 'الوثائق الختامية المعتمدة'),
      description: T('Decisions and recommendations adopted by consensus.', 'المقررات والتوصيات المعتمدة بتوافق الآراء.'),
      about: null,
      modified: '2027-03-15T16:00:00.000Z',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      landingPage: 'http://poa.test/en/outcomes',
      distributions: [
        { format: 'JSON', mediaType: 'application/json', url: 'http://poa.test/api/v1/outcomes' },
        { format: 'Akoma Ntoso', mediaType: 'application/akn+xml', url: 'http://poa.test/api/v1/outcomes/{id}/akn?lang=en' },
      ],
    },
    {
      id: 'reports-1',
      kind: 'reports',
      title: T('Published national reports', 'التقارير الوطنية المنشورة'),
      description: T('The answers States made public in a reporting cycle.', 'الإجابات التي أعلنتها الدول في دورة إبلاغ.'),
      about: { id: '1', title: T('First reporting cycle (2027)') },
      modified: null,
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      landingPage: 'http://poa.test/en/reporting/cycles/1/analysis',
      distributions: [{ format: 'CSV', mediaType: 'text/csv', url: 'http://poa.test/api/v1/reporting/cycles/1/export?format=csv' }],
    },
  ],
} as unknown as Catalogue;

describe('the open data page', () => {
  it('lists each dataset in the page’s language, marks a title that has none, names each download, and links the feeds in that language', async () => {
    renderPage('/ar/open-data', [{ path: 'open-data', element: <OpenDataPage /> }], (api) => {
      api.on('GET', '/api/v1/me', me(null)).on('GET', '/api/v1/open-data', catalogue);
    });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    within(rows[0]!).getByText('الوثائق الختامية المعتمدة');
    // A one-of-many dataset that exists only in English: shown in English, in its own language, marked.
    const cycle = within(rows[1]!).getByText('First reporting cycle (2027)');
    expect(cycle.getAttribute('lang')).toBe('en');
    expect(cycle.getAttribute('dir')).toBe('ltr');
    expect(rows[1]!.querySelector('[data-fallback="true"]')).not.toBeNull();
    // Each download says what it downloads; a per-outcome format is explained, not linked with a template.
    const csv = within(rows[1]!).getByRole('link', { name: 'CSV: التقارير الوطنية المنشورة: First reporting cycle (2027)' });
    expect(csv.getAttribute('href')).toBe('http://poa.test/api/v1/reporting/cycles/1/export?format=csv');
    expect(within(rows[0]!).queryByRole('link', { name: /Akoma Ntoso/ })).toBeNull();
    within(rows[1]!).getByText('ليس بعد');
    const feeds = screen.getAllByRole('link').filter((a) => a.getAttribute('type') === 'application/atom+xml');
    expect(feeds.map((a) => a.getAttribute('href'))).toEqual(['/api/v1/feeds/documents.atom?lang=ar', '/api/v1/feeds/outcomes.atom?lang=ar', '/api/v1/feeds/meetings.atom?lang=ar']);
    expect(screen.getByRole('link', { name: catalogue.licence }).getAttribute('rel')).toBe('license');
  });
});
