import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { queueMail } from '../../platform/mail/queue.js';
import { mailLanguages } from '../accounts/index.js';
import { meetingNotice } from './notice-texts.js';
import type { MeetingRow } from './reading.js';
import { registrations } from './tables.js';

/**
 * Tells each delegation registered for a meeting (not withdrawn), at the contact address its
 * registration gives, that the meeting is postponed or cancelled: once per address, in the
 * recipient's language, queued in the transaction of the change.
 */
export async function noticeToDelegations(tx: Tx, m: MeetingRow, publicUrl: string, what: { kind: 'postponed'; from: Date } | { kind: 'cancelled' }): Promise<number> {
  const regs = await tx
    .select({ contactEmail: registrations.contactEmail })
    .from(registrations)
    .where(and(eq(registrations.meetingId, m.id), ne(registrations.status, 'withdrawn')));
  const to = [...new Set(regs.map((r) => r.contactEmail.trim().toLowerCase()))].sort();
  if (to.length === 0) return 0;
  const languages = await mailLanguages(tx, to);
  await queueMail(
    tx,
    to.map((address) => {
      const lang = languages.get(address) ?? 'en';
      const title = m.title[lang] ?? m.title.en;
      const link = `${publicUrl}/${lang}/meetings/${m.id}`;
      const mail =
        what.kind === 'postponed'
          ? meetingNotice(lang, { kind: 'postponed', title, reason: m.postponeReason ?? '', from: what.from, startsAt: m.startsAt, endsAt: m.endsAt, zone: m.timeZone, link })
          : meetingNotice(lang, { kind: 'cancelled', title, reason: m.cancelReason ?? '', startsAt: m.startsAt, zone: m.timeZone, link });
      return { to: address, ...mail };
    }),
  );
  return to.length;
}
