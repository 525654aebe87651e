import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { calendarRoutes } from './calendar/routes.js';
import { registrationRoutes } from './registration/routes.js';
import { meetingRoutes } from './routes.js';

/** Meetings, agendas, registration, statements and calendars. */
export function meetingsRoutes(app: App, ctx: PlatformContext): void {
  meetingRoutes(app, ctx);
  registrationRoutes(app, ctx);
  calendarRoutes(app, ctx);
}

export { meetingsPolicy } from './policy.js';
export { meetingJobHandlers } from './reminders.js';
export { scheduleMeeting, updateMeeting, type MeetingFields } from './schedule-meeting.js';
export { changeMeetingStatus, setPublication } from './run-meeting.js';
export { announceMeeting } from './announce-meeting.js';
export { postponeMeeting } from './postpone-meeting.js';
export { cancelMeeting } from './cancel-meeting.js';
export { reviseAgenda, adoptAgenda } from './agenda/revise-agenda.js';
export { registerDelegation, confirmRegistration } from './registration/register-delegation.js';
export { withdrawOrganisationRegistrations } from './registration/withdraw-organisation-registrations.js';
export { submitStatement } from './agenda/submit-statement.js';
export { listMeetings, meetingRow, recentlyChangedMeetings, toMeetingView, type MeetingView } from './reading.js';
export { Meeting as MeetingSchema, MeetingFieldsBody } from './schemas.js';
export { MEETING_KINDS, GROUP_MEETING_KINDS, type MeetingKind } from './meeting-rules.js';
export { meetingRoll } from './roll.js';
// What "My PoA" asks of meetings: each read applies this module's own rules.
export { meetingsAhead, registrationsToConfirm } from './ahead.js';
// Every reading function takes the actor, or gives the public's view (no draft) without one.
// What the stakeholders module asks of a meeting (written inputs, requests to speak).
export { currentAgenda } from './reading.js';
export { flattenAgenda } from './agenda/agenda.js';
export { meetingsSearchSource, statementsSearchSource } from './search-source.js';
// What a State's page shows of it at meetings, as the public sees it.
export { publicStatementsOfState, publishedDelegationsOfState, type PublicStatementOfState, type PublishedDelegationOfState } from './state-record.js';
