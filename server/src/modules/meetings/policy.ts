import { actsForOrganisation, actsForState, hasRole, isSecretariat, type Actor } from '../../kernel/actor.js';
import { ability, choices, publicRead, rule, signedIn } from '../../platform/http/policy.js';
import { mayRevise, type AgendaStatus } from './agenda/agenda.js';
import type { Delegation } from './registration/delegations.js';
import { canMoveTo, MEETING_STATUSES, mayAnnounce, mayCancel, mayEditBody, mayEditTimes, mayPostpone, type MeetingStatus } from './meeting-rules.js';
import { mayReadMeeting } from './visibility.js';

/** Whether the actor acts for this very delegation: a focal point or delegate of the State, a representative of the organisation. */
export const actsForDelegation = (actor: Actor | null, d: Delegation): boolean =>
  d.kind === 'state' ? actsForState(actor, d.state) : actsForOrganisation(actor, d.organisationId);

/** The delegation the caller acts for at meetings and, for an organisation, whether it is accredited. */
export interface OwnDelegation {
  delegation: Delegation;
  accredited: boolean;
}

/** A meeting as the rules of its `can` block see it: where it stands, and the caller's own delegation. */
export interface MeetingFacts {
  status: MeetingStatus;
  /** Registration is open and its deadline, if any, has not passed (`registrationIsOpen`). */
  registrationOpen: boolean;
  stakeholdersMayAttend: boolean;
  participantsPublished: boolean;
  /** The meeting has an agenda with at least one item: statements are made on its items. */
  hasAgendaItems: boolean;
  own: OwnDelegation | null;
}

/** A State's delegation is admitted to every meeting; an organisation's when accredited and the meeting admits stakeholders. */
const admitted = (m: MeetingFacts): m is MeetingFacts & { own: OwnDelegation } =>
  !!m.own && m.own.accredited && (m.own.delegation.kind === 'state' || m.stakeholdersMayAttend);

/** Anyone who acts for some delegation. */
const actsForSomeDelegation = (actor: Actor | null): boolean =>
  hasRole(actor, 'focal_point') || hasRole(actor, 'delegate') || hasRole(actor, 'stakeholder');

/**
 * Who may do what with meetings, agendas, registrations, statements and calendars. The Secretariat
 * sets up and runs meetings; a delegation acts for itself alone; the list of participants and the
 * statements are public only once the Secretariat publishes them.
 */
export const meetingsPolicy = {
  read: publicRead,
  manage: rule('meetings.manage', (actor) => isSecretariat(actor)),
  /** See a meeting at all: everyone once announced, a draft the Secretariat alone (reading.ts applies the same rule in SQL). */
  readMeeting: rule<{ status: MeetingStatus }>('meetings.read', mayReadMeeting),
  /** Announce a draft: it becomes planned, and public. */
  announce: rule<{ status: MeetingStatus }>('meetings.announce', (actor, m) => isSecretariat(actor) && mayAnnounce(m.status)),
  /** Change the body (plenary or working group) and kind: before the meeting is announced. */
  editBody: rule<{ status: MeetingStatus }>('meetings.edit-body', (actor, m) => isSecretariat(actor) && mayEditBody(m.status)),
  /** Change the dates, times or time zone: any time except once the meeting is cancelled. */
  editTimes: rule<{ status: MeetingStatus }>('meetings.edit-times', (actor, m) => isSecretariat(actor) && mayEditTimes(m.status)),
  /** Postpone or cancel an announced meeting not yet in session, with a reason. */
  postpone: rule<{ status: MeetingStatus }>('meetings.postpone', (actor, m) => isSecretariat(actor) && mayPostpone(m.status)),
  cancel: rule<{ status: MeetingStatus }>('meetings.cancel', (actor, m) => isSecretariat(actor) && mayCancel(m.status)),
  /** Register or change a delegation: only someone acting for it. */
  register: rule<Delegation>('meetings.register', actsForDelegation),
  /** Register one's own delegation for this meeting now: admitted, and registration open. */
  registerOwn: rule<MeetingFacts>('meetings.register', (actor, m) => admitted(m) && m.registrationOpen && actsForDelegation(actor, m.own.delegation)),
  readRegistration: rule<Delegation>('meetings.read-registration', (actor, d) => isSecretariat(actor) || actsForDelegation(actor, d)),
  /** Route-level: may list registrations at all (each sees only its own, the Secretariat all). */
  listRegistrations: rule('meetings.list-registrations', (actor) => isSecretariat(actor) || actsForSomeDelegation(actor)),
  confirm: rule('meetings.confirm-registration', (actor) => isSecretariat(actor)),
  readParticipants: rule<{ published: boolean }>('meetings.read-participants', (actor, list) => list.published || isSecretariat(actor)),
  publish: rule('meetings.publish', (actor) => isSecretariat(actor)),
  submitStatement: rule<Delegation>('meetings.submit-statement', actsForDelegation),
  /** Submit a statement at this meeting for one's own delegation, when it is admitted and the agenda has items to speak on. */
  submitOwnStatement: rule<MeetingFacts>('meetings.submit-statement', (actor, m) => m.hasAgendaItems && admitted(m) && actsForDelegation(actor, m.own.delegation)),
  /** Move a meeting from its status to another: the Secretariat, along the meeting's order of statuses. */
  moveTo: rule<{ from: MeetingStatus; to: MeetingStatus }>('meetings.change-status', (actor, s) => isSecretariat(actor) && canMoveTo(s.from, s.to)),
  /** Revise the agenda (or adopt its latest version): the Secretariat, until a version is adopted. */
  reviseAgenda: rule<AgendaFacts>('meetings.revise-agenda', (actor, a) => isSecretariat(actor) && mayRevise(a.versions)),
  adoptAgenda: rule<AgendaFacts>('meetings.adopt-agenda', (actor, a) => isSecretariat(actor) && mayRevise(a.versions) && a.versions.length > 0),
  /** Change one's own registration (or register again after withdrawing): while registration is open. */
  changeRegistration: rule<RegistrationFacts>('meetings.register', (actor, r) => r.registrationOpen && actsForDelegation(actor, r.delegation)),
  /** Withdraw one's own registration, at any time, unless it is withdrawn already. */
  withdrawRegistration: rule<RegistrationFacts>('meetings.register', (actor, r) => r.status !== 'withdrawn' && actsForDelegation(actor, r.delegation)),
  /** Confirm a registration: the Secretariat, once it is submitted (not yet confirmed, not withdrawn). */
  confirmRegistration: rule<{ status: 'submitted' | 'confirmed' | 'withdrawn' }>('meetings.confirm-registration', (actor, r) => isSecretariat(actor) && r.status === 'submitted'),
  readStatement: rule<{ published: boolean; delegation: Delegation }>(
    'meetings.read-statement',
    (actor, s) => s.published || isSecretariat(actor) || actsForDelegation(actor, s.delegation),
  ),
  /** One's own private calendar feed. */
  calendarFeed: signedIn,
} as const;

export interface RegistrationFacts {
  delegation: Delegation;
  status: 'submitted' | 'confirmed' | 'withdrawn';
  registrationOpen: boolean;
}

export interface AgendaFacts {
  versions: readonly { status: AgendaStatus }[];
}

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const meetingsCan = {
  /** The list of meetings. */
  list: {
    schedule: ability(meetingsPolicy.manage),
    /** The statuses whose meetings the caller may see: what the calendar's status filter offers (a draft for the Secretariat alone). */
    seeStatuses: choices(meetingsPolicy.readMeeting, MEETING_STATUSES, (_: unknown, status) => ({ status })),
  },
  meeting: {
    manage: ability(meetingsPolicy.manage),
    register: ability(meetingsPolicy.registerOwn, (m: MeetingFacts) => m),
    submitStatement: ability(meetingsPolicy.submitOwnStatement, (m: MeetingFacts) => m),
    readParticipants: ability(meetingsPolicy.readParticipants, (m: MeetingFacts) => ({ published: m.participantsPublished })),
    publish: ability(meetingsPolicy.publish),
    moveTo: choices(meetingsPolicy.moveTo, MEETING_STATUSES, (m: MeetingFacts, to) => ({ from: m.status, to })),
    announce: ability(meetingsPolicy.announce, (m: MeetingFacts) => m),
    editBody: ability(meetingsPolicy.editBody, (m: MeetingFacts) => m),
    editTimes: ability(meetingsPolicy.editTimes, (m: MeetingFacts) => m),
    postpone: ability(meetingsPolicy.postpone, (m: MeetingFacts) => m),
    cancel: ability(meetingsPolicy.cancel, (m: MeetingFacts) => m),
  },
  agenda: {
    revise: ability(meetingsPolicy.reviseAgenda, (a: AgendaFacts) => a),
    adopt: ability(meetingsPolicy.adoptAgenda, (a: AgendaFacts) => a),
  },
  registration: {
    change: ability(meetingsPolicy.changeRegistration, (r: RegistrationFacts) => r),
    withdraw: ability(meetingsPolicy.withdrawRegistration, (r: RegistrationFacts) => r),
    confirm: ability(meetingsPolicy.confirmRegistration, (r: RegistrationFacts) => r),
  },
} as const;
