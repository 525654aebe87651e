import type { Executor } from '../../platform/db/database.js';
import { draftViews } from './tables.js';

/**
 * Notes that an account opened a draft now: one upsert, so opening a draft stays cheap. Not audited:
 * it records what a person read, for their own list of drafts changed since, and nothing else.
 */
export async function noteDraftSeen(db: Executor, input: { accountId: string; draftId: string; at?: Date }): Promise<void> {
  const at = input.at ?? new Date();
  await db
    .insert(draftViews)
    .values({ accountId: input.accountId, draftId: input.draftId, seenAt: at })
    .onConflictDoUpdate({ target: [draftViews.accountId, draftViews.draftId], set: { seenAt: at } });
}
