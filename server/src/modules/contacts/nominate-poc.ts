import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlatformContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { Problem } from '../../platform/http/problem.js';
import { confirmSecondFactor, inviteAccount } from '../accounts/index.js';
import { contactsPolicy } from './policy.js';
import type { NominateBody } from './schemas.js';
import { contactPocs, contactPocVersions } from './tables.js';
import { mailLanguageOf } from './working-hours.js';
import { auditedTransmission, checkedTransmission, storeTransmission, type CheckedTransmission, type TransmissionUpload } from './transmission.js';
import { scheduleDirectoryDigest } from './directory-digest.js';

/** Writes a nomination, its first version and its audit event in the caller's transaction (the second factor already checked). */
export async function insertNomination(tx: Tx, actor: Actor, state: string, nomination: NominationInput, accountId: string | null, transmission: CheckedTransmission | null = null): Promise<string> {
  const id = randomUUID();
  const record = recordOf(nomination);
  const now = new Date();
  await tx.insert(contactPocs).values({ id, state, ...record, accountId, status: 'current', version: 1, nominatedAt: now, updatedAt: now });
  await tx.insert(contactPocVersions).values({ pocId: id, version: 1, change: 'nominate', record, byAccount: actor.accountId, at: now });
  if (transmission) await storeTransmission(tx, id, 1, transmission, now);
  // The record's digest is chained; what stays readable in the audit trail names no person.
  await recordAudit(tx, {
    actor,
    action: 'contacts.nominate',
    subjectType: 'poc',
    subjectId: id,
    change: { state, ...record, transmission: auditedTransmission(transmission) },
    details: { state, role: record.role, version: 1, transmission: !!transmission },
  });
  await scheduleDirectoryDigest(tx, now);
  return id;
}

export type NominationInput = Omit<z.infer<typeof NominateBody>, 'otp' | 'invite' | 'transmission'>;

/** The record as the history keeps it: the nomination's fields, nothing of the account. */
export const recordOf = (n: NominationInput & { role: string }) => ({
  role: n.role,
  name: n.name,
  title: n.title,
  organisation: n.organisation,
  email: n.email,
  phone: n.phone,
  otherChannels: n.otherChannels,
  languages: n.languages,
  timeZone: n.timeZone,
  workingHours: n.workingHours,
});

/**
 * A focal point nominates a POC of its own State, with a fresh second-factor code and optionally its
 * official transmission (a note verbale, as PDF); the nomination, its first version, the transmission,
 * its audit event and the next directory digest commit together. With `invite`, the POC is then invited to
 * an account of role `poc`, scoped to the State (the invitation is its own transaction, after this one).
 */
export async function nominatePoc(ctx: PlatformContext, input: { actor: Actor; otp: string; invite: boolean; nomination: NominationInput; transmission?: TransmissionUpload | undefined }) {
  const state = input.actor.state ?? '';
  authorize(input.actor, contactsPolicy.nominate, { state });
  const db = ctx.database.db;
  const record = recordOf(input.nomination);
  const transmission = checkedTransmission(input.transmission, ctx.config.uploadLimitBytes);
  const id = await db.transaction(async (tx) => {
    await confirmSecondFactor(tx, input.actor.accountId, input.otp);
    return insertNomination(tx, input.actor, state, input.nomination, null, transmission);
  });
  let invited = false;
  if (input.invite) {
    try {
      const account = await inviteAccount(ctx, {
        actor: input.actor,
        email: record.email,
        name: record.name,
        role: 'poc',
        state,
        language: mailLanguageOf(record.languages),
      });
      await db.update(contactPocs).set({ accountId: account.id }).where(eq(contactPocs.id, id));
      invited = true;
    } catch (error) {
      // An address that already has an account is not invited again; the nomination stands.
      if (!(error instanceof Problem && error.status === 409)) throw error;
    }
  }
  return { id, version: 1, invited };
}
