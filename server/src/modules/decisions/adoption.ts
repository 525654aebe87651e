import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit, type AuditActor } from '../../platform/audit/record.js';
import { signAuditCheckpoint } from '../../platform/audit/checkpoint.js';
import type { Actor } from '../../platform/http/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound, Problem } from '../../platform/http/problem.js';
import { cancelJob, scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { focalPointContacts } from '../accounts/index.js';
import { applyOutcomeToFramework } from '../framework/index.js';
import { getState, type Language } from '../states/index.js';
import { requireDeadline } from '../../platform/deadline.js';
import { declareConsensus, mayBreakSilence, mayObject, silenceOutcome, type Refusal } from './consensus.js';
import { latestRevision, negotiableDraft } from './drafting.js';
import { decisionsPolicy } from './policy.js';
import { numberParagraphs } from './revisions.js';
import { silenceAdopted, silenceBroken, silenceOpened, type Notice } from './silence-notices.js';
import { consensusProposals, draftRevisions, drafts, explanationsOfPosition, objections, outcomes, outcomeSeries, silenceBreaks, silenceProcedures } from './tables.js';

/** What adoption in a meeting needs to know of meetings, asked of the meetings module. */
export interface MeetingRoll {
  /** The meeting, if it is in session now, with its time zone. */
  inSession(db: Db | Tx, meetingId: string): Promise<{ timeZone: string } | null>;
  /** Whether the State's delegation is registered (and confirmed) for the meeting. */
  present(db: Db | Tx, meetingId: string, state: string): Promise<boolean>;
}

const REFUSALS: Record<Refusal, string> = {
  'not-open': 'It is no longer open.',
  'deadline-passed': 'The deadline has passed: silence can no longer be broken.',
  'already-broken': 'Your State has already broken silence on this procedure.',
  'not-eligible': 'Under the rules of procedure, your State does not take part in this decision.',
  'not-present': 'Your State is not registered as present at this meeting.',
  'already-objected': 'Your State has already objected.',
};
const refused = (r: Refusal) => new Problem(409, `refused-${r}`, 'Refused', REFUSALS[r]);

const KIND_CODE = { decision: 'DEC', recommendation: 'REC', 'framework-change': 'FWK' } as const;

/** The next symbol of a series, e.g. PoA/2027/DEC.3: the series row is locked, so two adoptions never share one. */
async function nextSymbol(tx: Tx, pattern: string, kind: keyof typeof KIND_CODE, year: number): Promise<string> {
  const series = `${year}/${KIND_CODE[kind]}`;
  const [row] = await tx
    .insert(outcomeSeries)
    .values({ series, last: 1 })
    .onConflictDoUpdate({ target: outcomeSeries.series, set: { last: sql`${outcomeSeries.last} + 1` } })
    .returning({ last: outcomeSeries.last });
  return pattern.replace('{year}', String(year)).replace('{kind}', KIND_CODE[kind]).replace('{n}', String(row!.last));
}

const slug = (symbol: string) => symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Adopts a revision: the outcome gets its symbol, its text is frozen with its content hash, the draft is
 * closed, and what the outcome does to the framework is applied, all in the caller's transaction.
 */
async function adopt(
  ctx: PlatformContext,
  tx: Tx,
  input: { actor: AuditActor | null; draftId: string; revisionId: string; via: 'meeting' | 'silence'; adoptedBy: string; meetingId: string | null; zone: string },
) {
  const draft = await negotiableDraft(tx, input.draftId);
  const [revision] = await tx.select().from(draftRevisions).where(eq(draftRevisions.id, input.revisionId));
  if (!revision) throw notFound('The revision');
  const adoptedAt = new Date();
  const local = DateTime.fromJSDate(adoptedAt).setZone(input.zone);
  const symbol = await nextSymbol(tx, ctx.config.outcomeSymbolPattern, draft.kind, local.year);
  const outcome = {
    id: randomUUID(),
    symbol,
    draftId: draft.id,
    revisionId: revision.id,
    kind: draft.kind,
    title: revision.title,
    paragraphs: revision.paragraphs,
    contentHash: revision.contentHash,
    implementsCodes: draft.implementsCodes,
    frameworkEffects: draft.frameworkEffects,
    supersedes: draft.supersedesOutcome,
    adoptedVia: input.via,
    adoptedBy: input.adoptedBy,
    meetingId: input.meetingId,
    adoptedAt,
  };
  await tx.insert(outcomes).values(outcome);
  await tx.update(drafts).set({ status: 'adopted' }).where(eq(drafts.id, draft.id));
  await recordAudit(tx, {
    actor: input.actor,
    action: 'decisions.adopt',
    subjectType: 'outcome',
    subjectId: outcome.id,
    change: { symbol, contentHash: outcome.contentHash, revisionId: revision.id, revision: revision.number, via: input.via, adoptedBy: input.adoptedBy },
  });

  // What the outcome does to the framework, effective on the date of adoption.
  const adoptedOn = local.toISODate()!;
  const paragraphText = (key: string) => revision.paragraphs.find((p) => p.key === key)?.text;
  const add: Parameters<typeof applyOutcomeToFramework>[1]['add'] = [];
  const supersede: { code: string; replacedBy: string | null }[] = [];
  const relations: Parameters<typeof applyOutcomeToFramework>[1]['relations'] = [];
  if (draft.kind === 'recommendation') {
    const code = `rec-${slug(symbol)}`;
    const operative = numberParagraphs(revision.paragraphs).filter((p) => p.kind === 'operative');
    add.push({ code, kind: 'recommendation', title: revision.title, text: operative.map((p) => `${p.label}. ${p.text}`).join('\n') });
    for (const target of draft.implementsCodes) relations.push({ from: code, to: target, kind: 'implements' });
    if (draft.supersedesOutcome) {
      const [old] = await tx.select({ symbol: outcomes.symbol, kind: outcomes.kind }).from(outcomes).where(eq(outcomes.id, draft.supersedesOutcome));
      if (old?.kind === 'recommendation') supersede.push({ code: `rec-${slug(old.symbol)}`, replacedBy: code });
    }
  }
  for (const effect of draft.frameworkEffects) {
    if (effect.action === 'supersede') supersede.push({ code: effect.code, replacedBy: effect.replacedBy });
    else {
      const text = paragraphText(effect.paragraphKey);
      if (!text) throw conflict(`The paragraph that was to become ${effect.code} is no longer in the text.`, 'framework-paragraph-missing');
      add.push({ code: effect.code, kind: effect.kind, title: effect.title, text });
    }
  }
  await applyOutcomeToFramework(tx, { actor: input.actor, symbol, title: revision.title, adoptedOn, add, supersede, relations });
  // Each adoption is anchored outside the database: a signed checkpoint of the chain that now records it.
  await signAuditCheckpoint(tx, ctx.auditSigner);
  return outcome;
}

// ---- adoption in a meeting ---------------------------------------------------------------------

/** The chair proposes adoption of the latest revision in a meeting in session. */
export async function proposeAdoption(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; draftId: string; meetingId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return ctx.database.db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    if (!(await roll.inSession(tx, input.meetingId))) throw conflict('The meeting is not in session.', 'meeting-not-in-session');
    const [open] = await tx.select({ id: consensusProposals.id }).from(consensusProposals).where(and(eq(consensusProposals.draftId, draft.id), eq(consensusProposals.status, 'open')));
    if (open) throw conflict('Adoption of this draft is already proposed.', 'already-proposed');
    const [silence] = await tx.select({ id: silenceProcedures.id }).from(silenceProcedures).where(and(eq(silenceProcedures.draftId, draft.id), eq(silenceProcedures.status, 'open')));
    if (silence) throw conflict('The draft is under a silence procedure.', 'under-silence');
    const revision = await latestRevision(tx, draft.id);
    const id = randomUUID();
    await tx.insert(consensusProposals).values({ id, draftId: draft.id, revisionId: revision.id, meetingId: input.meetingId, status: 'open', proposedBy: input.actor.accountId, proposedAt: new Date() });
    await recordAudit(tx, { actor: input.actor, action: 'decisions.propose-adoption', subjectType: 'consensus-proposal', subjectId: id, change: { draftId: draft.id, revision: revision.number, contentHash: revision.contentHash, meetingId: input.meetingId } });
    return { id, revision: revision.number };
  });
}

/** A State present objects, with its reason: the text is not adopted and stays a draft. */
export async function objectToAdoption(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; proposalId: string; reason: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return ctx.database.db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(consensusProposals).where(eq(consensusProposals.id, input.proposalId)).for('update');
    if (!proposal) throw notFound('The proposal');
    const standing = await getState(tx, state);
    const objectors = (await tx.select({ state: objections.state }).from(objections).where(eq(objections.proposalId, proposal.id))).map((o) => o.state);
    const present = await roll.present(tx, proposal.meetingId, state);
    const refusal = mayObject(proposal, standing, present, ctx.config.rulesOfProcedure, objectors);
    if (refusal) throw refused(refusal);
    const at = new Date();
    await tx.insert(objections).values({ proposalId: proposal.id, state, objectedBy: input.actor.accountId, reason: input.reason, objectedAt: at });
    await tx.update(consensusProposals).set({ status: 'not-adopted', closedAt: at }).where(eq(consensusProposals.id, proposal.id));
    await recordAudit(tx, { actor: input.actor, action: 'decisions.object', subjectType: 'consensus-proposal', subjectId: proposal.id, change: { state, reason: input.reason } });
    return { status: 'not-adopted' as const };
  });
}

/** The chair declares consensus: with no objection the outcome is adopted. */
export async function declareConsensusOn(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; proposalId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return ctx.database.db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(consensusProposals).where(eq(consensusProposals.id, input.proposalId)).for('update');
    if (!proposal) throw notFound('The proposal');
    const count = (await tx.select({ state: objections.state }).from(objections).where(eq(objections.proposalId, proposal.id))).length;
    const result = declareConsensus(proposal, count);
    if (result === 'not-open') throw refused('not-open');
    const meeting = await roll.inSession(tx, proposal.meetingId);
    if (!meeting) throw conflict('The meeting is not in session.', 'meeting-not-in-session');
    await tx.update(consensusProposals).set({ status: result, closedAt: new Date() }).where(eq(consensusProposals.id, proposal.id));
    if (result === 'not-adopted') return { status: result, outcome: null };
    const outcome = await adopt(ctx, tx, { actor: input.actor, draftId: proposal.draftId, revisionId: proposal.revisionId, via: 'meeting', adoptedBy: proposal.id, meetingId: proposal.meetingId, zone: meeting.timeZone });
    return { status: result, outcome: { id: outcome.id, symbol: outcome.symbol, contentHash: outcome.contentHash } };
  });
}

// ---- silence procedure -------------------------------------------------------------------------

export const SILENCE_JOB = 'silence-deadline';

/** Every State's focal point is told, each in the language they read the platform's emails in: after commit. */
async function tellFocalPoints(tx: Tx, notice: (lang: Language) => Notice) {
  const messages = (await focalPointContacts(tx)).map((fp) => {
    const { subject, text } = notice(fp.language);
    return { to: fp.email, subject, text: `${fp.name},\n\n${text}\n` };
  });
  await queueMail(tx, messages);
}

/** The chair circulates the latest revision under silence until a deadline stated in a time zone. */
export async function openSilenceProcedure(ctx: PlatformContext, input: { actor: Actor; draftId: string; deadlineLocal?: string | undefined; zone: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  const now = new Date();
  const local =
    input.deadlineLocal ??
    DateTime.fromJSDate(new Date(now.getTime() + ctx.config.rulesOfProcedure.defaultSilenceHours * 3_600_000)).setZone(input.zone).toFormat("yyyy-MM-dd'T'HH:mm");
  const deadline = requireDeadline(local, input.zone, now);
  return ctx.database.db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const [busy] = await tx
      .select({ id: silenceProcedures.id })
      .from(silenceProcedures)
      .where(and(eq(silenceProcedures.draftId, draft.id), eq(silenceProcedures.status, 'open')));
    const [proposed] = await tx.select({ id: consensusProposals.id }).from(consensusProposals).where(and(eq(consensusProposals.draftId, draft.id), eq(consensusProposals.status, 'open')));
    if (busy || proposed) throw conflict('The draft is already before the States for adoption.', 'already-proposed');
    const revision = await latestRevision(tx, draft.id);
    const id = randomUUID();
    const deadlineLocal = `${local}${deadline.offset}`;
    await tx.insert(silenceProcedures).values({
      id,
      draftId: draft.id,
      revisionId: revision.id,
      deadlineAt: deadline.at,
      deadlineZone: input.zone,
      deadlineLocal,
      status: 'open',
      openedBy: input.actor.accountId,
      openedAt: now,
    });
    await scheduleJob(tx, { kind: SILENCE_JOB, key: `${SILENCE_JOB}:${id}`, runAt: deadline.at, payload: { procedureId: id } });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.open-silence',
      subjectType: 'silence-procedure',
      subjectId: id,
      change: { draftId: draft.id, revision: revision.number, contentHash: revision.contentHash, deadlineAt: deadline.at, zone: input.zone, deadlineLocal },
    });
    await tellFocalPoints(tx, (lang) =>
      silenceOpened(lang, { title: revision.title, revision: revision.number, deadlineAt: deadline.at, zone: input.zone, publicUrl: ctx.config.publicUrl, procedureId: id }),
    );
    return { id, deadlineAt: deadline.at, deadlineLocal, zone: input.zone, revision: revision.number };
  });
}

/** A State's focal point breaks silence, with a reason, before the deadline: the procedure ends, not adopted. */
export async function breakSilence(ctx: PlatformContext, input: { actor: Actor; procedureId: string; reason: string; at?: Date }) {
  authorize(input.actor, decisionsPolicy.breakSilence, undefined);
  const state = input.actor.state!;
  const at = input.at ?? new Date();
  return ctx.database.db.transaction(async (tx) => {
    const [procedure] = await tx.select().from(silenceProcedures).where(eq(silenceProcedures.id, input.procedureId)).for('update');
    if (!procedure) throw notFound('The silence procedure');
    const standing = await getState(tx, state);
    const brokenBy = (await tx.select({ state: silenceBreaks.state }).from(silenceBreaks).where(eq(silenceBreaks.procedureId, procedure.id))).map((b) => b.state);
    const refusal = mayBreakSilence(procedure, standing, at, ctx.config.rulesOfProcedure, brokenBy);
    if (refusal) throw refused(refusal);
    await tx.insert(silenceBreaks).values({ procedureId: procedure.id, state, brokenBy: input.actor.accountId, reason: input.reason, brokenAt: at });
    await tx.update(silenceProcedures).set({ status: 'broken', closedAt: at }).where(eq(silenceProcedures.id, procedure.id));
    await cancelJob(tx, `${SILENCE_JOB}:${procedure.id}`);
    await recordAudit(tx, { actor: input.actor, action: 'decisions.break-silence', subjectType: 'silence-procedure', subjectId: procedure.id, change: { state, reason: input.reason, at } });
    const [draft] = await tx.select({ title: drafts.title }).from(drafts).where(eq(drafts.id, procedure.draftId));
    await tellFocalPoints(tx, (lang) => silenceBroken(lang, { title: draft!.title, state: standing.names, reason: input.reason }));
    return { status: 'broken' as const };
  });
}

/**
 * The deadline job: at the deadline, with no break, the outcome is adopted — once, whichever process
 * runs the job, even after a restart. A procedure already ended is left as it is.
 */
export function silenceDeadlineHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { procedureId } = job.payload as { procedureId: string };
    const [procedure] = await tx.select().from(silenceProcedures).where(eq(silenceProcedures.id, procedureId)).for('update');
    if (!procedure) return;
    const breaks = (await tx.select({ state: silenceBreaks.state }).from(silenceBreaks).where(eq(silenceBreaks.procedureId, procedure.id))).length;
    const result = silenceOutcome(procedure, breaks, new Date());
    if (result !== 'adopted') {
      if (result === 'open') throw new Error('The deadline has not passed yet');
      return;
    }
    await tx.update(silenceProcedures).set({ status: 'adopted', closedAt: new Date() }).where(eq(silenceProcedures.id, procedure.id));
    const outcome = await adopt(ctx, tx, { actor: null, draftId: procedure.draftId, revisionId: procedure.revisionId, via: 'silence', adoptedBy: procedure.id, meetingId: null, zone: procedure.deadlineZone });
    await tellFocalPoints(tx, (lang) => silenceAdopted(lang, { title: outcome.title, symbol: outcome.symbol, contentHash: outcome.contentHash }));
  };
}

// ---- after adoption ----------------------------------------------------------------------------

/** After adoption, a State explains its position; recorded with the outcome. */
export async function explainPosition(db: Db, input: { actor: Actor; outcomeId: string; text: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return db.transaction(async (tx) => {
    const [outcome] = await tx.select({ id: outcomes.id }).from(outcomes).where(eq(outcomes.id, input.outcomeId));
    if (!outcome) throw notFound('The outcome');
    const id = randomUUID();
    await tx.insert(explanationsOfPosition).values({ id, outcomeId: outcome.id, state, givenBy: input.actor.accountId, text: input.text, givenAt: new Date() });
    await recordAudit(tx, { actor: input.actor, action: 'decisions.explain-position', subjectType: 'outcome', subjectId: outcome.id, change: { state, text: input.text } });
    return { id };
  });
}
