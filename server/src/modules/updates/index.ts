export { updatesRoutes } from './routes.js';
export { updatesPolicy } from './policy.js';
export { updatesJobHandlers, DIGEST_JOB, DIGEST_ONE_JOB, scheduleDigest } from './digest.js';
export { subscribeToUpdates } from './subscribe.js';
export { confirmSubscription } from './confirm-subscription.js';
export { TOPICS, type Topic } from './topics.js';
