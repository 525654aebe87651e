import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict, notFound, preconditionFailed, type FieldError } from '../../platform/http/problem.js';
import { bodyFits, scheduleChanged, timeProblems, type MeetingFormat, type MeetingKind } from './meeting-rules.js';
import { meetingsPolicy } from './policy.js';
import { toMeetingView, type MeetingRow, type MeetingView } from './reading.js';
import { syncReminders } from './reminders.js';
import { meetings } from './tables.js';
import { fromLocal, isTimeZone, toLocal as toLocalIn } from '../../kernel/local-time.js';
import { allTexts, type Localized } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export interface MeetingFields {
  kind: MeetingKind;
  title: Localized;
  sessionNumber?: number | null | undefined;
  /** Wall-clock times (`YYYY-MM-DDTHH:mm`) in `timeZone`. */
  startsAt: string;
  endsAt: string;
  registrationDeadline?: string | null | undefined;
  timeZone: string;
  venue?: string | null | undefined;
  format: MeetingFormat;
  stakeholdersMayAttend?: boolean | undefined;
}

/** Turns the wall-clock times of a meeting into instants, naming each field that is wrong. */
export function instantsOf(t: { startsAt: string; endsAt: string; registrationDeadline: string | null; timeZone: string }) {
  const errors: FieldError[] = [];
  if (!isTimeZone(t.timeZone)) errors.push({ field: 'body.timeZone', message: 'not an IANA time zone, e.g. America/New_York' });
  if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  const at = (field: 'startsAt' | 'endsAt' | 'registrationDeadline', local: string): Date => {
    const r = fromLocal(local, t.timeZone);
    if (r.ok) return r.instant;
    errors.push({ field: `body.${field}`, message: r.reason === 'nonexistent' ? `this time does not exist in ${t.timeZone} (clocks go forward)` : 'a time as YYYY-MM-DDTHH:mm' });
    return new Date(0);
  };
  const startsAt = at('startsAt', t.startsAt);
  const endsAt = at('endsAt', t.endsAt);
  const registrationDeadline = t.registrationDeadline === null ? null : at('registrationDeadline', t.registrationDeadline);
  if (!errors.length) for (const p of timeProblems({ startsAt, endsAt, registrationDeadline })) errors.push({ field: `body.${p.field}`, message: p.message });
  if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  return { startsAt, endsAt, registrationDeadline };
}

const searchTextOf = (title: Localized, venue: string | null) => fold([...allTexts(title), venue ?? ''].join('\n'));

const bodyProblem = (kind: MeetingKind, groupId: string | null) =>
  badRequest(groupId ? 'A working group holds TWG meetings and informal consultations.' : 'A TWG meeting is scheduled from its working group.', [
    { field: 'body.kind', message: groupId ? 'not a kind of meeting of a working group' : 'schedule it from the working group' },
  ]);

/**
 * The Secretariat schedules a meeting of the plenary, or (through the groups module) of a working
 * group. Announced at once, it starts as planned, public, with its reminders; saved as a draft
 * (`draft: true`) it is seen by the Secretariat alone until announced, and reminds nobody. Without
 * `draft` a meeting is announced at once, as it always was (the API's callers, the demo and the
 * groups module schedule meetings to be seen).
 */
export async function scheduleMeeting(
  db: Db,
  input: MeetingFields & { actor: Actor; groupId?: string | null | undefined; draft?: boolean | undefined },
): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  const groupId = input.groupId ?? null;
  if (!bodyFits(input.kind, groupId)) throw bodyProblem(input.kind, groupId);
  const times = instantsOf({ startsAt: input.startsAt, endsAt: input.endsAt, registrationDeadline: input.registrationDeadline ?? null, timeZone: input.timeZone });
  const now = new Date();
  const row: MeetingRow = {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    sessionNumber: input.sessionNumber ?? null,
    ...times,
    timeZone: input.timeZone,
    venue: input.venue ?? null,
    format: input.format,
    status: input.draft ? 'draft' : 'planned',
    groupId,
    stakeholdersMayAttend: input.stakeholdersMayAttend ?? true,
    participantsPublishedAt: null,
    statementsPublishedAt: null,
    searchText: searchTextOf(input.title, input.venue ?? null),
    announcedAt: input.draft ? null : now,
    sequence: 0,
    postponedFrom: null,
    postponeReason: null,
    cancelledAt: null,
    cancelReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(meetings).values(row);
    const { searchText: _s, createdAt: _c, updatedAt: _u, ...facts } = row;
    await recordAudit(tx, { actor: input.actor, action: 'meetings.schedule', subjectType: 'meeting', subjectId: row.id, change: facts });
    await syncReminders(tx, null, row);
  });
  return toMeetingView(row);
}

export type MeetingChanges = Partial<MeetingFields> & { groupId?: string | null | undefined };

/**
 * The Secretariat changes a meeting's title, dates, place or format (If-Match); its body (plenary or
 * working group) and kind only while it is a draft (meetingsPolicy.editBody). Times left out keep
 * their instants; times given are read in the (new or current) time zone. Reminders follow the
 * dates, and a change of the schedule raises the calendar's SEQUENCE.
 */
export async function updateMeeting(db: Db, input: { actor: Actor; id: string; ifMatch: number; changes: MeetingChanges }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, input.id)).for('update');
    if (!current) throw notFound('The meeting');
    if (current.version !== input.ifMatch) throw preconditionFailed('The meeting was changed since you read it.', { currentVersion: current.version });
    const c = input.changes;
    let kind = current.kind;
    let groupId = current.groupId;
    if ((c.kind !== undefined && c.kind !== current.kind) || (c.groupId !== undefined && c.groupId !== current.groupId)) {
      if (!meetingsPolicy.editBody.allows(input.actor, current)) throw conflict('The body and kind of a meeting change only before it is announced.', 'meeting-announced');
      kind = c.kind ?? current.kind;
      groupId = c.groupId !== undefined ? c.groupId : current.groupId;
      if (!bodyFits(kind, groupId)) throw bodyProblem(kind, groupId);
      if (groupId) {
        // Loaded when needed: the groups module schedules its meetings through this one.
        const { groupRow } = await import('../groups/index.js');
        const group = await groupRow(tx, groupId).catch(() => null);
        if (!group) throw badRequest('No such working group.', [{ field: 'body.groupId', message: 'not a working group' }]);
      }
    }
    const timeZone = c.timeZone ?? current.timeZone;
    const local = (given: string | null | undefined, instant: Date | null) => (given !== undefined ? given : instant ? toLocalIn(instant, timeZone) : null);
    let times = { startsAt: current.startsAt, endsAt: current.endsAt, registrationDeadline: current.registrationDeadline };
    if (c.timeZone !== undefined || c.startsAt !== undefined || c.endsAt !== undefined || c.registrationDeadline !== undefined) {
      if (!meetingsPolicy.editTimes.allows(input.actor, current)) throw conflict('The dates of a cancelled meeting cannot be changed.', 'meeting-cancelled');
      const checked = instantsOf({
        startsAt: local(c.startsAt, current.startsAt)!,
        endsAt: local(c.endsAt, current.endsAt)!,
        registrationDeadline: local(c.registrationDeadline, current.registrationDeadline),
        timeZone,
      });
      // A time not given keeps its instant.
      times = {
        startsAt: c.startsAt !== undefined ? checked.startsAt : current.startsAt,
        endsAt: c.endsAt !== undefined ? checked.endsAt : current.endsAt,
        registrationDeadline: c.registrationDeadline !== undefined ? checked.registrationDeadline : current.registrationDeadline,
      };
      const problems = timeProblems(times);
      if (problems.length) throw badRequest(problems.map((p) => `body.${p.field}: ${p.message}`).join('; '), problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
    }
    const title = c.title ?? current.title;
    const venue = c.venue !== undefined ? c.venue : current.venue;
    const next: MeetingRow = {
      ...current,
      ...times,
      kind,
      groupId,
      title,
      venue,
      timeZone,
      sessionNumber: c.sessionNumber !== undefined ? c.sessionNumber : current.sessionNumber,
      format: c.format ?? current.format,
      stakeholdersMayAttend: c.stakeholdersMayAttend ?? current.stakeholdersMayAttend,
      searchText: searchTextOf(title, venue),
      sequence: current.sequence + (scheduleChanged(current, { ...times, timeZone }) ? 1 : 0),
      version: current.version + 1,
      updatedAt: new Date(),
    };
    await tx.update(meetings).set(next).where(eq(meetings.id, input.id));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.update', subjectType: 'meeting', subjectId: input.id, change: { version: next.version, sequence: next.sequence, ...c } });
    await syncReminders(tx, current, next);
    return toMeetingView(next);
  });
}
