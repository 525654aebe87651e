import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound, preconditionFailed } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import { groupsPolicy } from './policy.js';
import { groups, type Chair, type WorkProgrammeItem } from './tables.js';
import { allTexts, type Localized } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export interface GroupFields {
  name: Localized;
  mandate: Localized;
  mandateSource?: string | null | undefined;
  mandateOutcomeId?: string | null | undefined;
  chairs?: Chair[] | undefined;
  workProgramme?: WorkProgrammeItem[] | undefined;
  stakeholderObservers: boolean;
}

type GroupRow = typeof groups.$inferSelect;
const searchTextOf = (name: Localized, mandate: Localized) => fold([...allTexts(name), ...allTexts(mandate)].join('\n'));

async function checkChairs(db: Db, chairs: readonly Chair[]): Promise<void> {
  for (const c of chairs) if (c.state) await getState(db, c.state);
}

/** The Secretariat sets up a working group with the mandate the plenary gave it. */
export async function createGroup(db: Db, input: GroupFields & { actor: Actor }): Promise<GroupRow> {
  authorize(input.actor, groupsPolicy.manage, undefined);
  await checkChairs(db, input.chairs ?? []);
  const row: GroupRow = {
    id: randomUUID(),
    name: input.name,
    mandate: input.mandate,
    mandateSource: input.mandateSource ?? null,
    mandateOutcomeId: input.mandateOutcomeId ?? null,
    chairs: input.chairs ?? [],
    workProgramme: input.workProgramme ?? [],
    stakeholderObservers: input.stakeholderObservers,
    status: 'active',
    searchText: searchTextOf(input.name, input.mandate),
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx.insert(groups).values(row);
    const { searchText: _s, createdAt: _c, updatedAt: _u, ...facts } = row;
    await recordAudit(tx, { actor: input.actor, action: 'groups.create', subjectType: 'group', subjectId: row.id, change: facts });
  });
  return row;
}

/** The Secretariat updates a group: chairs, work programme, modalities, or closes it (If-Match). */
export async function updateGroup(
  db: Db,
  input: { actor: Actor; id: string; ifMatch: number; changes: Partial<GroupFields> & { status?: 'active' | 'closed' | undefined } },
): Promise<GroupRow> {
  authorize(input.actor, groupsPolicy.manage, undefined);
  if (input.changes.chairs) await checkChairs(db, input.changes.chairs);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(groups).where(eq(groups.id, input.id)).for('update');
    if (!current) throw notFound('The working group');
    if (current.version !== input.ifMatch) throw preconditionFailed('The group was changed since you read it.', { currentVersion: current.version });
    const c = input.changes;
    const next: GroupRow = {
      ...current,
      name: c.name ?? current.name,
      mandate: c.mandate ?? current.mandate,
      mandateSource: c.mandateSource !== undefined ? c.mandateSource : current.mandateSource,
      mandateOutcomeId: c.mandateOutcomeId !== undefined ? c.mandateOutcomeId : current.mandateOutcomeId,
      chairs: c.chairs ?? current.chairs,
      workProgramme: c.workProgramme ?? current.workProgramme,
      stakeholderObservers: c.stakeholderObservers ?? current.stakeholderObservers,
      status: c.status ?? current.status,
      version: current.version + 1,
      updatedAt: new Date(),
    };
    next.searchText = searchTextOf(next.name, next.mandate);
    await tx.update(groups).set(next).where(eq(groups.id, input.id));
    await recordAudit(tx, { actor: input.actor, action: 'groups.update', subjectType: 'group', subjectId: input.id, change: { version: next.version, ...c } });
    return next;
  });
}
