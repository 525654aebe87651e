import { and, asc, desc, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Localized } from '../../kernel/languages.js';
import { flattenAgenda } from './agenda/agenda.js';
import { inDelegationOrder, publicParticipant, type PublicParticipant } from './registration/delegations.js';
import { meetingsPolicy } from './policy.js';
import { currentAgenda, visibleMeetings } from './reading.js';
import { meetings, participants, registrations, statements } from './tables.js';

/**
 * What a State's page shows of it at meetings, as the public sees it: the same rules as the
 * meeting's own pages (statements once the Secretariat publishes them; the list of participants
 * once published), applied for a caller who is nobody in particular.
 */

export interface PublicStatementOfState {
  id: string;
  meetingId: string;
  meetingTitle: Localized;
  meetingStartsAt: Date;
  agendaItem: { key: string; number: string | null; title: Localized | null };
  language: string;
  title: string | null;
  hasFile: boolean;
  submittedAt: Date;
}

/** A State's statements at meetings whose statements are published, newest meeting first. */
export async function publicStatementsOfState(db: Executor, state: string): Promise<PublicStatementOfState[]> {
  const rows = await db
    .select({ s: statements, meeting: { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, statementsPublishedAt: meetings.statementsPublishedAt } })
    .from(statements)
    .innerJoin(meetings, eq(meetings.id, statements.meetingId))
    .where(and(eq(statements.delegationKind, 'state'), eq(statements.state, state), isNotNull(meetings.statementsPublishedAt), visibleMeetings(null)))
    .orderBy(desc(meetings.startsAt), asc(statements.submittedAt));
  const visible = rows.filter((r) => meetingsPolicy.readStatement.allows(null, { published: r.meeting.statementsPublishedAt !== null, delegation: { kind: 'state', state } }));
  const agendas = new Map<string, Map<string, { number: string | null; title: Localized }>>();
  for (const id of new Set(visible.map((r) => r.meeting.id))) {
    const agenda = await currentAgenda(db, id);
    agendas.set(id, new Map(agenda ? flattenAgenda(agenda.items).map((i) => [i.key, { number: i.number, title: i.title }]) : []));
  }
  return visible.map(({ s, meeting }) => {
    const item = agendas.get(meeting.id)?.get(s.agendaItem);
    return {
      id: s.id,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingStartsAt: meeting.startsAt,
      agendaItem: { key: s.agendaItem, number: item?.number ?? null, title: item?.title ?? null },
      language: s.language,
      title: s.title,
      hasFile: s.fileKey !== null,
      submittedAt: s.submittedAt,
    };
  });
}

export interface PublishedDelegationOfState {
  meetingId: string;
  meetingTitle: Localized;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  participants: PublicParticipant[];
}

/**
 * A State's confirmed delegation to meetings not yet over, where the Secretariat has published the
 * list of participants: name, title and role only, as on the list itself.
 */
export async function publishedDelegationsOfState(db: Executor, state: string, now = new Date()): Promise<PublishedDelegationOfState[]> {
  const rows = await db
    .select({ registrationId: registrations.id, meeting: { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, timeZone: meetings.timeZone, participantsPublishedAt: meetings.participantsPublishedAt } })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(and(eq(registrations.delegationKind, 'state'), eq(registrations.state, state), eq(registrations.status, 'confirmed'), isNotNull(meetings.participantsPublishedAt), gt(meetings.endsAt, now), visibleMeetings(null), ne(meetings.status, 'cancelled')))
    .orderBy(asc(meetings.startsAt));
  const listed = rows.filter((r) => meetingsPolicy.readParticipants.allows(null, { published: r.meeting.participantsPublishedAt !== null }));
  if (listed.length === 0) return [];
  const people = await db
    .select({ registrationId: participants.registrationId, role: participants.role, name: participants.name, title: participants.title, position: participants.position })
    .from(participants)
    .where(inArray(participants.registrationId, listed.map((r) => r.registrationId)))
    .orderBy(asc(participants.position));
  return listed.map((r) => ({
    meetingId: r.meeting.id,
    meetingTitle: r.meeting.title,
    startsAt: r.meeting.startsAt,
    endsAt: r.meeting.endsAt,
    timeZone: r.meeting.timeZone,
    participants: inDelegationOrder(people.filter((p) => p.registrationId === r.registrationId)).map(publicParticipant),
  }));
}
