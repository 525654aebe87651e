import { actsForOrganisation, isFocalPointOf, isSecretariat, type Role } from '../../kernel/actor.js';
import { ability, publicRead, rule, signedIn } from '../../platform/http/policy.js';
import { statesPolicy } from '../states/index.js';

export interface InvitationTarget {
  role: Role;
  state: string | null;
  /** The organisation a stakeholder representative acts for (absent for the other roles). */
  organisationId?: string | null;
}

/**
 * Who may do what with accounts. The Secretariat invites anyone; a focal point invites delegates
 * and points of contact of its own State and nobody else; a representative invites representatives
 * of its own organisation only (the stakeholders module decides which representative may, and when);
 * everyone manages their own account.
 */
export const accountsPolicy = {
  /** Reading who one is, signing in, accepting an invitation, asking for a reset: open to all. */
  open: publicRead,
  self: signedIn,
  /** Route-level: may this account invite anyone at all? */
  inviteSomeone: rule('accounts.invite', (actor) => isSecretariat(actor) || (!!actor && actor.roles.includes('focal_point'))),
  /** The real check, on what the invitation is for. */
  invite: rule<InvitationTarget>('accounts.invite', (actor, target) => {
    if (isSecretariat(actor)) return true;
    if (target.role === 'stakeholder') return !!target.organisationId && actsForOrganisation(actor, target.organisationId);
    return (target.role === 'delegate' || target.role === 'poc') && target.state !== null && isFocalPointOf(actor, target.state);
  }),
} as const;

/** What the `can` block of `/me` shows: what the caller may do across the platform (derived by `canOf`). */
export const accountsCan = {
  me: { invite: ability(accountsPolicy.inviteSomeone), correctStateNames: ability(statesPolicy.correctNames) },
} as const;
