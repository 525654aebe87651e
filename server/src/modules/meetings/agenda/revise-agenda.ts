import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Actor } from '../../../kernel/actor.js';
import { authorize } from '../../../platform/http/policy.js';
import { badRequest, conflict, notFound, preconditionFailed, preconditionRequired } from '../../../platform/http/problem.js';
import { documentById } from '../../documents/index.js';
import { existingElementCodes } from '../../framework/index.js';
import { agendaLabel, buildAgenda, mayRevise, unknownElementErrors, type AgendaItemInput } from './agenda.js';
import { meetingsPolicy } from '../policy.js';
import { agendaVersions, meetings } from '../tables.js';

const newKey = () => `item-${randomBytes(4).toString('hex')}`;

/**
 * The Secretariat sets the provisional agenda, or revises it: each revision is a new version, the
 * earlier ones kept. Once an agenda is adopted, it is frozen. Every framework element an item
 * concerns must exist.
 */
export async function reviseAgenda(
  db: Db,
  input: { actor: Actor; meetingId: string; ifMatch: number | null; items: readonly AgendaItemInput[]; documentId?: string | undefined; note?: string | undefined },
) {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  const built = buildAgenda(input.items, newKey);
  if (!built.ok) throw badRequest(built.errors.map((e) => `${e.field}: ${e.message}`).join('; '), built.errors);
  if (input.documentId) {
    const doc = await documentById(db, input.documentId);
    if (!doc || doc.meetingId !== input.meetingId) {
      throw badRequest('The agenda can only be carried by a document of this meeting.', [{ field: 'body.documentId', message: 'not a document of this meeting' }]);
    }
  }
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).for('update');
    if (!meeting) throw notFound('The meeting');
    const known = await existingElementCodes(tx, built.elements);
    const unknown = unknownElementErrors(input.items, known);
    if (unknown.length) throw badRequest(unknown.map((e) => `${e.field}: ${e.message}`).join('; '), unknown);
    const versions = await tx.select().from(agendaVersions).where(eq(agendaVersions.meetingId, input.meetingId)).orderBy(desc(agendaVersions.version));
    if (!mayRevise(versions)) throw conflict('The agenda has been adopted; it can no longer be revised.', 'agenda-adopted');
    const latest = versions[0];
    if (latest && input.ifMatch === null) throw preconditionRequired();
    if (latest && latest.version !== input.ifMatch) throw preconditionFailed('The agenda was revised since you read it.', { currentVersion: latest.version });
    const row = {
      meetingId: input.meetingId,
      version: (latest?.version ?? 0) + 1,
      status: 'draft' as const,
      items: built.items,
      documentId: input.documentId ?? null,
      note: input.note ?? null,
      createdAt: new Date(),
      createdBy: input.actor.accountId,
      adoptedAt: null,
    };
    await tx.insert(agendaVersions).values(row);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.revise-agenda',
      subjectType: 'meeting',
      subjectId: input.meetingId,
      change: { version: row.version, items: row.items, documentId: row.documentId, note: row.note },
      details: { version: row.version, items: row.items.length, documentId: row.documentId },
    });
    return { version: row.version, status: row.status, label: agendaLabel(row), items: row.items, documentId: row.documentId, note: row.note, createdAt: row.createdAt, adoptedAt: null };
  });
}

/** The Secretariat records the adoption of the agenda version the meeting adopted (If-Match: that version, the latest). */
export async function adoptAgenda(db: Db, input: { actor: Actor; meetingId: string; ifMatch: number }) {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).for('update');
    if (!meeting) throw notFound('The meeting');
    const versions = await tx.select().from(agendaVersions).where(eq(agendaVersions.meetingId, input.meetingId)).orderBy(desc(agendaVersions.version));
    if (!mayRevise(versions)) throw conflict('The agenda has already been adopted.', 'agenda-adopted');
    const latest = versions[0];
    if (!latest) throw conflict('There is no agenda to adopt yet.', 'no-agenda');
    if (latest.version !== input.ifMatch) throw preconditionFailed('The agenda was revised since you read it.', { currentVersion: latest.version });
    const adoptedAt = new Date();
    await tx
      .update(agendaVersions)
      .set({ status: 'adopted', adoptedAt })
      .where(and(eq(agendaVersions.meetingId, input.meetingId), eq(agendaVersions.version, latest.version)));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.adopt-agenda', subjectType: 'meeting', subjectId: input.meetingId, change: { version: latest.version, adoptedAt } });
    const adopted = { ...latest, status: 'adopted' as const, adoptedAt };
    return { version: adopted.version, status: adopted.status, label: agendaLabel(adopted), items: adopted.items, documentId: adopted.documentId, note: adopted.note, createdAt: adopted.createdAt, adoptedAt };
  });
}
