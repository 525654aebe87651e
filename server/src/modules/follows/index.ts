export { followsRoutes } from './routes.js';
export { followsPolicy } from './policy.js';
export { NOTICE_JOB, REMIND_JOB, noticeHandler, remindHandler, scheduleNotices } from './notice.js';
export { DIGEST_JOB, DIGEST_ONE_JOB, digestJobHandlers, scheduleDigest } from './digest.js';
export { FOLLOW_KINDS, type FollowKind } from './kinds.js';
