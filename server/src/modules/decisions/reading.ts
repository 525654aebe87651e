import { and, asc, count, desc, eq, inArray, max, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { auditEventsOf } from '../../platform/audit/record.js';
import { checkpointCovering } from '../../platform/audit/checkpoint.js';
import type { Actor } from '../../kernel/actor.js';
import { decisionsCan } from './policy.js';
import { compareRevisions, contentHash, numberParagraphs, revisionLabel } from './revisions.js';
import {
  amendments,
  amendmentSponsors,
  consensusProposals,
  draftRevisions,
  draftViews,
  drafts,
  explanationsOfPosition,
  objections,
  outcomes,
  silenceBreaks,
  silenceProcedures,
} from './tables.js';

export async function listDrafts(db: Executor, filter: { body?: string | undefined; status?: 'negotiating' | 'adopted' | 'withdrawn' | undefined }) {
  const rows = await db
    .select()
    .from(drafts)
    .where(and(filter.body ? eq(drafts.body, filter.body) : undefined, filter.status ? eq(drafts.status, filter.status) : undefined))
    .orderBy(desc(drafts.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // The latest revision of each draft, and the count of proposals, computed by the database.
  const latest = await latestRevisions(db, ids);
  const proposalCounts = await db
    .select({ draftId: amendments.draftId, count: count() })
    .from(amendments)
    .where(inArray(amendments.draftId, ids))
    .groupBy(amendments.draftId);
  const counts = new Map(proposalCounts.map((c) => [c.draftId, c.count]));
  return rows.map((d) => {
    const rev = latest.get(d.id)!;
    return {
      id: d.id,
      title: rev.title,
      body: d.body,
      kind: d.kind,
      status: d.status,
      transmittedAt: d.transmittedAt,
      createdAt: d.createdAt,
      latest: { number: rev.number, label: revisionLabel(rev.number), issuedAt: rev.issuedAt },
      amendments: counts.get(d.id) ?? 0,
    };
  });
}

/** Which working group prepared a text and transmitted it to the plenary, when, and at which revision; null for the plenary's own. */
function transmissionView(group: string | null, at: Date | null, revision: { number: number; contentHash: string } | null) {
  if (!group || !at) return null;
  return { group, transmittedAt: at, revision: revision ? { number: revision.number, label: revisionLabel(revision.number), contentHash: revision.contentHash } : null };
}

/** What the chain recorded at adoption about where the text came from, against what the outcome says now. */
function provenanceMatches(o: typeof outcomes.$inferSelect, details: unknown): boolean {
  const recorded = (details as { preparedBy?: { group: string; transmittedAt: string; revisionId: string } | null } | undefined)?.preparedBy;
  if (recorded === undefined) return o.preparedBy === null; // adopted before provenance was recorded
  if (recorded === null) return o.preparedBy === null && o.transmittedAt === null && o.transmittedRevisionId === null;
  return (
    recorded.group === o.preparedBy &&
    recorded.revisionId === o.transmittedRevisionId &&
    o.transmittedAt !== null &&
    new Date(recorded.transmittedAt).getTime() === o.transmittedAt.getTime()
  );
}

/** A draft with its revisions, the latest text numbered, and the compilation of amendments per paragraph. */
export async function draftWithRecord(db: Executor, draftId: string, actor: Actor | null = null) {
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId));
  if (!draft) throw notFound('The draft');
  const revisions = await db.select().from(draftRevisions).where(eq(draftRevisions.draftId, draftId)).orderBy(asc(draftRevisions.number));
  const latest = revisions[revisions.length - 1]!;
  const proposals = await db.select().from(amendments).where(eq(amendments.draftId, draftId)).orderBy(asc(amendments.createdAt));
  const sponsors = proposals.length
    ? await db.select().from(amendmentSponsors).where(inArray(amendmentSponsors.amendmentId, proposals.map((p) => p.id))).orderBy(asc(amendmentSponsors.joinedAt))
    : [];
  const revisionNumber = new Map(revisions.map((r) => [r.id, r.number]));
  const takenUpIn = new Map<string, number>();
  for (const r of revisions) for (const id of r.takesUp) takenUpIn.set(id, r.number);
  const negotiating = draft.status === 'negotiating';
  const amendmentViews = proposals.map((a) => ({
    id: a.id,
    revision: revisionNumber.get(a.revisionId)!,
    proposerState: a.proposerState,
    sponsors: sponsors.filter((s) => s.amendmentId === a.id).map((s) => s.state),
    action: a.action,
    paragraphKey: a.paragraphKey,
    paragraphKind: a.paragraphKind,
    text: a.text,
    reason: a.reason,
    status: a.status,
    takenUpIn: takenUpIn.get(a.id) ?? null,
    createdAt: a.createdAt,
    can: canOf(decisionsCan.amendment, actor, { negotiating, status: a.status, sponsors: sponsors.filter((s) => s.amendmentId === a.id).map((s) => s.state) }),
  }));
  const paragraphs = numberParagraphs(latest.paragraphs).map((p) => ({
    ...p,
    amendments: amendmentViews.filter((a) => a.paragraphKey === p.key),
  }));
  const procedures = await db.select().from(silenceProcedures).where(eq(silenceProcedures.draftId, draftId)).orderBy(asc(silenceProcedures.openedAt));
  const breaks = procedures.length ? await db.select().from(silenceBreaks).where(inArray(silenceBreaks.procedureId, procedures.map((p) => p.id))) : [];
  const proposalsForAdoption = await db.select().from(consensusProposals).where(eq(consensusProposals.draftId, draftId)).orderBy(asc(consensusProposals.proposedAt));
  const objectionRows = proposalsForAdoption.length
    ? await db.select().from(objections).where(inArray(objections.proposalId, proposalsForAdoption.map((p) => p.id)))
    : [];
  const [outcome] = await db.select({ id: outcomes.id, symbol: outcomes.symbol }).from(outcomes).where(eq(outcomes.draftId, draftId));
  return {
    id: draft.id,
    title: latest.title,
    body: draft.body,
    kind: draft.kind,
    status: draft.status,
    implementsCodes: draft.implementsCodes,
    frameworkEffects: draft.frameworkEffects,
    transmittedAt: draft.transmittedAt,
    transmission: transmissionView(draft.transmittedFrom, draft.transmittedAt, revisions.find((r) => r.id === draft.transmittedRevisionId) ?? null),
    revisions: revisions.map((r) => ({ number: r.number, label: revisionLabel(r.number), issuedAt: r.issuedAt, contentHash: r.contentHash, takesUp: r.takesUp, note: r.note })),
    latest: { number: latest.number, label: revisionLabel(latest.number), contentHash: latest.contentHash, paragraphs },
    /** Proposals not tied to a paragraph of the latest revision: new paragraphs at the start, or on paragraphs since removed. */
    unplaced: amendmentViews.filter((a) => !latest.paragraphs.some((p) => p.key === a.paragraphKey)),
    silenceProcedures: procedures.map((p) => ({
      id: p.id,
      revision: revisionNumber.get(p.revisionId)!,
      status: p.status,
      deadlineAt: p.deadlineAt,
      deadlineZone: p.deadlineZone,
      deadlineLocal: p.deadlineLocal,
      openedAt: p.openedAt,
      closedAt: p.closedAt,
      breaks: breaks.filter((b) => b.procedureId === p.id).map((b) => ({ state: b.state, reason: b.reason, at: b.brokenAt })),
      can: canOf(decisionsCan.silenceProcedure, actor, p),
    })),
    adoptionProposals: proposalsForAdoption.map((p) => ({
      id: p.id,
      revision: revisionNumber.get(p.revisionId)!,
      meetingId: p.meetingId,
      status: p.status,
      proposedAt: p.proposedAt,
      closedAt: p.closedAt,
      objections: objectionRows.filter((o) => o.proposalId === p.id).map((o) => ({ state: o.state, reason: o.reason, at: o.objectedAt })),
      can: canOf(decisionsCan.adoptionProposal, actor, p),
    })),
    outcome: outcome ?? null,
    actingFor: actor?.state ?? null,
    can: canOf(decisionsCan.draft, actor, {
      negotiating,
      body: draft.body,
      procedureOpen: procedures.some((p) => p.status === 'open') || proposalsForAdoption.some((p) => p.status === 'open'),
    }),
  };
}

export async function compareDraftRevisions(db: Executor, draftId: string, from: number, to: number) {
  const rows = await db.select().from(draftRevisions).where(and(eq(draftRevisions.draftId, draftId), inArray(draftRevisions.number, [from, to])));
  const a = rows.find((r) => r.number === from);
  const b = rows.find((r) => r.number === to);
  if (!a) throw notFound(`Revision ${from} of the draft`);
  if (!b) throw notFound(`Revision ${to} of the draft`);
  return { from: { number: from, label: revisionLabel(from) }, to: { number: to, label: revisionLabel(to) }, paragraphs: compareRevisions(a.paragraphs, b.paragraphs) };
}

export async function listOutcomes(db: Executor) {
  const rows = await db.select().from(outcomes).orderBy(desc(outcomes.adoptedAt));
  const superseded = new Map(rows.filter((r) => r.supersedes).map((r) => [r.supersedes!, { id: r.id, symbol: r.symbol }]));
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    kind: r.kind,
    title: r.title,
    adoptedAt: r.adoptedAt,
    adoptedVia: r.adoptedVia,
    contentHash: r.contentHash,
    supersededBy: superseded.get(r.id) ?? null,
  }));
}

/**
 * An outcome with its frozen text, its content hash checked against the text and against the audit
 * chain, the decision record (who proposed, objected, broke silence, explained) and its history.
 */
export async function outcomeWithRecord(db: Executor, idOrSymbol: { id?: string; symbol?: string }, actor: Actor | null = null) {
  const [o] = await db
    .select()
    .from(outcomes)
    .where(idOrSymbol.id ? eq(outcomes.id, idOrSymbol.id) : eq(outcomes.symbol, idOrSymbol.symbol!));
  if (!o) throw notFound('The outcome');
  const [adoptEvent] = await auditEventsOf(db, 'decisions.adopt', o.id);
  const recorded = (adoptEvent?.details as { contentHash?: string } | undefined)?.contentHash ?? null;
  const recomputed = contentHash(o.title, o.paragraphs);
  const record = await draftWithRecord(db, o.draftId);
  const [transmittedRevision] = o.transmittedRevisionId
    ? await db.select({ number: draftRevisions.number, contentHash: draftRevisions.contentHash }).from(draftRevisions).where(eq(draftRevisions.id, o.transmittedRevisionId))
    : [];
  const provenanceIntact = !!adoptEvent && provenanceMatches(o, adoptEvent.details);
  const explanations = await db.select().from(explanationsOfPosition).where(eq(explanationsOfPosition.outcomeId, o.id)).orderBy(asc(explanationsOfPosition.givenAt));
  const [supersededBy] = await db.select({ id: outcomes.id, symbol: outcomes.symbol }).from(outcomes).where(eq(outcomes.supersedes, o.id));
  const [supersedes] = o.supersedes ? await db.select({ id: outcomes.id, symbol: outcomes.symbol }).from(outcomes).where(eq(outcomes.id, o.supersedes)) : [];
  const amendmentsProposed = record.latest.paragraphs.flatMap((p) => p.amendments).concat(record.unplaced);
  return {
    id: o.id,
    symbol: o.symbol,
    kind: o.kind,
    title: o.title,
    paragraphs: numberParagraphs(o.paragraphs),
    contentHash: o.contentHash,
    verification: {
      /** SHA-256 of the canonical JSON of the title and paragraphs, as stored now. */
      recomputedHash: recomputed,
      /** The hash recorded on the audit chain when it was adopted. */
      recordedHash: recorded,
      auditEvent: adoptEvent?.seq ?? null,
      /** The signed checkpoint of the chain that anchors the adoption outside the database. */
      checkpoint: adoptEvent ? await checkpointCovering(db, adoptEvent.seq) : null,
      /** The provenance (the group that prepared the text) is the one recorded on the chain at adoption. */
      provenanceIntact,
      intact: recomputed === o.contentHash && recorded === o.contentHash && provenanceIntact,
    },
    /** The working group that prepared the text, as frozen at adoption (before provenance was frozen: as the draft keeps it). */
    transmission: o.preparedBy ? transmissionView(o.preparedBy, o.transmittedAt, transmittedRevision ?? null) : record.transmission,
    adoptedAt: o.adoptedAt,
    adoptedVia: o.adoptedVia,
    meetingId: o.meetingId,
    implementsCodes: o.implementsCodes,
    draftId: o.draftId,
    revisions: record.revisions,
    amendments: [...new Map(amendmentsProposed.map(({ can: _can, ...a }) => [a.id, a])).values()],
    adoptionProposals: record.adoptionProposals.map(({ can: _can, ...p }) => p),
    silenceProcedures: record.silenceProcedures.map(({ can: _can, ...p }) => p),
    explanations: explanations.map((e) => ({ state: e.state, text: e.text, at: e.givenAt })),
    supersedes: supersedes ?? null,
    supersededBy: supersededBy ?? null,
    actingFor: actor?.state ?? null,
    can: canOf(decisionsCan.outcome, actor),
  };
}

export async function openSilenceProcedures(db: Executor, actor: Actor | null = null) {
  const rows = await db
    .select({
      id: silenceProcedures.id,
      draftId: silenceProcedures.draftId,
      title: draftRevisions.title,
      revision: draftRevisions.number,
      deadlineAt: silenceProcedures.deadlineAt,
      deadlineZone: silenceProcedures.deadlineZone,
      deadlineLocal: silenceProcedures.deadlineLocal,
    })
    .from(silenceProcedures)
    .innerJoin(draftRevisions, eq(draftRevisions.id, silenceProcedures.revisionId))
    .where(eq(silenceProcedures.status, 'open'))
    .orderBy(asc(silenceProcedures.deadlineAt));
  return rows.map((r) => ({ ...r, revisionLabel: revisionLabel(r.revision), can: canOf(decisionsCan.silenceProcedure, actor, { status: 'open' }) }));
}

/** For audit verification: every outcome whose stored text no longer matches its hash or the chain. */
export async function brokenOutcomes(db: Executor): Promise<{ symbol: string; reason: string }[]> {
  const rows = await db.select().from(outcomes);
  const events = await auditEventsOf(db, 'decisions.adopt');
  const recorded = new Map(events.map((e) => [e.subjectId, e.details]));
  const broken: { symbol: string; reason: string }[] = [];
  for (const o of rows) {
    const details = recorded.get(o.id);
    if (contentHash(o.title, o.paragraphs) !== o.contentHash) broken.push({ symbol: o.symbol, reason: 'its text does not match its content hash' });
    else if ((details as { contentHash?: string } | undefined)?.contentHash !== o.contentHash) broken.push({ symbol: o.symbol, reason: 'its content hash is not the one recorded on the audit chain at adoption' });
    else if (!provenanceMatches(o, details)) broken.push({ symbol: o.symbol, reason: 'the working group that prepared it is not the one recorded on the audit chain at adoption' });
  }
  return broken;
}

/**
 * The drafts before a body (the plenary or a working group), and those a group prepared and transmitted to
 * the plenary, each at its latest revision: for the body's page.
 */
export async function draftsOfBody(db: Executor, body: string) {
  const rows = await db
    .select({ id: drafts.id, status: drafts.status, title: draftRevisions.title, number: draftRevisions.number })
    .from(drafts)
    .innerJoin(draftRevisions, eq(draftRevisions.draftId, drafts.id))
    .where(or(eq(drafts.body, body), eq(drafts.transmittedFrom, body)))
    .orderBy(desc(drafts.createdAt), desc(draftRevisions.number));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.id)) latest.set(r.id, r);
  return [...latest.values()].map((r) => ({ id: r.id, title: r.title, revision: revisionLabel(r.number), status: r.status, url: `/drafts/${r.id}` }));
}

/**
 * The proposed amendments of drafts under negotiation that the actor's State may still co-sponsor (not
 * its own, not already joined), newest first: decided by the same rule as the amendment's `can` block.
 */
export async function amendmentsToCosponsor(db: Executor, actor: Actor | null, limit = 20) {
  if (!actor?.state) return [];
  const rows = await db
    .select({ id: amendments.id, draftId: amendments.draftId, proposerState: amendments.proposerState, paragraphKey: amendments.paragraphKey, action: amendments.action, status: amendments.status, createdAt: amendments.createdAt, draftStatus: drafts.status })
    .from(amendments)
    .innerJoin(drafts, eq(drafts.id, amendments.draftId))
    .where(and(eq(amendments.status, 'proposed'), eq(drafts.status, 'negotiating')))
    .orderBy(desc(amendments.createdAt));
  if (rows.length === 0) return [];
  const sponsors = await db.select({ amendmentId: amendmentSponsors.amendmentId, state: amendmentSponsors.state }).from(amendmentSponsors).where(inArray(amendmentSponsors.amendmentId, rows.map((r) => r.id)));
  const latest = await latestRevisions(db, [...new Set(rows.map((r) => r.draftId))]);
  return rows
    .filter((r) => r.proposerState !== actor.state)
    .map((r) => {
      const facts = { negotiating: r.draftStatus === 'negotiating', status: r.status, sponsors: [r.proposerState, ...sponsors.filter((s) => s.amendmentId === r.id).map((s) => s.state)] };
      return { ...r, draftTitle: latest.get(r.draftId)?.title ?? '', can: canOf(decisionsCan.amendment, actor, facts) };
    })
    .filter((r) => r.can.cosponsor)
    .slice(0, limit);
}

/** The latest revision of each draft (its number, title and issue), computed by the database. */
async function latestRevisions(db: Executor, draftIds: string[]): Promise<Map<string, { draftId: string; number: number; title: string; issuedAt: Date }>> {
  if (draftIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([draftRevisions.draftId], { draftId: draftRevisions.draftId, number: draftRevisions.number, title: draftRevisions.title, issuedAt: draftRevisions.issuedAt })
    .from(draftRevisions)
    .where(inArray(draftRevisions.draftId, draftIds))
    .orderBy(draftRevisions.draftId, desc(draftRevisions.number));
  return new Map(rows.map((r) => [r.draftId, r]));
}

/**
 * The drafts an account opened before and that changed since it last did (a new revision or a new
 * amendment), with what changed: the record is public, the marker is the account's own.
 */
export async function draftsChangedSinceSeen(db: Executor, accountId: string) {
  const seen = await db.select({ draftId: draftViews.draftId, seenAt: draftViews.seenAt }).from(draftViews).where(eq(draftViews.accountId, accountId));
  if (seen.length === 0) return [];
  const ids = seen.map((s) => s.draftId);
  const latest = await latestRevisions(db, ids);
  const newest = await db
    .select({ draftId: amendments.draftId, at: max(amendments.createdAt) })
    .from(amendments)
    .where(inArray(amendments.draftId, ids))
    .groupBy(amendments.draftId);
  const lastAmendment = new Map(newest.map((n) => [n.draftId, n.at]));
  const changed = [];
  for (const s of seen) {
    const rev = latest.get(s.draftId);
    if (!rev) continue;
    const amendedAt = lastAmendment.get(s.draftId) ?? null;
    const newRevision = rev.issuedAt > s.seenAt;
    const newAmendments = !!amendedAt && amendedAt > s.seenAt;
    if (!newRevision && !newAmendments) continue;
    const changedAt = new Date(Math.max(rev.issuedAt.getTime(), amendedAt?.getTime() ?? 0));
    changed.push({ draftId: s.draftId, title: rev.title, revisionLabel: revisionLabel(rev.number), seenAt: s.seenAt, changedAt, newRevision, newAmendments });
  }
  return changed.sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
}

/** The proposals for adoption still open, awaiting the chair's decision (consensus declared or not), oldest first. */
export async function openAdoptionProposals(db: Executor, actor: Actor | null) {
  const rows = await db
    .select({ id: consensusProposals.id, draftId: consensusProposals.draftId, meetingId: consensusProposals.meetingId, proposedAt: consensusProposals.proposedAt, revision: draftRevisions.number, title: draftRevisions.title })
    .from(consensusProposals)
    .innerJoin(draftRevisions, eq(draftRevisions.id, consensusProposals.revisionId))
    .where(eq(consensusProposals.status, 'open'))
    .orderBy(asc(consensusProposals.proposedAt));
  return rows.map((r) => ({ ...r, revisionLabel: revisionLabel(r.revision), can: canOf(decisionsCan.adoptionProposal, actor, { status: 'open' }) }));
}

/** One silence procedure, with the title and number of the revision it circulates (any status): what a follower of it is told about. */
export async function silenceProcedureOf(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: silenceProcedures.id,
      draftId: silenceProcedures.draftId,
      title: draftRevisions.title,
      revision: draftRevisions.number,
      status: silenceProcedures.status,
      deadlineAt: silenceProcedures.deadlineAt,
      deadlineZone: silenceProcedures.deadlineZone,
    })
    .from(silenceProcedures)
    .innerJoin(draftRevisions, eq(draftRevisions.id, silenceProcedures.revisionId))
    .where(eq(silenceProcedures.id, id));
  if (!row) throw notFound('The silence procedure');
  return { ...row, revisionLabel: revisionLabel(row.revision) };
}

/** The draft an adopted outcome was adopted from; null for an unknown outcome. */
export async function draftOfOutcome(db: Executor, outcomeId: string): Promise<string | null> {
  const [row] = await db.select({ draftId: outcomes.draftId }).from(outcomes).where(eq(outcomes.id, outcomeId));
  return row?.draftId ?? null;
}
