import { DateTime } from 'luxon';

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

export type DeadlineProblem = 'invalid-zone' | 'invalid-time' | 'nonexistent-local-time' | 'in-the-past';

/**
 * A deadline stated in local time (e.g. 2027-03-15T12:00 in America/New_York) as an instant.
 * A local time skipped by a daylight-saving change (02:30 on the spring-forward night) does not exist
 * and is refused rather than moved; a repeated one (01:30 on the fall-back night) means its first
 * occurrence, and the offset is kept with the deadline so it is shown unambiguously.
 */
export function deadlineInstant(local: string, zone: string, now: Date): { at: Date; offset: string } | { problem: DeadlineProblem } {
  if (!DateTime.local().setZone(zone).isValid) return { problem: 'invalid-zone' };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return { problem: 'invalid-time' };
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { problem: 'invalid-time' };
  // Luxon moves a nonexistent local time forward; detect it by reading the wall clock back.
  const wall = dt.toFormat(local.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  if (wall !== local) return { problem: 'nonexistent-local-time' };
  // For a repeated hour (fall back) both readings exist: take the earlier instant.
  const earlier = [dt, ...dt.getPossibleOffsets()].sort((a, b) => a.toMillis() - b.toMillis())[0]!;
  const at = earlier.toJSDate();
  if (at.getTime() <= now.getTime()) return { problem: 'in-the-past' };
  return { at, offset: earlier.setZone(zone).toFormat('ZZ') };
}

/** The deadline as people read it: "15 March 2027, 12:00 (America/New_York, UTC−04:00)". */
export function deadlineLabel(at: Date, zone: string, locale = 'en'): string {
  const dt = DateTime.fromJSDate(at).setZone(zone).setLocale(locale);
  return `${dt.toLocaleString(DateTime.DATETIME_FULL)} (${zone})`;
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
