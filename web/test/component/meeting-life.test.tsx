import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { RequireAccount } from '../../src/app/RequireAccount';
import MeetingFormPage from '../../src/features/meetings/MeetingFormPage';
import { ManagePanel } from '../../src/features/meetings/ManagePanel';
import { StatementsSection } from '../../src/features/meetings/StatementsSection';
import { MeetingLifeActions, MeetingLifeBanner } from '../../src/features/meetings/MeetingLife';
import { meetingQuery, type MeetingPage } from '../../src/features/meetings/queries';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';

const ID = '5b0f7c1e-2f4a-4c39-9d7e-0c7a52a1d001';

function meeting(over: Partial<MeetingPage> = {}): MeetingPage {
  return {
    id: ID,
    kind: 'annual-meeting',
    title: { en: 'Second annual meeting' },
    sessionNumber: 2,
    startsAt: '2027-07-12T14:00:00.000Z',
    endsAt: '2027-07-16T22:00:00.000Z',
    registrationDeadline: '2027-06-30T22:00:00.000Z',
    timeZone: 'America/New_York',
    local: { startsAt: '2027-07-12T10:00', endsAt: '2027-07-16T18:00', registrationDeadline: '2027-06-30T18:00' },
    venue: 'United Nations Headquarters',
    format: 'hybrid',
    status: 'registration-open',
    body: { kind: 'plenary' },
    stakeholdersMayAttend: true,
    registrationOpen: true,
    participantsPublished: false,
    statementsPublished: false,
    postponed: null,
    cancelled: null,
    version: 4,
    can: { manage: true, register: false, submitStatement: false, readParticipants: true, publish: true, moveTo: ['planned', 'in-session'], announce: false, editBody: false, editTimes: true, postpone: true, cancel: true },
    agenda: null,
    documents: [],
    delegation: null,
    ...over,
  };
}

const page = (m: MeetingPage) => [
  {
    path: 'meetings/:id',
    element: (
      <>
        <MeetingLifeBanner meeting={m} />
        <MeetingLifeActions meeting={m} />
      </>
    ),
  },
];

/** The meeting as the API holds it now (the page reads it again after each change), with the Secretariat's panel. */
function Held() {
  const held = useQuery(meetingQuery(ID));
  if (!held.data) return null;
  return (
    <>
      <MeetingLifeBanner meeting={held.data.meeting} />
      <ManagePanel meeting={held.data.meeting} />
    </>
  );
}
const heldPage = [{ path: 'meetings/:id', element: <Held /> }];

describe("a meeting's life, for the Secretariat", () => {
  it('cancels only with a reason, asked in a dialog, sent with the version shown', async () => {
    const { user, api } = renderPage(`/en/meetings/${ID}`, page(meeting()), (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })).on('POST', '/api/v1/meetings/:id/cancel', (request) =>
        request.headers.get('if-match') === '"4"' ? json(meeting({ status: 'cancelled', version: 5 })) : problem(412, 'precondition-failed', 'Changed.'),
      );
    });
    expect(screen.queryByRole('button', { name: 'Announce the meeting' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Cancel the meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this meeting?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the meeting' }));
    expect(await within(dialog).findByText('Give the reason.')).toBeTruthy();
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/cancel`)).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'The host withdrew its invitation.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the meeting' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/meetings/${ID}/cancel`)).toHaveLength(1));
    const [sent] = api.sentTo('POST', `/api/v1/meetings/${ID}/cancel`);
    expect(sent!.body).toEqual({ reason: 'The host withdrew its invitation.' });
    expect(sent!.headers.get('if-match')).toBe('"4"');
  });

  it('refuses to postpone to an earlier start, before anything is sent (#17 item 5)', async () => {
    const { user, api } = renderPage(`/en/meetings/${ID}`, page(meeting()), (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })).on('POST', '/api/v1/meetings/:id/postpone', () => json(meeting({ version: 5 })));
    });
    await user.click(await screen.findByRole('button', { name: 'Postpone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Postpone this meeting?' });
    const starts = within(dialog).getByLabelText(/Starts/);
    await user.clear(starts);
    await user.type(starts, '2027-07-01T10:00');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Sooner.');
    await user.click(within(dialog).getByRole('button', { name: 'Postpone' }));
    expect(await within(dialog).findByText('A postponed meeting starts later than it was to start.')).toBeTruthy();
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/postpone`)).toEqual([]);
  });

  it('postpones to new dates checked before they are sent', async () => {
    const { user, api } = renderPage(`/en/meetings/${ID}`, page(meeting()), (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })).on('POST', '/api/v1/meetings/:id/postpone', () => json(meeting({ version: 5 })));
    });
    await user.click(await screen.findByRole('button', { name: 'Postpone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Postpone this meeting?' });
    const starts = within(dialog).getByLabelText(/Starts/);
    const ends = within(dialog).getByLabelText(/Ends/);
    await user.clear(starts);
    await user.type(starts, '2027-09-20T10:00');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Rooms under repair.');
    await user.click(within(dialog).getByRole('button', { name: 'Postpone' }));
    // The end is still before the new start: nothing is sent.
    expect(await within(dialog).findByText(/after the start/i)).toBeTruthy();
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/postpone`)).toEqual([]);
    await user.clear(ends);
    await user.type(ends, '2027-09-24T18:00');
    await user.click(within(dialog).getByRole('button', { name: 'Postpone' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/meetings/${ID}/postpone`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/postpone`)[0]!.body).toEqual({
      startsAt: '2027-09-20T10:00',
      endsAt: '2027-09-24T18:00',
      registrationDeadline: '2027-06-30T18:00',
      reason: 'Rooms under repair.',
    });
    // The focus is on the message that says what was done, not on the button of the dialog that closed (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="meeting-life"]')));
    expect(document.activeElement?.textContent).toBe('The meeting is postponed; the registered delegations will be told.');
  });

  it('shows a draft as such, offers to announce it, and nothing when `can` says no', async () => {
    const draft = meeting({ status: 'draft', can: { ...meeting().can, announce: true, editBody: true, postpone: false, cancel: false } });
    const { user, api } = renderPage(`/en/meetings/${ID}`, page(draft), (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })).on('POST', '/api/v1/meetings/:id/announce', () => json({ ...draft, status: 'planned', version: 5 }));
    });
    expect(await screen.findByText('This meeting is a draft: only the Secretariat sees it until it is announced.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Postpone' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Announce the meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Announce this meeting?' });
    await user.click(within(dialog).getByRole('button', { name: 'Announce the meeting' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/meetings/${ID}/announce`)).toHaveLength(1));
  });

  it('tells everyone a meeting is cancelled or postponed, with the reason, and offers nobody else an action', async () => {
    const none = { ...meeting().can, manage: false, publish: false, moveTo: [], postpone: false, cancel: false };
    renderPage(`/en/meetings/${ID}`, page(meeting({ status: 'cancelled', cancelled: { at: '2027-05-02T15:00:00.000Z', reason: 'The host withdrew.' }, can: none })), (api) => {
      api.on('GET', '/api/v1/me', me(null));
    });
    const banner = await screen.findByTestId('meeting-cancelled');
    within(banner).getByText('This meeting is cancelled');
    within(banner).getByText('Reason: The host withdrew.');
    for (const name of ['Announce the meeting', 'Postpone', 'Cancel the meeting']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('schedules a new meeting as a draft or announced, as the Secretariat chooses', async () => {
    // Under the router's guard, as in the app: the page itself no longer sends anyone to sign in.
    const guarded = [{ element: <RequireAccount />, children: [{ path: 'meetings/new', element: <MeetingFormPage /> }] }];
    const { user, api, path } = renderPage('/en/meetings/new', guarded, (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/meetings', () => json({ items: [], can: { schedule: true } }))
        .on('GET', '/api/v1/groups', () => json({ items: [], can: { create: true } }))
        .on('POST', '/api/v1/meetings', (request) => json(meeting({ status: (request.body as { draft: boolean }).draft ? 'draft' : 'planned' }), { status: 201 }));
    });
    await user.type(await screen.findByLabelText(/^Title in English/, {}, { timeout: 15_000 }), 'Third annual meeting');
    await user.type(screen.getByLabelText(/Starts/), '2028-07-10T10:00');
    await user.type(screen.getByLabelText(/Ends/), '2028-07-14T18:00');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    await waitFor(() => expect(api.sentTo('POST', '/api/v1/meetings')).toHaveLength(1));
    expect(api.sentTo('POST', '/api/v1/meetings')[0]!.body).toMatchObject({ title: { en: 'Third annual meeting' }, kind: 'annual-meeting', draft: true });
    await waitFor(() => expect(path()).toBe(`/en/meetings/${ID}`));
  });
});

describe('after each change to a meeting, the focus is on what changed (#17 item 5)', () => {
  const registration = (status: 'submitted' | 'confirmed') => ({
    id: '6c1f8d2e-3a5b-4c6d-8e9f-0a1b2c3d4e5f',
    meetingId: ID,
    delegation: { kind: 'state', state: 'CHL' },
    delegationName: 'Chile',
    status,
    participants: [{ id: 'p1', name: 'Ana Pérez', title: 'Ambassador', role: 'head', email: null, phone: null, isMe: false }],
    contactEmail: 'mission@chile.test',
    submittedAt: '2027-06-01T14:00:00.000Z',
    confirmedAt: status === 'confirmed' ? '2027-06-02T14:00:00.000Z' : null,
    registrationOpen: true,
    version: status === 'confirmed' ? 2 : 1,
    can: { change: false, confirm: status === 'submitted', withdraw: false },
  });

  function server(start: MeetingPage, api: FakeApi) {
    const state = { meeting: start, registration: registration('submitted') };
    api
      .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
      .on('GET', '/api/v1/meetings/:id', () => json(state.meeting, { headers: { etag: `"${state.meeting.version}"` } }))
      .on('GET', '/api/v1/meetings/:id/registrations', () => json({ items: [state.registration] }));
    return state;
  }

  it('a cancellation: the message that says so, though the meeting has no more moves to offer', async () => {
    let state!: ReturnType<typeof server>;
    const { user } = renderPage(`/en/meetings/${ID}`, heldPage, (api) => {
      state = server(meeting(), api);
      api.on('POST', '/api/v1/meetings/:id/cancel', (request) => {
        const none = { ...meeting().can, moveTo: [], postpone: false, cancel: false, editTimes: false };
        state.meeting = meeting({ status: 'cancelled', cancelled: { at: '2027-05-02T15:00:00.000Z', reason: request.body.reason }, can: none, version: 5 });
        return json(state.meeting);
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel the meeting' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this meeting?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'The host withdrew its invitation.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the meeting' }));
    await screen.findByTestId('meeting-cancelled');
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="meeting-life"]')));
    expect(document.activeElement?.textContent).toBe('The meeting is cancelled; the registered delegations will be told.');
    expect(screen.queryByRole('button', { name: 'Cancel the meeting' })).toBeNull();
  });

  it('a draft announced: the message that says so', async () => {
    const draft = meeting({ status: 'draft', can: { ...meeting().can, moveTo: [], announce: true, postpone: false, cancel: false } });
    let state!: ReturnType<typeof server>;
    const { user } = renderPage(`/en/meetings/${ID}`, heldPage, (api) => {
      state = server(draft, api);
      api.on('POST', '/api/v1/meetings/:id/announce', () => {
        state.meeting = meeting({ status: 'planned', version: 5 });
        return json(state.meeting);
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Announce the meeting' }, { timeout: 15_000 }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Announce this meeting?' })).getByRole('button', { name: 'Announce the meeting' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="meeting-life"]')));
    expect(document.activeElement?.textContent).toBe('The meeting is announced.');
  });

  it('a new status: the status the panel now shows', async () => {
    let state!: ReturnType<typeof server>;
    const { user, api } = renderPage(`/en/meetings/${ID}`, heldPage, (fake) => {
      state = server(meeting(), fake);
      fake.on('POST', '/api/v1/meetings/:id/status', (request) => {
        state.meeting = meeting({ status: request.body.status, can: { ...meeting().can, moveTo: ['closed'] }, version: 5 });
        return json(state.meeting);
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Open the session' }, { timeout: 15_000 }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Please confirm' })).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-meeting-status="in-session"]')));
    expect(document.activeElement?.textContent).toBe('Status: In session');
    expect(api.sentTo('POST', `/api/v1/meetings/${ID}/status`)[0]!.body).toEqual({ status: 'in-session' });
  });

  it('the participants published: the sentence that now says they are public', async () => {
    let state!: ReturnType<typeof server>;
    const { user } = renderPage(`/en/meetings/${ID}`, heldPage, (api) => {
      state = server(meeting(), api);
      api.on('PUT', '/api/v1/meetings/:id/publication', () => {
        state.meeting = meeting({ participantsPublished: true, version: 5 });
        return json(state.meeting);
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Publish the list of participants' }, { timeout: 15_000 }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Please confirm' })).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-participants-published="true"]')));
    expect(document.activeElement?.textContent).toMatch(/^The list of participants is public\./);
  });

  it("a delegation's registration confirmed: its row, now confirmed", async () => {
    let state!: ReturnType<typeof server>;
    const { user } = renderPage(`/en/meetings/${ID}`, heldPage, (api) => {
      state = server(meeting(), api);
      api.on('POST', '/api/v1/meetings/:id/registrations/:registrationId/confirm', () => {
        state.registration = registration('confirmed');
        return json(state.registration);
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Confirm the registration of Chile' }, { timeout: 15_000 }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Confirm the registration' })).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-registration-id][data-status="confirmed"]')));
    expect(screen.queryByRole('button', { name: 'Confirm the registration of Chile' })).toBeNull();
  });
});

describe('the statements of a meeting on a page in Chinese', () => {
  it('names an agenda item without a Chinese title in English, isolated and marked, in the form and above its statements', async () => {
    const m = meeting({
      status: 'in-session',
      agenda: {
        version: 2,
        status: 'adopted',
        items: [
          { key: 'opening', number: '1', title: { en: 'Opening', zh: '会议开幕' }, elements: [], items: [] },
          { key: 'poc', number: '2', title: { en: 'Points of contact' }, elements: [], items: [] },
        ],
      } as never,
      delegation: { kind: 'state', state: 'CHL' } as never,
      can: { ...meeting().can, submitStatement: true },
    });
    const statement = { id: 's1', meetingId: ID, agendaItem: { key: 'poc', number: '2' }, delegation: { kind: 'state', state: 'CHL' }, delegationName: '智利', language: 'zh', title: null, text: '智利支持该目录。', file: null, submittedAt: '2027-07-13T15:00:00.000Z' };
    renderPage(`/zh/meetings/${ID}`, [{ path: 'meetings/:id', element: <StatementsSection meeting={m} /> }], (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' })).on('GET', '/api/v1/meetings/:id/statements', { published: true, states: [statement], stakeholders: [] });
    });
    const select = await screen.findByLabelText(/^议程项目/, {}, { timeout: 15_000 });
    const own = select.querySelector<HTMLOptionElement>('option[value="opening"]')!;
    expect(own.textContent).toBe('\u20661\u2069 会议开幕');
    expect(own.hasAttribute('data-fallback')).toBe(false);
    const english = select.querySelector<HTMLOptionElement>('option[value="poc"]')!;
    expect(english.getAttribute('lang')).toBe('en');
    expect(english.hasAttribute('data-fallback')).toBe(true);
    expect(english.textContent).toBe('\u20662\u2069 \u2066Points of contact\u2069（英文）');
    // Above its statements, the item's English title in its own element, with the mark beside it.
    const heading = within(await screen.findByTestId('statements-states')).getByRole('heading', { level: 4 });
    expect(heading.querySelector('bdi[lang="en"][dir="ltr"]')?.textContent).toBe('Points of contact');
    expect(heading.querySelector('[data-fallback]')).not.toBeNull();
  });
});
