export { contactsRoutes } from './routes.js';
export { checkJobHandlers, CHECK_SEND_JOB, CHECK_REMIND_JOB, CHECK_ESCALATE_JOB } from './check-jobs.js';
// The use cases the demo data is made with.
export { nominatePoc } from './nominate-poc.js';
export { scheduleCheck } from './schedule-check.js';
export { acknowledgeCheck } from './acknowledge-check.js';
export { startThread } from './start-thread.js';
export { answerThread } from './answer-thread.js';
// For the demo's seed alone (no route uses them).
export { seedNomination, backdateCheck } from './demo-support.js';
export { contactsPolicy } from './policy.js';
export { DIRECTORY_DIGEST_JOB, directoryDigestHandlers } from './directory-digest.js';
