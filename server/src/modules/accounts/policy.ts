import { actsForOrganisation, isFocalPointOf, isSecretariat, ROLES, type Actor, type Role } from '../../kernel/actor.js';
import { ability, choices, publicRead, rule, signedIn } from '../../platform/http/policy.js';
import { stateIso3Codes, statesPolicy } from '../states/index.js';

export interface InvitationTarget {
  role: Role;
  state: string | null;
  /** The organisation a stakeholder representative acts for (absent for the other roles). */
  organisationId?: string | null;
}

const inviteSomeone = rule('accounts.invite', (actor) => isSecretariat(actor) || (!!actor && actor.roles.includes('focal_point')));
const invite = rule<InvitationTarget>('accounts.invite', (actor, target) => {
  if (isSecretariat(actor)) return true;
  if (target.role === 'stakeholder') return !!target.organisationId && actsForOrganisation(actor, target.organisationId);
  return (target.role === 'delegate' || target.role === 'poc') && target.state !== null && isFocalPointOf(actor, target.state);
});

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
  inviteSomeone,
  /** The real check, on what the invitation is for. */
  invite,
  /** Both at once: what an invitation form may offer (the route's rule and the real check together). */
  inviteAs: rule<InvitationTarget>('accounts.invite', (actor, target): boolean => inviteSomeone.allows(actor) && invite.allows(actor, target)),
} as const;

/** What an invitation for this role would carry from the inviter's own scope (a State or an organisation). */
const invitationFrom = (actor: Actor | null, role: Role): InvitationTarget => ({
  role,
  state: actor?.state ?? null,
  organisationId: role === 'stakeholder' ? (actor?.organisation ?? null) : null,
});

/** What the `can` block of `/me` shows: what the caller may do across the platform (derived by `canOf`). */
export const accountsCan = {
  me: {
    invite: ability(accountsPolicy.inviteSomeone),
    correctStateNames: ability(statesPolicy.correctNames),
    /** The roles the invitation form offers: those the inviter may give within its own scope. */
    inviteRoles: choices(accountsPolicy.inviteAs, ROLES, (actor: Actor | null, role) => invitationFrom(actor, role)),
    /**
     * The States a delegate may be invited for by this inviter (every State for the Secretariat, its own
     * for a focal point), asked of the rule State by State; `/me` sends it compact (`statesOffered`).
     */
    inviteStates: choices(accountsPolicy.inviteAs, stateIso3Codes(), (_actor: Actor | null, iso3) => ({ role: 'delegate' as const, state: iso3 })),
  },
} as const;

/** A list of States as `/me` sends it: `all` when the rule allowed every State, otherwise the few it allowed. */
export interface StatesOffered {
  all: boolean;
  /** The States allowed, when not all of them (empty when `all`). */
  states: string[];
}

/**
 * The compact form of the States a rule allowed, among every State of the reference: 195 codes on every
 * page load of a Secretariat member said `all`, the same answer the rule gave State by State.
 */
export function statesOffered(allowed: readonly string[], every: readonly string[] = stateIso3Codes()): StatesOffered {
  const set = new Set(allowed);
  const all = every.length > 0 && every.every((s) => set.has(s));
  return all ? { all: true, states: [] } : { all: false, states: [...allowed] };
}
