import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { contentHash } from './revisions.js';
import { draftRevisions, drafts, outcomes, type FrameworkEffect } from './tables.js';
import { type ParagraphInput, keyParagraphs, checkFrameworkCodes } from './drafting.js';

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
