import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { notFound, preconditionFailed } from '../../platform/http/problem.js';
import type { StateRecord } from './names.js';
import { stateReference } from './reference.js';
import { readLanguagesAndGroups } from './reference-data.js';
import { officialLanguages, regionalGroups, states } from './tables.js';
import { type Language, LANGUAGES, type Names } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

/** The searchable text of a State: its names in all six languages, folded, plus its code. */
export const searchTextOf = (iso3: string, names: Names): string =>
  [iso3.toLowerCase(), ...LANGUAGES.map((l) => fold(names[l]))].join('\n');

export interface StateView {
  iso3: string;
  m49: string;
  status: 'member' | 'observer';
  regionalGroup: string | null;
  names: Names;
  version: number;
}

const columns = {
  iso3: states.iso3,
  m49: states.m49,
  status: states.status,
  regionalGroup: states.regionalGroup,
  names: states.names,
  version: states.version,
};

/**
 * Loads the official languages, the regional groups and the States into the database. Idempotent:
 * it writes only what differs, never overwrites a name the Secretariat corrected, and records what it
 * changed on the audit chain. Returns the number of States inserted or updated.
 */
export async function loadStateReference(db: Db): Promise<{ inserted: number; updated: number }> {
  const { officialLanguages: langs, regionalGroups: groups } = readLanguagesAndGroups();
  const reference = stateReference();
  return db.transaction(async (tx) => {
    // Written only where they differ: a start on a database already set up writes nothing.
    const knownLangs = new Map((await tx.select().from(officialLanguages)).map((l) => [l.code, l]));
    for (const [position, l] of langs.entries()) {
      const known = knownLangs.get(l.code);
      if (known && known.name === l.name && known.position === position) continue;
      await tx
        .insert(officialLanguages)
        .values({ code: l.code, name: l.name, position })
        .onConflictDoUpdate({ target: officialLanguages.code, set: { name: l.name, position } });
    }
    const knownGroups = new Map((await tx.select().from(regionalGroups)).map((g) => [g.id, g]));
    for (const g of groups) {
      const known = knownGroups.get(g.id);
      if (known && known.name === g.name && known.officialName === g.officialName) continue;
      await tx
        .insert(regionalGroups)
        .values(g)
        .onConflictDoUpdate({ target: regionalGroups.id, set: { name: g.name, officialName: g.officialName } });
    }
    const existing = new Map((await tx.select().from(states)).map((s) => [s.iso3, s]));
    const inserted: StateRecord[] = [];
    const updated: string[] = [];
    for (const ref of reference) {
      const current = existing.get(ref.iso3);
      if (!current) {
        inserted.push(ref);
        continue;
      }
      const names = { ...ref.names };
      for (const l of current.correctedLanguages as Language[]) names[l] = current.names[l];
      const same =
        current.m49 === ref.m49 &&
        current.status === ref.status &&
        current.regionalGroup === ref.regionalGroup &&
        LANGUAGES.every((l) => current.names[l] === names[l]);
      if (same) continue;
      await tx
        .update(states)
        .set({
          m49: ref.m49,
          status: ref.status,
          regionalGroup: ref.regionalGroup,
          names,
          searchText: searchTextOf(ref.iso3, names),
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(states.iso3, ref.iso3));
      updated.push(ref.iso3);
    }
    if (inserted.length > 0) {
      await tx.insert(states).values(inserted.map((s) => ({ ...s, searchText: searchTextOf(s.iso3, s.names) })));
    }
    if (inserted.length + updated.length > 0) {
      await recordAudit(tx, {
        actor: null,
        action: 'states.load-reference',
        subjectType: 'reference-data',
        subjectId: 'states',
        change: { inserted, updated: reference.filter((s) => updated.includes(s.iso3)) },
        details: { inserted: inserted.map((s) => s.iso3), updated },
      });
    }
    return { inserted: inserted.length, updated: updated.length };
  });
}

export interface StateFilter {
  group?: string | undefined;
  q?: string | undefined;
}

/**
 * The hot reads as named prepared statements, one set per database handle: the SQL is built once, not
 * on every request, and PostgreSQL plans it once per connection.
 */
const prepared = new WeakMap<Executor, ReturnType<typeof prepare>>();
function prepare(db: Executor) {
  return {
    all: db.select(columns).from(states).orderBy(asc(states.iso3)).prepare('states_all'),
    one: db.select(columns).from(states).where(eq(states.iso3, sql.placeholder('iso3'))).prepare('states_one'),
  };
}
function statements(db: Executor): ReturnType<typeof prepare> {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

export async function listStates(db: Executor, filter: StateFilter): Promise<StateView[]> {
  if (!filter.group && !filter.q) return statements(db).all.execute();
  const where: SQL[] = [];
  if (filter.group) where.push(eq(states.regionalGroup, filter.group));
  const q = filter.q ? fold(filter.q) : '';
  if (q) where.push(like(states.searchText, `%${escapeLike(q)}%`));
  return db
    .select(columns)
    .from(states)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(states.iso3));
}

export async function getState(db: Executor, iso3: string): Promise<StateView> {
  const [row] = await statements(db).one.execute({ iso3 });
  if (!row) throw notFound(`The State ${iso3}`);
  return row;
}

/** The Secretariat corrects a State's name in one or more languages; the reference data keeps it from then on. */
export async function correctStateNames(
  db: Db,
  input: { actor: Actor; iso3: string; names: Partial<Names>; ifMatch: number },
): Promise<StateView> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(states).where(eq(states.iso3, input.iso3)).for('update');
    if (!current) throw notFound(`The State ${input.iso3}`);
    if (current.version !== input.ifMatch) {
      throw preconditionFailed('The State was changed since you read it.', { currentVersion: current.version });
    }
    const names: Names = { ...current.names, ...input.names };
    const changed = LANGUAGES.filter((l) => input.names[l] !== undefined && input.names[l] !== current.names[l]);
    const corrected = [...new Set([...(current.correctedLanguages as Language[]), ...changed])];
    const [row] = await tx
      .update(states)
      .set({
        names,
        searchText: searchTextOf(current.iso3, names),
        correctedLanguages: corrected,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(states.iso3, input.iso3))
      .returning(columns);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'states.correct-names',
      subjectType: 'state',
      subjectId: input.iso3,
      change: { before: Object.fromEntries(changed.map((l) => [l, current.names[l]])), after: Object.fromEntries(changed.map((l) => [l, names[l]])) },
    });
    return row!;
  });
}

export async function listRegionalGroups(db: Executor) {
  return db.select().from(regionalGroups).orderBy(asc(regionalGroups.id));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
