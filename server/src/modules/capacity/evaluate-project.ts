import type { Db } from '../../platform/db/database.js';
import { isFocalPointOf, type Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { capacityPolicy } from './policy.js';
import { needOwner, ownerOfOffer } from './records.js';
import { projectParties } from './reading.js';
import { capacityEvaluations } from './tables.js';
import { actsFor } from './visibility.js';

/** Each partner's closing evaluation of a completed project: what was delivered, what changed, the lessons. Given again, it replaces the partner's own. */
export async function evaluateProject(db: Db, input: { actor: Actor; projectId: string; delivered: string; changed: string; lessons: string; public: boolean }) {
  const found = await projectParties(db, input.projectId);
  if (!found || !(actsFor(input.actor, needOwner(found.need)) || actsFor(input.actor, ownerOfOffer(found.offer)))) throw notFound('The project');
  authorize(input.actor, capacityPolicy.evaluate, { needState: found.need.state, offeror: ownerOfOffer(found.offer) });
  if (found.project.status !== 'completed') throw conflict('A project is evaluated once it is completed.', 'project-running');
  const side = isFocalPointOf(input.actor, found.need.state) ? ('requester' as const) : ('offeror' as const);
  const row = { projectId: found.project.id, side, delivered: input.delivered, changed: input.changed, lessons: input.lessons, public: input.public, evaluatedBy: input.actor.accountId, evaluatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(capacityEvaluations).values(row).onConflictDoUpdate({ target: [capacityEvaluations.projectId, capacityEvaluations.side], set: row });
    await recordAudit(tx, { actor: input.actor, action: 'capacity.evaluate-project', subjectType: 'capacity-project', subjectId: found.project.id, change: { ...row, evaluatedAt: row.evaluatedAt.toISOString() } });
  });
  return { side };
}
