import { actsForState, hasRole, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';

const chairOrSecretariat = (actor: Actor | null) => isSecretariat(actor) || hasRole(actor, 'chair');
/** A State acts through its own people only: the State is always the actor's own, never one named in a request. */
const forOwnState = (actor: Actor | null) => !!actor?.state && actsForState(actor, actor.state);

/**
 * Who may do what in negotiation and adoption. The record is public: anyone can see who proposed,
 * objected, broke silence and explained what. Stakeholders have a voice elsewhere but no part here.
 */
export const decisionsPolicy = {
  read: publicRead,
  /** Create drafts, issue revisions, transmit, propose adoption, declare consensus, open silence procedures. */
  chair: rule('decisions.chair', chairOrSecretariat),
  /** Propose and co-sponsor amendments, object in a meeting, explain a position: a focal point or delegate, for its State. */
  actForState: rule('decisions.act-for-state', forOwnState),
  /** Breaking silence is a formal act of the State: its focal point. */
  breakSilence: rule('decisions.break-silence', (actor) => !!actor?.state && isFocalPointOf(actor, actor.state)),
} as const;
