import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { listStates } from '../states/index.js';
import { contactsPolicy } from './policy.js';
import { BUCKETS, bucketOf, responseMinutes, tally, tallyBy } from './reachability.js';
import { assertReader } from './reading.js';
import { contactCheckTargets, contactChecks, type CheckScope } from './tables.js';
import { ability } from '../../platform/http/policy.js';

/** A State sees what kind of check asked its POCs, not which other States the Secretariat named. */
const scopeFor = (scope: CheckScope, own: string | null): Record<string, unknown> => (own === null || scope.kind !== 'states' ? { ...scope } : { kind: 'states' });

const listCan = { schedule: ability(contactsPolicy.scheduleCheck) } as const;

/**
 * Results of reachability checks: the Secretariat sees every target; a State (its own side, while it
 * has a POC) sees only its own POCs' results, never another State's, nor a regional group's sums.
 */
export async function listChecks(db: Db, actor: Actor | null) {
  const { actor: reader } = await assertReader(db, actor);
  const own = reader.roles.includes('secretariat') ? null : reader.state!;
  const checks = await db.select().from(contactChecks).orderBy(desc(contactChecks.createdAt)).limit(200);
  const targets = checks.length
    ? await db.select().from(contactCheckTargets).where(inArray(contactCheckTargets.checkId, checks.map((c) => c.id)))
    : [];
  const now = new Date();
  const items = checks
    .map((c) => {
      const mine = targets.filter((t) => t.checkId === c.id && (own === null || t.state === own));
      return { id: c.id, scope: scopeFor(c.scope, own), createdAt: c.createdAt, expiresAt: c.expiresAt, completed: c.expiresAt <= now, tally: tally(mine), count: mine.length };
    })
    // A State sees the checks that asked its POCs, and no other.
    .filter((c) => own === null || c.count > 0)
    .map(({ count: _count, ...c }) => c);
  return { items, can: canOf(listCan, actor) };
}

export async function checkDetail(db: Db, actor: Actor | null, id: string) {
  const { actor: reader } = await assertReader(db, actor);
  const own = reader.roles.includes('secretariat') ? null : reader.state!;
  const [check] = await db.select().from(contactChecks).where(eq(contactChecks.id, id));
  if (!check) throw notFound('The check');
  const all = await db.select().from(contactCheckTargets).where(eq(contactCheckTargets.checkId, id)).orderBy(asc(contactCheckTargets.state), asc(contactCheckTargets.role));
  const targets = own === null ? all : all.filter((t) => t.state === own);
  if (targets.length === 0 && own !== null) throw notFound('The check');
  const groupOf = new Map<string, string>();
  if (own === null) for (const s of await listStates(db, {})) groupOf.set(s.iso3, s.regionalGroup ?? 'none');
  return {
    id: check.id,
    scope: scopeFor(check.scope, own),
    createdAt: check.createdAt,
    expiresAt: check.expiresAt,
    completed: check.expiresAt <= new Date(),
    tally: tally(targets),
    buckets: [...BUCKETS],
    byState: tallyBy(targets, (t) => t.state),
    byGroup: own === null ? tallyBy(targets, (t) => groupOf.get(t.state) ?? 'none') : [],
    targets: targets.map((t) => ({
      pocId: t.pocId,
      state: t.state,
      role: t.role,
      sentAt: t.sentAt,
      remindedAt: t.remindedAt,
      escalatedAt: t.escalatedAt,
      answeredAt: t.answeredAt,
      responseMinutes: responseMinutes(t),
      bucket: bucketOf(t),
    })),
  };
}
