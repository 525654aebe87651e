
/**
 * Adoption by consensus, as pure rules: in a meeting (no State present objects) or by silence
 * procedure (no State breaks silence before the deadline). No I/O here; every transition is tested.
 */

/** Rules of procedure that are settings, not code. */
export interface RulesOfProcedure {
  /** Whether observer States (the Holy See, the State of Palestine) may object or break silence. */
  observerStatesMayObject: boolean;
  /** The silence period proposed when the chair gives none, in hours. */
  defaultSilenceHours: number;
}

export interface StateStanding {
  iso3: string;
  status: 'member' | 'observer';
}

export type Refusal =
  | 'not-open'
  | 'deadline-passed'
  | 'already-broken'
  | 'not-eligible'
  | 'not-present'
  | 'already-objected';

/** Who may take part in a decision: member States, and observer States when the rules say so. */
export const mayTakePartInDecision = (state: StateStanding, rules: RulesOfProcedure): boolean =>
  state.status === 'member' || rules.observerStatesMayObject;

// ---- silence procedure -------------------------------------------------------------------------

export interface SilenceProcedure {
  status: 'open' | 'adopted' | 'broken' | 'withdrawn';
  deadlineAt: Date;
}

/**
 * Whether a State may break silence at an instant. Silence can be broken until the deadline, not at it:
 * a break arriving at 12:00:00.000 for a 12:00 deadline is too late, and stays `deadline-passed` once the
 * text is adopted. Breaking ends the procedure, so a second break (by anyone) finds it closed; a State's
 * own second break is refused as such.
 */
export function mayBreakSilence(
  procedure: SilenceProcedure,
  state: StateStanding,
  at: Date,
  rules: RulesOfProcedure,
  brokenBy: readonly string[],
): Refusal | null {
  if (brokenBy.includes(state.iso3)) return 'already-broken';
  // Late is late, whether or not the deadline job has adopted the text yet: one answer, naming the deadline.
  if (procedure.status === 'adopted' || (procedure.status === 'open' && at.getTime() >= procedure.deadlineAt.getTime())) return 'deadline-passed';
  if (procedure.status !== 'open') return 'not-open';
  if (!mayTakePartInDecision(state, rules)) return 'not-eligible';
  return null;
}

/** What the procedure comes to at an instant: still open, adopted (deadline passed in silence), or broken. */
export function silenceOutcome(procedure: SilenceProcedure, breaks: number, now: Date): 'open' | 'adopted' | 'broken' | 'withdrawn' {
  if (procedure.status !== 'open') return procedure.status;
  if (breaks > 0) return 'broken';
  return now.getTime() >= procedure.deadlineAt.getTime() ? 'adopted' : 'open';
}

// ---- adoption in a meeting ---------------------------------------------------------------------

export interface ConsensusProposal {
  status: 'open' | 'adopted' | 'not-adopted' | 'withdrawn';
}

/** Whether a State may object to a proposal for adoption: it must be open, the State present and eligible. */
export function mayObject(
  proposal: ConsensusProposal,
  state: StateStanding,
  present: boolean,
  rules: RulesOfProcedure,
  objectors: readonly string[],
): Refusal | null {
  if (objectors.includes(state.iso3)) return 'already-objected';
  if (proposal.status !== 'open') return 'not-open';
  if (!present) return 'not-present';
  if (!mayTakePartInDecision(state, rules)) return 'not-eligible';
  return null;
}

/** The chair's declaration: consensus when nobody objected; otherwise the text is not adopted and stays a draft. */
export function declareConsensus(proposal: ConsensusProposal, objections: number): 'adopted' | 'not-adopted' | 'not-open' {
  if (proposal.status !== 'open') return 'not-open';
  return objections === 0 ? 'adopted' : 'not-adopted';
}

// ---- where a text may be adopted ---------------------------------------------------------------

/** The body a draft is before, or a meeting belongs to: `plenary`, or a working group's id. */
export type Body = string;
export const PLENARY: Body = 'plenary';

export type AdoptionPlaceRefusal = 'meeting-not-in-session' | 'not-transmitted' | 'other-body';

/**
 * Whether a draft may be adopted in a meeting: the meeting must be in session and belong to the body the
 * draft is before. A working group's draft reaches the plenary only by transmission (`not-transmitted`);
 * a plenary draft, or another group's, is not adopted in a group's meeting (`other-body`).
 */
export function mayAdoptInMeeting(draft: { body: Body }, meeting: { body: Body; inSession: boolean }): AdoptionPlaceRefusal | null {
  if (!meeting.inSession) return 'meeting-not-in-session';
  if (draft.body === meeting.body) return null;
  return meeting.body === PLENARY ? 'not-transmitted' : 'other-body';
}

/**
 * Whether a draft may be circulated under a silence procedure: every State is asked, so it is the
 * plenary's procedure, for a plenary draft (a group's draft once transmitted), never a group's own.
 */
export function mayAdoptBySilence(draft: { body: Body }): AdoptionPlaceRefusal | null {
  return draft.body === PLENARY ? null : 'not-transmitted';
}
