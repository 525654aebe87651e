import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { deadlineLabel } from '../../kernel/deadline.js';
import { inLanguage } from '../../kernel/languages.js';
import { activeAccountsAsActors } from '../accounts/index.js';
import { DEFAULT_PREFERENCE, nextDigestAt } from './kinds.js';
import { digestMail } from './mail-texts.js';
import { stateNameIn } from './things.js';
import { notificationPreferences, notifications } from './tables.js';

/**
 * The daily digest, through the durable job table: one job per cut-off (scheduled whenever a notice
 * waits for it, idempotently), which schedules one job per person with notices not yet mailed; each
 * of those, in one transaction, queues one mail with the person's notices up to the cut-off and marks
 * them mailed. Run twice, the second finds nothing left to mail: each notice leaves once.
 */
export const DIGEST_JOB = 'follows.digest';
export const DIGEST_ONE_JOB = 'follows.digest-one';

interface DigestPayload {
  until: string;
}

/** Schedules the next digest after `after` (one job per cut-off, however often it is asked). */
export async function scheduleDigest(tx: Executor, after: Date): Promise<void> {
  const at = nextDigestAt(after);
  await scheduleJob(tx, { kind: DIGEST_JOB, key: `${DIGEST_JOB}:${at.toISOString()}`, runAt: at, payload: { until: at.toISOString() } satisfies DigestPayload });
}

export function digestJobHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return {
    [DIGEST_JOB]: async ({ tx, job }) => {
      const { until } = job.payload as DigestPayload;
      const waiting = await tx
        .selectDistinct({ accountId: notifications.accountId })
        .from(notifications)
        .where(and(isNull(notifications.mailedAt), lte(notifications.at, new Date(until))));
      for (const { accountId } of waiting) {
        await scheduleJob(tx, { kind: DIGEST_ONE_JOB, key: `${DIGEST_ONE_JOB}:${accountId}:${until}`, runAt: new Date(until), payload: { accountId, until } });
      }
    },
    [DIGEST_ONE_JOB]: async ({ tx, job }) => {
      const { accountId, until } = job.payload as DigestPayload & { accountId: string };
      const due = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, accountId), isNull(notifications.mailedAt), lte(notifications.at, new Date(until))))
        .orderBy(asc(notifications.at))
        .for('update');
      if (due.length === 0) return;
      const [person] = await activeAccountsAsActors(tx, [accountId]);
      if (person) {
        const [pref] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.accountId, accountId));
        const zone = pref?.timeZone ?? DEFAULT_PREFERENCE.timeZone;
        const lang = person.language;
        const base = ctx.config.publicUrl;
        const items = [];
        for (const n of due) {
          // A submission's label is its State's code: named in the person's language.
          const label = n.what === 'report-submitted' && n.label ? await stateNameIn(tx, n.label, lang) : n.label;
          items.push({ ...n, label });
        }
        const mail = digestMail(
          lang,
          items.map((n) => ({
            what: n.what,
            title: inLanguage(n.title, lang).text,
            label: n.label,
            link: `${base}/${lang}/${n.path}`,
            deadline: n.deadlineAt ? deadlineLabel(n.deadlineAt, zone, lang) : null,
          })),
          `${base}/${lang}/notifications`,
        );
        await queueMail(tx, [{ to: person.email, ...mail }]);
      }
      // An account no longer active is not written to; its notices are settled all the same.
      await tx
        .update(notifications)
        .set({ mailedAt: new Date() })
        .where(and(eq(notifications.accountId, accountId), isNull(notifications.mailedAt), lte(notifications.at, new Date(until))));
    },
  };
}
