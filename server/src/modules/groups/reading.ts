import { and, asc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import { findOrganisation } from '../stakeholders/index.js';
import { groupMembers, groups } from './tables.js';
import type { Names } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export type GroupRow = typeof groups.$inferSelect;

export function toGroupView(r: GroupRow) {
  const { searchText: _s, ...view } = r;
  return view;
}

export async function groupRow(db: Executor, id: string): Promise<GroupRow> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  if (!row) throw notFound('The working group');
  return row;
}

/**
 * What the decisions module asks before a draft is tabled before a working group: whether the group
 * exists and is active (a closed group takes no new drafts).
 */
export const workingGroups = {
  async isActive(db: Executor, id: string): Promise<boolean> {
    const [row] = await db.select({ status: groups.status }).from(groups).where(eq(groups.id, id));
    return row?.status === 'active';
  },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listGroups(db: Executor, filter: { q?: string | undefined; status?: 'active' | 'closed' | undefined }) {
  const where: SQL[] = [];
  const q = filter.q ? fold(filter.q) : '';
  if (q) where.push(like(groups.searchText, `%${escapeLike(q)}%`));
  if (filter.status) where.push(eq(groups.status, filter.status));
  const rows = await db
    .select({
      group: groups,
      members: sql<number>`(SELECT count(*)::int FROM group_members m WHERE m.group_id = "groups"."id" AND m.left_at IS NULL AND m.capacity = 'member')`,
      observers: sql<number>`(SELECT count(*)::int FROM group_members m WHERE m.group_id = "groups"."id" AND m.left_at IS NULL AND m.capacity = 'observer')`,
    })
    .from(groups)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(groups.createdAt));
  return rows.map((r) => ({ ...toGroupView(r.group), memberCount: Number(r.members), observerCount: Number(r.observers) }));
}

export interface GroupMembersView {
  states: { iso3: string; names: Names; status: 'member' | 'observer'; joinedAt: Date }[];
  observers: { organisationId: string; name: string; joinedAt: Date }[];
}

/** Who takes part now: the member States (by English name) and the observer organisations. */
export async function currentMembers(db: Executor, groupId: string): Promise<GroupMembersView> {
  const rows = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)))
    .orderBy(asc(groupMembers.joinedAt));
  const view: GroupMembersView = { states: [], observers: [] };
  for (const r of rows) {
    if (r.state) {
      const s = await getState(db, r.state);
      view.states.push({ iso3: s.iso3, names: s.names, status: s.status, joinedAt: r.joinedAt });
    } else if (r.organisationId) {
      const org = await findOrganisation(db, r.organisationId);
      view.observers.push({ organisationId: r.organisationId, name: org?.name ?? 'Organisation', joinedAt: r.joinedAt });
    }
  }
  view.states.sort((a, b) => a.names.en.localeCompare(b.names.en, 'en'));
  view.observers.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return view;
}

/** The working groups a State takes part in now, for the State's page (membership is public, groupsPolicy.read). */
export async function groupsOfState(db: Executor, state: string): Promise<{ id: string; name: GroupRow['name']; status: GroupRow['status']; joinedAt: Date }[]> {
  return db
    .select({ id: groups.id, name: groups.name, status: groups.status, joinedAt: groupMembers.joinedAt })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.state, state), isNull(groupMembers.leftAt)))
    .orderBy(asc(groupMembers.joinedAt));
}
