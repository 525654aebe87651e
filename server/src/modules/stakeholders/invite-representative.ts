import type { PlatformContext } from '../../platform/context.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, Problem } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { grantStakeholderRole, inviteAccount } from '../accounts/index.js';
import { organisationRow } from './applications.js';
import { organisationFacts } from './reading.js';
import { stakeholdersPolicy } from './policy.js';

/**
 * The first representative of an accredited organisation invites another: an account of role
 * `stakeholder` acting for the same organisation (made, audited and mailed by the accounts module).
 * When the person has an account already, that account is made a representative instead, where it
 * may be (the accounts module decides: a person acts for one party only).
 */
export async function inviteRepresentative(ctx: PlatformContext, input: { actor: Actor; organisationId: string; name: string; email: string; language?: Language | undefined }) {
  const org = await organisationRow(ctx.database.db, input.organisationId);
  authorize(input.actor, stakeholdersPolicy.inviteRepresentative, organisationFacts(org));
  try {
    const invited = await inviteAccount(ctx, { actor: input.actor, email: input.email, name: input.name, role: 'stakeholder', organisationId: org.id, language: input.language });
    return { id: invited.id, email: invited.email, expiresAt: invited.expiresAt as Date | null };
  } catch (error) {
    if (!(error instanceof Problem && error.status === 409)) throw error;
    const granted = await grantStakeholderRole(ctx, { actor: input.actor, email: input.email, organisationId: org.id });
    if (!granted) throw error;
    if (!granted.granted) throw conflict('This person represents the organisation already.', 'already-representative');
    return { id: granted.id, email: granted.email, expiresAt: null };
  }
}
