export { reportingRoutes } from './routes.js';
export { reportReminderHandler } from './reminders.js';
export { openCycle, REMINDER_JOB, saveSection, startReport, submitReport } from './reports.js';
export { reportingPolicy } from './policy.js';
