import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import AgendaPage from '../../src/features/meetings/AgendaPage';
import type { AgendaData, MeetingPage } from '../../src/features/meetings/queries';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';
import { element, frameworkElements } from './records';

const ID = '5b0f7c1e-2f4a-4c39-9d7e-0c7a52a1d001';

// Only what the agenda page reads of the meeting.
const meeting = { id: ID, title: { en: 'Second annual meeting' }, timeZone: 'America/New_York', documents: [] } as unknown as MeetingPage;

type Version = NonNullable<AgendaData['current']>;
const version = (n: number, items: Version['items'], status: 'draft' | 'adopted' = 'draft'): Version => ({
  version: n,
  label: n === 1 ? 'Provisional agenda' : `Revision ${n - 1}`,
  status,
  createdAt: '2027-06-01T14:00:00.000Z',
  adoptedAt: status === 'adopted' ? '2027-07-12T15:00:00.000Z' : null,
  documentId: null,
  note: null,
  items,
});
const first: Version['items'] = [
  { key: 'opening', number: '1', title: { en: 'Opening of the meeting', fr: 'Ouverture de la réunion' }, elements: [], items: [] },
  {
    key: 'poc',
    number: '2',
    title: { en: 'Points of contact' },
    elements: ['global-cbm-1'],
    items: [{ key: 'poc-directory', number: '2 (a)', title: { en: 'The global directory' }, elements: [] }],
  },
];

/** The API's side of the agenda: versions newest first, each save a new version (If-Match on the latest), adoption of the latest. */
function agendaServer(api: FakeApi, can = { revise: true, adopt: true }) {
  const held = { versions: [version(1, first)] };
  const data = (): AgendaData => ({
    can: held.versions[0]!.status === 'adopted' ? { revise: false, adopt: false } : can,
    current: held.versions[0]!,
    versions: held.versions.map(({ items: _, documentId: __, note: ___, ...v }) => v),
  });
  const etag = () => `"${held.versions[0]!.version}"`;
  api
    .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
    .on('GET', '/api/v1/meetings/:id', () => json(meeting, { headers: { etag: '"4"' } }))
    .on('GET', '/api/v1/meetings/:id/agenda', () => json(data(), { headers: { etag: etag() } }))
    .on('GET', '/api/v1/framework/elements', frameworkElements([element('global-cbm-1', 'cbm', 'cbms', 'Global points of contact directory', 'States nominate points of contact.')]))
    .on('POST', '/api/v1/meetings/:id/agenda', (request) => {
      if (request.headers.get('if-match') !== etag()) return problem(412, 'precondition-failed', 'The agenda has changed.');
      const n = held.versions[0]!.version + 1;
      const items = (request.body.items as { key?: string; title: { en: string }; elements: string[]; items: { key?: string; title: { en: string }; elements: string[] }[] }[]).map((i, p) => ({
        key: i.key ?? `new-${p}`,
        number: String(p + 1),
        title: i.title,
        elements: i.elements,
        items: i.items.map((s, q) => ({ key: s.key ?? `new-${p}-${q}`, number: `${p + 1} (${String.fromCharCode(97 + q)})`, title: s.title, elements: s.elements })),
      }));
      held.versions = [version(n, items), ...held.versions];
      return json(held.versions[0], { status: 201, headers: { etag: etag() } });
    })
    .on('POST', '/api/v1/meetings/:id/agenda/adopt', (request) => {
      if (request.headers.get('if-match') !== etag()) return problem(412, 'precondition-failed', 'The agenda has changed.');
      held.versions = [{ ...held.versions[0]!, status: 'adopted', adoptedAt: '2027-07-12T15:00:00.000Z' }, ...held.versions.slice(1)];
      return json(held.versions[0]);
    });
  return held;
}

const open = (can?: { revise: boolean; adopt: boolean }) => {
  let held!: ReturnType<typeof agendaServer>;
  const page = renderPage(`/en/meetings/${ID}/agenda`, [{ path: 'meetings/:id/agenda', element: <AgendaPage /> }], (api) => {
    held = agendaServer(api, can);
  });
  return { ...page, held };
};

/** The English titles of the agenda's items as the editor holds them, in order (sub-items indented). */
const editorTitles = () =>
  [...document.querySelectorAll<HTMLElement>('[data-agenda-item]')].flatMap((item) => {
    const own = within(item).getAllByLabelText(/^Title in English/) as HTMLInputElement[];
    return [own[0]!.value, ...own.slice(1).map((s) => `  ${s.value}`)];
  });

describe("a meeting's agenda, for the Secretariat", () => {
  it('shows the versions and, in the editor, the current items with their sub-items', async () => {
    const { api } = open();
    const versions = await screen.findByTestId('agenda-versions', {}, { timeout: 15_000 });
    expect(within(versions).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([expect.stringMatching(/^1Provisional agenda/)]);
    await waitFor(() => expect(editorTitles()).toEqual(['Opening of the meeting', 'Points of contact', '  The global directory']));
    expect(screen.getByRole('heading', { level: 2, name: 'New revision (version 2)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Second annual meeting' }).getAttribute('href')).toBe(`/en/meetings/${ID}`);
    expect(api.unanswered).toEqual([]);
  });

  it('reorders items with the keyboard alone: the focus stays on the moved item, and where it went is said', async () => {
    const { user } = open();
    await waitFor(() => expect(editorTitles()).toHaveLength(3), { timeout: 15_000 });
    const firstItem = document.querySelector<HTMLElement>('[data-agenda-item="0"]')!;
    // The first item's "Move down" (a native button, in the tab order like every control of the editor), then Enter.
    const down = within(firstItem).getAllByRole('button', { name: 'Move down' }).at(-1)!;
    down.focus();
    expect(document.activeElement).toBe(down);
    await user.keyboard('{Enter}');
    expect(editorTitles()).toEqual(['Points of contact', '  The global directory', 'Opening of the meeting']);
    // At the bottom "Move down" is disabled: the focus is on the same item's "Move up".
    const moved = document.querySelector<HTMLElement>('[data-agenda-item="1"]')!;
    await waitFor(() => expect(document.activeElement).toBe(within(moved).getAllByRole('button', { name: 'Move up' }).at(-1)));
    expect(screen.getByRole('status').textContent).toBe('Moved. Item 2 is now “Opening of the meeting”.');
    // Space works as Enter does on a button: back up again, the focus now on its "Move down" (at the top "Move up" is disabled).
    await user.keyboard(' ');
    expect(editorTitles()).toEqual(['Opening of the meeting', 'Points of contact', '  The global directory']);
    expect(screen.getByRole('status').textContent).toBe('Moved. Item 1 is now “Opening of the meeting”.');
    const top = document.querySelector<HTMLElement>('[data-agenda-item="0"]')!;
    await waitFor(() => expect(document.activeElement).toBe(within(top).getByRole('button', { name: 'Move down' })));
    // Tab goes on to the item's next control, and Shift+Tab back: no trap, no control skipped.
    await user.tab();
    expect(document.activeElement).toBe(within(top).getByRole('button', { name: 'Remove this item' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(top).getByRole('button', { name: 'Move down' }));
  });

  it('saves the reordered agenda as a new version, with the items keeping their keys, and the focus on that version', async () => {
    const { user, api, held } = open();
    await waitFor(() => expect(editorTitles()).toHaveLength(3), { timeout: 15_000 });
    await user.click(within(document.querySelector<HTMLElement>('[data-agenda-item="0"]')!).getAllByRole('button', { name: 'Move down' }).at(-1)!);
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    const added = within(document.querySelector<HTMLElement>('[data-agenda-item="2"]')!).getAllByLabelText(/^Title in English/)[0]!;
    await user.click(added);
    await user.paste('Closing of the meeting');
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));

    await waitFor(() => expect(api.sentTo('POST', `/api/v1/meetings/${ID}/agenda`)).toHaveLength(1));
    const [sent] = api.sentTo('POST', `/api/v1/meetings/${ID}/agenda`);
    expect(sent!.headers.get('if-match')).toBe('"1"');
    expect(sent!.body.items.map((i: { key?: string; title: { en: string } }) => [i.key ?? null, i.title.en])).toEqual([
      ['poc', 'Points of contact'],
      ['opening', 'Opening of the meeting'],
      [null, 'Closing of the meeting'],
    ]);
    expect(sent!.body.items[0].items).toEqual([{ key: 'poc-directory', title: { en: 'The global directory' }, elements: [] }]);
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-testid="agenda-versions"] [data-version="2"]')));
    expect(held.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(screen.getByRole('heading', { level: 2, name: 'New revision (version 3)' })).toBeTruthy();
  });

  it('an empty title is named before anything is sent', async () => {
    const { user, api } = open();
    await waitFor(() => expect(editorTitles()).toHaveLength(3), { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    const added = within(document.querySelector<HTMLElement>('[data-agenda-item="2"]')!).getAllByLabelText(/^Title in English/)[0]!;
    expect(added.getAttribute('aria-invalid')).toBe('true');
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/agenda`)).toEqual([]);
  });

  it('records the adoption after asking, then shows the agenda frozen, the focus on the adopted version', async () => {
    const { user, api } = open();
    await user.click(await screen.findByRole('button', { name: 'Adopt the agenda' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Adopt the agenda' });
    within(dialog).getByText('Record the adoption of version 1 of the agenda? It can no longer be changed afterwards.');
    await user.click(within(dialog).getByRole('button', { name: 'Adopt the agenda' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/meetings/${ID}/agenda/adopt`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/agenda/adopt`)[0]!.headers.get('if-match')).toBe('"1"');
    await screen.findByText('The adopted agenda can no longer be changed.');
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-testid="agenda-versions"] [data-version="1"]')));
    expect(screen.queryByRole('button', { name: 'Save as a new version' })).toBeNull();
  });

  it('offers no editor where the API says the viewer may not revise', async () => {
    open({ revise: false, adopt: false });
    await screen.findByText('Only the Secretariat revises the agenda.', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Save as a new version' })).toBeNull();
    expect(screen.getByTestId('agenda-versions')).toBeTruthy();
  });
});
