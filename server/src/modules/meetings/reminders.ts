import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { cancelJob, scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { focalPointContacts, mailLanguages } from '../accounts/index.js';
import { meetingReminder } from './reminder-texts.js';
import { plannedReminders, type ReminderKind } from './meeting-rules.js';
import { meetings, participants, registrations } from './tables.js';
import type { MeetingRow } from './reading.js';

/**
 * Reminders before a registration deadline and before a meeting, as durable jobs. A reminder job is
 * keyed by meeting, kind and the date it is about, so it runs once; when it runs it schedules one
 * job per recipient, keyed by the recipient too, so nobody gets the same reminder twice, even when
 * a process stops half-way and another takes over.
 */

export const REMIND = 'meetings.remind';
export const REMIND_ONE = 'meetings.remind-one';

interface RemindPayload {
  meetingId: string;
  kind: ReminderKind;
  target: string;
}
interface RemindOnePayload extends RemindPayload {
  to: string;
}

/** Brings a meeting's reminder jobs in line with its dates, in the transaction that changed them. */
export async function syncReminders(tx: Tx, before: MeetingRow | null, after: MeetingRow, now = new Date()): Promise<void> {
  const wanted = plannedReminders(after, now);
  const keys = new Set(wanted.map((r) => r.key));
  if (before) for (const old of plannedReminders(before, new Date(0))) if (!keys.has(old.key)) await cancelJob(tx, old.key);
  for (const r of wanted) {
    const payload: RemindPayload = { meetingId: after.id, kind: r.kind, target: r.target.toISOString() };
    await scheduleJob(tx, { kind: REMIND, key: r.key, runAt: r.runAt, payload });
  }
}

/** The reminder is still about the meeting's date: a meeting moved or closed since has other reminders. */
function stillDue(m: MeetingRow | undefined, p: RemindPayload): m is MeetingRow {
  if (!m || m.status === 'closed' || m.status === 'cancelled' || m.status === 'draft') return false;
  const target = p.kind === 'registration-deadline' ? m.registrationDeadline : m.startsAt;
  return !!target && target.toISOString() === p.target;
}

/**
 * Who is reminded. Before a deadline: the focal points of States that have not registered, and the
 * contacts of the delegations registered. Before the meeting: the contacts and the participants who
 * gave an email, of every delegation still registered.
 */
async function recipients(db: Executor, m: MeetingRow, kind: ReminderKind): Promise<string[]> {
  const regs = await db
    .select({ id: registrations.id, state: registrations.state, contactEmail: registrations.contactEmail })
    .from(registrations)
    .where(and(eq(registrations.meetingId, m.id), ne(registrations.status, 'withdrawn')));
  const emails = regs.map((r) => r.contactEmail);
  if (kind === 'registration-deadline') {
    const registered = new Set(regs.map((r) => r.state).filter((s): s is string => s !== null));
    for (const fp of await focalPointContacts(db)) if (!registered.has(fp.state)) emails.push(fp.email);
  } else if (regs.length > 0) {
    const people = await db
      .select({ email: participants.email, registrationId: participants.registrationId })
      .from(participants)
      .where(eq(participants.meetingId, m.id));
    const live = new Set(regs.map((r) => r.id));
    for (const p of people) if (p.email && live.has(p.registrationId)) emails.push(p.email);
  }
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))].sort();
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** The reminder in the language its recipient reads the platform's emails in (English without an account). */
async function reminderMail(ctx: PlatformContext, db: Executor, m: MeetingRow, kind: ReminderKind, to: string) {
  const lang = (await mailLanguages(db, [to])).get(to) ?? 'en';
  const at = kind === 'registration-deadline' ? m.registrationDeadline! : m.startsAt;
  const mail = meetingReminder(lang, {
    kind,
    title: m.title[lang] ?? m.title.en,
    at,
    zone: m.timeZone,
    venue: m.venue,
    format: m.format,
    link: `${ctx.config.publicUrl}/${lang}/meetings/${m.id}`,
  });
  return { to, ...mail };
}

/** The job handlers of the meetings module. */
export function meetingJobHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return {
    [REMIND]: async ({ tx, job }) => {
      const p = job.payload as RemindPayload;
      const [m] = await tx.select().from(meetings).where(eq(meetings.id, p.meetingId));
      if (!stillDue(m, p)) return;
      for (const to of await recipients(tx, m, p.kind)) {
        const one: RemindOnePayload = { ...p, to };
        await scheduleJob(tx, { kind: REMIND_ONE, key: `${REMIND_ONE}:${p.kind}:${p.meetingId}:${p.target}:${digest(to)}`, runAt: job.runAt, payload: one });
      }
    },
    [REMIND_ONE]: async ({ tx, job }) => {
      const p = job.payload as RemindOnePayload;
      const [m] = await tx.select().from(meetings).where(eq(meetings.id, p.meetingId));
      if (!stillDue(m, p)) return;
      await queueMail(tx, [await reminderMail(ctx, tx, m, p.kind, p.to)]);
    },
  };
}
