import { fold } from '../../kernel/fold.js';

/**
 * What a person typed, turned into a search, as pure rules. Words are folded as the platform folds all
 * searchable text (kernel/fold.ts: no case, no accents); "words in quotes" are a phrase; the last word
 * is a prefix while it is being typed (no space after it). Words in scripts without a stemmer and, for
 * Chinese, without spaces between words (Chinese, Japanese, Korean, Arabic) are matched as substrings,
 * which the trigram indexes serve.
 */

export interface SearchPlan {
  /** Whole words (and the last one, as a prefix when `prefix`), matched by every language's stemmer. */
  words: { text: string; prefix: boolean }[];
  /** Phrases in quotes: each a list of folded words, matched in that order. */
  phrases: string[][];
  /** Substrings (Chinese, Arabic …), matched in the folded text. */
  substrings: string[];
  /** Everything looked for, folded, for highlighting. */
  terms: string[];
}

const SUBSTRING_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const WORD = /[\p{L}\p{N}]+/gu;
export const MAX_TERMS = 12;

export function planQuery(typed: string): SearchPlan | null {
  const words: SearchPlan['words'] = [];
  const phrases: string[][] = [];
  const substrings: string[] = [];
  const endsTyping = !/[\s"”»]$/u.test(typed);
  // Quoted runs are phrases; an unclosed quote takes the rest.
  const pieces = typed.split(/["“”«»]/u);
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1;
    const tokens = fold(piece).match(WORD) ?? [];
    if (quoted) {
      const plain = tokens.filter((t) => !SUBSTRING_SCRIPT.test(t));
      for (const t of tokens) if (SUBSTRING_SCRIPT.test(t)) substrings.push(t);
      if (plain.length > 1) phrases.push(plain);
      else if (plain.length === 1) words.push({ text: plain[0]!, prefix: false });
      return;
    }
    for (const t of tokens) {
      if (SUBSTRING_SCRIPT.test(t)) substrings.push(t);
      else words.push({ text: t, prefix: false });
    }
  });
  // The last word typed, if it is outside quotes and nothing follows it, is a prefix.
  const last = words[words.length - 1];
  const lastPiece = pieces.length % 2 === 1 ? pieces[pieces.length - 1]! : '';
  if (last && endsTyping && (fold(lastPiece).match(WORD) ?? []).at(-1) === last.text) last.prefix = true;
  const dedupe = <T>(xs: T[], key: (x: T) => string) => xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i);
  const w = dedupe(words, (x) => `${x.text}:${x.prefix}`).slice(0, MAX_TERMS);
  const p = dedupe(phrases, (x) => x.join(' ')).slice(0, 4).map((x) => x.slice(0, MAX_TERMS));
  const s = dedupe(substrings, (x) => x).slice(0, MAX_TERMS);
  if (w.length + p.length + s.length === 0) return null;
  const terms = [...new Set([...w.map((x) => x.text), ...p.flat(), ...s])];
  return { words: w, phrases: p, substrings: s, terms };
}

/** A word as a tsquery operand: quoted (it holds letters and digits only), a prefix marked `:*`. */
export const tsOperand = (word: string, prefix: boolean): string => `'${word.replace(/'/g, "''")}'${prefix ? ':*' : ''}`;

/** A substring as a LIKE pattern, its wildcards escaped. */
export const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
