import { and, asc, desc, eq, gte, inArray, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { agendaLabel, type AgendaItem, type AgendaStatus } from './agenda/agenda.js';
import { mayReadDrafts } from './visibility.js';
import { registrationIsOpen, type MeetingFormat, type MeetingKind, type MeetingStatus } from './meeting-rules.js';
import { agendaVersions, meetings, participants, registrations } from './tables.js';
import { toLocal } from '../../kernel/local-time.js';
import type { Localized } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export type MeetingRow = typeof meetings.$inferSelect;

export interface MeetingView {
  id: string;
  kind: MeetingKind;
  title: Localized;
  sessionNumber: number | null;
  /** Instants, in UTC. */
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date | null;
  /** The IANA time zone the meeting is held in. */
  timeZone: string;
  /** The same times as wall-clock times in the meeting's zone (`YYYY-MM-DDTHH:mm`), to show as they were set. */
  local: { startsAt: string; endsAt: string; registrationDeadline: string | null };
  venue: string | null;
  format: MeetingFormat;
  status: MeetingStatus;
  /** The plenary, or the working group whose meeting this is. */
  body: { kind: 'plenary' } | { kind: 'group'; groupId: string };
  stakeholdersMayAttend: boolean;
  registrationOpen: boolean;
  participantsPublished: boolean;
  statementsPublished: boolean;
  /** Postponed: the start it had before, and why; cancelled: when and why. */
  postponed: { from: Date; reason: string } | null;
  cancelled: { at: Date; reason: string } | null;
  version: number;
}

export function toMeetingView(r: MeetingRow, now = new Date()): MeetingView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    sessionNumber: r.sessionNumber,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    registrationDeadline: r.registrationDeadline,
    timeZone: r.timeZone,
    local: {
      startsAt: toLocal(r.startsAt, r.timeZone),
      endsAt: toLocal(r.endsAt, r.timeZone),
      registrationDeadline: r.registrationDeadline ? toLocal(r.registrationDeadline, r.timeZone) : null,
    },
    venue: r.venue,
    format: r.format,
    status: r.status,
    body: r.groupId ? { kind: 'group', groupId: r.groupId } : { kind: 'plenary' },
    stakeholdersMayAttend: r.stakeholdersMayAttend,
    registrationOpen: registrationIsOpen(r, now),
    participantsPublished: r.participantsPublishedAt !== null,
    statementsPublished: r.statementsPublishedAt !== null,
    postponed: r.postponedFrom ? { from: r.postponedFrom, reason: r.postponeReason ?? '' } : null,
    cancelled: r.cancelledAt ? { at: r.cancelledAt, reason: r.cancelReason ?? '' } : null,
    version: r.version,
  };
}

/**
 * The one SQL condition of meetingsPolicy.readMeeting: the meetings the actor may see (a draft only
 * by the Secretariat). Every reading function here applies it; the column may be given for raw SQL
 * over another alias (the search).
 */
export function visibleMeetings(actor: Actor | null, status: SQL | typeof meetings.status = meetings.status): SQL {
  return mayReadDrafts(actor) ? sql`true` : sql`${status} <> 'draft'`;
}

/**
 * A meeting the actor may see; 404 when there is none or it is a draft the actor may not see (as
 * if it did not exist). Without an actor: the public's view.
 */
export async function meetingRow(db: Executor, id: string, actor: Actor | null = null): Promise<MeetingRow> {
  const [row] = await db.select().from(meetings).where(and(eq(meetings.id, id), visibleMeetings(actor)));
  if (!row) throw notFound('The meeting');
  return row;
}

export interface MeetingFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  kind?: MeetingKind | undefined;
  groupId?: string | undefined;
  status?: MeetingStatus | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Meetings the actor may see (the public's view without one), in date order; those ending on or after `from` and starting on or before `to`. */
export async function listMeetings(db: Executor, f: MeetingFilter, actor: Actor | null = null): Promise<MeetingRow[]> {
  const where: SQL[] = [visibleMeetings(actor)];
  if (f.from) where.push(gte(meetings.endsAt, f.from));
  if (f.to) where.push(lte(meetings.startsAt, f.to));
  if (f.kind) where.push(eq(meetings.kind, f.kind));
  if (f.groupId) where.push(eq(meetings.groupId, f.groupId));
  if (f.status) where.push(eq(meetings.status, f.status));
  const q = f.q ? fold(f.q) : '';
  if (q) where.push(like(meetings.searchText, `%${escapeLike(q)}%`));
  return db
    .select()
    .from(meetings)
    .where(and(...where))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(f.limit ?? 500)
    .offset(f.offset ?? 0);
}

/** The meetings an account takes part in: it is a participant of a delegation that has not withdrawn. */
export async function meetingsOfAccount(db: Executor, accountId: string): Promise<MeetingRow[]> {
  const rows = await db
    .selectDistinct({ id: participants.meetingId })
    .from(participants)
    .innerJoin(registrations, eq(registrations.id, participants.registrationId))
    .where(and(eq(participants.accountId, accountId), ne(registrations.status, 'withdrawn')));
  if (rows.length === 0) return [];
  return db
    .select()
    .from(meetings)
    .where(and(inArray(meetings.id, rows.map((r) => r.id)), visibleMeetings(null)))
    .orderBy(asc(meetings.startsAt));
}

export interface AgendaVersionView {
  version: number;
  status: AgendaStatus;
  label: string;
  items: AgendaItem[];
  documentId: string | null;
  note: string | null;
  createdAt: Date;
  adoptedAt: Date | null;
}

export async function agendaVersionsOf(db: Executor, meetingId: string): Promise<AgendaVersionView[]> {
  const rows = await db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, meetingId)).orderBy(desc(agendaVersions.version));
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    label: agendaLabel(r),
    items: r.items,
    documentId: r.documentId,
    note: r.note,
    createdAt: r.createdAt,
    adoptedAt: r.adoptedAt,
  }));
}

/** The agenda that counts: the adopted one, else the latest revision. */
export async function currentAgenda(db: Executor, meetingId: string): Promise<AgendaVersionView | null> {
  const versions = await agendaVersionsOf(db, meetingId);
  return versions.find((v) => v.status === 'adopted') ?? versions[0] ?? null;
}

/** The meetings most recently scheduled or changed, newest change first (the public feed of meetings: no draft). */
export async function recentlyChangedMeetings(db: Executor, limit: number): Promise<(MeetingView & { createdAt: Date; updatedAt: Date })[]> {
  const rows = await db.select().from(meetings).where(visibleMeetings(null)).orderBy(desc(meetings.updatedAt), asc(meetings.id)).limit(limit);
  return rows.map((r) => ({ ...toMeetingView(r), createdAt: r.createdAt, updatedAt: r.updatedAt }));
}
