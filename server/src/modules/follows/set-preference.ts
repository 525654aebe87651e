import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import type { Delivery } from './kinds.js';
import { followsPolicy } from './policy.js';
import { notificationPreferences } from './tables.js';
import { scheduleDigest } from './digest.js';

/** A person chooses how they are told (each notice at once, or a daily digest) and the zone their deadlines are shown in. */
export async function setPreference(db: Db, input: { actor: Actor; delivery: Delivery; timeZone: string }): Promise<{ delivery: Delivery; timeZone: string }> {
  authorize(input.actor, followsPolicy.own, undefined);
  const now = new Date();
  const values = { delivery: input.delivery, timeZone: input.timeZone, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ accountId: input.actor.accountId, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.accountId, set: values });
    await recordAudit(tx, { actor: input.actor, action: 'follows.set-preference', subjectType: 'account', subjectId: input.actor.accountId, change: { delivery: input.delivery, timeZone: input.timeZone } });
    // Notices already waiting for a digest leave with the next one, whichever the choice now.
    await scheduleDigest(tx, now);
  });
  return { delivery: input.delivery, timeZone: input.timeZone };
}
