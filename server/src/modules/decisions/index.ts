export { decisionsRoutes } from './routes.js';
export { silenceDeadlineHandler, SILENCE_JOB, type MeetingRoll } from './adoption.js';
export { brokenOutcomes } from './reading.js';
export { decisionsPolicy } from './policy.js';
export type { WorkingGroups } from './drafting.js';
export { draftsOfBody } from './reading.js';
