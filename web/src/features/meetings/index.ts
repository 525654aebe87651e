/** What other features use of the meetings: the calendar, one meeting, an agenda item as an option. */
export { AgendaItemOption } from './parts';
export { calendarQuery, meetingQuery, meetingsQuery } from './queries';
