import { createHash } from 'node:crypto';
import { diffWordsWithSpace } from 'diff';
import { canonicalJson } from '../../platform/audit/canonical.js';

/**
 * Drafts as pure data: numbered paragraphs (preambular and operative) that keep a stable key from
 * revision to revision, so that any two revisions compare paragraph by paragraph.
 */

export interface Paragraph {
  /** Stable across revisions: the same paragraph, amended, keeps its key. */
  key: string;
  kind: 'preambular' | 'operative';
  text: string;
}

export interface NumberedParagraph extends Paragraph {
  /** "PP2", "OP5": the paragraph's place in this revision. */
  label: string;
}

/** Numbers paragraphs in order: preambular PP1…, operative OP1…. */
export function numberParagraphs(paragraphs: readonly Paragraph[]): NumberedParagraph[] {
  let pp = 0;
  let op = 0;
  return paragraphs.map((p) => ({ ...p, label: p.kind === 'preambular' ? `PP${++pp}` : `OP${++op}` }));
}

/** "Zero draft", "Rev.1", "Rev.2" … */
export const revisionLabel = (n: number): string => (n === 0 ? 'Zero draft' : `Rev.${n}`);

/** The content hash of a text: SHA-256 over its canonical JSON (title and paragraphs in order). */
export function contentHash(title: string, paragraphs: readonly Paragraph[]): string {
  return createHash('sha256')
    .update(canonicalJson({ title, paragraphs: paragraphs.map((p) => ({ key: p.key, kind: p.kind, text: p.text })) }))
    .digest('hex');
}

export interface WordChange {
  text: string;
  added?: boolean;
  removed?: boolean;
}

export interface ParagraphComparison {
  key: string;
  change: 'unchanged' | 'changed' | 'added' | 'deleted';
  from: NumberedParagraph | null;
  to: NumberedParagraph | null;
  /** Word-level changes, for a changed paragraph. */
  words: WordChange[];
}

/**
 * Compares two revisions paragraph by paragraph, in the order of the later one (deleted paragraphs
 * where they stood), with word-level changes.
 */
export function compareRevisions(from: readonly Paragraph[], to: readonly Paragraph[]): ParagraphComparison[] {
  const a = numberParagraphs(from);
  const b = numberParagraphs(to);
  const inA = new Map(a.map((p, i) => [p.key, { p, i }]));
  const inB = new Set(b.map((p) => p.key));
  const out: ParagraphComparison[] = [];
  const pushDeletedBefore = (limit: number, state: { next: number }) => {
    while (state.next < limit) {
      const p = a[state.next]!;
      if (!inB.has(p.key)) out.push({ key: p.key, change: 'deleted', from: p, to: null, words: [{ text: p.text, removed: true }] });
      state.next++;
    }
  };
  const cursor = { next: 0 };
  for (const p of b) {
    const old = inA.get(p.key);
    if (!old) {
      out.push({ key: p.key, change: 'added', from: null, to: p, words: [{ text: p.text, added: true }] });
      continue;
    }
    pushDeletedBefore(old.i, cursor);
    const textChanged = old.p.text !== p.text || old.p.kind !== p.kind;
    const words = textChanged ? diffWordsWithSpace(old.p.text, p.text).map((c) => ({ text: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) })) : [{ text: p.text }];
    out.push({ key: p.key, change: textChanged ? 'changed' : 'unchanged', from: old.p, to: p, words });
    cursor.next = Math.max(cursor.next, old.i + 1);
  }
  pushDeletedBefore(a.length, cursor);
  return out;
}

// ---- transmission to the plenary -----------------------------------------------------------------

/** Which working group prepared a text, when it transmitted it to the plenary, and which revision. */
export interface Provenance {
  /** The working group's id. */
  group: string;
  transmittedAt: Date;
  revisionId: string;
  revision: number;
  /** The content hash of the revision transmitted: what the plenary received. */
  contentHash: string;
}

export type TransmissionRefusal = 'already-plenary' | 'under-adoption';

/**
 * A working group transmits its draft to the plenary, at its latest revision: the draft is then before
 * the plenary and keeps where it came from. Not a plenary draft (it is there already), and not while its
 * adoption is before the group (a proposal open in the group's meeting).
 */
export function transmission(
  draft: { body: string; adoptionOpen: boolean },
  latest: { id: string; number: number; contentHash: string },
  at: Date,
): { refusal: TransmissionRefusal } | { body: 'plenary'; provenance: Provenance } {
  if (draft.body === 'plenary') return { refusal: 'already-plenary' };
  if (draft.adoptionOpen) return { refusal: 'under-adoption' };
  return { body: 'plenary', provenance: { group: draft.body, transmittedAt: at, revisionId: latest.id, revision: latest.number, contentHash: latest.contentHash } };
}
