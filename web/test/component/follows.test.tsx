import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import NotificationsPage from '../../src/features/follows/NotificationsPage';
import { FollowButton } from '../../src/features/follows';
import { me, renderPage } from './app';
import { json } from './fake-api';

const DRAFT_ID = '6f1c1f4e-8a51-4a43-9d7e-3f0c2b9a7d10';
const notice = (id: string, read: boolean, extra: object = {}) => ({
  id,
  kind: 'draft',
  targetId: DRAFT_ID,
  what: 'revision-issued',
  title: { en: 'Recommendation on incident notification' },
  path: `drafts/${DRAFT_ID}`,
  label: 'Rev.1',
  deadlineAt: null,
  at: '2026-12-07T10:00:00.000Z',
  read,
  ...extra,
});

describe('the notifications page', () => {
  it('lists the notices, unread first marked, and marks one read', async () => {
    let unread = 2;
    const items = () => [
      notice('n2', unread === 0, { what: 'silence-opened', deadlineAt: '2027-03-15T16:00:00.000Z', at: '2026-12-07T11:00:00.000Z' }),
      notice('n1', unread < 2),
    ];
    const { user, api } = renderPage('/fr/notifications', [{ path: 'notifications', element: <NotificationsPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'FRA' }))
        .on('GET', '/api/v1/me/notifications', () => json({ items: items(), unread }))
        .on('GET', '/api/v1/me/follows', { items: [{ kind: 'draft', id: DRAFT_ID, title: { en: 'Recommendation on incident notification' }, path: `drafts/${DRAFT_ID}`, since: '2026-12-01T10:00:00.000Z' }] })
        .on('GET', '/api/v1/me/notification-preference', { delivery: 'digest', timeZone: 'Europe/Paris' })
        .on('POST', '/api/v1/me/notifications/read', (request) => {
          unread -= request.body.ids ? request.body.ids.length : unread;
          return json({ unread });
        });
    });
    expect((await screen.findByTestId('unread-summary')).textContent).toContain('2 notifications non lues');
    const list = screen.getAllByTestId('notice');
    expect(list).toHaveLength(2);
    expect(list[0]!.textContent).toContain('la version Rev.1 a été soumise à une procédure d’approbation tacite');
    // The deadline in the person's own zone, named.
    expect(list[0]!.textContent).toMatch(/Échéance : 15 mars 2027 à 17:00 \(.*Europe\/Paris\)/);
    expect(list[1]!.textContent).toContain('la version Rev.1 a été publiée');
    // English titles on a French page are marked as such.
    expect(within(list[1]!).getByText('Recommendation on incident notification').closest('[lang]')!.getAttribute('lang')).toBe('en');
    await user.click(within(list[1]!).getByRole('button', { name: 'Marquer comme lu' }));
    await waitFor(() => expect(screen.getByTestId('unread-summary').textContent).toContain('1 notification non lue'));
    expect(api.sentTo('POST', '/api/v1/me/notifications/read')[0]!.body).toEqual({ ids: ['n1'] });
    await user.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(screen.getByTestId('unread-summary').textContent).toContain('Aucune notification non lue.'));
    expect(api.sentTo('POST', '/api/v1/me/notifications/read')[1]!.body).toEqual({});
    expect(api.unanswered).toEqual([]);
  });

  it("names the State that submitted a report in the page's language, and says when a cycle closed", async () => {
    const CYCLE = '7a0c1f4e-8a51-4a43-9d7e-3f0c2b9a7d11';
    const onCycle = { kind: 'reporting-cycle', targetId: CYCLE, title: { en: 'Reporting cycle 2027' } };
    renderPage('/fr/notifications', [{ path: 'notifications', element: <NotificationsPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'FRA' }))
        .on('GET', '/api/v1/me/notifications', {
          items: [
            notice('c2', false, { ...onCycle, what: 'cycle-closed', label: null, path: `reporting/cycles/${CYCLE}/analysis`, deadlineAt: '2027-03-15T16:00:00.000Z', at: '2027-03-15T16:00:00.000Z' }),
            notice('c1', false, { ...onCycle, what: 'report-submitted', label: 'CHL', path: 'reporting/reports/r1' }),
          ],
          unread: 2,
        })
        .on('GET', '/api/v1/me/follows', { items: [] })
        .on('GET', '/api/v1/me/notification-preference', { delivery: 'digest', timeZone: 'Europe/Paris' })
        .on('GET', '/api/v1/states/CHL', { iso3: 'CHL', m49: '152', names: { ar: 'شيلي', en: 'Chile', es: 'Chile', fr: 'Chili', ru: 'Чили', zh: '智利' }, regionalGroup: 'GRULAC', status: 'member', version: 1 });
    });
    const list = await screen.findAllByTestId('notice');
    expect(list[0]!.textContent).toContain('le cycle est clos');
    await waitFor(() => expect(list[1]!.textContent).toContain('Chili a soumis son rapport'));
    expect(within(list[1]!).getByRole('link').getAttribute('href')).toBe('/fr/reporting/reports/r1');
  });

  it("saves how one is told: at once, in one's zone", async () => {
    const { user, api } = renderPage('/en/notifications', [{ path: 'notifications', element: <NotificationsPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' }))
        .on('GET', '/api/v1/me/notifications', { items: [], unread: 0 })
        .on('GET', '/api/v1/me/follows', { items: [] })
        .on('GET', '/api/v1/me/notification-preference', { delivery: 'digest', timeZone: 'UTC' })
        .on('PUT', '/api/v1/me/notification-preference', (request) => json(request.body));
    });
    await screen.findByText('You follow nothing yet.');
    await user.click(await screen.findByLabelText('An email for each notice, as it happens'));
    await user.selectOptions(screen.getByLabelText(/Your time zone/), 'America/New_York');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Said on the page, where the focus goes (#17 item 5), as well as in a passing notice.
    const saved = await waitFor(() => within(document.querySelector<HTMLElement>('[data-done="preference"]')!).getByText('Your choice is saved.'));
    await waitFor(() => expect(document.activeElement).toBe(saved.closest('[data-done]')));
    expect(api.sentTo('PUT', '/api/v1/me/notification-preference')[0]!.body).toEqual({ delivery: 'immediate', timeZone: 'America/New_York' });
  });
});

describe('the follow button', () => {
  it('follows and unfollows, as the API says one may', async () => {
    let following = false;
    const { user, api } = renderPage('/en/x', [{ path: 'x', element: <FollowButton kind="draft" id={DRAFT_ID} /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' }))
        .on('GET', '/api/v1/me/follows/:kind/:id', (_r, p) => json({ kind: p.kind, id: p.id, following, can: { follow: true } }))
        .on('PUT', '/api/v1/me/follows/:kind/:id', () => ((following = true), json(undefined, { status: 204 })))
        .on('DELETE', '/api/v1/me/follows/:kind/:id', () => ((following = false), json(undefined, { status: 204 })));
    });
    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    await user.click(await screen.findByRole('button', { name: 'Unfollow' }));
    await screen.findByRole('button', { name: 'Follow' });
    expect(api.sentTo('PUT', `/api/v1/me/follows/draft/${DRAFT_ID}`)).toHaveLength(1);
    expect(api.sentTo('DELETE', `/api/v1/me/follows/draft/${DRAFT_ID}`)).toHaveLength(1);
  });

  it('is not offered to the public, nor to whom the API says may not follow', async () => {
    const publicPage = renderPage('/en/x', [{ path: 'x', element: <><FollowButton kind="meeting" id={DRAFT_ID} /><p>page</p></> }], (api) => {
      api.on('GET', '/api/v1/me', me(null));
    });
    await screen.findByText('page');
    expect(screen.queryByRole('button', { name: 'Follow' })).toBeNull();
    expect(publicPage.api.sentTo('GET', `/api/v1/me/follows/meeting/${DRAFT_ID}`)).toEqual([]);
    publicPage.unmount();
    const { api } = renderPage('/en/x', [{ path: 'x', element: <><FollowButton kind="meeting" id={DRAFT_ID} /><p>page</p></> }], (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' })).on('GET', '/api/v1/me/follows/:kind/:id', (_r, p) => json({ kind: p.kind, id: p.id, following: false, can: { follow: false } }));
    });
    await waitFor(() => expect(api.sentTo('GET', `/api/v1/me/follows/meeting/${DRAFT_ID}`)).toHaveLength(1));
    await screen.findByText('page');
    expect(screen.queryByRole('button', { name: 'Follow' })).toBeNull();
  });
});
