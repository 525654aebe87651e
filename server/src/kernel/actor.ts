/** The roles of the PoA. The public is the absence of an actor. */
/**
 * `poc`: a point of contact of a State, nominated and invited by its focal point, scoped to that State;
 * it reads the directory of points of contact and exchanges crisis messages, and acts for its State
 * in nothing else (it is neither a focal point nor a delegate).
 */
export const ROLES = ['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc'] as const;
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
  /** ISO 3166-1 alpha-3 code of the State a focal point, delegate or point of contact belongs to. */
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

/** A point of contact of this very State (whether its nomination is still current is the contacts module's to know). */
export const isPocOf = (actor: Actor | null, iso3: string): boolean => !!actor && actor.state === iso3 && hasRole(actor, 'poc');
