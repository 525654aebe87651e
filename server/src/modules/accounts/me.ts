import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { findOrganisation } from '../stakeholders/index.js';
import { canOf } from '../../platform/http/policy.js';
import { accountsCan, statesOffered } from './policy.js';
import { accounts } from './tables.js';

/** Who the caller is, and what they may do across the platform. */
export async function describeMe(db: Executor, actor: Actor | null) {
  const { inviteStates, ...flags } = canOf(accountsCan.me, actor, actor);
  const can = { ...flags, inviteStates: statesOffered(inviteStates) };
  if (!actor) return { account: null, can };
  const [account] = await db
    .select({ email: accounts.email, totpSecret: accounts.totpSecret, language: accounts.language })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  const organisation = actor.organisation ? await findOrganisation(db, actor.organisation) : null;
  return {
    account: {
      id: actor.accountId,
      name: actor.name,
      email: account?.email ?? '',
      roles: [...actor.roles],
      state: actor.state,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      secondFactor: !!account?.totpSecret,
      language: account?.language ?? 'en',
    },
    can,
  };
}
