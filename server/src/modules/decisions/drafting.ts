import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/problem.js';
import { existingElementCodes } from '../framework/index.js';
import type { Paragraph } from './revisions.js';
import { draftRevisions, drafts } from './tables.js';

/** What the drafting use cases share: paragraphs as given, the draft under negotiation and its latest revision. */

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

export function keyParagraphs(input: readonly ParagraphInput[], known: ReadonlySet<string>): Paragraph[] {
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

export async function checkFrameworkCodes(tx: Tx, codes: readonly string[], field: string) {
  const existing = await existingElementCodes(tx, codes);
  const missing = codes.filter((c) => !existing.has(c));
  if (missing.length) throw badRequest(`Not framework elements: ${missing.join(', ')}.`, [{ field, message: 'unknown framework element' }]);
}
