import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { authorize } from '../../platform/http/policy.js';
import type { Actor } from '../../kernel/actor.js';
import { addStep, applicantAddress, organisationRow } from './applications.js';
import { accreditationWithdrawn } from './mail-texts.js';
import { organisationFacts } from './reading.js';
import { stakeholdersPolicy } from './policy.js';
import { meetingRow, withdrawOrganisationRegistrations } from '../meetings/index.js';
import { endOrganisationPlaces } from '../groups/index.js';
import { withdrawOrganisationOffers } from '../capacity/index.js';
import { applications, organisations, speakingRequests, withdrawals } from './tables.js';

/**
 * The Secretariat withdraws an organisation's accreditation by a decision, named with its reason on
 * the organisation's public record. What the accreditation gave ends at once: its representatives can
 * no longer register, submit, speak or invite (every rule asks whether it is accredited now), and its
 * requests to speak and its registrations for meetings not yet over are withdrawn, its places as an
 * observer of working groups end and its open capacity-building offers are withdrawn, each by the module
 * that owns it, in this transaction. What it submitted while accredited stays published, as submitted,
 * and projects already agreed with a State stay that State's to end.
 */
/** A meeting whose list of speakers is history: left as it was. */
const OVER: readonly string[] = ['closed', 'cancelled'];

export async function withdrawAccreditation(db: Db, input: { actor: Actor; organisationId: string; decision: string; reason: string }) {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).for('update');
    const org = await organisationRow(tx, locked?.id ?? input.organisationId);
    authorize(input.actor, stakeholdersPolicy.withdrawAccreditation, organisationFacts(org));
    const at = new Date();
    await tx.update(organisations).set({ accreditation: 'withdrawn' }).where(eq(organisations.id, org.id));
    await tx.insert(withdrawals).values({ id: randomUUID(), organisationId: org.id, decision: input.decision, reason: input.reason, at, by: input.actor.accountId });
    const speaking = await tx
      .select({ id: speakingRequests.id, meetingId: speakingRequests.meetingId })
      .from(speakingRequests)
      .where(and(eq(speakingRequests.organisationId, org.id), eq(speakingRequests.status, 'requested')));
    const ahead: string[] = [];
    for (const r of speaking) if (!OVER.includes((await meetingRow(tx, r.meetingId).catch(() => null))?.status ?? 'closed')) ahead.push(r.id);
    if (ahead.length) await tx.update(speakingRequests).set({ status: 'withdrawn' }).where(inArray(speakingRequests.id, ahead));
    const registrationsWithdrawn = await withdrawOrganisationRegistrations(tx, org.id);
    const groupsLeft = await endOrganisationPlaces(tx, org.id, at, input.actor.accountId);
    const offersWithdrawn = await withdrawOrganisationOffers(tx, org.id);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'stakeholders.withdraw-accreditation',
      subjectType: 'organisation',
      subjectId: org.id,
      change: { decision: input.decision, reason: input.reason, speakingRequestsWithdrawn: ahead, registrationsWithdrawn, groupsLeft, offersWithdrawn },
    });
    const [application] = await tx.select().from(applications).where(eq(applications.organisationId, org.id)).orderBy(desc(applications.submittedAt)).limit(1);
    if (application) {
      await addStep(tx, application.id, 'withdrawn', input.decision, at);
      const to = applicantAddress(application);
      const mail = accreditationWithdrawn(to.language, org.name, input.decision, input.reason);
      await queueMail(tx, [{ to: to.to, subject: mail.subject, text: `${to.name},\n\n${mail.text}\n` }]);
    }
    return { accreditation: 'withdrawn' as const };
  });
}
