import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound, preconditionFailed } from '../../platform/http/problem.js';
import { canMoveTo, type MeetingStatus } from './meeting-rules.js';
import { meetingsPolicy } from './policy.js';
import { toMeetingView, type MeetingRow, type MeetingView } from './reading.js';
import { syncReminders } from './reminders.js';
import { meetings } from './tables.js';

export async function lockedMeeting(db: Db, id: string, ifMatch: number, run: (tx: Tx, m: MeetingRow) => Promise<MeetingRow>) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
    if (!current) throw notFound('The meeting');
    if (current.version !== ifMatch) throw preconditionFailed('The meeting was changed since you read it.', { currentVersion: current.version });
    return toMeetingView(await run(tx, current));
  });
}

/** The Secretariat moves a meeting on: opens registration, opens the session, closes it. */
export async function changeMeetingStatus(db: Db, input: { actor: Actor; id: string; ifMatch: number; status: MeetingStatus }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return lockedMeeting(db, input.id, input.ifMatch, async (tx, current) => {
    if (!canMoveTo(current.status, input.status)) {
      throw conflict(`A meeting that is ${current.status} cannot become ${input.status}.`, 'meeting-status');
    }
    const next = { ...current, status: input.status, version: current.version + 1, updatedAt: new Date() };
    await tx.update(meetings).set({ status: next.status, version: next.version, updatedAt: next.updatedAt }).where(eq(meetings.id, input.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.change-status',
      subjectType: 'meeting',
      subjectId: input.id,
      change: { from: current.status, to: input.status, version: next.version },
    });
    await syncReminders(tx, current, next);
    return next;
  });
}

/**
 * The Secretariat publishes (or withdraws) the list of participants and the statements of a
 * meeting. Until then, neither is public.
 */
export async function setPublication(
  db: Db,
  input: { actor: Actor; id: string; ifMatch: number; participants?: boolean | undefined; statements?: boolean | undefined },
): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.publish, undefined);
  return lockedMeeting(db, input.id, input.ifMatch, async (tx, current) => {
    const now = new Date();
    const stamp = (wanted: boolean | undefined, was: Date | null) => (wanted === undefined ? was : wanted ? (was ?? now) : null);
    const next = {
      ...current,
      participantsPublishedAt: stamp(input.participants, current.participantsPublishedAt),
      statementsPublishedAt: stamp(input.statements, current.statementsPublishedAt),
      version: current.version + 1,
      updatedAt: now,
    };
    await tx
      .update(meetings)
      .set({ participantsPublishedAt: next.participantsPublishedAt, statementsPublishedAt: next.statementsPublishedAt, version: next.version, updatedAt: now })
      .where(eq(meetings.id, input.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.set-publication',
      subjectType: 'meeting',
      subjectId: input.id,
      change: { participants: next.participantsPublishedAt !== null, statements: next.statementsPublishedAt !== null, version: next.version },
    });
    return next;
  });
}
