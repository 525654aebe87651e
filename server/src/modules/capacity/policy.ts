import { isFocalPointOf, type Actor } from '../../kernel/actor.js';
import { ability, publicRead, rule, type Choices, type Flag } from '../../platform/http/policy.js';
import { NEED_MOVES, OFFER_MOVES, type NeedMove, type OfferMove } from './status-moves.js';
import type { NEED_STATUSES, OFFER_STATUSES } from './tables.js';
import { commitsFor, offerorOf, type Owner } from './visibility.js';

/**
 * Capacity-building is demand-driven: a need is its State's, and only that State's focal point
 * publishes it, invites an offeror on it, confirms a match or withdraws. An offer is its offeror's
 * (a State's focal point, an organisation's representative, or the Secretariat for a programme),
 * and only the offeror accepts or declines an invitation. Who sees what is in visibility.ts.
 */
const focalPointOfOwnState = (actor: Actor | null) => !!actor?.state && isFocalPointOf(actor, actor.state);

export interface MatchParties {
  needState: string;
  offeror: Owner;
}

export const capacityPolicy = {
  read: publicRead,
  publishNeed: rule('capacity.publish-need', focalPointOfOwnState),
  manageNeed: rule<{ state: string }>('capacity.manage-need', (actor, n) => isFocalPointOf(actor, n.state)),
  publishOffer: rule('capacity.publish-offer', (actor) => offerorOf(actor) !== null),
  manageOffer: rule<Owner>('capacity.manage-offer', (actor, owner) => commitsFor(actor, owner)),
  /** Invite an offeror on a need, and confirm an accepted match: the requesting State's focal point. */
  invite: rule<{ state: string }>('capacity.invite', (actor, n) => isFocalPointOf(actor, n.state)),
  confirm: rule<MatchParties>('capacity.confirm', (actor, m) => isFocalPointOf(actor, m.needState)),
  /** Accept or decline an invitation: the offeror. */
  respond: rule<MatchParties>('capacity.respond', (actor, m) => commitsFor(actor, m.offeror)),
  /** Withdraw from a match before it is confirmed: either side. */
  withdraw: rule<MatchParties>('capacity.withdraw', (actor, m) => isFocalPointOf(actor, m.needState) || commitsFor(actor, m.offeror)),
  /** Keep a project's objectives, milestones and principles: either partner. */
  editProject: rule<MatchParties>('capacity.edit-project', (actor, m) => isFocalPointOf(actor, m.needState) || commitsFor(actor, m.offeror)),
  /** Choose what of a project is public, and close it: the requesting State, which owns it. */
  publishProject: rule<MatchParties>('capacity.publish-project', (actor, m) => isFocalPointOf(actor, m.needState)),
  evaluate: rule<MatchParties>('capacity.evaluate', (actor, m) => isFocalPointOf(actor, m.needState) || commitsFor(actor, m.offeror)),
  /** A signed-in participant's own matches. */
  mine: rule('capacity.mine', (actor) => focalPointOfOwnState(actor) || offerorOf(actor) !== null),
} as const;

type MatchFacts = MatchParties & { status: string };
type NeedFacts = { state: string; status: (typeof NEED_STATUSES)[number] };
type OfferFacts = { owner: Owner; status: (typeof OFFER_STATUSES)[number] };
type ProjectFacts = MatchParties & { status: string };

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const capacityCan = {
  lists: { publishNeed: ability(capacityPolicy.publishNeed), publishOffer: ability(capacityPolicy.publishOffer) },
  need: {
    edit: ability(capacityPolicy.manageNeed, (n: NeedFacts) => n),
    invite: { kind: 'flag', action: capacityPolicy.invite.action, decide: (actor, n) => ['open', 'in-discussion'].includes(n.status) && capacityPolicy.invite.allows(actor, n) },
    /** The statuses its focal point may move the need to now. */
    moveTo: { kind: 'choices', action: capacityPolicy.manageNeed.action, decide: (actor, n) => (capacityPolicy.manageNeed.allows(actor, n) ? [...NEED_MOVES[n.status]] : []) },
  } as const satisfies Record<string, Flag<NeedFacts> | Choices<NeedFacts, NeedMove>>,
  /** An offer as ranked for a need: `live` when it is already invited, accepted or confirmed on it. */
  rankedOffer: {
    invite: { kind: 'flag', action: capacityPolicy.invite.action, decide: (actor, r) => !r.live && ['open', 'in-discussion'].includes(r.need.status) && capacityPolicy.invite.allows(actor, r.need) },
  } as const satisfies Record<string, Flag<{ need: NeedFacts; live: boolean }>>,
  offer: {
    edit: ability(capacityPolicy.manageOffer, (o: OfferFacts) => o.owner),
    /** The statuses its offeror may move the offer to now. */
    moveTo: { kind: 'choices', action: capacityPolicy.manageOffer.action, decide: (actor, o) => (capacityPolicy.manageOffer.allows(actor, o.owner) ? [...OFFER_MOVES[o.status]] : []) },
  } as const satisfies Record<string, Flag<OfferFacts> | Choices<OfferFacts, OfferMove>>,
  match: {
    accept: { kind: 'flag', action: capacityPolicy.respond.action, decide: (actor, m) => m.status === 'invited' && capacityPolicy.respond.allows(actor, m) },
    decline: { kind: 'flag', action: capacityPolicy.respond.action, decide: (actor, m) => m.status === 'invited' && capacityPolicy.respond.allows(actor, m) },
    confirm: { kind: 'flag', action: capacityPolicy.confirm.action, decide: (actor, m) => m.status === 'accepted' && capacityPolicy.confirm.allows(actor, m) },
    withdraw: { kind: 'flag', action: capacityPolicy.withdraw.action, decide: (actor, m) => ['invited', 'accepted'].includes(m.status) && capacityPolicy.withdraw.allows(actor, m) },
  } as const satisfies Record<string, Flag<MatchFacts>>,
  project: {
    edit: ability(capacityPolicy.editProject, (p: ProjectFacts) => p),
    publish: ability(capacityPolicy.publishProject, (p: ProjectFacts) => p),
    evaluate: { kind: 'flag', action: capacityPolicy.evaluate.action, decide: (actor, p) => p.status === 'completed' && capacityPolicy.evaluate.allows(actor, p) },
  } as const satisfies Record<string, Flag<ProjectFacts>>,
} as const;
