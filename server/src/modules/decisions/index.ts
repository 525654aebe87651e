export { decisionsRoutes } from './routes.js';
export { silenceDeadlineHandler, SILENCE_JOB, type MeetingRoll } from './adoption.js';
export { brokenOutcomes, draftWithRecord } from './reading.js';
// The use cases the demo data is made with.
export { createDraft, issueRevision, proposeAmendment, cosponsorAmendment } from './drafting.js';
export { breakSilence, openSilenceProcedure } from './adoption.js';
export { decisionsPolicy } from './policy.js';
export type { WorkingGroups } from './drafting.js';
export { draftsOfBody } from './reading.js';
