import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { notFound, preconditionFailed } from '../../platform/http/problem.js';
import { confirmSecondFactor } from '../accounts/index.js';
import { contactsPolicy } from './policy.js';
import { contactPocs } from './tables.js';

/**
 * What every change to a nomination asks first, in its transaction: the current nomination, locked;
 * its own State's focal point (another State's POC is not found); the version the change is based on
 * (If-Match); and a fresh second-factor code.
 */
export async function nominationForChange(tx: Tx, input: { actor: Actor; id: string; ifMatch: number; otp: string }) {
  const [poc] = await tx
    .select()
    .from(contactPocs)
    .where(and(eq(contactPocs.id, input.id), eq(contactPocs.status, 'current')))
    .for('update');
  if (!poc || !contactsPolicy.nominate.allows(input.actor, { state: poc.state })) throw notFound('The point of contact');
  if (poc.version !== input.ifMatch) throw preconditionFailed('The nomination changed meanwhile: reload it.', { currentVersion: poc.version });
  await confirmSecondFactor(tx, input.actor.accountId, input.otp);
  return poc;
}
