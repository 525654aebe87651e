import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { Role } from '../../kernel/actor.js';
import { accountRoles, accounts, sessions } from './tables.js';

/**
 * Takes a role from an account in the caller's transaction (e.g. a point of contact's `poc` when its
 * nomination is withdrawn). An account left with no role is disabled and its sessions end: it can no
 * longer sign in, and a session already open finds nobody. Returns what was done; nothing when the
 * account did not hold the role.
 */
export async function revokeRole(tx: Tx, accountId: string, role: Role): Promise<{ revoked: boolean; disabled: boolean }> {
  const removed = await tx
    .delete(accountRoles)
    .where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.role, role)))
    .returning({ role: accountRoles.role });
  if (removed.length === 0) return { revoked: false, disabled: false };
  const left = await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
  if (left.length > 0) return { revoked: true, disabled: false };
  await tx.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, accountId));
  await tx.delete(sessions).where(eq(sessions.accountId, accountId));
  return { revoked: true, disabled: true };
}
