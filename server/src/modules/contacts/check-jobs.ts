import { and, eq, isNull, ne } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { newTokenPair } from './tokens.js';
import { focalPointContacts } from '../accounts/index.js';
import { checkMail, escalationMail } from './mail-texts.js';
import { contactCheckTargets, contactCheckTokens, contactChecks, contactPocs } from './tables.js';
import { mailLanguageOf } from './working-hours.js';

export const CHECK_SEND_JOB = 'contacts-check-send';
export const CHECK_REMIND_JOB = 'contacts-check-remind';
export const CHECK_ESCALATE_JOB = 'contacts-check-escalate';

/**
 * The durable jobs of a reachability check. Each runs inside the transaction that claims it
 * (FOR UPDATE SKIP LOCKED): a target is marked sent, reminded or escalated in the same transaction
 * that queues its mail and completes the job, so a restart or a second process never messages a
 * POC twice nor loses one (a job that dies half-way rolls back whole and runs again).
 */

const ackLink = (ctx: PlatformContext, lang: string, token: string) => `${ctx.config.publicUrl}/${lang}/contacts/acknowledge/${token}`;

async function checkOf(tx: Tx, checkId: string) {
  const [check] = await tx.select().from(contactChecks).where(eq(contactChecks.id, checkId));
  return check ?? null;
}

/** Unanswered targets of a check with their POC, locked; `which` picks those not yet sent, reminded or escalated. */
async function pendingTargets(tx: Tx, checkId: string, which: 'sentAt' | 'remindedAt' | 'escalatedAt') {
  return tx
    .select({ target: contactCheckTargets, poc: contactPocs })
    .from(contactCheckTargets)
    .innerJoin(contactPocs, eq(contactPocs.id, contactCheckTargets.pocId))
    .where(
      and(
        eq(contactCheckTargets.checkId, checkId),
        isNull(contactCheckTargets[which]),
        isNull(contactCheckTargets.answeredAt),
      ),
    )
    .for('update', { of: contactCheckTargets });
}

/** A new single-use link for a target; only its digest is kept. */
async function newLink(ctx: PlatformContext, tx: Tx, targetId: string, expiresAt: Date, lang: string): Promise<string> {
  const { token, hash } = newTokenPair();
  await tx.insert(contactCheckTokens).values({ tokenHash: hash, targetId, expiresAt, createdAt: new Date() });
  return ackLink(ctx, lang, token);
}

/**
 * Messages every unanswered POC of a check not yet messaged this way: the first message (`sentAt`) or
 * the reminder (`remindedAt`, only to those already sent one, and not once the check has expired).
 * Each with a new single-use link; marked in the same transaction as its mail is queued.
 */
function messageHandler(ctx: PlatformContext, which: 'sentAt' | 'remindedAt'): JobHandler {
  const reminder = which === 'remindedAt';
  return async ({ tx, job }) => {
    const { checkId } = job.payload as { checkId: string };
    const check = await checkOf(tx, checkId);
    if (!check || (reminder && check.expiresAt <= new Date())) return;
    const mails: Mail[] = [];
    const now = new Date();
    for (const { target, poc } of await pendingTargets(tx, checkId, which)) {
      // A POC withdrawn since the check was scheduled is not messaged; it stays unanswered.
      if (poc.status !== 'current' || (reminder && !target.sentAt)) continue;
      const lang = mailLanguageOf(poc.languages);
      const link = await newLink(ctx, tx, target.id, check.expiresAt, lang);
      mails.push({ to: poc.email, ...checkMail(lang, { name: poc.name, link, reminder }) });
      await tx.update(contactCheckTargets).set({ [which]: now }).where(eq(contactCheckTargets.id, target.id));
    }
    await queueMail(tx, mails);
  };
}

/** Tells the State's other current POCs and its focal points which of its POCs has not answered. */
function escalateHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { checkId } = job.payload as { checkId: string };
    const check = await checkOf(tx, checkId);
    if (!check) return;
    const mails: Mail[] = [];
    const now = new Date();
    for (const { target, poc } of await pendingTargets(tx, checkId, 'escalatedAt')) {
      if (!target.sentAt) continue;
      const others = await tx
        .select({ email: contactPocs.email, languages: contactPocs.languages })
        .from(contactPocs)
        .where(and(eq(contactPocs.state, target.state), eq(contactPocs.status, 'current'), ne(contactPocs.id, poc.id)));
      const focalPoints = await focalPointContacts(tx, [target.state]);
      const recipients = new Map<string, string>();
      for (const o of others) recipients.set(o.email, mailLanguageOf(o.languages));
      for (const f of focalPoints) if (!recipients.has(f.email)) recipients.set(f.email, f.language);
      for (const [to, lang] of recipients) {
        const l = lang as Parameters<typeof escalationMail>[0];
        mails.push({ to, ...escalationMail(l, { role: target.role, hours: check.escalateAfterHours, link: `${ctx.config.publicUrl}/${l}/contacts` }) });
      }
      await tx.update(contactCheckTargets).set({ escalatedAt: now }).where(eq(contactCheckTargets.id, target.id));
    }
    await queueMail(tx, mails);
  };
}

export function checkJobHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return { [CHECK_SEND_JOB]: messageHandler(ctx, 'sentAt'), [CHECK_REMIND_JOB]: messageHandler(ctx, 'remindedAt'), [CHECK_ESCALATE_JOB]: escalateHandler(ctx) };
}
