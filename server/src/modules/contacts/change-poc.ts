import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { nominationForChange } from './nomination-for-change.js';
import { contactPocs, contactPocVersions } from './tables.js';
import { recordOf, type NominationInput } from './nominate-poc.js';
import { auditedTransmission, checkedTransmission, storeTransmission, type TransmissionUpload } from './transmission.js';
import { scheduleDirectoryDigest } from './directory-digest.js';

/**
 * The focal point changes a current nomination of its own State (If-Match: its version), with a
 * fresh second-factor code, optionally with a new official transmission (PDF) kept with the new
 * version; the new version joins the history, and the next directory digest tells of it. Another State's POC is not found.
 */
export async function changePoc(ctx: PlatformContext, input: { actor: Actor; id: string; ifMatch: number; otp: string; nomination: Omit<NominationInput, 'role'>; transmission?: TransmissionUpload | undefined }) {
  const transmission = checkedTransmission(input.transmission, ctx.config.uploadLimitBytes);
  return ctx.database.db.transaction(async (tx) => {
    const poc = await nominationForChange(tx, input);
    const record = recordOf({ ...input.nomination, role: poc.role });
    const version = poc.version + 1;
    const now = new Date();
    await tx.update(contactPocs).set({ ...record, version, updatedAt: now }).where(eq(contactPocs.id, poc.id));
    await tx.insert(contactPocVersions).values({ pocId: poc.id, version, change: 'update', record, byAccount: input.actor.accountId, at: now });
    if (transmission) await storeTransmission(tx, poc.id, version, transmission, now);
    const changed = Object.keys(record).filter((k) => JSON.stringify(record[k as keyof typeof record]) !== JSON.stringify(poc[k as keyof typeof poc]));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contacts.change',
      subjectType: 'poc',
      subjectId: poc.id,
      change: { state: poc.state, ...record, transmission: auditedTransmission(transmission) },
      details: { state: poc.state, version, fields: changed, transmission: !!transmission },
    });
    await scheduleDirectoryDigest(tx, now);
    return { id: poc.id, version, status: 'current' as const };
  });
}
