import { actsForState, hasRole, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';
import { mayAdoptBySilence } from './consensus.js';

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

  // What may be done with a draft, an amendment, a silence procedure or a proposal as it stands.
  issueRevision: rule<DraftFacts>('decisions.chair', (actor, d) => d.negotiating && chairOrSecretariat(actor)),
  proposeAmendment: rule<DraftFacts>('decisions.act-for-state', (actor, d) => d.negotiating && forOwnState(actor)),
  breakSilenceOnDraft: rule<DraftFacts>('decisions.break-silence', (actor, d) => d.negotiating && !!actor?.state && isFocalPointOf(actor, actor.state)),
  /** Transmit to the plenary: what a working group negotiated, not the plenary's own drafts, and not while its adoption is proposed. */
  transmit: rule<DraftFacts>('decisions.chair', (actor, d) => d.negotiating && chairOrSecretariat(actor) && d.body !== 'plenary' && !d.procedureOpen),
  /** Propose adoption (in a meeting of the draft's own body): one procedure at a time. */
  seekAdoption: rule<DraftFacts>('decisions.chair', (actor, d) => d.negotiating && chairOrSecretariat(actor) && !d.procedureOpen),
  /** Open a silence procedure: every State is asked, so only on a draft before the plenary (a group's, once transmitted). */
  seekSilence: rule<DraftFacts>('decisions.chair', (actor, d) => d.negotiating && chairOrSecretariat(actor) && !d.procedureOpen && mayAdoptBySilence(d) === null),
  /** Co-sponsor a proposed amendment of a draft under negotiation, once per State. */
  cosponsor: rule<AmendmentFacts>(
    'decisions.act-for-state',
    (actor, a) => a.negotiating && a.status === 'proposed' && forOwnState(actor) && !a.sponsors.includes(actor!.state!),
  ),
  breakOpenSilence: rule<{ status: string }>('decisions.break-silence', (actor, p) => p.status === 'open' && !!actor?.state && isFocalPointOf(actor, actor.state)),
  object: rule<{ status: string }>('decisions.act-for-state', (actor, p) => p.status === 'open' && forOwnState(actor)),
  declareConsensus: rule<{ status: string }>('decisions.chair', (actor, p) => p.status === 'open' && chairOrSecretariat(actor)),
} as const;

/** A draft as the rules of its `can` block see it. */
export interface DraftFacts {
  negotiating: boolean;
  body: string;
  /** A silence procedure or a proposal for adoption is open on it. */
  procedureOpen: boolean;
}

export interface AmendmentFacts {
  negotiating: boolean;
  status: 'proposed' | 'withdrawn';
  /** The States co-sponsoring it. */
  sponsors: readonly string[];
}

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const decisionsCan = {
  drafts: { table: ability(decisionsPolicy.chair) },
  draft: {
    issueRevision: ability(decisionsPolicy.issueRevision, (d: DraftFacts) => d),
    proposeAmendment: ability(decisionsPolicy.proposeAmendment, (d: DraftFacts) => d),
    breakSilence: ability(decisionsPolicy.breakSilenceOnDraft, (d: DraftFacts) => d),
    transmit: ability(decisionsPolicy.transmit, (d: DraftFacts) => d),
    proposeAdoption: ability(decisionsPolicy.seekAdoption, (d: DraftFacts) => d),
    openSilenceProcedure: ability(decisionsPolicy.seekSilence, (d: DraftFacts) => d),
  },
  amendment: { cosponsor: ability(decisionsPolicy.cosponsor, (a: AmendmentFacts) => a) },
  silenceProcedure: { breakSilence: ability(decisionsPolicy.breakOpenSilence, (p: { status: string }) => p) },
  adoptionProposal: {
    object: ability(decisionsPolicy.object, (p: { status: string }) => p),
    declareConsensus: ability(decisionsPolicy.declareConsensus, (p: { status: string }) => p),
  },
  /** The list of open silence procedures. */
  openSilence: { breakSilence: ability(decisionsPolicy.breakSilence) },
  outcome: { explain: ability(decisionsPolicy.actForState) },
} as const;
