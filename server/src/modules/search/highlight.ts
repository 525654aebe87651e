import { foldCharacters } from '../../kernel/fold.js';

export interface Highlighted {
  /** Pieces of the fragment in order; `match` marks the words found. */
  parts: { text: string; match: boolean }[];
}

/**
 * A fragment of `text` around the first place any term occurs, with every occurrence marked.
 * Matching ignores case and accents, but the fragment shows the text as written. Returns null when
 * no term occurs.
 */
export function highlight(text: string, terms: readonly string[], width = 180): Highlighted | null {
  // Fold character by character, keeping where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldCharacters(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const spans: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      spans.push([origin[at]!, origin[at + term.length]!]);
    }
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  const first = merged[0]!;
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first[0]) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first[1]) end = space;
  }
  const parts: Highlighted['parts'] = [];
  let cursor = start;
  if (start > 0) parts.push({ text: '…', match: false });
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    if (from > cursor) parts.push({ text: text.slice(cursor, from), match: false });
    parts.push({ text: text.slice(from, Math.min(b, end)), match: true });
    cursor = Math.min(b, end);
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return { parts };
}
