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
import { scheduleDigest } from './digest.js';
import { DEFAULT_PREFERENCE, noticeOf, REMIND_DAYS_BEFORE, type Delivery, type Thing, type What } from './kinds.js';
import { noticeMail } from './mail-texts.js';
import { follows, notificationPreferences, notifications } from './tables.js';
import { readers } from './things.js';

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
    if (ref.kind !== 'outcome') things.push(ref);
    else {
      const draftId = await draftOfOutcome(tx, ref.id);
      if (draftId) things.push({ kind: 'draft', id: draftId });
    }
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
        path: seen.path,
        label: t.label,
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
        label: t.label,
        link: `${ctx.config.publicUrl}/${lang}/${seen.path}`,
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
}

export async function scheduleReminders(tx: Executor, thing: Thing, deadlineAt: Date | null, now = new Date()): Promise<void> {
  if (!deadlineAt) return;
  for (const days of REMIND_DAYS_BEFORE) {
    const runAt = new Date(deadlineAt.getTime() - days * 86_400_000);
    if (runAt.getTime() <= now.getTime()) continue;
    const payload: RemindPayload = { kind: thing.kind, id: thing.id, deadlineAt: deadlineAt.toISOString(), days };
    await scheduleJob(tx, { kind: REMIND_JOB, key: `${REMIND_JOB}:${thing.kind}:${thing.id}:${deadlineAt.toISOString()}:${days}`, runAt, payload });
  }
}

export function remindHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const p = job.payload as RemindPayload;
    const followers = await followedAmong(tx, [{ kind: p.kind, id: p.id }]);
    await tell(ctx, tx, { followers, what: 'deadline-near', occasion: `deadline:${p.deadlineAt}:${p.days}`, eventSeq: null, label: null, deadlineAt: true, at: new Date() });
  };
}
