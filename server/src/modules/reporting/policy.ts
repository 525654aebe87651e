import { actsForState, isFocalPointOf, isSecretariat } from '../../platform/http/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';

/**
 * National reporting: the Secretariat opens cycles; a State's focal point and delegates draft its
 * report together; only the focal point submits and chooses who may read it. What each viewer sees
 * of a report is decided by `sees` (questionnaire.ts), everywhere: pages, analysis, exports.
 */
export const reportingPolicy = {
  read: publicRead,
  openCycle: rule('reporting.open-cycle', (actor) => isSecretariat(actor)),
  /** Draft the State's own report. */
  draft: rule<{ state: string }>('reporting.draft', (actor, r) => actsForState(actor, r.state)),
  draftSomething: rule('reporting.draft', (actor) => !!actor?.state && actsForState(actor, actor.state)),
  /** Submit, and choose visibility: the focal point of the State. */
  submit: rule<{ state: string }>('reporting.submit', (actor, r) => isFocalPointOf(actor, r.state)),
  submitSomething: rule('reporting.submit', (actor) => !!actor?.state && isFocalPointOf(actor, actor.state)),
  /** Start the State's own report in a cycle: someone who drafts it, while the State has none there yet. */
  startReport: rule<{ hasReport: boolean }>('reporting.draft', (actor, c) => !!actor?.state && actsForState(actor, actor.state) && !c.hasReport),
  exportSummary: rule('reporting.export-summary', (actor) => isSecretariat(actor)),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const reportingCan = {
  /** The list of cycles. */
  cycles: { openCycle: ability(reportingPolicy.openCycle), startReport: ability(reportingPolicy.draftSomething) },
  /** One cycle, with whether the caller's State already has a report in it. */
  cycle: { startReport: ability(reportingPolicy.startReport, (c: { hasReport: boolean }) => c) },
  /** A State's report. */
  report: {
    edit: ability(reportingPolicy.draft, (r: { state: string }) => r),
    submit: ability(reportingPolicy.submit, (r: { state: string }) => r),
  },
  analysis: { exportSummary: ability(reportingPolicy.exportSummary) },
} as const;
