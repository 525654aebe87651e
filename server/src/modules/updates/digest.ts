import { and, eq, lt } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { inLanguage } from '../../kernel/languages.js';
import { digestMail, type DigestEntry } from './mail-texts.js';
import { newsSources, type NewsSource } from './sources.js';
import { FORGET_PENDING_DAYS, nextDigestAt, type Topic } from './topics.js';
import { updateSubscriptions } from './tables.js';
import { unsubscribeLinks } from './unsubscribe-links.js';

/**
 * The daily digest, through the durable job table, exactly once per subscriber and day: the day's job
 * (keyed by its cut-off) schedules one job per confirmed subscriber, keyed by subscriber and cut-off;
 * each of those, in one transaction with its completion, queues the mail and moves the subscriber's
 * `lastDigestAt` to the cut-off. A process that stops half-way leaves the rest to another, and a job
 * run again finds the subscriber already past its cut-off.
 */
export const DIGEST_JOB = 'updates.digest';
export const DIGEST_ONE_JOB = 'updates.digest-one';

interface DigestPayload {
  until: string;
}
interface DigestOnePayload extends DigestPayload {
  subscriptionId: string;
}

/** Schedules the next digest after `after` (idempotent: one job per cut-off). */
export async function scheduleDigest(tx: Executor, after: Date): Promise<void> {
  const at = nextDigestAt(after);
  await scheduleJob(tx, { kind: DIGEST_JOB, key: `${DIGEST_JOB}:${at.toISOString()}`, runAt: at, payload: { until: at.toISOString() } satisfies DigestPayload });
}

async function entriesFor(tx: Tx, sources: Record<Topic, NewsSource>, topics: readonly Topic[], since: Date, until: Date) {
  const found: { topic: Topic; item: Awaited<ReturnType<NewsSource>>[number] }[] = [];
  for (const topic of topics) for (const item of await sources[topic](tx, since, until)) found.push({ topic, item });
  return found;
}

export function updatesJobHandlers(ctx: PlatformContext, sources: Record<Topic, NewsSource> = newsSources): Record<string, JobHandler> {
  return {
    [DIGEST_JOB]: async ({ tx, job }) => {
      const until = new Date((job.payload as DigestPayload).until);
      const due = await tx
        .select({ id: updateSubscriptions.id })
        .from(updateSubscriptions)
        .where(and(eq(updateSubscriptions.status, 'confirmed'), lt(updateSubscriptions.lastDigestAt, until)));
      for (const { id } of due) {
        const payload: DigestOnePayload = { subscriptionId: id, until: until.toISOString() };
        await scheduleJob(tx, { kind: DIGEST_ONE_JOB, key: `${DIGEST_ONE_JOB}:${id}:${payload.until}`, runAt: until, payload });
      }
      // Sign-ups never confirmed are forgotten, address and all.
      const forgetBefore = new Date(until.getTime() - FORGET_PENDING_DAYS * 86_400_000);
      await tx.delete(updateSubscriptions).where(and(eq(updateSubscriptions.status, 'pending'), lt(updateSubscriptions.confirmExpiresAt, forgetBefore)));
      // The next day's; after a long stop, the next one to come rather than one per day missed.
      const now = new Date();
      await scheduleDigest(tx, now.getTime() > until.getTime() ? now : until);
    },
    [DIGEST_ONE_JOB]: async ({ tx, job }) => {
      const p = job.payload as DigestOnePayload;
      const until = new Date(p.until);
      const [row] = await tx.select().from(updateSubscriptions).where(eq(updateSubscriptions.id, p.subscriptionId)).for('update');
      if (!row || row.status !== 'confirmed' || !row.lastDigestAt || row.lastDigestAt.getTime() >= until.getTime()) return;
      const lang = row.language;
      const found = await entriesFor(tx, sources, row.topics, row.lastDigestAt, until);
      if (found.length > 0) {
        const entries: DigestEntry[] = found.map(({ topic, item }) => ({ topic, title: inLanguage(item.title, lang).text, link: `${ctx.config.publicUrl}/${lang}/${item.path}` }));
        const links = await unsubscribeLinks(tx, ctx.config.publicUrl, row.id, lang);
        await queueMail(tx, [{ to: row.email, ...digestMail(lang, { entries, unsubscribeLink: links.page }), headers: links.headers }]);
      }
      await tx.update(updateSubscriptions).set({ lastDigestAt: until }).where(eq(updateSubscriptions.id, row.id));
    },
  };
}
