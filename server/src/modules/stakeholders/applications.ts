import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import type { Language } from '../../kernel/languages.js';
import { objectionRecord, periodOpen, type ObjectionRecord } from './non-objection.js';
import type { ApplicationFacts } from './policy.js';
import { applications, applicationSteps, objections, organisations } from './tables.js';

/** What the use cases of applications share: loading one, its steps, its objections, the tracking token. */

export type ApplicationRow = typeof applications.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type StepKind = (typeof applicationSteps.kind.enumValues)[number];

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The application, locked for the caller's transaction when asked; 404 when unknown. */
export async function applicationRow(db: Executor, id: string, lock = false): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('The application');
  return row;
}

export async function organisationRow(db: Executor, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound('The organisation');
  return row;
}

export async function addStep(tx: Tx, applicationId: string, kind: StepKind, note: string | null = null, at = new Date()): Promise<void> {
  await tx.insert(applicationSteps).values({ id: randomUUID(), applicationId, kind, note, at });
}

export async function stepsOf(db: Executor, applicationId: string) {
  return db
    .select({ kind: applicationSteps.kind, note: applicationSteps.note, at: applicationSteps.at })
    .from(applicationSteps)
    .where(eq(applicationSteps.applicationId, applicationId))
    .orderBy(asc(applicationSteps.at));
}

/** The objections to an application, with the State: for the rules and the record only, never answered as they are. */
export async function objectionsOf(db: Executor, applicationId: string) {
  return db.select({ state: objections.state, basis: objections.basis, nameShared: objections.nameShared }).from(objections).where(eq(objections.applicationId, applicationId));
}

export async function recordOf(db: Executor, applicationId: string): Promise<ObjectionRecord> {
  return objectionRecord(await objectionsOf(db, applicationId));
}

/** The record with the named States' names in a language, for an email. */
export async function recordInLanguage(db: Executor, record: ObjectionRecord, lang: Language): Promise<ObjectionRecord> {
  const namedStates = await Promise.all(record.namedStates.map(async (iso3) => (await getState(db, iso3)).names[lang]));
  return { ...record, namedStates };
}

export function applicationFacts(row: ApplicationRow, objectedByOwnState: boolean, now = new Date()): ApplicationFacts {
  return { status: row.status, periodOpen: periodOpen(row.periodEndsAt, now), objectedByOwnState };
}

/** The address the applicant's emails go to, in its language. */
export const applicantAddress = (row: ApplicationRow) => ({ to: row.contact.email, name: row.contact.name, language: row.language });
