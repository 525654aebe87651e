/** The roles of the PoA. The public is the absence of an actor. */
export const ROLES = ['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that must sign in with a second factor: the Secretariat, focal points (who speak for their
 * State), and chairs (who declare consensus and open silence procedures).
 */
export const ROLES_REQUIRING_SECOND_FACTOR: readonly Role[] = ['secretariat', 'chair', 'focal_point'];

/** Who is acting: a signed-in account, with the State or organisation it acts for. */
export interface Actor {
  accountId: string;
  sessionId: string;
  name: string;
  roles: readonly Role[];
  /** ISO 3166-1 alpha-3 code of the State a focal point or delegate acts for. */
  state: string | null;
  /** The organisation a stakeholder representative acts for. */
  organisation: string | null;
}

export const hasRole = (actor: Actor | null, role: Role): boolean => !!actor && actor.roles.includes(role);
export const isSecretariat = (actor: Actor | null): boolean => hasRole(actor, 'secretariat');
export const isSignedIn = (actor: Actor | null): boolean => actor !== null;

/** A focal point or delegate of this very State: nobody acts for a State that is not theirs. */
export const actsForState = (actor: Actor | null, iso3: string): boolean =>
  !!actor && actor.state === iso3 && (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate'));

export const isFocalPointOf = (actor: Actor | null, iso3: string): boolean =>
  !!actor && actor.state === iso3 && hasRole(actor, 'focal_point');

export const actsForOrganisation = (actor: Actor | null, organisation: string): boolean =>
  !!actor && actor.organisation === organisation && hasRole(actor, 'stakeholder');
