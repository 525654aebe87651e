import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { hasRole, isSecretariat, type Actor } from '../../kernel/actor.js';
import { applicationFacts, hashToken, objectionsOf, stepsOf, type ApplicationRow, type OrganisationRow } from './applications.js';
import { objectionRecord } from './non-objection.js';
import { stakeholdersCan, type OrganisationFacts } from './policy.js';
import { applications, batches, organisations, speakingRequests, withdrawals, writtenInputs, type ApplicationStatus } from './tables.js';

/**
 * Queries, with the visibility of each thing inside them: an applicant's contact details only to the
 * Secretariat; an application to a focal point only once circulated; an organisation to the public
 * only once decided; which State objected never, unless that State agreed to be named.
 */

export const organisationFacts = (o: Pick<OrganisationRow, 'id' | 'accreditation' | 'leadAccountId'>): OrganisationFacts => ({
  id: o.id,
  accredited: o.accreditation === 'accredited',
  leadAccountId: o.leadAccountId,
});

const summary = (o: OrganisationRow) => ({
  id: o.id,
  name: o.name,
  names: o.names ?? { en: o.name },
  kind: o.kind,
  headquarters: o.headquarters,
  website: o.website,
  ecosoc: o.ecosocStatus ? { status: o.ecosocStatus, since: o.ecosocSince } : null,
});

const period = (a: ApplicationRow) => (a.periodEndsAt ? { endsAt: a.periodEndsAt, zone: a.periodZone!, endLocal: a.periodEndLocal! } : null);

const isFocalPoint = (actor: Actor | null) => hasRole(actor, 'focal_point') && !!actor?.state;

/** Whether the caller may see this application at all. */
const mayRead = (actor: Actor | null, a: ApplicationRow) => isSecretariat(actor) || (isFocalPoint(actor) && a.batchId !== null);

async function applicationView(db: Executor, a: ApplicationRow, org: OrganisationRow, actor: Actor | null) {
  const all = await objectionsOf(db, a.id);
  const own = actor?.state && isFocalPoint(actor) ? (all.find((o) => o.state === actor.state) ?? null) : null;
  const secretariat = isSecretariat(actor);
  return {
    id: a.id,
    status: a.status,
    organisation: summary(org),
    language: a.language,
    purpose: a.purpose,
    relevantWork: a.relevantWork,
    submittedAt: a.submittedAt,
    batchId: a.batchId,
    period: period(a),
    contact: secretariat ? a.contact : null,
    representatives: secretariat ? a.representatives : null,
    steps: secretariat ? await stepsOf(db, a.id) : null,
    objections: objectionRecord(all),
    ownObjection: own ? { basis: own.basis, nameShared: own.nameShared } : null,
    can: canOf(stakeholdersCan.application, actor, applicationFacts(a, own !== null)),
  };
}

async function organisationsById(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, OrganisationRow>();
  const rows = await db.select().from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function views(db: Executor, rows: ApplicationRow[], actor: Actor | null) {
  const orgs = await organisationsById(db, [...new Set(rows.map((r) => r.organisationId))]);
  return Promise.all(rows.map((r) => applicationView(db, r, orgs.get(r.organisationId)!, actor)));
}

export async function readApplication(db: Executor, id: string, actor: Actor | null) {
  const [a] = await db.select().from(applications).where(eq(applications.id, id));
  if (!a || !mayRead(actor, a)) throw notFound('The application');
  const [org] = await db.select().from(organisations).where(eq(organisations.id, a.organisationId));
  return applicationView(db, a, org!, actor);
}

/** The Secretariat's list of applications, by status; a focal point's, those circulated. */
export async function listApplications(db: Executor, actor: Actor | null, status?: ApplicationStatus) {
  const rows = await db
    .select()
    .from(applications)
    .where(and(status ? eq(applications.status, status) : undefined, isSecretariat(actor) ? undefined : isNotNull(applications.batchId)))
    .orderBy(desc(applications.submittedAt));
  return { items: await views(db, rows, actor), can: canOf(stakeholdersCan.applications, actor) };
}

/** What the applicant sees with its private link; 404 for an unknown link. */
export async function trackApplication(db: Executor, token: string) {
  const [a] = await db.select().from(applications).where(eq(applications.trackingTokenHash, hashToken(token)));
  if (!a) throw notFound('The application');
  const [org] = await db.select().from(organisations).where(eq(organisations.id, a.organisationId));
  const decided = a.status === 'accredited' || a.status === 'not-accredited';
  return {
    id: a.id,
    status: a.status,
    organisation: summary(org!),
    language: a.language,
    period: period(a),
    steps: await stepsOf(db, a.id),
    objections: decided ? objectionRecord(await objectionsOf(db, a.id)) : null,
  };
}

export async function listBatches(db: Executor) {
  const rows = await db.select().from(batches).orderBy(desc(batches.number));
  const counts = rows.length ? await db.select({ batchId: applications.batchId }).from(applications).where(inArray(applications.batchId, rows.map((r) => r.id))) : [];
  return { items: rows.map((b) => ({ id: b.id, number: b.number, circulatedAt: b.circulatedAt, zone: b.zone, count: counts.filter((c) => c.batchId === b.id).length })) };
}

export async function readBatch(db: Executor, id: string, actor: Actor | null) {
  const [b] = await db.select().from(batches).where(eq(batches.id, id));
  if (!b) throw notFound('The batch');
  const rows = await db.select().from(applications).where(eq(applications.batchId, b.id)).orderBy(asc(applications.submittedAt));
  return { id: b.id, number: b.number, circulatedAt: b.circulatedAt, zone: b.zone, applications: await views(db, rows, actor) };
}

/** Decided organisations are public; one still applying is known to the Secretariat (and to focal points once circulated). */
const DECIDED = ['accredited', 'objected', 'withdrawn'] as const;

export async function readOrganisation(db: Executor, id: string, actor: Actor | null) {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!o) throw notFound('The organisation');
  const [application] = await db.select().from(applications).where(eq(applications.organisationId, o.id)).orderBy(desc(applications.submittedAt)).limit(1);
  const visible = (DECIDED as readonly string[]).includes(o.accreditation) || isSecretariat(actor) || (isFocalPoint(actor) && !!application?.batchId);
  if (!visible) throw notFound('The organisation');
  const decided = application && (application.status === 'accredited' || application.status === 'not-accredited');
  const withdrawn = await db.select({ decision: withdrawals.decision, reason: withdrawals.reason, at: withdrawals.at }).from(withdrawals).where(eq(withdrawals.organisationId, o.id)).orderBy(asc(withdrawals.at));
  return {
    ...summary(o),
    accreditation: o.accreditation,
    accreditedAt: o.accreditedAt,
    objections: decided ? objectionRecord(await objectionsOf(db, application.id)) : null,
    withdrawals: withdrawn,
    can: canOf(stakeholdersCan.organisation, actor, organisationFacts(o)),
  };
}

/** The public list of accredited organisations; the Secretariat may ask for the others. */
export async function listOrganisations(db: Executor, actor: Actor | null, accreditation: (typeof organisations.accreditation.enumValues)[number] = 'accredited') {
  if (accreditation === 'applied' && !isSecretariat(actor)) return { items: [] };
  const rows = await db.select().from(organisations).where(eq(organisations.accreditation, accreditation)).orderBy(asc(organisations.name));
  return { items: rows.map((o) => ({ ...summary(o), accreditation: o.accreditation, accreditedAt: o.accreditedAt })) };
}

const inputView = (r: typeof writtenInputs.$inferSelect, names: Map<string, string>) => ({
  id: r.id,
  organisation: { id: r.organisationId, name: names.get(r.organisationId) ?? '' },
  meetingId: r.meetingId,
  agendaItem: r.agendaItem,
  groupId: r.groupId,
  title: r.title,
  language: r.language,
  text: r.text,
  pdf: r.pdfName ? { name: r.pdfName, url: `/api/v1/stakeholder-inputs/${r.id}/pdf` } : null,
  submittedAt: r.submittedAt,
});

async function namesOf(db: Executor, ids: string[]) {
  return new Map([...(await organisationsById(db, [...new Set(ids)]))].map(([id, o]) => [id, o.name]));
}

/** The written inputs on a meeting's or a working group's page: public, as submitted. */
export async function listWrittenInputs(db: Executor, where: { meetingId: string } | { groupId: string }) {
  const rows = await db
    .select()
    .from(writtenInputs)
    .where('meetingId' in where ? eq(writtenInputs.meetingId, where.meetingId) : eq(writtenInputs.groupId, where.groupId))
    .orderBy(asc(writtenInputs.submittedAt));
  const names = await namesOf(db, rows.map((r) => r.organisationId));
  return { items: rows.map((r) => inputView(r, names)) };
}

export async function writtenInputView(db: Executor, row: typeof writtenInputs.$inferSelect) {
  return inputView(row, await namesOf(db, [row.organisationId]));
}

export async function writtenInputPdf(db: Executor, id: string): Promise<{ name: string; bytes: Buffer }> {
  const [r] = await db.select({ pdf: writtenInputs.pdf, name: writtenInputs.pdfName }).from(writtenInputs).where(eq(writtenInputs.id, id));
  if (!r?.pdf || !r.name) throw notFound('The file');
  return { name: r.name, bytes: Buffer.from(r.pdf, 'base64') };
}

/** The stakeholder segment's list of speakers of a meeting: public, in the order asked. */
export async function listSpeakingRequests(db: Executor, meetingId: string) {
  const rows = await db
    .select()
    .from(speakingRequests)
    .where(and(eq(speakingRequests.meetingId, meetingId), eq(speakingRequests.status, 'requested')))
    .orderBy(asc(speakingRequests.requestedAt));
  const names = await namesOf(db, rows.map((r) => r.organisationId));
  return {
    items: rows.map((r) => ({ id: r.id, organisation: { id: r.organisationId, name: names.get(r.organisationId) ?? '' }, speaker: r.speaker, agendaItem: r.agendaItem, requestedAt: r.requestedAt })),
  };
}
