import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import type { Language } from '../../kernel/languages.js';
import { confirmationMail } from './mail-texts.js';
import { addressDigest, CONFIRM_HOURS, newToken, normaliseEmail, RESEND_MINUTES, sortedTopics, type Topic } from './topics.js';
import { updateSubscriptions } from './tables.js';
import { unsubscribeLinks } from './unsubscribe-links.js';

/**
 * Anyone asks for email updates. The answer is the same whether the address is new, waiting for its
 * confirmation or already subscribed (no one learns who is subscribed); the confirmation link is the
 * only mail sent before it is used, and at most one per address every RESEND_MINUTES. For an address
 * already subscribed, the link confirms the new language and topics.
 */
export async function subscribeToUpdates(ctx: PlatformContext, input: { email: string; language: Language; topics: readonly Topic[] }, now = new Date()): Promise<void> {
  const email = normaliseEmail(input.email);
  const digest = addressDigest(email);
  const topics = sortedTopics(input.topics);
  const { token, hash } = newToken();
  const confirm = { requestedLanguage: input.language, requestedTopics: topics, confirmTokenHash: hash, confirmExpiresAt: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000), confirmationSentAt: now };
  await ctx.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(updateSubscriptions).where(eq(updateSubscriptions.emailDigest, digest)).for('update');
    if (current?.confirmationSentAt && now.getTime() - current.confirmationSentAt.getTime() < RESEND_MINUTES * 60_000) return;
    let id: string;
    if (current) {
      id = current.id;
      await tx.update(updateSubscriptions).set(confirm).where(eq(updateSubscriptions.id, id));
    } else {
      id = randomUUID();
      const [inserted] = await tx
        .insert(updateSubscriptions)
        .values({ id, email, emailDigest: digest, status: 'pending', language: input.language, topics, createdAt: now, ...confirm })
        .onConflictDoNothing()
        .returning({ id: updateSubscriptions.id });
      // The same address signed up at the same moment: that sign-up sends the one link.
      if (!inserted) return;
    }
    await recordAudit(tx, {
      actor: null,
      action: 'updates.subscribe',
      subjectType: 'update-subscription',
      subjectId: id,
      change: { address: digest, language: input.language, topics },
    });
    const links = await unsubscribeLinks(tx, ctx.config.publicUrl, id, input.language);
    const link = `${ctx.config.publicUrl}/${input.language}/updates/confirm/${token}`;
    const mail = confirmationMail(input.language, { link, unsubscribeLink: links.page, hours: CONFIRM_HOURS, topics });
    await queueMail(tx, [{ to: email, ...mail, headers: links.headers }]);
  });
}
