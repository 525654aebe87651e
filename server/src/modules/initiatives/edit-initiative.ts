import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound, preconditionFailed } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { initiativesPolicy } from './policy.js';
import { checkedFields, checkElements, searchTextOf } from './propose-initiative.js';
import type { InitiativeInput } from './schemas.js';
import { initiativeElements, initiatives } from './tables.js';
import { proposerFacts, type InitiativeRow } from './reading.js';

/** The fields an edit may change, as they are kept and compared. */
type Fields = Pick<InitiativeRow, 'name' | 'owner' | 'kind' | 'summary' | 'states' | 'contact' | 'links'> & { elements: string[] };

/** What an edit changed: each field that differs, as it was and as it is now (for the audit chain). */
export function changedFields(before: Fields, after: Fields): { from: Partial<Fields>; to: Partial<Fields> } {
  const from: Partial<Fields> = {};
  const to: Partial<Fields> = {};
  for (const key of Object.keys(after) as (keyof Fields)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    Object.assign(from, { [key]: before[key] });
    Object.assign(to, { [key]: after[key] });
  }
  return { from, to };
}

/**
 * Edits an initiative of the registry: the Secretariat a proposed or a published one (what it runs,
 * who takes part, its links change), its proposer its own until the Secretariat decides. It keeps its
 * status; the version read is named (If-Match), so an edit made on an older version is refused (412)
 * and never overwrites another unseen. Audited with what changed, before and after.
 */
export async function editInitiative(db: Db, input: InitiativeInput & { actor: Actor; id: string; ifMatch: number }): Promise<InitiativeRow> {
  const { actor } = input;
  const { elements, states } = await checkedFields(db, input);
  const proposer = await proposerFacts(db, actor);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(initiatives).where(eq(initiatives.id, input.id)).for('update');
    // What the caller may not see does not exist for it.
    if (!current || !initiativesPolicy.see.allows(actor, current)) throw notFound('The initiative');
    authorize(actor, initiativesPolicy.edit, { ...current, ...proposer });
    if (current.version !== input.ifMatch) throw preconditionFailed('The initiative changed after you read it.', { currentVersion: current.version });
    await checkElements(tx, elements);
    const before: Fields = {
      name: current.name,
      owner: current.owner,
      kind: current.kind,
      summary: current.summary,
      states: current.states,
      contact: current.contact,
      links: current.links,
      elements: (await tx.select({ code: initiativeElements.code }).from(initiativeElements).where(eq(initiativeElements.initiativeId, current.id))).map((r) => r.code).sort(),
    };
    const after: Fields = { name: input.name, owner: input.owner, kind: input.kind, summary: input.summary ?? null, states, contact: input.contact ?? null, links: input.links, elements };
    const version = current.version + 1;
    const { elements: _e, ...columns } = after;
    const [row] = await tx
      .update(initiatives)
      .set({ ...columns, searchText: searchTextOf(input), version, updatedAt: new Date() })
      .where(eq(initiatives.id, current.id))
      .returning();
    await tx.delete(initiativeElements).where(eq(initiativeElements.initiativeId, current.id));
    if (elements.length) await tx.insert(initiativeElements).values(elements.map((code) => ({ initiativeId: current.id, code })));
    await recordAudit(tx, { actor, action: 'initiatives.edit', subjectType: 'initiative', subjectId: current.id, change: { status: current.status, version, ...changedFields(before, after) } });
    return row!;
  });
}
