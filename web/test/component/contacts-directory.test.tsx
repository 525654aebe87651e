import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import DirectoryPage from '../../src/features/contacts/DirectoryPage';
import { me, renderPage } from './app';
import { problem } from './fake-api';

const routes = [{ path: 'contacts', element: <DirectoryPage /> }];
const POC = {
  id: '7a1c0e6a-0000-4000-8000-000000000001',
  state: 'FRA',
  role: 'technical',
  name: 'Thomas Leroy',
  title: 'Duty officer',
  organisation: 'National CERT',
  email: 'poc.fra@poa.demo',
  phone: '+33 1 71 75 00 00',
  otherChannels: [{ kind: 'Signal', value: '+33 6 00 00 00 00' }],
  languages: ['fr', 'en'],
  timeZone: 'Europe/Paris',
  workingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' },
  inWorkingHoursNow: true,
  hasAccount: true,
  transmission: { version: 1, filename: 'NV-FRA.pdf', size: 1234, url: '/api/v1/contacts/pocs/7a1c0e6a-0000-4000-8000-000000000001/versions/1/transmission' },
  version: 1,
  nominatedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  can: { change: false },
};

describe('the directory of points of contact', () => {
  // The language's strings load first: on a busy machine that takes more than the default second.
  it('shows each POC with its channels, whether it is in working hours now, and the State’s check results', async () => {
    renderPage('/en/contacts', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['poc'], state: 'CHL' }));
      a.on('GET', '/api/v1/contacts/pocs', { items: [POC], can: { nominate: false, scheduleCheck: false } });
      a.on('GET', '/api/v1/states', { items: [{ iso3: 'FRA', m49: '250', status: 'member', regionalGroup: 'WEOG', names: { ar: 'فرنسا', zh: '法国', en: 'France', fr: 'France', ru: 'Франция', es: 'Francia' } }], total: 1 });
      a.on('GET', '/api/v1/contacts/checks', {
        items: [{ id: 'c1', scope: { kind: 'all' }, createdAt: '2026-01-02T00:00:00.000Z', expiresAt: '2026-01-09T00:00:00.000Z', completed: true, tally: { '1h': 1, '24h': 0, '72h': 0, never: 1, total: 2 } }],
        can: { schedule: false },
      });
    });
    expect(await screen.findByText('Thomas Leroy', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('Within working hours now')).toBeTruthy();
    expect(screen.getByText('Signal: +33 6 00 00 00 00')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Official transmission of the nomination of Thomas Leroy (PDF)' }).getAttribute('href')).toBe(POC.transmission.url);
    expect(await screen.findByText('France · technical')).toBeTruthy();
    expect(await screen.findByRole('columnheader', { name: 'Within 1 hour' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nominate a point of contact' })).toBeNull();
  });

  it('refused to a focal point whose State has no POC, it still offers to nominate one', async () => {
    renderPage('/fr/contacts', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' }));
      a.on('GET', '/api/v1/contacts/pocs', () => problem(403, 'forbidden', 'You may not do this.'));
    });
    expect(await screen.findByRole('link', { name: 'Nommer un point de contact' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByText('Thomas Leroy')).toBeNull();
  });
});
