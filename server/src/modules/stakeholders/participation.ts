import type { Executor } from '../../platform/db/database.js';
import { badRequest, conflict } from '../../platform/http/problem.js';
import { currentAgenda, flattenAgenda, meetingRow } from '../meetings/index.js';
import { groupRow } from '../groups/index.js';

/** Where a stakeholder may speak up: a meeting that admits stakeholders (and an item of its agenda), or a working group open to them. */

export async function meetingOpenToStakeholders(db: Executor, meetingId: string, agendaItem: string | undefined, field = 'body.agendaItem') {
  const meeting = await meetingRow(db, meetingId);
  if (!meeting.stakeholdersMayAttend) throw conflict('This meeting does not admit stakeholders.', 'stakeholders-not-admitted');
  if (agendaItem) {
    const agenda = await currentAgenda(db, meetingId);
    const keys = agenda ? flattenAgenda(agenda.items).map((i) => i.key) : [];
    if (!keys.includes(agendaItem)) throw badRequest('The agenda item is not on the agenda of this meeting.', [{ field, message: 'not an item of the agenda' }]);
  }
  return meeting;
}

export async function groupOpenToStakeholders(db: Executor, groupId: string) {
  const group = await groupRow(db, groupId);
  if (!group.stakeholderObservers) throw conflict('This working group does not admit stakeholders.', 'stakeholders-not-admitted');
  return group;
}
