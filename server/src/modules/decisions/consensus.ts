
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
 * a break arriving at 12:00:00.000 for a 12:00 deadline is too late. Breaking ends the procedure, so a
 * second break (by anyone) finds it closed; a State's own second break is refused as such.
 */
export function mayBreakSilence(
  procedure: SilenceProcedure,
  state: StateStanding,
  at: Date,
  rules: RulesOfProcedure,
  brokenBy: readonly string[],
): Refusal | null {
  if (brokenBy.includes(state.iso3)) return 'already-broken';
  if (procedure.status !== 'open') return 'not-open';
  if (at.getTime() >= procedure.deadlineAt.getTime()) return 'deadline-passed';
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
