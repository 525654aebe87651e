import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Actor } from '../../../kernel/actor.js';
import { authorize } from '../../../platform/http/policy.js';
import { badRequest, conflict, Problem, notFound, preconditionFailed, preconditionRequired } from '../../../platform/http/problem.js';
import { getState } from '../../states/index.js';
import { findOrganisation } from '../../stakeholders/index.js';
import { delegationProblems, inDelegationOrder, type Delegation, type ParticipantInput, type ParticipantRole } from './delegations.js';
import { registrationIsOpen } from '../meeting-rules.js';
import { meetingsPolicy } from '../policy.js';
import { meetingRow, type MeetingRow } from '../reading.js';
import { participants, registrations } from '../tables.js';

export interface RegistrationView {
  id: string;
  meetingId: string;
  delegation: Delegation;
  delegationName: string;
  status: 'submitted' | 'confirmed' | 'withdrawn';
  contactEmail: string;
  submittedAt: Date;
  confirmedAt: Date | null;
  version: number;
  /** Whether the meeting's registration is open now: a registration is changed only then (withdrawn at any time). */
  registrationOpen: boolean;
  /** With their email and phone: only the delegation and the Secretariat see this view. */
  participants: { id: string; role: ParticipantRole; name: string; title: string | null; email: string | null; phone: string | null; isMe: boolean }[];
}

export const delegationOf = (r: { delegationKind: 'state' | 'organisation'; state: string | null; organisationId: string | null }): Delegation =>
  r.delegationKind === 'state' ? { kind: 'state', state: r.state! } : { kind: 'organisation', organisationId: r.organisationId! };

const delegationWhere = (meetingId: string, d: Delegation) =>
  and(eq(registrations.meetingId, meetingId), d.kind === 'state' ? eq(registrations.state, d.state) : eq(registrations.organisationId, d.organisationId));

/** The delegation's name in English, checking that it exists and, for an organisation, that it is accredited. */
export async function delegationName(db: Executor, d: Delegation): Promise<string> {
  if (d.kind === 'state') return (await getState(db, d.state)).names.en;
  const org = await findOrganisation(db, d.organisationId);
  if (!org) throw notFound('The organisation');
  return org.name;
}

/** An organisation acts at a meeting only when accredited and when the meeting admits stakeholders. */
export async function checkOrganisationMayAttend(db: Executor, meeting: MeetingRow, organisationId: string): Promise<void> {
  const org = await findOrganisation(db, organisationId);
  if (!org) throw notFound('The organisation');
  if (org.accreditation !== 'accredited') throw new Problem(403, 'not-accredited', 'Forbidden', 'Only accredited organisations take part in meetings.');
  if (!meeting.stakeholdersMayAttend) throw conflict('This meeting does not admit stakeholders.', 'stakeholders-not-admitted');
}

export async function registrationView(db: Executor, row: typeof registrations.$inferSelect, actor: Actor | null, meeting: MeetingRow, now = new Date()): Promise<RegistrationView> {
  const people = await db.select().from(participants).where(eq(participants.registrationId, row.id)).orderBy(asc(participants.position));
  const delegation = delegationOf(row);
  return {
    id: row.id,
    meetingId: row.meetingId,
    delegation,
    delegationName: await delegationName(db, delegation),
    status: row.status,
    contactEmail: row.contactEmail,
    submittedAt: row.submittedAt,
    confirmedAt: row.confirmedAt,
    version: row.version,
    registrationOpen: registrationIsOpen(meeting, now),
    participants: inDelegationOrder(people).map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      title: p.title,
      email: p.email,
      phone: p.phone,
      isMe: !!actor && p.accountId === actor.accountId,
    })),
  };
}

export interface RegisterInput {
  actor: Actor;
  meetingId: string;
  delegation: Delegation;
  contactEmail: string;
  /** Each participant; `id` keeps one already listed (and the account linked to it); `self` lists the caller. */
  participants: readonly (ParticipantInput & { id?: string | undefined; self?: boolean | undefined })[];
  /** The version read; required to change a registration, not to make the first. */
  ifMatch: number | null;
  now?: Date;
}

/**
 * A focal point or delegate registers its State's delegation, a representative its organisation's:
 * head of delegation, representatives, advisers. A change after the Secretariat confirmed it awaits
 * confirmation again. Nobody registers for a delegation they do not act for.
 */
export async function registerDelegation(db: Db, input: RegisterInput): Promise<RegistrationView> {
  authorize(input.actor, meetingsPolicy.register, input.delegation);
  const meeting = await meetingRow(db, input.meetingId);
  if (!registrationIsOpen(meeting, input.now ?? new Date())) throw conflict('Registration for this meeting is not open.', 'registration-closed');
  if (input.delegation.kind === 'organisation') await checkOrganisationMayAttend(db, meeting, input.delegation.organisationId);
  else await getState(db, input.delegation.state);
  const problems = delegationProblems(input.delegation.kind, input.participants);
  if (input.participants.filter((p) => p.self).length > 1) problems.push({ field: 'body.participants', message: 'only one participant can be you' });
  if (problems.length) throw badRequest(problems.map((e) => `${e.field}: ${e.message}`).join('; '), problems);

  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(registrations).where(delegationWhere(input.meetingId, input.delegation)).for('update');
    const now = new Date();
    let registrationId: string;
    let version: number;
    if (existing) {
      if (existing.status !== 'withdrawn') {
        if (input.ifMatch === null) throw preconditionRequired();
        if (existing.version !== input.ifMatch) throw preconditionFailed('The registration was changed since you read it.', { currentVersion: existing.version });
      }
      registrationId = existing.id;
      version = existing.version + 1;
      await tx
        .update(registrations)
        .set({ status: 'submitted', contactEmail: input.contactEmail, submittedAt: now, submittedBy: input.actor.accountId, confirmedAt: null, confirmedBy: null, version })
        .where(eq(registrations.id, registrationId));
    } else {
      registrationId = randomUUID();
      version = 1;
      const inserted = await tx
        .insert(registrations)
        .values({
          id: registrationId,
          meetingId: input.meetingId,
          delegationKind: input.delegation.kind,
          state: input.delegation.kind === 'state' ? input.delegation.state : null,
          organisationId: input.delegation.kind === 'organisation' ? input.delegation.organisationId : null,
          status: 'submitted',
          contactEmail: input.contactEmail,
          submittedAt: now,
          submittedBy: input.actor.accountId,
          version,
        })
        .onConflictDoNothing()
        .returning({ id: registrations.id });
      if (inserted.length === 0) {
        // A first registration has no row to lock: two at once both find none. The insert waits for
        // the other one's transaction; when that one committed first, this one is stale.
        const [winner] = await tx.select().from(registrations).where(delegationWhere(input.meetingId, input.delegation));
        throw preconditionFailed('Someone registered this delegation at the same moment: read their registration before you change it.', { currentVersion: winner?.version ?? 0 });
      }
    }
    await replaceParticipants(tx, registrationId, input);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.register-delegation',
      subjectType: 'registration',
      subjectId: registrationId,
      change: { meetingId: input.meetingId, delegation: input.delegation, version, contactEmail: input.contactEmail, participants: input.participants },
      // Readable record: names and roles; no email or phone.
      details: { meetingId: input.meetingId, delegation: input.delegation, version, participants: input.participants.map((p) => ({ role: p.role, name: p.name, title: p.title ?? null })) },
    });
    return registrationId;
  });
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return registrationView(db, row!, input.actor, meeting, input.now);
}

async function replaceParticipants(tx: Tx, registrationId: string, input: RegisterInput): Promise<void> {
  const before = await tx.select({ id: participants.id, accountId: participants.accountId }).from(participants).where(eq(participants.registrationId, registrationId));
  const linked = new Map(before.map((p) => [p.id, p.accountId]));
  await tx.delete(participants).where(eq(participants.registrationId, registrationId));
  const rows = input.participants.map((p, position) => ({
    id: p.id && linked.has(p.id) ? p.id : randomUUID(),
    registrationId,
    meetingId: input.meetingId,
    position,
    role: p.role,
    name: p.name,
    title: p.title ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    accountId: p.self ? input.actor.accountId : p.id && linked.has(p.id) ? (linked.get(p.id) ?? null) : null,
  }));
  if (rows.length) await tx.insert(participants).values(rows);
}

/** A delegation withdraws its registration (If-Match). */
export async function withdrawRegistration(db: Db, input: { actor: Actor; meetingId: string; delegation: Delegation; ifMatch: number }): Promise<RegistrationView> {
  authorize(input.actor, meetingsPolicy.register, input.delegation);
  const meeting = await meetingRow(db, input.meetingId);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(registrations).where(delegationWhere(input.meetingId, input.delegation)).for('update');
    if (!existing || existing.status === 'withdrawn') throw notFound('The registration');
    if (existing.version !== input.ifMatch) throw preconditionFailed('The registration was changed since you read it.', { currentVersion: existing.version });
    await tx.update(registrations).set({ status: 'withdrawn', version: existing.version + 1 }).where(eq(registrations.id, existing.id));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.withdraw-registration', subjectType: 'registration', subjectId: existing.id, change: { version: existing.version + 1 } });
  });
  const [row] = await db.select().from(registrations).where(delegationWhere(input.meetingId, input.delegation));
  return registrationView(db, row!, input.actor, meeting);
}

/** The Secretariat confirms a registration as it read it (If-Match). */
export async function confirmRegistration(db: Db, input: { actor: Actor; meetingId: string; registrationId: string; ifMatch: number }): Promise<RegistrationView> {
  authorize(input.actor, meetingsPolicy.confirm, undefined);
  const meeting = await meetingRow(db, input.meetingId);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, input.registrationId), eq(registrations.meetingId, input.meetingId)))
      .for('update');
    if (!existing) throw notFound('The registration');
    if (existing.version !== input.ifMatch) throw preconditionFailed('The registration was changed since you read it.', { currentVersion: existing.version });
    if (existing.status === 'withdrawn') throw conflict('The delegation has withdrawn this registration.', 'registration-withdrawn');
    if (existing.status === 'confirmed') return;
    await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: new Date(), confirmedBy: input.actor.accountId, version: existing.version + 1 })
      .where(eq(registrations.id, existing.id));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.confirm-registration', subjectType: 'registration', subjectId: existing.id, change: { version: existing.version + 1 } });
  });
  const [row] = await db.select().from(registrations).where(eq(registrations.id, input.registrationId));
  return registrationView(db, row!, input.actor, meeting);
}

/** One delegation's registration, for itself or the Secretariat. */
export async function readRegistration(db: Executor, input: { actor: Actor; meetingId: string; delegation: Delegation }): Promise<RegistrationView> {
  authorize(input.actor, meetingsPolicy.readRegistration, input.delegation);
  const meeting = await meetingRow(db, input.meetingId);
  const [row] = await db.select().from(registrations).where(delegationWhere(input.meetingId, input.delegation));
  if (!row) throw notFound('The registration');
  return registrationView(db, row, input.actor, meeting);
}

/** The registrations of a meeting the caller may see: all for the Secretariat, its own for a delegation. */
export async function listRegistrations(db: Executor, input: { actor: Actor; meetingId: string }): Promise<RegistrationView[]> {
  authorize(input.actor, meetingsPolicy.listRegistrations, undefined);
  const meeting = await meetingRow(db, input.meetingId);
  const rows = await db.select().from(registrations).where(eq(registrations.meetingId, input.meetingId)).orderBy(asc(registrations.submittedAt));
  const visible = rows.filter((r) => meetingsPolicy.readRegistration.allows(input.actor, delegationOf(r)));
  const now = new Date();
  return Promise.all(visible.map((r) => registrationView(db, r, input.actor, meeting, now)));
}

