export { decisionsRoutes } from './routes.js';
export { SILENCE_JOB, type MeetingRoll } from './adoption.js';
export { silenceDeadlineHandler } from './silence-deadline.js';
export { brokenOutcomes, draftOfOutcome, draftWithRecord, listOutcomes, outcomeWithRecord, silenceProcedureOf } from './reading.js';
// The use cases the demo data is made with.
export { createDraft } from './create-draft.js';
export { issueRevision } from './issue-revision.js';
export { proposeAmendment } from './propose-amendment.js';
export { cosponsorAmendment } from './cosponsor-amendment.js';
export { openSilenceProcedure } from './open-silence-procedure.js';
export { breakSilence } from './break-silence.js';
export { decisionsPolicy } from './policy.js';
export { revisionLabel } from './revisions.js';
export type { WorkingGroups } from './create-draft.js';
export { draftsOfBody } from './reading.js';
// What "My PoA" asks of negotiation: each read applies this module's own rules.
export { amendmentsToCosponsor, draftsChangedSinceSeen, openAdoptionProposals, openSilenceProcedures } from './reading.js';
export { noteDraftSeen } from './note-draft-seen.js';
export { amendmentsSearchSource, draftsSearchSource, outcomesSearchSource } from './search-source.js';
// What a State's page shows of its amendments and co-sponsorships.
export { amendmentsOfState, type AmendmentOfState } from './state-record.js';
