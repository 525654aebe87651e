import { hasRole, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import type { CAPACITY_VISIBILITIES } from './tables.js';

/**
 * Who sees and who commits a need, an offer or a project, as pure rules. The same rules are the
 * queries' filters (`visibleLevels`), so that a thing a viewer may not see appears in no list, count,
 * ranking or export: reading.ts never filters by anything else.
 */

export type CapacityVisibility = (typeof CAPACITY_VISIBILITIES)[number];

/** Who stands behind an offer (a need's owner is always a State). */
export type Owner = { kind: 'state'; state: string } | { kind: 'organisation'; organisationId: string } | { kind: 'secretariat' };

/** A State's representative, an organisation's or the Secretariat: those who see `participants` things. */
export function isParticipant(actor: Actor | null): boolean {
  if (!actor) return false;
  if (isSecretariat(actor)) return true;
  if (actor.state && (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate'))) return true;
  return !!actor.organisation && hasRole(actor, 'stakeholder');
}

/** The visibilities whose things the actor sees, whoever owns them. */
export function visibleLevels(actor: Actor | null): CapacityVisibility[] {
  if (isSecretariat(actor)) return ['public', 'participants', 'secretariat'];
  return isParticipant(actor) ? ['public', 'participants'] : ['public'];
}

/** Acts for the owner: reads and drafts for it (any of a State's representatives, an organisation's, the Secretariat). */
export function actsFor(actor: Actor | null, owner: Owner): boolean {
  if (!actor) return false;
  switch (owner.kind) {
    case 'state':
      return actor.state === owner.state && (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate'));
    case 'organisation':
      return actor.organisation === owner.organisationId && hasRole(actor, 'stakeholder');
    case 'secretariat':
      return isSecretariat(actor);
  }
}

/** Commits the owner to something: a State's focal point alone, an organisation's representative, the Secretariat for its programmes. */
export function commitsFor(actor: Actor | null, owner: Owner): boolean {
  if (!actor) return false;
  if (owner.kind === 'state') return isFocalPointOf(actor, owner.state);
  return actsFor(actor, owner);
}

/** Sees a need or offer: by its visibility, or as its owner. */
export const sees = (actor: Actor | null, thing: { visibility: CapacityVisibility; owner: Owner }): boolean =>
  visibleLevels(actor).includes(thing.visibility) || actsFor(actor, thing.owner);

export const ownerOfOffer = (o: { offerorKind: 'state' | 'organisation' | 'secretariat'; offerorState: string | null; organisationId: string | null }): Owner =>
  o.offerorKind === 'state' ? { kind: 'state', state: o.offerorState! } : o.offerorKind === 'organisation' ? { kind: 'organisation', organisationId: o.organisationId! } : { kind: 'secretariat' };

/** The owner an actor publishes an offer as: its State (focal point), its organisation, or the Secretariat; null for anyone else. */
export function offerorOf(actor: Actor | null): Owner | null {
  if (!actor) return null;
  if (isSecretariat(actor)) return { kind: 'secretariat' };
  if (actor.state && isFocalPointOf(actor, actor.state)) return { kind: 'state', state: actor.state };
  if (actor.organisation && hasRole(actor, 'stakeholder')) return { kind: 'organisation', organisationId: actor.organisation };
  return null;
}
