import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound, Problem } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import { findOrganisation } from '../stakeholders/index.js';
import { joinRefusal, REFUSAL_TEXT, type Capacity, type Participant } from './membership.js';
import { groupsPolicy } from './policy.js';
import { groupMembers, groups } from './tables.js';

const whoWhere = (groupId: string, who: Participant) =>
  and(
    eq(groupMembers.groupId, groupId),
    isNull(groupMembers.leftAt),
    who.kind === 'state' ? eq(groupMembers.state, who.state) : eq(groupMembers.organisationId, who.organisationId),
  );

/**
 * A State joins a group by itself, as a member; an accredited organisation, as an observer when the
 * modalities allow. No approval: the act is recorded, and that is all.
 */
export async function joinGroup(db: Db, input: { actor: Actor; groupId: string; who: Participant; as: Capacity }): Promise<{ joinedAt: Date; alreadyIn: boolean }> {
  if (input.as === 'member') authorize(input.actor, groupsPolicy.joinAsMember, input.who);
  else authorize(input.actor, groupsPolicy.observe, input.who.kind === 'organisation' ? input.who.organisationId : '');
  let accredited = true;
  if (input.who.kind === 'state') await getState(db, input.who.state);
  else {
    const org = await findOrganisation(db, input.who.organisationId);
    if (!org) throw notFound('The organisation');
    accredited = org.accreditation === 'accredited';
  }
  return db.transaction(async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.id, input.groupId)).for('update');
    if (!group) throw notFound('The working group');
    const refusal = joinRefusal(group, input.who, input.as, accredited);
    if (refusal === 'not-accredited' || refusal === 'stakeholder-not-member') throw new Problem(403, refusal, 'Forbidden', REFUSAL_TEXT[refusal]);
    if (refusal) throw conflict(REFUSAL_TEXT[refusal], refusal);
    const [already] = await tx.select().from(groupMembers).where(whoWhere(input.groupId, input.who));
    if (already) return { joinedAt: already.joinedAt, alreadyIn: true };
    const joinedAt = new Date();
    const row = {
      id: randomUUID(),
      groupId: input.groupId,
      participantKind: input.who.kind,
      state: input.who.kind === 'state' ? input.who.state : null,
      organisationId: input.who.kind === 'organisation' ? input.who.organisationId : null,
      capacity: input.as,
      joinedAt,
      joinedBy: input.actor.accountId,
    };
    await tx.insert(groupMembers).values(row);
    await recordAudit(tx, { actor: input.actor, action: 'groups.join', subjectType: 'group', subjectId: input.groupId, change: { who: input.who, capacity: input.as, joinedAt } });
    return { joinedAt, alreadyIn: false };
  });
}

/** A State leaves a group by itself; an organisation stops observing. */
export async function leaveGroup(db: Db, input: { actor: Actor; groupId: string; who: Participant }): Promise<void> {
  if (input.who.kind === 'state') authorize(input.actor, groupsPolicy.leave, input.who.state);
  else authorize(input.actor, groupsPolicy.stopObserving, input.who.organisationId);
  await db.transaction(async (tx) => {
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, input.groupId)).for('update');
    if (!group) throw notFound('The working group');
    const [membership] = await tx.select().from(groupMembers).where(whoWhere(input.groupId, input.who));
    if (!membership) throw notFound(input.who.kind === 'state' ? `${input.who.state} as a member of this group` : 'This organisation as an observer of this group');
    const leftAt = new Date();
    await tx.update(groupMembers).set({ leftAt, leftBy: input.actor.accountId }).where(eq(groupMembers.id, membership.id));
    await recordAudit(tx, { actor: input.actor, action: 'groups.leave', subjectType: 'group', subjectId: input.groupId, change: { who: input.who, leftAt } });
  });
}
