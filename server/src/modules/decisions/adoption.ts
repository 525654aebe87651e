import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db, Tx } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit, type AuditActor } from '../../platform/audit/record.js';
import { signAuditCheckpoint } from '../../platform/audit/checkpoint.js';
import { badRequest, conflict, notFound, Problem } from '../../platform/http/problem.js';
import { queueMail } from '../../platform/mail/queue.js';
import { focalPointContacts } from '../accounts/index.js';
import { applyOutcomeToFramework } from '../framework/index.js';
import { mayAdoptInMeeting, type AdoptionPlaceRefusal, type Refusal } from './consensus.js';
import { negotiableDraft } from './drafting.js';
import { numberParagraphs } from './revisions.js';
import type { Notice } from './silence-notices.js';
import { draftRevisions, drafts, outcomes, outcomeSeries } from './tables.js';
import type { Language } from '../../kernel/languages.js';

/**
 * What the adoption use cases share: what they ask of meetings, their refusals, the job that ends a
 * silence procedure, telling the focal points, and adopting a revision as an outcome.
 */

/** What adoption in a meeting needs to know of meetings, asked of the meetings module. */
export interface MeetingRoll {
  /** The meeting as adoption sees it: the body it belongs to, whether it is in session now, its time zone; null if none. */
  floor(db: Db | Tx, meetingId: string): Promise<{ body: string; inSession: boolean; timeZone: string } | null>;
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
export const refused = (r: Refusal) => new Problem(409, `refused-${r}`, 'Refused', REFUSALS[r]);

const PLACE_REFUSALS: Record<AdoptionPlaceRefusal, string> = {
  'meeting-not-in-session': 'The meeting is not in session.',
  'not-transmitted': "The draft is before a working group: it reaches the plenary only when the group's chair transmits it.",
  'other-body': 'The meeting is not one of the body the draft is before: a text is adopted only where its body sits.',
};
/** Why a draft may not be adopted there: in that meeting, or by silence. */
export const refusedPlace = (r: AdoptionPlaceRefusal) => conflict(PLACE_REFUSALS[r], r);

/**
 * The meeting a proposal for adoption is made in, checked against the draft by the pure rule: in session,
 * and of the body the draft is before. Asked when the chair proposes adoption and again when consensus is
 * declared, since the draft may have been transmitted in between.
 */
export async function adoptionFloor(tx: Tx, roll: MeetingRoll, draft: { body: string }, meetingId: string) {
  const meeting = await roll.floor(tx, meetingId);
  if (!meeting) throw badRequest('No such meeting.', [{ field: 'body.meetingId', message: 'unknown meeting' }]);
  const refusal = mayAdoptInMeeting(draft, meeting);
  if (refusal) throw refusedPlace(refusal);
  return meeting;
}

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
export async function adopt(
  ctx: PlatformContext,
  tx: Tx,
  input: { actor: AuditActor | null; draftId: string; revisionId: string; via: 'meeting' | 'silence'; adoptedBy: string; meetingId: string | null; zone: string },
) {
  const draft = await negotiableDraft(tx, input.draftId);
  const [revision] = await tx.select().from(draftRevisions).where(eq(draftRevisions.id, input.revisionId));
  if (!revision) throw notFound('The revision');
  // Where the text comes from, when a working group prepared it: frozen with the outcome and recorded on the chain.
  const [transmitted] = draft.transmittedRevisionId
    ? await tx.select({ number: draftRevisions.number }).from(draftRevisions).where(eq(draftRevisions.id, draft.transmittedRevisionId))
    : [];
  const preparedBy =
    draft.transmittedFrom && draft.transmittedAt && draft.transmittedRevisionId
      ? { group: draft.transmittedFrom, transmittedAt: draft.transmittedAt, revisionId: draft.transmittedRevisionId, revision: transmitted?.number ?? null }
      : null;
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
    preparedBy: preparedBy?.group ?? null,
    transmittedAt: preparedBy?.transmittedAt ?? null,
    transmittedRevisionId: preparedBy?.revisionId ?? null,
  };
  await tx.insert(outcomes).values(outcome);
  await tx.update(drafts).set({ status: 'adopted' }).where(eq(drafts.id, draft.id));
  await recordAudit(tx, {
    actor: input.actor,
    action: 'decisions.adopt',
    subjectType: 'outcome',
    subjectId: outcome.id,
    change: { symbol, contentHash: outcome.contentHash, revisionId: revision.id, revision: revision.number, via: input.via, adoptedBy: input.adoptedBy, preparedBy },
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

export const SILENCE_JOB = 'silence-deadline';

/** Every State's focal point is told, each in the language they read the platform's emails in: after commit. */
export async function tellFocalPoints(tx: Tx, notice: (lang: Language) => Notice) {
  const messages = (await focalPointContacts(tx)).map((fp) => {
    const { subject, text } = notice(fp.language);
    return { to: fp.email, subject, text: `${fp.name},\n\n${text}\n` };
  });
  await queueMail(tx, messages);
}
