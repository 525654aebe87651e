import { and, eq, inArray, or } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { PlatformContext } from '../../platform/context.js';
import type { AuditListener } from '../../platform/audit/record.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { deadlineLabel } from '../../kernel/deadline.js';
import { inLanguage } from '../../kernel/languages.js';
import { activeAccountsAsActors } from '../accounts/index.js';
import { draftOfOutcome, revisionLabel } from '../decisions/index.js';
import { cycleOfReport, submittedReportSeenBy } from '../reporting/index.js';
import { scheduleDigest } from './digest.js';
import { DEFAULT_PREFERENCE, noticeOf, REMIND_DAYS_BEFORE, type Delivery, type Thing, type What } from './kinds.js';
import { noticeMail } from './mail-texts.js';
import { follows, notificationPreferences, notifications } from './tables.js';
import { readers, stateNameIn } from './things.js';

/**
 * Notices, through the durable job table: in the transaction of every change the audit chain
 * records, the listener below asks whether the change concerns something someone follows; if so it
 * writes one job for that change (keyed by its audit event, so once). The job, after commit, writes
 * one notice per follower who may still see the thing (asked again now, through the owning module),
 * and queues the email of those who want each notice at once; the others wait for the digest. A job
 * run twice writes nothing twice: a notice is unique per person, event and thing.
 */
export const NOTICE_JOB = 'follows.notice';

interface NoticePayload {
  seq: number;
  what: What;
  things: Thing[];
  revision?: number;
  deadlineAt?: string;
  /** The State's report the notice is about (a submission). */
  report?: string;
  at: string;
  /** Who made the change: not told of their own act. */
  actor: string | null;
}

const followedAmong = (db: Executor, things: readonly Thing[]) =>
  db
    .select({ accountId: follows.accountId, kind: follows.kind, targetId: follows.targetId })
    .from(follows)
    .where(or(...things.map((t) => and(eq(follows.kind, t.kind), eq(follows.targetId, t.id)))));

/** In each change's transaction: one job when the change concerns something followed, nothing otherwise. */
export const scheduleNotices: AuditListener = async (tx, link) => {
  const facts = noticeOf(link);
  if (!facts) return;
  const things: Thing[] = [];
  for (const ref of facts.things) {
    if (ref.kind === 'outcome') {
      const draftId = await draftOfOutcome(tx, ref.id);
      if (draftId) things.push({ kind: 'draft', id: draftId });
    } else if (ref.kind === 'report') {
      const cycleId = await cycleOfReport(tx, ref.id);
      if (cycleId) things.push({ kind: 'reporting-cycle', id: cycleId });
    } else things.push(ref);
  }
  if (things.length === 0) return;
  const [someone] = await followedAmong(tx, things).limit(1);
  if (!someone) return;
  const payload: NoticePayload = {
    seq: link.seq,
    what: facts.what,
    things,
    ...(facts.revision !== undefined ? { revision: facts.revision } : {}),
    ...(facts.deadlineAt ? { deadlineAt: facts.deadlineAt } : {}),
    ...(facts.report ? { report: facts.report } : {}),
    at: link.at.toISOString(),
    actor: link.actorAccountId,
  };
  await scheduleJob(tx, { kind: NOTICE_JOB, key: `${NOTICE_JOB}:${link.seq}`, runAt: link.at, payload });
};

/** Each person's choice, or the default. */
export async function preferencesOf(db: Executor, accountIds: readonly string[]): Promise<Map<string, { delivery: Delivery; timeZone: string }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.select().from(notificationPreferences).where(inArray(notificationPreferences.accountId, [...accountIds]));
  return new Map(accountIds.map((id) => {
    const row = rows.find((r) => r.accountId === id);
    return [id, row ? { delivery: row.delivery, timeZone: row.timeZone } : DEFAULT_PREFERENCE];
  }));
}

export const settingsLink = (publicUrl: string, lang: string) => `${publicUrl}/${lang}/notifications`;

interface Telling {
  /** The followers to tell, each with the thing they follow. */
  followers: { accountId: string; kind: Thing['kind']; targetId: string }[];
  what: What;
  /** What makes the notice one of its kind, once per person and thing: the change's audit event, or a reminder's day. */
  occasion: string;
  eventSeq: number | null;
  label: string | null;
  /** The deadline the notice speaks of, or (`true`) the thing's own deadline as the person sees it. */
  deadlineAt: Date | null | true;
  /**
   * The State's report the notice is about: told only to whom may see it now (the reporting module's
   * rule), sent to its page, its State's code as the label (named in the person's language).
   */
  report?: string;
  /** Told only while the thing's deadline, as the person sees it, is still this one (a cycle's closing). */
  onlyIfDeadline?: Date;
  at: Date;
}

/**
 * Writes one notice to each follower who may see the thing now (asked through the owning module) and
 * has not had this one, and queues the email of those told at once; the others wait for the digest.
 */
export async function tell(ctx: PlatformContext, tx: Tx, t: Telling): Promise<void> {
  const now = new Date();
  const people = new Map((await activeAccountsAsActors(tx, t.followers.map((f) => f.accountId))).map((a) => [a.actor.accountId, a]));
  const prefs = await preferencesOf(tx, [...people.keys()]);
  const mails: Parameters<typeof queueMail>[1][number][] = [];
  let waiting = false;
  for (const f of t.followers) {
    const person = people.get(f.accountId);
    if (!person) continue;
    const thing: Thing = { kind: f.kind, id: f.targetId };
    const seen = await readers[thing.kind](tx, person.actor, thing.id);
    if (!seen) continue;
    if (t.onlyIfDeadline && seen.deadlineAt?.getTime() !== t.onlyIfDeadline.getTime()) continue;
    const report = t.report ? await submittedReportSeenBy(tx, person.actor, t.report) : null;
    // A report not open to the person (not submitted, or not to them) is never named to them.
    if (t.report && !report) continue;
    const label = report ? report.state : t.label;
    const deadlineAt = t.deadlineAt === true ? seen.deadlineAt : t.deadlineAt;
    if (t.deadlineAt === true && (!deadlineAt || deadlineAt.getTime() <= now.getTime())) continue;
    const pref = prefs.get(f.accountId) ?? DEFAULT_PREFERENCE;
    const immediate = pref.delivery === 'immediate';
    const [written] = await tx
      .insert(notifications)
      .values({
        id: randomUUID(),
        accountId: f.accountId,
        occasion: t.occasion,
        eventSeq: t.eventSeq,
        kind: thing.kind,
        targetId: thing.id,
        what: t.what,
        title: seen.title,
        path: report ? report.path : seen.path,
        label,
        deadlineAt,
        at: t.at,
        mailedAt: immediate ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!written) continue;
    if (!immediate) {
      waiting = true;
      continue;
    }
    const lang = person.language;
    const mail = noticeMail(
      lang,
      {
        what: t.what,
        title: inLanguage(seen.title, lang).text,
        label: report ? await stateNameIn(tx, report.state, lang) : label,
        link: `${ctx.config.publicUrl}/${lang}/${report ? report.path : seen.path}`,
        deadline: deadlineAt ? deadlineLabel(deadlineAt, pref.timeZone, lang) : null,
      },
      settingsLink(ctx.config.publicUrl, lang),
    );
    mails.push({ to: person.email, ...mail });
  }
  await queueMail(tx, mails);
  if (waiting) await scheduleDigest(tx, now);
}

/** Writes the notices of one change. */
export function noticeHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const p = job.payload as NoticePayload;
    const followers = (await followedAmong(tx, p.things)).filter((f) => f.accountId !== p.actor);
    await tell(ctx, tx, {
      followers,
      what: p.what,
      occasion: `event:${p.seq}`,
      eventSeq: p.seq,
      label: p.revision === undefined ? null : revisionLabel(p.revision),
      deadlineAt: p.deadlineAt ? new Date(p.deadlineAt) : null,
      ...(p.report ? { report: p.report } : {}),
      at: new Date(p.at),
    });
  };
}

/**
 * Reminders before a deadline (a silence procedure's, a reporting cycle's): one job per thing and
 * reminder, written when someone follows the thing (keyed, so once however many follow it); at its
 * time it tells every follower then, with the deadline as each may see it (none once the deadline
 * is gone, or the procedure closed).
 */
export const REMIND_JOB = 'follows.deadline';

interface RemindPayload {
  kind: Thing['kind'];
  id: string;
  deadlineAt: string;
  days: number;
  /** At the deadline itself, a reporting cycle closes: its followers are told so (absent: a reminder before it). */
  closes?: true;
}

/** Kinds whose deadline closes them: at that time, their followers are told it closed. */
const CLOSE_AT_DEADLINE: readonly Thing['kind'][] = ['reporting-cycle'];

export async function scheduleReminders(tx: Executor, thing: Thing, deadlineAt: Date | null, now = new Date()): Promise<void> {
  if (!deadlineAt || deadlineAt.getTime() <= now.getTime()) return;
  const at = deadlineAt.toISOString();
  for (const days of REMIND_DAYS_BEFORE) {
    const runAt = new Date(deadlineAt.getTime() - days * 86_400_000);
    if (runAt.getTime() <= now.getTime()) continue;
    const payload: RemindPayload = { kind: thing.kind, id: thing.id, deadlineAt: at, days };
    await scheduleJob(tx, { kind: REMIND_JOB, key: `${REMIND_JOB}:${thing.kind}:${thing.id}:${at}:${days}`, runAt, payload });
  }
  if (CLOSE_AT_DEADLINE.includes(thing.kind)) {
    const payload: RemindPayload = { kind: thing.kind, id: thing.id, deadlineAt: at, days: 0, closes: true };
    await scheduleJob(tx, { kind: REMIND_JOB, key: `${REMIND_JOB}:${thing.kind}:${thing.id}:${at}:closes`, runAt: deadlineAt, payload });
  }
}

export function remindHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const p = job.payload as RemindPayload;
    const followers = await followedAmong(tx, [{ kind: p.kind, id: p.id }]);
    if (p.closes) {
      // Told at the deadline it was scheduled for, only if that is still the thing's deadline.
      const deadlineAt = new Date(p.deadlineAt);
      await tell(ctx, tx, { followers, what: 'cycle-closed', occasion: `closed:${p.deadlineAt}`, eventSeq: null, label: null, deadlineAt, onlyIfDeadline: deadlineAt, at: deadlineAt });
      return;
    }
    await tell(ctx, tx, { followers, what: 'deadline-near', occasion: `deadline:${p.deadlineAt}:${p.days}`, eventSeq: null, label: null, deadlineAt: true, at: new Date() });
  };
}
