/**
 * What a meeting is and how it moves, as pure rules: kinds, formats, the order of its statuses, when
 * registration is open, when reminders go out, and when the next review conference is due.
 */

export const MEETING_KINDS = [
  'annual-meeting',
  'review-conference',
  'twg-meeting',
  'founding-conference',
  'organizational-session',
  'informal-consultation',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_FORMATS = ['in-person', 'hybrid', 'virtual'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/**
 * A meeting's life: a draft the Secretariat alone sees, announced as planned, then registration, the
 * session and its close; or cancelled before it is held.
 */
export const MEETING_STATUSES = ['draft', 'planned', 'registration-open', 'in-session', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Kinds a working group holds; the others belong to the plenary. */
export const GROUP_MEETING_KINDS: readonly MeetingKind[] = ['twg-meeting', 'informal-consultation'];

/** Where a meeting may go from each status: forward, or back from open registration to planned. */
const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  // A draft is announced, a meeting cancelled or postponed, by their own use cases (with a reason), not by a move.
  draft: [],
  cancelled: [],
  planned: ['registration-open', 'in-session'],
  'registration-open': ['planned', 'in-session'],
  'in-session': ['closed'],
  closed: [],
};

export const canMoveTo = (from: MeetingStatus, to: MeetingStatus): boolean => NEXT[from].includes(to);

/** Only a draft is seen by the Secretariat alone: everyone else sees a meeting once it is announced. */
export const isDraft = (status: MeetingStatus): boolean => status === 'draft';

/** A draft is announced: it becomes planned, and public. */
export const mayAnnounce = (status: MeetingStatus): boolean => status === 'draft';

/** The body (plenary or working group) and the kind of a meeting may change until it is announced. */
export const mayEditBody = (status: MeetingStatus): boolean => status === 'draft';

/** An announced meeting not yet in session may be postponed (new dates) or cancelled, with a reason. */
export const mayPostpone = (status: MeetingStatus): boolean => status === 'planned' || status === 'registration-open';
export const mayCancel = mayPostpone;

/** The dates of a cancelled meeting stay as they were announced: it is not moved, it is off. */
export const mayEditTimes = (status: MeetingStatus): boolean => status !== 'cancelled';

/** A postponement moves a meeting later: its new start and end after the old ones (an earlier date is a new meeting, announced as such). */
export function postponementProblems(before: { startsAt: Date; endsAt: Date }, after: { startsAt: Date; endsAt: Date }): { field: 'startsAt' | 'endsAt'; message: string }[] {
  const problems: { field: 'startsAt' | 'endsAt'; message: string }[] = [];
  if (after.startsAt.getTime() <= before.startsAt.getTime()) problems.push({ field: 'startsAt', message: 'must be later than the current start' });
  if (after.endsAt.getTime() <= before.endsAt.getTime()) problems.push({ field: 'endsAt', message: 'must be later than the current end' });
  return problems;
}

/** Whether a change of a meeting's times changes its schedule (the calendar's SEQUENCE goes up). */
export const scheduleChanged = (before: MeetingTimes & { timeZone: string }, after: MeetingTimes & { timeZone: string }): boolean =>
  before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime() || before.timeZone !== after.timeZone;

/** The body a meeting belongs to must fit its kind: a TWG meeting needs its group; plenary kinds have none. */
export function bodyFits(kind: MeetingKind, groupId: string | null): boolean {
  if (kind === 'twg-meeting') return groupId !== null;
  if (groupId !== null) return GROUP_MEETING_KINDS.includes(kind);
  return true;
}

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date | null;
}

/** Problems with a meeting's times, by field; empty when they are right. */
export function timeProblems(t: MeetingTimes): { field: 'endsAt' | 'registrationDeadline'; message: string }[] {
  const problems: { field: 'endsAt' | 'registrationDeadline'; message: string }[] = [];
  if (t.endsAt.getTime() <= t.startsAt.getTime()) problems.push({ field: 'endsAt', message: 'must be after the start' });
  if (t.registrationDeadline && t.registrationDeadline.getTime() > t.startsAt.getTime()) {
    problems.push({ field: 'registrationDeadline', message: 'must not be after the start' });
  }
  return problems;
}

/** Delegations register while registration is open and its deadline, if any, has not passed. */
export function registrationIsOpen(m: { status: MeetingStatus; registrationDeadline: Date | null }, now: Date): boolean {
  return m.status === 'registration-open' && (!m.registrationDeadline || now.getTime() <= m.registrationDeadline.getTime());
}

// ---- reminders ---------------------------------------------------------------------------------

export const REMINDER_KINDS = ['registration-deadline', 'meeting-start'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long before its target each reminder goes out. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = {
  'registration-deadline': 7 * 86_400_000,
  'meeting-start': 3 * 86_400_000,
};

export interface PlannedReminder {
  kind: ReminderKind;
  /** What the reminder is about: the deadline or the start. */
  target: Date;
  runAt: Date;
  /** One job per meeting, kind and target: never sent twice, and a moved meeting gets a reminder of its new date. */
  key: string;
}

export const reminderKey = (meetingId: string, kind: ReminderKind, target: Date): string =>
  `meetings.reminder:${kind}:${meetingId}:${target.toISOString()}`;

/**
 * The reminders a meeting should have: one before its registration deadline, one before it starts;
 * due at once when the lead time has already begun, none when the target has passed or the meeting is closed.
 */
export function plannedReminders(
  m: { id: string; status: MeetingStatus; startsAt: Date; registrationDeadline: Date | null },
  now: Date,
): PlannedReminder[] {
  if (m.status === 'closed' || m.status === 'cancelled' || m.status === 'draft') return [];
  const targets: [ReminderKind, Date | null][] = [
    ['registration-deadline', m.status === 'in-session' ? null : m.registrationDeadline],
    ['meeting-start', m.status === 'in-session' ? null : m.startsAt],
  ];
  const planned: PlannedReminder[] = [];
  for (const [kind, target] of targets) {
    if (!target || target.getTime() <= now.getTime()) continue;
    const runAt = new Date(Math.max(now.getTime(), target.getTime() - REMINDER_LEAD_MS[kind]));
    planned.push({ kind, target, runAt, key: reminderKey(m.id, kind, target) });
  }
  return planned;
}

// ---- review conferences ------------------------------------------------------------------------

export interface ReviewConferenceDue {
  /** The first review conference is 1, the next 2 … */
  number: number;
  year: number;
  /** A review conference meeting scheduled for that year, if the Secretariat has set one up. */
  meetingId: string | null;
}

/**
 * The next review conference: every `everyYears` years after the PoA's founding. A cycle whose
 * review conference was held (closed, or over before today) moves on to the next.
 */
export function nextReviewConference(
  cadence: { foundedOn: string; everyYears: number },
  today: Date,
  reviewConferences: readonly { id: string; startsAt: Date; endsAt: Date; status: MeetingStatus }[],
): ReviewConferenceDue {
  const foundingYear = Number(cadence.foundedOn.slice(0, 4));
  const thisYear = today.getUTCFullYear();
  let n = Math.max(1, Math.ceil((thisYear - foundingYear) / cadence.everyYears));
  for (;;) {
    const year = foundingYear + n * cadence.everyYears;
    const inYear = reviewConferences.filter((m) => m.startsAt.getUTCFullYear() === year && m.status !== 'cancelled');
    const held = inYear.some((m) => m.status === 'closed' || m.endsAt.getTime() < today.getTime());
    if (!held || year > thisYear + 1000) {
      const scheduled = inYear.find((m) => m.status !== 'closed' && m.status !== 'cancelled') ?? null;
      return { number: n, year, meetingId: scheduled?.id ?? null };
    }
    n += 1;
  }
}
