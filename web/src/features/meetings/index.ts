/** What other features use of the meetings: the calendar, one meeting, an agenda item's label. */
export { AgendaItemOption, agendaItemLabel } from './parts';
export { calendarQuery, meetingQuery, meetingsQuery } from './queries';
