import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { IdempotencyStore, StoredAnswer } from '../http/idempotency.js';
import { idempotentRequests } from './tables.js';

/** How long an answer is kept for retries. */
export const KEEP_HOURS = 24;
/** A request still marked as being answered after this long died with its process: a retry may take it over. */
export const ABANDONED_AFTER_SECONDS = 120;

/** The answers to creating requests, kept in the platform's database. */
export function idempotencyStore(db: Db): IdempotencyStore {
  const begin: IdempotencyStore['begin'] = async (accountId, key, fingerprint) => {
      const keptSince = sql`now() - make_interval(hours => ${KEEP_HOURS})`;
      const abandonedSince = sql`now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`;
      // Answers older than a day go first, whoever's they are (a range of the age index: usually
      // nothing); then the key is claimed, or its abandoned holder replaced, in one statement.
      await db.delete(idempotentRequests).where(lt(idempotentRequests.createdAt, keptSince));
      const claimed = await db
        .insert(idempotentRequests)
        .values({ accountId, key, fingerprint })
        .onConflictDoUpdate({
          target: [idempotentRequests.accountId, idempotentRequests.key],
          set: { fingerprint, status: null, contentType: null, headers: null, body: null, createdAt: sql`now()` },
          setWhere: and(isNull(idempotentRequests.status), lt(idempotentRequests.createdAt, abandonedSince)),
        })
        .returning({ key: idempotentRequests.key });
      if (claimed.length > 0) return { kind: 'new' };
      const [held] = await db
        .select()
        .from(idempotentRequests)
        .where(and(eq(idempotentRequests.accountId, accountId), eq(idempotentRequests.key, key)));
      // Taken and expired between the two statements: claim it again.
      if (!held) return begin(accountId, key, fingerprint);
      if (held.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (held.status === null) return { kind: 'in-progress' };
      const answer: StoredAnswer = { status: held.status, contentType: held.contentType, headers: held.headers ?? {}, body: held.body ?? '' };
      return { kind: 'replay', answer };
  };
  return {
    begin,
    async complete(accountId, key, answer) {
      await db
        .update(idempotentRequests)
        .set({ status: answer.status, contentType: answer.contentType, headers: answer.headers, body: answer.body })
        .where(and(eq(idempotentRequests.accountId, accountId), eq(idempotentRequests.key, key), isNull(idempotentRequests.status)));
    },
    async release(accountId, key) {
      await db
        .delete(idempotentRequests)
        .where(and(eq(idempotentRequests.accountId, accountId), eq(idempotentRequests.key, key), isNull(idempotentRequests.status)));
    },
  };
}
