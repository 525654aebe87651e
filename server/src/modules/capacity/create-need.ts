import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { capacityPolicy } from './policy.js';
import { checkFrameworkCodes } from './framework-codes.js';
import type { NeedBody } from './schemas.js';
import { capacityNeeds } from './tables.js';

export function checkPeriod(start: string | null, end: string | null, field: string): void {
  if (start && end && start > end) throw badRequest('The period ends before it starts.', [{ field, message: 'must not be before the start' }]);
}

/** A State's focal point publishes a need of its State. */
export async function createNeed(db: Db, input: { actor: Actor; need: z.infer<typeof NeedBody> }): Promise<{ id: string }> {
  authorize(input.actor, capacityPolicy.publishNeed, undefined);
  const n = input.need;
  checkPeriod(n.periodStart, n.periodEnd, 'body.periodEnd');
  await checkFrameworkCodes(db, n.codes, 'body.codes');
  const id = randomUUID();
  const row = { id, state: input.actor.state!, ...n, codes: [...new Set(n.codes)], languages: [...new Set(n.languages)], status: 'open' as const, source: null, publishedAt: new Date(), createdBy: input.actor.accountId };
  await db.transaction(async (tx) => {
    await tx.insert(capacityNeeds).values(row);
    await recordAudit(tx, { actor: input.actor, action: 'capacity.publish-need', subjectType: 'capacity-need', subjectId: id, change: { ...row, publishedAt: row.publishedAt.toISOString() } });
  });
  return { id };
}
