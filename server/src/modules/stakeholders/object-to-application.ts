import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { applicationFacts, applicationRow } from './applications.js';
import { periodOpen } from './non-objection.js';
import { stakeholdersPolicy } from './policy.js';
import { objections } from './tables.js';

/**
 * A focal point objects, for its own State, to an application in its non-objection period: privately,
 * or with a general basis shared with the organisation, and naming the State only if it agrees. The
 * State is kept with the objection and shown nowhere unless named; the audit event carries no basis
 * or State in its readable details beyond what the chain itself records of who acted.
 */
export async function objectToApplication(db: Db, input: { actor: Actor; applicationId: string; basis?: string | undefined; nameShared: boolean }) {
  return db.transaction(async (tx) => {
    const row = await applicationRow(tx, input.applicationId, true);
    // An application never circulated is unknown to the States: 404, as for one that does not exist.
    if (row.batchId === null) throw notFound('The application');
    const state = input.actor.state;
    const [mine] = state ? await tx.select({ id: objections.id }).from(objections).where(and(eq(objections.applicationId, row.id), eq(objections.state, state))) : [];
    if (row.status === 'circulated' && !periodOpen(row.periodEndsAt, new Date()) && state)
      throw conflict('The non-objection period has ended.', 'refused-deadline-passed');
    if (mine) throw conflict('Your State has already objected.', 'already-objected');
    authorize(input.actor, stakeholdersPolicy.object, applicationFacts(row, false));
    const id = randomUUID();
    await tx.insert(objections).values({ id, applicationId: row.id, state: state!, basis: input.basis ?? null, nameShared: input.nameShared, at: new Date() });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'stakeholders.object',
      subjectType: 'stakeholder-application',
      subjectId: row.id,
      change: { objection: id, state, basis: input.basis ?? null, nameShared: input.nameShared },
      details: { objection: id },
    });
    return { id, basis: input.basis ?? null, nameShared: input.nameShared };
  });
}
