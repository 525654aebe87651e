import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound, preconditionFailed } from '../../platform/http/problem.js';
import { capacityPolicy } from './policy.js';
import { checkFrameworkCodes } from './framework-codes.js';
import { needOwner, ownerOfOffer, projectRow } from './records.js';
import { projectParties } from './reading.js';
import type { ProjectPatch } from './schemas.js';
import { capacityProjects } from './tables.js';
import { actsFor } from './visibility.js';

/**
 * Either partner keeps the project's objectives, milestones and principles; the requesting State, which
 * owns it, chooses what of it is public and closes it. The version read is named (If-Match): a stale
 * write is refused with 412.
 */
export async function updateProject(db: Db, input: { actor: Actor; projectId: string; ifMatch: number; patch: z.infer<typeof ProjectPatch> }) {
  const found = await projectParties(db, input.projectId);
  if (!found || !(actsFor(input.actor, needOwner(found.need)) || actsFor(input.actor, ownerOfOffer(found.offer)))) throw notFound('The project');
  const parties = { needState: found.need.state, offeror: ownerOfOffer(found.offer) };
  const { publicParts, status, ...work } = input.patch;
  if (Object.keys(work).length > 0) authorize(input.actor, capacityPolicy.editProject, parties);
  if (publicParts || status) authorize(input.actor, capacityPolicy.publishProject, parties);
  if (work.principles) await checkFrameworkCodes(db, work.principles, 'body.principles');
  return db.transaction(async (tx) => {
    const project = await projectRow(tx, input.projectId, true);
    if (project.version !== input.ifMatch) throw preconditionFailed('The project changed after you read it.', { currentVersion: project.version });
    if (project.status === 'completed' && status !== undefined && status !== 'completed') throw conflict('A completed project is not reopened.', 'project-status');
    const change = { ...input.patch, ...(status === 'completed' && project.status !== 'completed' ? { completedAt: new Date() } : {}) };
    const version = project.version + 1;
    await tx.update(capacityProjects).set({ ...change, version }).where(eq(capacityProjects.id, project.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.update-project', subjectType: 'capacity-project', subjectId: project.id, change: { ...input.patch, version } });
    return { version };
  });
}
