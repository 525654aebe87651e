import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { nominationForChange } from './nomination-for-change.js';
import { contactPocs, contactPocVersions } from './tables.js';
import { recordOf, type NominationInput } from './nominate-poc.js';

/**
 * The focal point changes a current nomination of its own State (If-Match: its version), with a
 * fresh second-factor code; the new version joins the history. Another State's POC is not found.
 */
export async function changePoc(ctx: PlatformContext, input: { actor: Actor; id: string; ifMatch: number; otp: string; nomination: Omit<NominationInput, 'role'> }) {
  return ctx.database.db.transaction(async (tx) => {
    const poc = await nominationForChange(tx, input);
    const record = recordOf({ ...input.nomination, role: poc.role });
    const version = poc.version + 1;
    const now = new Date();
    await tx.update(contactPocs).set({ ...record, version, updatedAt: now }).where(eq(contactPocs.id, poc.id));
    await tx.insert(contactPocVersions).values({ pocId: poc.id, version, change: 'update', record, byAccount: input.actor.accountId, at: now });
    const changed = Object.keys(record).filter((k) => JSON.stringify(record[k as keyof typeof record]) !== JSON.stringify(poc[k as keyof typeof poc]));
    await recordAudit(tx, { actor: input.actor, action: 'contacts.change', subjectType: 'poc', subjectId: poc.id, change: { state: poc.state, ...record }, details: { state: poc.state, version, fields: changed } });
    return { id: poc.id, version, status: 'current' as const };
  });
}
