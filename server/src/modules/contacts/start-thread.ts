import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { contactsPolicy } from './policy.js';
import { hasCurrentPoc, standingOf } from './reading.js';
import type { StartThreadBody } from './schemas.js';
import { contactMessages, contactThreads } from './tables.js';
import { tellState } from './thread-notice.js';

/**
 * A State's side (a current POC, or its focal point) opens an exchange with another State that has
 * a POC, with a message of the template. Its POCs and focal points are told by email, in their
 * language, that a message waits: nothing of it is in the email. A State without a POC cannot be
 * written to, and is told only "forbidden", as for any other refusal.
 */
export async function startThread(ctx: PlatformContext, input: { actor: Actor } & z.infer<typeof StartThreadBody>) {
  const db = ctx.database.db;
  return db.transaction(async (tx) => {
    const standing = await standingOf(tx, input.actor);
    const toStateHasPoc = await hasCurrentPoc(tx, input.toState);
    authorize(input.actor, contactsPolicy.send, { ...standing, toState: input.toState, toStateHasPoc });
    const id = randomUUID();
    const now = new Date();
    const fromState = input.actor.state!;
    await tx.insert(contactThreads).values({ id, fromState, toState: input.toState, secretariatMayRead: input.secretariatMayRead, exercise: input.exercise, createdAt: now });
    await tx.insert(contactMessages).values({
      id: randomUUID(),
      threadId: id,
      position: 1,
      fromState,
      fromAccountId: input.actor.accountId,
      fromName: input.actor.name,
      kind: input.kind,
      urgency: input.urgency,
      respondWithinHours: input.respondWithinHours,
      text: input.text,
      exercise: input.exercise,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'contacts.start-thread',
      subjectType: 'contact-thread',
      subjectId: id,
      change: { fromState, toState: input.toState, kind: input.kind, urgency: input.urgency, text: input.text, exercise: input.exercise },
      details: { fromState, toState: input.toState, kind: input.kind, urgency: input.urgency, exercise: input.exercise },
    });
    await tellState(ctx, tx, input.toState, { id, exercise: input.exercise });
    return { id };
  });
}
