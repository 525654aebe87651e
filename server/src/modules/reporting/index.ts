export { reportingRoutes } from './routes.js';
export { reportReminderHandler, REMINDER_JOB } from './reminders.js';
export { openCycle } from './open-cycle.js';
export { startReport } from './start-report.js';
export { saveSection } from './save-section.js';
export { submitReport } from './submit-report.js';
export { reportingPolicy } from './policy.js';
export { needsOfLatestReport, type ReportNeeds } from './needs-of-report.js';
export { listCycles } from './reading.js';
