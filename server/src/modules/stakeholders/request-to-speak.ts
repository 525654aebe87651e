import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { organisationRow } from './applications.js';
import { meetingOpenToStakeholders } from './participation.js';
import { organisationFacts } from './reading.js';
import { stakeholdersPolicy } from './policy.js';
import { speakingRequests } from './tables.js';

/** A representative asks, for its accredited organisation, to speak in a meeting's stakeholder segment: once per meeting. */
export async function requestToSpeak(db: Db, input: { actor: Actor; organisationId: string; meetingId: string; speaker: string; agendaItem?: string | undefined }) {
  const org = await organisationRow(db, input.organisationId);
  authorize(input.actor, stakeholdersPolicy.represent, organisationFacts(org));
  const meeting = await meetingOpenToStakeholders(db, input.meetingId, input.agendaItem);
  if (meeting.status === 'closed') throw conflict('The meeting is over.', 'meeting-over');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: speakingRequests.id }).from(speakingRequests).where(and(eq(speakingRequests.meetingId, meeting.id), eq(speakingRequests.organisationId, org.id)));
    if (existing) throw conflict('Your organisation has already asked to speak at this meeting.', 'already-requested');
    const id = randomUUID();
    const requestedAt = new Date();
    await tx.insert(speakingRequests).values({ id, meetingId: meeting.id, organisationId: org.id, agendaItem: input.agendaItem ?? null, speaker: input.speaker, status: 'requested', requestedAt, requestedBy: input.actor.accountId });
    await recordAudit(tx, { actor: input.actor, action: 'stakeholders.request-to-speak', subjectType: 'stakeholder-speaking-request', subjectId: id, change: { meetingId: meeting.id, organisationId: org.id, speaker: input.speaker, agendaItem: input.agendaItem ?? null } });
    return { id, organisation: { id: org.id, name: org.name }, speaker: input.speaker, agendaItem: input.agendaItem ?? null, requestedAt };
  });
}
