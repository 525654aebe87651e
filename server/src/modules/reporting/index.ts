export { reportingRoutes } from './routes.js';
export { reportReminderHandler } from './reminders.js';
export { REMINDER_JOB } from './reports.js';
export { reportingPolicy } from './policy.js';
