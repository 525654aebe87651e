import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize, canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { contactsCan, contactsPolicy, type Standing } from './policy.js';
import { contactPocs, contactPocVersions, contactReads, type PocRole } from './tables.js';
import { withinWorkingHours } from './working-hours.js';
import { standingTransmission, transmissionBytes, transmissionsOf, type TransmissionInfo } from './transmission.js';

/**
 * The reading side of the directory. Every query filters by what the caller may see; a thing the
 * caller may not see is not found (404), never forbidden, so its existence is not told either.
 */

/** The facts the rules need about the caller: does its State have a current POC, is it one. */
export async function standingOf(db: Executor, actor: Actor | null): Promise<Standing> {
  if (!actor?.state) return { stateHasPoc: false, currentPoc: false };
  const rows = await db
    .select({ accountId: contactPocs.accountId })
    .from(contactPocs)
    .where(and(eq(contactPocs.state, actor.state), eq(contactPocs.status, 'current')));
  return { stateHasPoc: rows.length > 0, currentPoc: rows.some((r) => r.accountId === actor.accountId) };
}

/** Whether a State has at least one current POC. */
export async function hasCurrentPoc(db: Executor, state: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contactPocs.id })
    .from(contactPocs)
    .where(and(eq(contactPocs.state, state), eq(contactPocs.status, 'current')))
    .limit(1);
  return !!row;
}

/** The caller may read the directory (the Secretariat, or a State's own side while it has a POC); throws otherwise. */
export async function assertReader(db: Executor, actor: Actor | null): Promise<Standing & { actor: Actor }> {
  const standing = await standingOf(db, actor);
  authorize(actor, contactsPolicy.read, standing);
  return { ...standing, actor };
}

type PocRow = typeof contactPocs.$inferSelect;

export function pocView(row: PocRow, actor: Actor | null, standing: Standing, transmission: TransmissionInfo | null, now = new Date()) {
  return {
    id: row.id,
    state: row.state,
    role: row.role,
    name: row.name,
    title: row.title,
    organisation: row.organisation,
    email: row.email,
    phone: row.phone,
    otherChannels: row.otherChannels,
    languages: row.languages,
    timeZone: row.timeZone,
    workingHours: row.workingHours,
    inWorkingHoursNow: withinWorkingHours(row.workingHours, row.timeZone, now),
    hasAccount: row.accountId !== null,
    transmission,
    version: row.version,
    nominatedAt: row.nominatedAt,
    updatedAt: row.updatedAt,
    can: canOf(contactsCan.poc, actor, { ...standing, state: row.state }),
  };
}

/** Logs that the caller read these records: the States they belong to see it. */
async function logReads(db: Executor, actor: Actor, rows: readonly PocRow[]): Promise<void> {
  if (rows.length === 0) return;
  const at = new Date();
  const readerRole = actor.roles.includes('secretariat') ? 'secretariat' : actor.roles.includes('focal_point') ? 'focal_point' : 'poc';
  // One statement with two array parameters, whatever the number of records read: the whole directory is
  // 780 records, and a row of parameters per record (6,240 of them) cost more than the read itself.
  await db.execute(sql`
    INSERT INTO contact_reads (id, poc_id, poc_state, reader_account_id, reader_name, reader_state, reader_role, at)
    SELECT gen_random_uuid(), r.poc_id, r.poc_state, ${actor.accountId}, ${actor.name}, ${actor.state}, ${readerRole}, ${at}
    FROM unnest(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[], ${`{${rows.map((r) => r.state).join(',')}}`}::text[]) AS r(poc_id, poc_state)`);
}

/** The current POCs, filtered by State or role; each record read is logged. */
export async function listDirectory(db: Db, actor: Actor | null, filter: { state?: string | undefined; role?: PocRole | undefined }) {
  const reader = await assertReader(db, actor);
  const where: SQL[] = [eq(contactPocs.status, 'current')];
  if (filter.state) where.push(eq(contactPocs.state, filter.state));
  if (filter.role) where.push(eq(contactPocs.role, filter.role));
  const rows = await db
    .select()
    .from(contactPocs)
    .where(and(...where))
    .orderBy(asc(contactPocs.state), asc(contactPocs.role), asc(contactPocs.name));
  await logReads(db, reader.actor, rows);
  const transmissions = await transmissionsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => pocView(r, actor, reader, standingTransmission(transmissions.get(r.id)))), can: canOf(contactsCan.directory, actor, { state: actor?.state ?? null }) };
}

/** One current POC; its read is logged. */
export async function readPoc(db: Db, actor: Actor | null, id: string) {
  const reader = await assertReader(db, actor);
  const [row] = await db
    .select()
    .from(contactPocs)
    .where(and(eq(contactPocs.id, id), eq(contactPocs.status, 'current')));
  if (!row) throw notFound('The point of contact');
  await logReads(db, reader.actor, [row]);
  const transmissions = await transmissionsOf(db, [row.id]);
  return pocView(row, actor, reader, standingTransmission(transmissions.get(row.id)));
}

/**
 * The official transmission of a nomination's version. The one that stands for a current nomination
 * (the latest that came with it) is read by whoever reads the directory, as its record is; every
 * version's, and a withdrawn nomination's, only by its State's own side and the Secretariat, as its
 * history is. Anything else is not found. The download is logged as a read of the POC's record.
 */
export async function transmissionFile(db: Db, actor: Actor | null, id: string, version: number) {
  const reader = await assertReader(db, actor);
  const [row] = await db.select().from(contactPocs).where(eq(contactPocs.id, id));
  if (!row) throw notFound('The file');
  const standing = standingTransmission((await transmissionsOf(db, [id])).get(id));
  const mayRead = contactsPolicy.history.allows(actor, { ...reader, state: row.state }) || (row.status === 'current' && standing?.version === version);
  const file = mayRead ? await transmissionBytes(db, id, version) : null;
  if (!file) throw notFound('The file');
  await logReads(db, reader.actor, [row]);
  return file;
}

/** Every version of a nomination (withdrawn ones too): its State's own side and the Secretariat. */
export async function pocHistory(db: Db, actor: Actor | null, id: string) {
  const standing = await standingOf(db, actor);
  const [row] = await db.select({ state: contactPocs.state }).from(contactPocs).where(eq(contactPocs.id, id));
  if (!row || !contactsPolicy.history.allows(actor, { ...standing, state: row.state })) throw notFound('The point of contact');
  const versions = await db.select().from(contactPocVersions).where(eq(contactPocVersions.pocId, id)).orderBy(asc(contactPocVersions.version));
  const transmissions = (await transmissionsOf(db, [id])).get(id) ?? [];
  return {
    items: versions.map((v) => ({
      version: v.version,
      change: v.change,
      record: v.record as Record<string, unknown>,
      transmission: transmissions.find((t) => t.version === v.version) ?? null,
      byAccount: v.byAccount,
      at: v.at,
    })),
  };
}

/** Who read a State's entries, newest first: its own side sees its own; the Secretariat names a State. */
export async function readsOf(db: Db, actor: Actor | null, requested: string | undefined) {
  const reader = await assertReader(db, actor);
  const state = reader.actor.roles.includes('secretariat') ? requested : reader.actor.state!;
  const rows = await db
    .select({ read: contactReads, pocName: contactPocs.name, pocRole: contactPocs.role })
    .from(contactReads)
    .innerJoin(contactPocs, eq(contactPocs.id, contactReads.pocId))
    .where(state ? eq(contactReads.pocState, state) : undefined)
    .orderBy(desc(contactReads.at))
    .limit(1000);
  return {
    items: rows.map(({ read: r, pocName, pocRole }) => ({
      pocId: r.pocId,
      pocState: r.pocState,
      pocName,
      pocRole,
      readerName: r.readerName,
      readerState: r.readerState,
      readerRole: r.readerRole,
      at: r.at,
    })),
  };
}

/** The current POCs of some States (for mail), with the facts a message needs. */
export async function currentPocsOf(db: Executor, states: readonly string[], role?: PocRole) {
  if (states.length === 0) return [];
  return db
    .select()
    .from(contactPocs)
    .where(and(inArray(contactPocs.state, [...states]), eq(contactPocs.status, 'current'), role ? eq(contactPocs.role, role) : undefined));
}
