import { actsForState, isFocalPointOf, isSecretariat } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';

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
  exportSummary: rule('reporting.export-summary', (actor) => isSecretariat(actor)),
} as const;
