import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import MyPage from '../../src/features/my/MyPage';
import { me, renderPage } from './app';

const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
const later = new Date(Date.now() + 30 * 86_400_000).toISOString();

const agenda = {
  kinds: ['silence-procedure', 'report', 'registration', 'amendment', 'draft-changed', 'meeting'],
  items: [
    {
      key: 'silence-procedure:p1',
      kind: 'silence-procedure',
      title: { en: 'Recommendation on points of contact' },
      deadline: { at: soon, zone: 'America/New_York' },
      link: '/silence-procedures#silence-p1',
      action: 'break-silence',
      detail: { revisionLabel: 'Rev.1' },
    },
    {
      key: 'report:c1',
      kind: 'report',
      title: { en: 'First reporting cycle', fr: 'Premier cycle de rapports' },
      deadline: { at: later, zone: 'Europe/Zurich' },
      link: '/reporting/reports/r1/edit',
      action: 'continue-report',
      detail: { status: 'draft', sectionsLeft: 14, sectionsTotal: 18, state: 'KEN' },
    },
    { key: 'draft-changed:d1', kind: 'draft-changed', title: { en: 'Decision on the programme of work' }, deadline: null, link: '/drafts/d1', action: 'review-changes', detail: { changedAt: '2026-12-01T10:00:00.000Z' } },
  ],
};

describe('My PoA', () => {
  it('lists what needs the person in the order the API gives, each with its deadline and its action as a link', async () => {
    renderPage('/en/my', [{ path: 'my', element: <MyPage /> }], (a) => a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' })).on('GET', '/api/v1/me/agenda', agenda));
    const list = await screen.findByRole('list', { name: 'What needs you' }, { timeout: 15_000 });
    const items = within(list).getAllByRole('article');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual(['Recommendation on points of contact', 'First reporting cycle', 'Decision on the programme of work']);
    const silence = items[0]!;
    expect(within(silence).getByText('Silence procedure')).toBeTruthy();
    expect(within(silence).getByText('Deadline:')).toBeTruthy();
    // The deadline as set, in the zone it was set in, beside the reader's own.
    expect(silence.textContent).toContain('America/New_York');
    expect(within(silence).getByRole('link', { name: 'Read the text and decide whether to break silence' }).getAttribute('href')).toBe('/en/silence-procedures#silence-p1');
    const report = items[1]!;
    expect(report.textContent).toContain('Sections without an answer: 14 of 18');
    expect(within(report).getByRole('link', { name: 'Continue the report' }).getAttribute('href')).toBe('/en/reporting/reports/r1/edit');
    const changed = items[2]!;
    expect(within(changed).queryByText('Deadline:')).toBeNull();
    expect(within(changed).getByRole('link', { name: 'See what changed' }).getAttribute('href')).toBe('/en/drafts/d1');
  });

  it('shows a title in the page language when it has one, and marks English shown in its stead', async () => {
    renderPage('/fr/my', [{ path: 'my', element: <MyPage /> }], (a) => a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' })).on('GET', '/api/v1/me/agenda', agenda));
    const heading = await screen.findByRole('heading', { name: 'Premier cycle de rapports' }, { timeout: 15_000 });
    // In the page's language: no language of its own to mark, and no fallback mark.
    expect(heading.querySelector('[lang]')).toBeNull();
    expect(heading.querySelector('[data-fallback="true"]')).toBeNull();
    const english = screen.getByRole('heading', { name: /Recommendation on points of contact/ });
    expect(english.querySelector('[lang="en"]')).toBeTruthy();
    expect(english.querySelector('[data-fallback="true"]')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Poursuivre le rapport' })).toBeTruthy();
  });

  it('says when nothing needs the person', async () => {
    renderPage('/en/my', [{ path: 'my', element: <MyPage /> }], (a) => a.on('GET', '/api/v1/me', me({ roles: ['chair'] })).on('GET', '/api/v1/me/agenda', { items: [], kinds: ['silence-procedure'] }));
    expect(await screen.findByText('Nothing needs you at the moment.', undefined, { timeout: 15_000 })).toBeTruthy();
  });

  it('asks the public to sign in, without asking the API for a list', async () => {
    const { api } = renderPage('/en/my', [{ path: 'my', element: <MyPage /> }], (a) => a.on('GET', '/api/v1/me', me(null)));
    const link = await screen.findByRole('link', { name: 'Sign in to see what needs you.' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/en/sign-in?next=%2Fen%2Fmy');
    expect(api.sentTo('GET', '/api/v1/me/agenda')).toHaveLength(0);
  });
});
