import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { contactsPolicy } from './policy.js';
import type { AnswerBody } from './schemas.js';
import { contactMessages, contactThreads } from './tables.js';
import { threadOpen } from './thread-status.js';
import { tellState } from './thread-notice.js';
import { visibleThread } from './threads.js';

/**
 * One of the two States' sides adds a message to their exchange (acknowledgement, reply, closure,
 * or a further notification or request); the other side is told by email that a message waits.
 * A closed exchange takes nothing more (refused by the rule); an exchange one may not read is not found.
 */
export async function answerThread(ctx: PlatformContext, input: { actor: Actor; threadId: string } & z.infer<typeof AnswerBody>) {
  return ctx.database.db.transaction(async (tx) => {
    await tx.select({ id: contactThreads.id }).from(contactThreads).where(eq(contactThreads.id, input.threadId)).for('update');
    const { thread, standing, messages } = await visibleThread(tx, input.actor, input.threadId);
    authorize(input.actor, contactsPolicy.answerThread, { ...standing, ...thread, open: threadOpen(messages) });
    const fromState = input.actor.state!;
    const position = messages.length + 1;
    const id = randomUUID();
    await tx.insert(contactMessages).values({
      id,
      threadId: thread.id,
      position,
      fromState,
      fromAccountId: input.actor.accountId,
      fromName: input.actor.name,
      kind: input.kind,
      urgency: input.urgency,
      respondWithinHours: input.respondWithinHours,
      text: input.text,
      exercise: thread.exercise,
      createdAt: new Date(),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contacts.answer-thread',
      subjectType: 'contact-thread',
      subjectId: thread.id,
      change: { position, kind: input.kind, text: input.text },
      details: { position, kind: input.kind, fromState },
    });
    await tellState(ctx, tx, fromState === thread.fromState ? thread.toState : thread.fromState, thread);
    return { id, position };
  });
}
