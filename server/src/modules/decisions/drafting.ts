import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict, notFound, preconditionFailed } from '../../platform/http/problem.js';
import { existingElementCodes } from '../framework/index.js';
import { decisionsPolicy } from './policy.js';
import { contentHash, type Paragraph } from './revisions.js';
import { amendments, amendmentSponsors, draftRevisions, drafts, outcomes, type FrameworkEffect } from './tables.js';

export interface ParagraphInput {
  /** Keep the key of a paragraph from the previous revision; leave it out for a new paragraph. */
  key?: string | undefined;
  kind: 'preambular' | 'operative';
  text: string;
}

/** A draft locked for the transaction, refused if unknown or no longer under negotiation. */
export async function negotiableDraft(tx: Tx, draftId: string) {
  const [draft] = await tx.select().from(drafts).where(eq(drafts.id, draftId)).for('update');
  if (!draft) throw notFound('The draft');
  if (draft.status !== 'negotiating') throw conflict(`The draft is ${draft.status}: its text can no longer change.`, 'draft-closed');
  return draft;
}

export async function latestRevision(tx: Tx, draftId: string) {
  const [rev] = await tx.select().from(draftRevisions).where(eq(draftRevisions.draftId, draftId)).orderBy(desc(draftRevisions.number)).limit(1);
  return rev!;
}

function keyParagraphs(input: readonly ParagraphInput[], known: ReadonlySet<string>): Paragraph[] {
  const seen = new Set<string>();
  return input.map((p, i) => {
    if (p.key !== undefined) {
      if (!known.has(p.key)) throw badRequest(`Paragraph ${i + 1} keeps a key that the previous revision does not have.`, [{ field: `body.paragraphs.${i}.key`, message: 'unknown paragraph' }]);
      if (seen.has(p.key)) throw badRequest(`Paragraph ${i + 1} repeats a key.`, [{ field: `body.paragraphs.${i}.key`, message: 'repeated' }]);
      seen.add(p.key);
    }
    return { key: p.key ?? randomUUID().slice(0, 8), kind: p.kind, text: p.text };
  });
}

async function checkFrameworkCodes(tx: Tx, codes: readonly string[], field: string) {
  const existing = await existingElementCodes(tx, codes);
  const missing = codes.filter((c) => !existing.has(c));
  if (missing.length) throw badRequest(`Not framework elements: ${missing.join(', ')}.`, [{ field, message: 'unknown framework element' }]);
}

export interface CreateDraftInput {
  actor: Actor;
  title: string;
  body: string;
  kind: 'decision' | 'recommendation' | 'framework-change';
  implementsCodes: string[];
  frameworkEffects: FrameworkEffect[];
  supersedesOutcome?: string | undefined;
  paragraphs: ParagraphInput[];
}

/** The working groups a draft may be tabled before, besides the plenary: the groups module knows them. */
export interface WorkingGroups {
  isActive(db: Executor, id: string): Promise<boolean>;
}

/** The chair or the Secretariat tables a zero draft, before the plenary or an active working group. */
export async function createDraft(db: Db, groups: WorkingGroups, input: CreateDraftInput) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  if (input.kind === 'recommendation' && input.implementsCodes.length === 0) {
    throw badRequest('A recommendation for national implementation names the framework elements it implements.', [{ field: 'body.implementsCodes', message: 'required' }]);
  }
  if (input.kind !== 'framework-change' && input.frameworkEffects.length) {
    throw badRequest('Only a framework-change draft changes the framework.', [{ field: 'body.frameworkEffects', message: 'not allowed for this kind' }]);
  }
  return db.transaction(async (tx) => {
    if (input.body !== 'plenary' && !(await groups.isActive(tx, input.body))) {
      throw badRequest('A draft is tabled before the plenary or an active working group; this one does not exist or is closed.', [{ field: 'body.body', message: 'unknown or closed working group' }]);
    }
    await checkFrameworkCodes(tx, input.implementsCodes, 'body.implementsCodes');
    await checkFrameworkCodes(tx, input.frameworkEffects.filter((e) => e.action === 'supersede').map((e) => e.code), 'body.frameworkEffects');
    if (input.supersedesOutcome) {
      const [o] = await tx.select({ id: outcomes.id }).from(outcomes).where(eq(outcomes.id, input.supersedesOutcome));
      if (!o) throw badRequest('The outcome to supersede does not exist.', [{ field: 'body.supersedesOutcome', message: 'unknown outcome' }]);
    }
    const paragraphs = keyParagraphs(input.paragraphs, new Set());
    const effectKeys = input.frameworkEffects.flatMap((e) => (e.action === 'add' ? [e.paragraphKey] : []));
    const draftId = randomUUID();
    const now = new Date();
    await tx.insert(drafts).values({
      id: draftId,
      title: input.title,
      body: input.body,
      kind: input.kind,
      implementsCodes: input.implementsCodes,
      frameworkEffects: input.frameworkEffects,
      supersedesOutcome: input.supersedesOutcome ?? null,
      createdBy: input.actor.accountId,
      createdAt: now,
    });
    // A framework element to add names its paragraph by position in the zero draft ("1", "2"…).
    const effects = input.frameworkEffects.map((e) => (e.action === 'add' ? { ...e, paragraphKey: paragraphs[Number(e.paragraphKey) - 1]?.key ?? e.paragraphKey } : e));
    if (effectKeys.length) await tx.update(drafts).set({ frameworkEffects: effects }).where(eq(drafts.id, draftId));
    const revision = { id: randomUUID(), draftId, number: 0, title: input.title, paragraphs, contentHash: contentHash(input.title, paragraphs), issuedBy: input.actor.accountId, issuedAt: now };
    await tx.insert(draftRevisions).values(revision);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.create-draft',
      subjectType: 'draft',
      subjectId: draftId,
      change: { title: input.title, body: input.body, kind: input.kind, implementsCodes: input.implementsCodes, frameworkEffects: effects, contentHash: revision.contentHash },
    });
    return { id: draftId, revisionId: revision.id };
  });
}

/** The chair issues the next revision; it records which amendment proposals it took up. */
export async function issueRevision(
  db: Db,
  input: { actor: Actor; draftId: string; ifMatch: number; title?: string | undefined; paragraphs: ParagraphInput[]; takesUp: string[]; note?: string | undefined },
) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const previous = await latestRevision(tx, draft.id);
    if (previous.number !== input.ifMatch) throw preconditionFailed(`${previous.number === 0 ? 'The zero draft' : `Rev.${previous.number}`} is no longer the latest revision.`, { currentRevision: previous.number });
    const paragraphs = keyParagraphs(input.paragraphs, new Set(previous.paragraphs.map((p) => p.key)));
    if (input.takesUp.length) {
      const found = await tx.select({ id: amendments.id }).from(amendments).where(and(eq(amendments.draftId, draft.id), inArray(amendments.id, input.takesUp)));
      if (found.length !== new Set(input.takesUp).size) throw badRequest('Some amendments taken up are not proposals on this draft.', [{ field: 'body.takesUp', message: 'unknown amendment' }]);
    }
    const title = input.title ?? previous.title;
    const revision = {
      id: randomUUID(),
      draftId: draft.id,
      number: previous.number + 1,
      title,
      paragraphs,
      contentHash: contentHash(title, paragraphs),
      takesUp: input.takesUp,
      note: input.note ?? null,
      issuedBy: input.actor.accountId,
      issuedAt: new Date(),
    };
    await tx.insert(draftRevisions).values(revision);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.issue-revision',
      subjectType: 'draft',
      subjectId: draft.id,
      change: { number: revision.number, contentHash: revision.contentHash, takesUp: input.takesUp },
    });
    return { id: revision.id, number: revision.number };
  });
}

/** A working group's chair transmits a finished draft to the plenary, which adopts what the groups prepared. */
export async function transmitDraft(db: Db, input: { actor: Actor; draftId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    if (draft.body === 'plenary') throw conflict('The draft is already before the plenary.', 'already-plenary');
    const transmittedAt = new Date();
    await tx.update(drafts).set({ body: 'plenary', transmittedAt }).where(eq(drafts.id, draft.id));
    await recordAudit(tx, { actor: input.actor, action: 'decisions.transmit-draft', subjectType: 'draft', subjectId: draft.id, change: { from: draft.body, to: 'plenary', transmittedAt } });
    return { transmittedAt };
  });
}

export interface AmendmentInput {
  actor: Actor;
  draftId: string;
  revisionNumber: number;
  action: 'add' | 'delete' | 'replace';
  paragraphKey: string | null;
  paragraphKind?: 'preambular' | 'operative' | undefined;
  text?: string | undefined;
  reason: string;
}

/** A State (never an organisation) proposes to add, delete or replace a paragraph, with a reason, against a revision. */
export async function proposeAmendment(db: Db, input: AmendmentInput) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  if (input.action !== 'delete' && !input.text) throw badRequest('Give the proposed text.', [{ field: 'body.text', message: 'required for add and replace' }]);
  if (input.action === 'delete' && input.text) throw badRequest('A deletion has no text.', [{ field: 'body.text', message: 'not allowed for delete' }]);
  if (input.action !== 'add' && !input.paragraphKey) throw badRequest('Name the paragraph.', [{ field: 'body.paragraphKey', message: 'required' }]);
  if (input.action === 'add' && !input.paragraphKind) throw badRequest('Say whether the new paragraph is preambular or operative.', [{ field: 'body.paragraphKind', message: 'required for add' }]);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const [revision] = await tx.select().from(draftRevisions).where(and(eq(draftRevisions.draftId, draft.id), eq(draftRevisions.number, input.revisionNumber)));
    if (!revision) throw notFound(`Revision ${input.revisionNumber} of the draft`);
    if (input.paragraphKey && !revision.paragraphs.some((p) => p.key === input.paragraphKey)) {
      throw badRequest('That paragraph is not in this revision.', [{ field: 'body.paragraphKey', message: 'not in the revision' }]);
    }
    const id = randomUUID();
    const now = new Date();
    await tx.insert(amendments).values({
      id,
      draftId: draft.id,
      revisionId: revision.id,
      proposerState: state,
      proposedBy: input.actor.accountId,
      action: input.action,
      paragraphKey: input.paragraphKey,
      paragraphKind: input.action === 'add' ? (input.paragraphKind ?? null) : null,
      text: input.text ?? null,
      reason: input.reason,
      createdAt: now,
    });
    await tx.insert(amendmentSponsors).values({ amendmentId: id, state, joinedBy: input.actor.accountId, joinedAt: now });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.propose-amendment',
      subjectType: 'amendment',
      subjectId: id,
      change: { draftId: draft.id, revision: revision.number, action: input.action, paragraphKey: input.paragraphKey, text: input.text ?? null, reason: input.reason },
    });
    return { id };
  });
}

/** Another State joins an amendment proposal as co-sponsor. */
export async function cosponsorAmendment(db: Db, input: { actor: Actor; amendmentId: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return db.transaction(async (tx) => {
    const [amendment] = await tx.select().from(amendments).where(eq(amendments.id, input.amendmentId));
    if (!amendment) throw notFound('The amendment');
    await negotiableDraft(tx, amendment.draftId);
    if (amendment.status !== 'proposed') throw conflict('The amendment was withdrawn.', 'amendment-withdrawn');
    const inserted = await tx
      .insert(amendmentSponsors)
      .values({ amendmentId: amendment.id, state, joinedBy: input.actor.accountId, joinedAt: new Date() })
      .onConflictDoNothing()
      .returning({ state: amendmentSponsors.state });
    if (inserted.length === 0) throw conflict('Your State already sponsors this amendment.', 'already-sponsor');
    await recordAudit(tx, { actor: input.actor, action: 'decisions.cosponsor-amendment', subjectType: 'amendment', subjectId: amendment.id, change: { state } });
  });
}
