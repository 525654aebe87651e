import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import EditReportPage from '../../src/features/reporting/EditReportPage';
import CyclesPage from '../../src/features/reporting/CyclesPage';
import DraftPage from '../../src/features/drafts/DraftPage';
import ElementPage from '../../src/features/framework/ElementPage';
import GroupPage from '../../src/features/groups/GroupPage';
import { CalendarFeeds } from '../../src/features/meetings/CalendarFeeds';
import type { Draft } from '../../src/features/drafts/queries';
import type { Report } from '../../src/features/reporting/queries';
import { me, renderPage } from './app';
import { draft } from './decisions-records';
import { json } from './fake-api';
import { element, frameworkElements, group, GROUP_ID } from './records';
import { cycle, report } from './reporting-records';

/**
 * #17 item 5: after a section change and each submitted form, the focus is on the new content (the
 * section's heading, the receipt, the new record), not left on a button that may have gone or on the
 * button of a dialog that closed. Each test fails when the page does not move the focus.
 */

const state = (iso3: string, name: string) => ({ iso3, m49: '152', regionalGroup: 'GRULAC', names: { ar: name, zh: name, en: name, fr: name, ru: name, es: name } });

/** Chile's report in the editor: drafted, the focal point's to submit. */
const editable: Report = { ...report, state: 'CHL', draft: [], history: [], visibility: 'public', can: { edit: true, submit: true } };

function editor() {
  return renderPage(`/en/reporting/reports/${report.id}/edit`, [{ path: 'reporting/reports/:id/edit', element: <EditReportPage /> }], (a) =>
    a
      .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }))
      .on('GET', `/api/v1/reporting/reports/${report.id}`, () => json(editable))
      .on('GET', `/api/v1/reporting/cycles/${cycle.id}`, cycle)
      .on('GET', '/api/v1/states/CHL', state('CHL', 'Chile'))
      .on('POST', `/api/v1/reporting/reports/${report.id}/submissions`, () =>
        json({ number: 2, submittedAt: '2026-12-07T10:00:00.000Z', contentHash: 'a'.repeat(64) }, { status: 201 }),
      ),
  );
}

describe('the focus follows the new content', () => {
  it('the report editor: the next section starts at its heading', async () => {
    const { user } = editor();
    const first = cycle.questionnaire.sections[0]!.key;
    const second = cycle.questionnaire.sections[1]!.key;
    await waitFor(() => expect(document.querySelector(`[data-section="${first}"]`)).not.toBeNull(), { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Next section' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-section="${second}"] #section-heading`)));
    // And back, from the step list.
    await user.click(within(screen.getByRole('navigation')).getAllByRole('button')[0]!);
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-section="${first}"] #section-heading`)));
  });

  it('the report editor: after the report is submitted, its receipt, not the button of the dialog that closed', async () => {
    const { user, api } = editor();
    await user.click(await screen.findByRole('button', { name: 'Submit a corrected version…' }, { timeout: 15_000 }));
    await user.click(await screen.findByRole('button', { name: 'Submit the report' }));
    const receipt = await screen.findByTestId('receipt');
    expect(api.sentTo('POST', `/api/v1/reporting/reports/${report.id}/submissions`)).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(receipt));
    // It stays there once the dialog has closed and given the focus back (Mantine does so a moment later).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(document.activeElement).toBe(receipt);
  });

  it('an amendment proposed: the new amendment among the proposals', async () => {
    const id = '5d0c1a52-8c1e-4f0a-9a57-3b1f3f1b7c01';
    const mine = { ...draft, actingFor: 'CHL', can: { ...draft.can, proposeAmendment: true } } as Draft;
    const paragraph = mine.latest.paragraphs[0]!;
    let proposed = false;
    const withMine = (): Draft => ({
      ...mine,
      latest: {
        ...mine.latest,
        paragraphs: mine.latest.paragraphs.map((p, i) =>
          i === 0 && proposed
            ? { ...p, amendments: [...p.amendments, { ...mine.latest.paragraphs[2]!.amendments[0]!, id, proposerState: 'CHL', sponsors: ['CHL'], paragraphKey: p.key, reason: 'Clearer wording.' }] }
            : p,
        ),
      },
    });
    const { user } = renderPage(`/en/drafts/${draft.id}`, [{ path: 'drafts/:id', element: <DraftPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' }))
        .on('GET', `/api/v1/drafts/${draft.id}`, () => json(withMine(), { headers: { etag: '"0"' } }))
        .on('GET', '/api/v1/framework/elements', frameworkElements([]))
        .on('POST', `/api/v1/drafts/${draft.id}/amendments`, () => {
          proposed = true;
          return json({ id }, { status: 201 });
        }),
    );
    const replacement = await screen.findByRole('textbox', { name: /^Proposed text of the paragraph/ }, { timeout: 15_000 });
    await user.clear(replacement);
    await user.type(replacement, `${paragraph.text} (amended)`);
    await user.type(screen.getByRole('textbox', { name: /^Reason/ }), 'Clearer wording.');
    await user.click(screen.getByRole('button', { name: /^Propose/ }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-amendment="${id}"]`)));
  });

  it('a reporting cycle opened: the new cycle in the list, at its title', async () => {
    const { questionnaire: _, ...item } = cycle;
    const opened = { ...item, id: '7e3a0c55-2f7b-4d8e-9d0e-1f2a3b4c5d6e', title: 'Reporting cycle 2026', status: 'open' as const };
    let items = [item];
    const { user } = renderPage('/en/reporting', [{ path: 'reporting', element: <CyclesPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/reporting/cycles', () => json({ items, can: { startReport: false, openCycle: true }, hasPreviousReport: false }))
        .on('POST', '/api/v1/reporting/cycles', () => {
          items = [opened, item];
          return json({ id: opened.id }, { status: 201 });
        }),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Title of the cycle/ }, { timeout: 15_000 }), 'Reporting cycle 2026');
    const date = document.querySelector<HTMLInputElement>('input[type="date"]:not([value^="2"])');
    expect(date).not.toBeNull();
    await user.type(date!, '2027-06-30');
    await user.click(screen.getByRole('button', { name: /^Open the cycle/ }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-cycle="${opened.id}"] h2`)));
  });

  it('a framework text recorded: the new version in the history, not the rebuilt form', async () => {
    const first = { ...element('GGE-2015-NORM-13A', 'norm', 'norms', 'Cooperation to increase stability', 'States should cooperate.'), version: 1 };
    let versions = [first];
    const detail = () => ({ code: first.code, kind: first.kind, can: { recordText: true }, latest: versions[versions.length - 1]!, versions, relations: [] });
    const { user, api } = renderPage(`/en/framework/${first.code}`, [{ path: 'framework/:code', element: <ElementPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/framework/elements/:code', () => json(detail(), { headers: { etag: `"${versions.length}"` } }))
        .on('GET', '/api/v1/framework/elements/:code/initiatives', (_, { code }) => json({ code, items: [] }))
        .on('POST', '/api/v1/framework/elements/:code/versions', (request) => {
          versions = [...versions, { ...first, version: 2, change: 'text-recorded', display: { ...first.display, status: 'verbatim', text: request.body.text } }];
          return json({ change: 'text-recorded', version: 2 }, { status: 201, headers: { etag: '"2"' } });
        }),
    );
    const text = await screen.findByRole('textbox', { name: /^Text/ }, { timeout: 15_000 });
    await user.clear(text);
    await user.type(text, 'States should cooperate in developing and applying measures.');
    await user.click(screen.getByRole('button', { name: 'Record the text' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/framework/elements/${first.code}/versions`)).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[aria-labelledby="element-history"] [data-version="2"] th')));
    expect(document.activeElement?.textContent).toBe('Version 2');
    expect(api.unanswered).toEqual([]);
  });

  it('a State joins a working group, then leaves it: each time the message that says so, not the button that gave way', async () => {
    const chile = state('CHL', 'Chile');
    let member = false;
    const page = () => group({ members: { states: member ? [{ iso3: 'CHL', names: chile.names, joinedAt: '2027-02-01T10:00:00.000Z' }] : [], observers: [] } as never, can: { join: !member, leave: member, manage: false, observe: false, stopObserving: false } });
    const { user, api } = renderPage(`/en/groups/${GROUP_ID}`, [{ path: 'groups/:id', element: <GroupPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }))
        .on('GET', '/api/v1/groups/:id', () => json(page(), { headers: { etag: '"1"' } }))
        .on('GET', '/api/v1/states/:iso3', chile)
        .on('GET', '/api/v1/groups/:id/stakeholder-inputs', { items: [] })
        .on('GET', '/api/v1/me/follows/:kind/:id', (_r, p) => json({ kind: p.kind, id: p.id, following: false, can: { follow: true } }))
        .on('POST', '/api/v1/groups/:id/members', () => {
          member = true;
          return json(page(), { status: 201 });
        })
        .on('DELETE', '/api/v1/groups/:id/members/:iso3', () => {
          member = false;
          return json(page());
        }),
    );
    await user.click(await screen.findByRole('button', { name: 'Join the group' }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="participation"]')));
    expect(document.activeElement?.textContent).toBe('Your State is now a member of the group.');
    await user.click(screen.getByRole('button', { name: 'Leave the group' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Leave the working group?' })).getByRole('button', { name: 'Leave the group' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Your State has left the group.'));
    expect(document.activeElement).toBe(document.querySelector('[data-done="participation"]'));
    // It stays there once the dialog has given the focus back (it would go to the page's heading otherwise).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(document.activeElement).toBe(document.querySelector('[data-done="participation"]'));
    expect(api.sentTo('DELETE', `/api/v1/groups/${GROUP_ID}/members/CHL`)).toHaveLength(1);
    expect(api.unanswered).toEqual([]);
  });

  it('a private calendar link made, then revoked: the link shown once, then the message that says it is revoked', async () => {
    let active = false;
    const url = 'https://poa.test/api/v1/calendar/private/' + 'c'.repeat(43) + '.ics';
    const { user } = renderPage('/en/meetings', [{ path: 'meetings', element: <CalendarFeeds publicUrl="https://poa.test/api/v1/calendar/meetings.ics" /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' }))
        .on('GET', '/api/v1/calendar/private-feed', () => json({ active, createdAt: active ? '2027-01-11T10:00:00.000Z' : null }))
        .on('POST', '/api/v1/calendar/private-feed', () => {
          active = true;
          return json({ url, createdAt: '2027-01-11T10:00:00.000Z' }, { status: 201 });
        })
        .on('DELETE', '/api/v1/calendar/private-feed', () => {
          active = false;
          return json(undefined, { status: 204 });
        }),
    );
    await user.click(await screen.findByRole('button', { name: 'Create my private calendar link' }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-testid="private-feed-created"]')));
    expect(within(document.activeElement as HTMLElement).getByTestId('feed-url').textContent).toBe(url);
    await user.click(screen.getByRole('button', { name: 'Revoke the link' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke the link' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="private-feed-revoked"]')));
    expect(document.activeElement?.textContent).toBe('Your private calendar link has been revoked.');
    await screen.findByRole('button', { name: 'Create my private calendar link' });
  });
});
