import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { revokeRole } from '../accounts/index.js';
import { nominationForChange } from './nomination-for-change.js';
import { contactPocs, contactPocVersions } from './tables.js';
import { scheduleDirectoryDigest } from './directory-digest.js';

/**
 * The focal point withdraws a nomination of its own State, with a fresh second-factor code. From
 * that moment the POC's account reads nothing of the directory, and a State that withdrew its last
 * POC loses access at once (every request reads the standing afresh). The POC's own account, if it
 * has one, loses its role `poc` in the same transaction (and is disabled when that was its only role):
 * a withdrawn POC keeps no account that was made for the crisis line.
 */
export async function withdrawPoc(ctx: PlatformContext, input: { actor: Actor; id: string; ifMatch: number; otp: string; reason: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const poc = await nominationForChange(tx, input);
    const version = poc.version + 1;
    const now = new Date();
    await tx.update(contactPocs).set({ status: 'withdrawn', version, updatedAt: now, withdrawnAt: now }).where(eq(contactPocs.id, poc.id));
    await tx.insert(contactPocVersions).values({ pocId: poc.id, version, change: 'withdraw', record: { reason: input.reason }, byAccount: input.actor.accountId, at: now });
    const account = poc.accountId ? await revokeRole(tx, poc.accountId, 'poc') : { revoked: false, disabled: false };
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contacts.withdraw',
      subjectType: 'poc',
      subjectId: poc.id,
      change: { state: poc.state, version, reason: input.reason, accountId: poc.accountId, ...account },
      details: { state: poc.state, version, accountRoleRevoked: account.revoked, accountDisabled: account.disabled },
    });
    await scheduleDirectoryDigest(tx, now);
    return { id: poc.id, version, status: 'withdrawn' as const };
  });
}
