import { and, asc, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import type { Mail } from '../../platform/mail/mailer.js';
import type { Language } from '../../kernel/languages.js';
import { isPocOf } from '../../kernel/actor.js';
import { activeAccountsAsActors } from '../accounts/index.js';
import { getState } from '../states/index.js';
import { directoryDigestMail, type DigestLine } from './mail-texts.js';
import { contactPocs, contactPocVersions } from './tables.js';

/**
 * The daily digest of the directory's changes (nominations, changes, withdrawals) to the POCs of the
 * other States, through the durable job table. Every change schedules the digest of the next cut-off
 * (one job per cut-off, however many changes ask: so none on a day without change). That job, in one
 * transaction, locks the changes not yet told up to its cut-off, queues one mail to each current POC
 * that has an account (in the account's language; the changes of other States only, none if there
 * are none) and marks the changes told. Run twice, or after a restart, it finds nothing left to tell:
 * each change is told once. The mail says which State, which role, what and when; nothing of the
 * person, only a link to sign in.
 *
 * No opt-out: the follows' preferences choose only how a followed thing's notices come (at once or in
 * a digest), and the directory is not a thing one follows; knowing who answers another State's crisis
 * line is part of being a POC.
 */
export const DIRECTORY_DIGEST_JOB = 'contacts-directory-digest';

/** The hour (UTC) of the daily cut-off. */
export const DIRECTORY_DIGEST_HOUR_UTC = 7;

/** The first cut-off strictly after `now`. */
export function nextDirectoryDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIRECTORY_DIGEST_HOUR_UTC));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

interface DigestPayload {
  until: string;
}

/** Schedules the digest of the next cut-off after a change (idempotent: one job per cut-off). */
export async function scheduleDirectoryDigest(tx: Executor, after: Date): Promise<void> {
  const at = nextDirectoryDigestAt(after);
  await scheduleJob(tx, { kind: DIRECTORY_DIGEST_JOB, key: `${DIRECTORY_DIGEST_JOB}:${at.toISOString()}`, runAt: at, payload: { until: at.toISOString() } satisfies DigestPayload });
}

export function directoryDigestHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return {
    [DIRECTORY_DIGEST_JOB]: async ({ tx, job }) => {
      const until = new Date((job.payload as DigestPayload).until);
      const changes = await tx
        .select({ pocId: contactPocVersions.pocId, version: contactPocVersions.version, change: contactPocVersions.change, at: contactPocVersions.at, state: contactPocs.state, role: contactPocs.role })
        .from(contactPocVersions)
        .innerJoin(contactPocs, eq(contactPocs.id, contactPocVersions.pocId))
        .where(and(isNull(contactPocVersions.toldAt), lte(contactPocVersions.at, until)))
        .orderBy(asc(contactPocVersions.at))
        .for('update', { of: contactPocVersions });
      if (changes.length === 0) return;
      // The recipients: current POCs with an account still active and still a POC of that State.
      const pocs = await tx
        .select({ accountId: contactPocs.accountId, state: contactPocs.state })
        .from(contactPocs)
        .where(and(eq(contactPocs.status, 'current'), isNotNull(contactPocs.accountId)));
      const people = await activeAccountsAsActors(
        tx,
        pocs.map((p) => p.accountId!),
      );
      const names = new Map<string, Record<Language, string>>();
      for (const state of new Set(changes.map((c) => c.state))) names.set(state, (await getState(tx, state)).names);
      const mails: Mail[] = [];
      for (const person of people) {
        const state = person.actor.state;
        if (!state || !isPocOf(person.actor, state) || !pocs.some((p) => p.accountId === person.actor.accountId && p.state === state)) continue;
        const lang = person.language;
        const lines: DigestLine[] = changes.filter((c) => c.state !== state).map((c) => ({ stateName: names.get(c.state)?.[lang] ?? c.state, role: c.role, change: c.change, at: c.at }));
        if (lines.length === 0) continue;
        mails.push({ to: person.email, ...directoryDigestMail(lang, { lines, link: `${ctx.config.publicUrl}/${lang}/contacts` }) });
      }
      await queueMail(tx, mails);
      const versionsByPoc = new Map<string, number[]>();
      for (const c of changes) versionsByPoc.set(c.pocId, [...(versionsByPoc.get(c.pocId) ?? []), c.version]);
      await tx
        .update(contactPocVersions)
        .set({ toldAt: new Date() })
        .where(or(...[...versionsByPoc].map(([pocId, versions]) => and(eq(contactPocVersions.pocId, pocId), inArray(contactPocVersions.version, versions)))));
      // A change that committed while this ran (its time before the cut-off, its job this one) waits for the next.
      const [late] = await tx.select({ pocId: contactPocVersions.pocId }).from(contactPocVersions).where(isNull(contactPocVersions.toldAt)).limit(1);
      if (late) await scheduleDirectoryDigest(tx, until);
    },
  };
}
