import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, notFound, preconditionFailed, type FieldError } from '../../platform/http/problem.js';
import { bodyFits, timeProblems, type MeetingFormat, type MeetingKind } from './meeting-rules.js';
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
function instantsOf(t: { startsAt: string; endsAt: string; registrationDeadline: string | null; timeZone: string }) {
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

/**
 * The Secretariat schedules a meeting of the plenary, or (through the groups module) of a working
 * group. It starts as planned; its reminders are scheduled with it.
 */
export async function scheduleMeeting(db: Db, input: MeetingFields & { actor: Actor; groupId?: string | null | undefined }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  const groupId = input.groupId ?? null;
  if (!bodyFits(input.kind, groupId)) {
    throw badRequest(
      groupId ? 'A working group holds TWG meetings and informal consultations.' : 'A TWG meeting is scheduled from its working group.',
      [{ field: 'body.kind', message: groupId ? 'not a kind of meeting of a working group' : 'schedule it from the working group' }],
    );
  }
  const times = instantsOf({ startsAt: input.startsAt, endsAt: input.endsAt, registrationDeadline: input.registrationDeadline ?? null, timeZone: input.timeZone });
  const row: MeetingRow = {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    sessionNumber: input.sessionNumber ?? null,
    ...times,
    timeZone: input.timeZone,
    venue: input.venue ?? null,
    format: input.format,
    status: 'planned',
    groupId,
    stakeholdersMayAttend: input.stakeholdersMayAttend ?? true,
    participantsPublishedAt: null,
    statementsPublishedAt: null,
    searchText: searchTextOf(input.title, input.venue ?? null),
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx.insert(meetings).values(row);
    const { searchText: _s, createdAt: _c, updatedAt: _u, ...facts } = row;
    await recordAudit(tx, { actor: input.actor, action: 'meetings.schedule', subjectType: 'meeting', subjectId: row.id, change: facts });
    await syncReminders(tx, null, row);
  });
  return toMeetingView(row);
}

export type MeetingChanges = Partial<Omit<MeetingFields, 'kind'>>;

/**
 * The Secretariat changes a meeting's title, dates, place or format (If-Match). Times left out keep
 * their instants; times given are read in the (new or current) time zone. Reminders follow the dates.
 */
export async function updateMeeting(db: Db, input: { actor: Actor; id: string; ifMatch: number; changes: MeetingChanges }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, input.id)).for('update');
    if (!current) throw notFound('The meeting');
    if (current.version !== input.ifMatch) throw preconditionFailed('The meeting was changed since you read it.', { currentVersion: current.version });
    const c = input.changes;
    const timeZone = c.timeZone ?? current.timeZone;
    const local = (given: string | null | undefined, instant: Date | null) => (given !== undefined ? given : instant ? toLocalIn(instant, timeZone) : null);
    let times = { startsAt: current.startsAt, endsAt: current.endsAt, registrationDeadline: current.registrationDeadline };
    if (c.timeZone !== undefined || c.startsAt !== undefined || c.endsAt !== undefined || c.registrationDeadline !== undefined) {
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
      title,
      venue,
      timeZone,
      sessionNumber: c.sessionNumber !== undefined ? c.sessionNumber : current.sessionNumber,
      format: c.format ?? current.format,
      stakeholdersMayAttend: c.stakeholdersMayAttend ?? current.stakeholdersMayAttend,
      searchText: searchTextOf(title, venue),
      version: current.version + 1,
      updatedAt: new Date(),
    };
    await tx.update(meetings).set(next).where(eq(meetings.id, input.id));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.update', subjectType: 'meeting', subjectId: input.id, change: { version: next.version, ...c } });
    await syncReminders(tx, current, next);
    return toMeetingView(next);
  });
}
