import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import InvitePage from '../../src/features/accounts/InvitePage';
import { RequireAccount } from '../../src/app/RequireAccount';
import { ApiProblem, type Me } from '../../src/api/client';
import SignInPage from '../../src/features/accounts/SignInPage';
import { ProblemAlert } from '../../src/ui/ProblemAlert';
import { SilencePanel } from '../../src/features/drafts/SilencePanel';
import { me, renderPage } from './app';
import { draft } from './decisions-records';
import { element, frameworkElements } from './records';
import DraftPage from '../../src/features/drafts/DraftPage';
import { json, problem, type FakeApi } from './fake-api';
import MeetingPageView from '../../src/features/meetings/MeetingPage';
import RegistrationPage from '../../src/features/meetings/RegistrationPage';
import { ManagePanel } from '../../src/features/meetings/ManagePanel';
import CalendarPage from '../../src/features/meetings/CalendarPage';
import type { MeetingPage as MeetingPageData } from '../../src/features/meetings/queries';

const state = (iso3: string, en: string) => ({ iso3, m49: '000', names: { ar: en, en, es: en, fr: en, ru: en, zh: en }, regionalGroup: 'GRULAC', status: 'member' });
const states = { items: [state('CHL', 'Chile'), state('PER', 'Peru'), state('BOL', 'Bolivia')], total: 3 };

/** #17 item 5: forms offer only what the user may do. */
describe('the invite form', () => {
  const open = (can: Pick<Me['can'], 'inviteRoles' | 'inviteStates'>) =>
    renderPage('/en/invite', [{ path: 'invite', element: <RequireAccount><InvitePage /></RequireAccount> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }, { invite: true, ...can }))
        .on('GET', '/api/v1/states', states),
    );

  it('offers a focal point only the roles and the State the server says it may use', async () => {
    const { user } = open({ inviteRoles: ['delegate', 'poc'], inviteStates: { all: false, states: ['CHL'] } });
    await user.click(await screen.findByLabelText(/^Role/, { selector: 'input' }));
    const roles = within(await screen.findByRole('listbox', { name: /^Role/, hidden: true })).getAllByRole('option', { hidden: true }).map((o) => o.textContent);
    expect(roles).toEqual(['Delegate']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByLabelText(/^State/, { selector: 'input' }));
    const offered = await within(await screen.findByRole('listbox', { name: /^State/, hidden: true })).findAllByRole('option', { hidden: true });
    expect(offered.map((o) => o.textContent)).toEqual(['Chile']);
  });

  it('offers the Secretariat every role of the form and every State', async () => {
    const { user } = open({ inviteRoles: ['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc'], inviteStates: { all: true, states: [] } });
    await user.click(await screen.findByLabelText(/^Role/, { selector: 'input' }));
    expect(within(await screen.findByRole('listbox', { name: /^Role/, hidden: true })).getAllByRole('option', { hidden: true })).toHaveLength(5);
    await user.keyboard('{Escape}');
    await user.click(screen.getByLabelText(/^State/, { selector: 'input' }));
    const offered = await within(await screen.findByRole('listbox', { name: /^State/, hidden: true })).findAllByRole('option', { hidden: true });
    expect(offered.map((o) => o.textContent)).toEqual(['Bolivia', 'Chile', 'Peru']);
  });

  it('tells someone who may invite nobody so, with no form', async () => {
    open({ inviteRoles: [], inviteStates: { all: false, states: [] } });
    await screen.findByRole('heading', { name: /invite/i, level: 1 });
    expect(screen.queryByRole('button', { name: /send/i })).toBeNull();
    expect(screen.queryByLabelText(/^Role/, { selector: 'input' })).toBeNull();
  });
});

describe('opening a silence procedure', () => {
  it('asks for confirmation first, naming the deadline in its zone, and opens it only when confirmed', async () => {
    const chairs = { ...draft, can: { ...draft.can, openSilenceProcedure: true } };
    const { user, api } = renderPage(`/en/drafts/${draft.id}`, [{ path: 'drafts/:id', element: <SilencePanel draft={chairs} /> }], (a) =>
      a.on('GET', '/api/v1/me', me({ roles: ['chair'] })).on('POST', `/api/v1/drafts/${draft.id}/silence-procedures`, () => json({}, { status: 201 })),
    );
    await user.type(await screen.findByLabelText(/^Deadline date/), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Open the silence procedure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a silence procedure on Zero draft?' });
    expect(dialog.textContent).toContain('America/New_York');
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(0);
    // Cancel sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Open the silence procedure' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Open the silence procedure' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)[0]!.body).toEqual({ deadlineLocal: '2027-03-01T12:00', zone: 'America/New_York' });
  });
});

const MEETING = '5b0f7c1e-2f4a-4c39-9d7e-0c7a52a1d001';
type Status = 'submitted' | 'confirmed' | 'withdrawn';

function meetingPage(registration: { status: Status } | null): MeetingPageData {
  return {
    id: MEETING,
    kind: 'annual-meeting',
    title: { en: 'Second annual meeting' },
    sessionNumber: 2,
    startsAt: '2027-07-12T14:00:00.000Z',
    endsAt: '2027-07-16T22:00:00.000Z',
    registrationDeadline: '2027-06-30T22:00:00.000Z',
    timeZone: 'America/New_York',
    local: { startsAt: '2027-07-12T10:00', endsAt: '2027-07-16T18:00', registrationDeadline: '2027-06-30T18:00' },
    venue: null,
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
    can: { manage: false, register: true, submitStatement: false, readParticipants: false, publish: false, moveTo: [], announce: false, editBody: false, editTimes: false, postpone: false, cancel: false },
    agenda: null,
    documents: [],
    delegation: { kind: 'state', state: 'CHL', name: 'Chile', roles: ['head', 'representative', 'adviser'], registration },
  };
}

function registrationOf(status: Status, version = 3) {
  return {
    id: 'c8f4b1a0-0000-4000-8000-000000000001',
    meetingId: MEETING,
    delegation: { kind: 'state', state: 'CHL' },
    delegationName: 'Chile',
    status,
    contactEmail: 'mission@chile.example',
    submittedAt: '2027-05-01T10:00:00.000Z',
    confirmedAt: status === 'confirmed' ? '2027-05-02T10:00:00.000Z' : null,
    version,
    registrationOpen: true,
    participants: [{ id: 'p1', role: 'head', name: 'Ana Pérez', title: null, email: null, phone: null, isMe: false }],
    can: { change: true, withdraw: true, confirm: false },
  };
}

describe('registering a delegation', () => {
  const meetingRoutes = [
    { path: 'meetings/:id', element: <MeetingPageView /> },
    { path: 'meetings/:id/registration', element: <RegistrationPage /> },
  ];
  const serve = (registration: { status: Status } | null) => (a: FakeApi) =>
    a
      .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }))
      .on('GET', '/api/v1/meetings/:id', () => json(meetingPage(registration), { headers: { etag: '"4"' } }))
      .on('GET', '/api/v1/states/:code', state('CHL', 'Chile'))
      .on('GET', '/api/v1/groups', { items: [], total: 0 })
      .on('GET', '/api/v1/meetings/:id/registrations/states/:code', () => (registration ? json(registrationOf(registration.status)) : problem(404, 'not-found', 'No registration.')));

  it('"Register your delegation" shows when the delegation has not registered, or withdrew', async () => {
    renderPage(`/en/meetings/${MEETING}`, meetingRoutes, serve(null));
    expect(await screen.findByRole('link', { name: 'Register your delegation' })).toBeTruthy();
  });

  it('a delegation already registered is shown the way to its registration, not asked to register', async () => {
    renderPage(`/en/meetings/${MEETING}`, meetingRoutes, serve({ status: 'confirmed' }));
    await screen.findByRole('heading', { level: 1 });
    expect(await screen.findByRole('link', { name: "Your delegation's registration" })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Register your delegation' })).toBeNull();
  });

  it('warns before a change sends a confirmed registration back for confirmation, and saves only when confirmed', async () => {
    const { user, api } = renderPage(`/en/meetings/${MEETING}/registration`, meetingRoutes, (a) => {
      serve({ status: 'confirmed' })(a);
      a.on('PUT', '/api/v1/meetings/:id/registrations/states/:code', () => json(registrationOf('submitted', 4)));
    });
    const contact = await screen.findByDisplayValue('mission@chile.example');
    await user.clear(contact);
    await user.type(contact, 'delegation@chile.example');
    await user.click(screen.getByRole('button', { name: /submit the changes/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the registration back for confirmation?' });
    expect(api.sentTo('PUT', `/api/v1/meetings/${MEETING}/registrations/states/CHL`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: /submit the changes/i }));
    await waitFor(() => expect(api.sentTo('PUT', `/api/v1/meetings/${MEETING}/registrations/states/CHL`)).toHaveLength(1));
  });

  it('a submitted registration is changed without the warning', async () => {
    const { user, api } = renderPage(`/en/meetings/${MEETING}/registration`, meetingRoutes, (a) => {
      serve({ status: 'submitted' })(a);
      a.on('PUT', '/api/v1/meetings/:id/registrations/states/:code', () => json(registrationOf('submitted', 4)));
    });
    await screen.findByDisplayValue('mission@chile.example');
    await user.click(screen.getByRole('button', { name: /submit the changes/i }));
    await waitFor(() => expect(api.sentTo('PUT', `/api/v1/meetings/${MEETING}/registrations/states/CHL`)).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The focus goes to the registration as now recorded (#17 item 5e).
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.version).toBe('4'));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('registration-status');
  });
});

describe('error titles say what happened', () => {
  const signIn = (answer: (body: { otp?: string }) => Response) =>
    renderPage('/en/sign-in', [{ path: 'sign-in', element: <SignInPage /> }], (a) =>
      a.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/session', (request) => answer(request.body)),
    );
  const fill = async (user: ReturnType<typeof renderPage>['user']) => {
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }, { timeout: 15_000 }), 'focal.chl@poa.demo');
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'poa-demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
  };
  /** The title of the page's alert (notifications left by earlier tests are alerts too, without this title). */
  const titles = () => screen.queryAllByRole('alert').map((a) => a.querySelector('.mantine-Alert-title')?.textContent);
  const expectAlertTitle = (title: string) => waitFor(() => expect(titles()).toContain(title));

  it('a wrong password is called one', async () => {
    const { user } = signIn(() => problem(401, 'sign-in-failed', 'The email, password or code is not right.'));
    await fill(user);
    await expectAlertTitle('Wrong email or password');
  });

  it('a wrong code, after the second factor was asked for, is called one', async () => {
    const { user } = signIn((body) => (body.otp ? problem(401, 'sign-in-failed', 'Not right.') : problem(401, 'second-factor-required', 'Code?')));
    await fill(user);
    await user.type(await screen.findByRole('textbox', { name: /code/i }), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.querySelector('.mantine-Alert-title')?.textContent)).toContain('Wrong code'));
  });

  it.each([
    [403, 'forbidden', 'Not allowed'],
    [404, 'not-found', 'Not found'],
    [409, 'registration-closed', 'Not possible as things stand'],
    [412, 'precondition-failed', 'Changed in the meantime'],
    [429, 'too-many-requests', 'Too many attempts'],
  ])('a %i %s is titled "%s", not a generic title', async (status, kind, title) => {
    renderPage('/en/p', [{ path: 'p', element: <ProblemAlert error={new ApiProblem(status, `urn:poa:problem:${kind}`, 'detail')} /> }], (a) => a.on('GET', '/api/v1/me', me(null)));
    await expectAlertTitle(title);
  });

  it('a wrong current password, named by its field, is called one', async () => {
    const error = new ApiProblem(400, 'urn:poa:problem:validation', 'Your current password is not right.', [{ field: 'body.currentPassword', message: 'not right' }]);
    renderPage('/en/p', [{ path: 'p', element: <ProblemAlert error={error} /> }], (a) => a.on('GET', '/api/v1/me', me(null)));
    await expectAlertTitle('Wrong password');
  });
});

describe('framework codes are shown with their names (#17 item 5g)', () => {
  it('a draft names the elements it implements by code and title, linked to each', async () => {
    renderPage(`/en/drafts/${draft.id}`, [{ path: 'drafts/:id', element: <DraftPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me(null))
        .on('GET', `/api/v1/drafts/${draft.id}`, () => json(draft, { headers: { etag: '"0"' } }))
        .on('GET', '/api/v1/framework/elements', frameworkElements([element('global-cbm-1', 'cbm', 'cbms', 'Global directory of points of contact', 'States nominate points of contact.')])),
    );
    await screen.findByRole('heading', { level: 1 });
    const link = await screen.findByRole('link', { name: /global-cbm-1 — Global directory of points of contact/ });
    expect(link.getAttribute('href')).toBe('/en/framework/global-cbm-1');
  });
});

describe('meeting actions offered only when allowed (#17 item 5)', () => {
  it('a cancelled meeting offers no edit of its dates', async () => {
    const cancelled = { ...meetingPage(null), status: 'cancelled' as const, can: { ...meetingPage(null).can, manage: true, editTimes: false } };
    renderPage(`/en/meetings/${MEETING}`, [{ path: 'meetings/:id', element: <ManagePanel meeting={cancelled} /> }], (a) => a.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })));
    expect(await screen.findByRole('link', { name: /agenda/i })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^Edit/i })).toBeNull();
  });

  it('an open meeting offers the edit', async () => {
    const open = { ...meetingPage(null), can: { ...meetingPage(null).can, manage: true, editTimes: true } };
    renderPage(`/en/meetings/${MEETING}`, [{ path: 'meetings/:id', element: <ManagePanel meeting={open} /> }], (a) => a.on('GET', '/api/v1/me', me({ roles: ['secretariat'] })));
    expect(await screen.findByRole('link', { name: /^Edit/i })).toBeTruthy();
  });

  it('the calendar’s status filter offers the public only the statuses it can see: no "Draft"', async () => {
    renderPage('/en/calendar', [{ path: 'calendar', element: <CalendarPage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me(null))
        .on('GET', '/api/v1/groups', { items: [], total: 0 })
        .on('GET', '/api/v1/calendar', { feeds: { public: null }, nextReviewConference: { number: 1, year: 2031, cadence: { everyYears: 5 }, meetingId: null } })
        .on('GET', '/api/v1/meetings', { items: [], can: { schedule: false, seeStatuses: ['planned', 'registration-open', 'in-session', 'closed', 'cancelled'] } }),
    );
    const filter = await screen.findByRole('combobox', { name: 'Status' });
    await waitFor(() => expect(within(filter).getAllByRole('option')).toHaveLength(6));
    expect(within(filter).queryByRole('option', { name: 'Draft' })).toBeNull();
  });
});
