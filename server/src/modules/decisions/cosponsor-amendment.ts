import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { amendments, amendmentSponsors } from './tables.js';
import { negotiableDraft } from './drafting.js';

/** Another State joins an amendment proposal as co-sponsor. */
export async function cosponsorAmendment(db: Db, input: { actor: Actor; amendmentId: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return db.transaction(async (tx) => {
    const [amendment] = await tx.select().from(amendments).where(eq(amendments.id, input.amendmentId));
    if (!amendment) throw notFound('The amendment');
    await negotiableDraft(tx, amendment.draftId);
    if (amendment.status !== 'proposed') throw conflict('The amendment was withdrawn.', 'amendment-withdrawn');
    const inserted = await tx
      .insert(amendmentSponsors)
      .values({ amendmentId: amendment.id, state, joinedBy: input.actor.accountId, joinedAt: new Date() })
      .onConflictDoNothing()
      .returning({ state: amendmentSponsors.state });
    if (inserted.length === 0) throw conflict('Your State already sponsors this amendment.', 'already-sponsor');
    await recordAudit(tx, { actor: input.actor, action: 'decisions.cosponsor-amendment', subjectType: 'amendment', subjectId: amendment.id, change: { state } });
  });
}
