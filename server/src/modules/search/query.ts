import { fold } from '../../kernel/fold.js';

/**
 * What a person typed, turned into a search, as pure rules. Words are folded as the platform folds all
 * searchable text (kernel/fold.ts: no case, no accents); "words in quotes" are a phrase; the last word
 * is a prefix while it is being typed (no space after it). Chinese, Japanese and Korean, written without
 * spaces between words, are matched as runs of two-character grams (drizzle/0027: a substring match served
 * by the word indexes, whatever its length); Arabic, whose article is joined to the word, as substrings
 * served by the trigram indexes, unless too short for a trigram (then as a word).
 */

export interface SearchPlan {
  /** Whole words (and the last one, as a prefix when `prefix`), matched by every language's stemmer. */
  words: { text: string; prefix: boolean }[];
  /** Phrases in quotes: each a list of folded words, matched in that order. */
  phrases: string[][];
  /** Substrings (Arabic), matched in the folded text. */
  substrings: string[];
  /** Runs of Chinese, Japanese or Korean characters, matched as a sequence of two-character grams. */
  grams: string[];
  /** Everything looked for, folded, for highlighting. */
  terms: string[];
}

const GRAM_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const GRAM_RUNS = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+|[^\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
const SUBSTRING_SCRIPT = /[\u0600-\u06ff\u0750-\u077f]/u;
/** Shorter substrings have no trigram, so no index could serve them. */
const MIN_SUBSTRING = 3;
const WORD = /[\p{L}\p{N}]+/gu;
export const MAX_TERMS = 12;

export function planQuery(typed: string): SearchPlan | null {
  const words: SearchPlan['words'] = [];
  const phrases: string[][] = [];
  const substrings: string[] = [];
  const grams: string[] = [];
  const endsTyping = !/[\s"”»]$/u.test(typed);
  // Quoted runs are phrases; an unclosed quote takes the rest.
  const pieces = typed.split(/["“”«»]/u);
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1;
    // A run of Chinese, Japanese or Korean inside a token (5G网络) is a token of its own.
    const tokens = (fold(piece).match(WORD) ?? []).flatMap((t) => (GRAM_SCRIPT.test(t) ? (t.match(GRAM_RUNS) ?? []) : [t]));
    const apart = (t: string) => GRAM_SCRIPT.test(t) || (SUBSTRING_SCRIPT.test(t) && t.length >= MIN_SUBSTRING);
    const setApart = (t: string) => (GRAM_SCRIPT.test(t) ? grams : substrings).push(t);
    if (quoted) {
      const plain = tokens.filter((t) => !apart(t));
      for (const t of tokens) if (apart(t)) setApart(t);
      if (plain.length > 1) phrases.push(plain);
      else if (plain.length === 1) words.push({ text: plain[0]!, prefix: false });
      return;
    }
    for (const t of tokens) {
      if (apart(t)) setApart(t);
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
  const g = dedupe(grams, (x) => x).slice(0, MAX_TERMS);
  if (w.length + p.length + s.length + g.length === 0) return null;
  const terms = [...new Set([...w.map((x) => x.text), ...p.flat(), ...s, ...g])];
  return { words: w, phrases: p, substrings: s, grams: g, terms };
}

/** A word as a tsquery operand: quoted (it holds letters and digits only), a prefix marked `:*`. */
export const tsOperand = (word: string, prefix: boolean): string => `'${word.replace(/'/g, "''")}'${prefix ? ':*' : ''}`;

/**
 * A run of Chinese, Japanese or Korean characters as a tsquery over its two-character grams, in order
 * (`poa_cjk_grams` in drizzle/0027): '基础设施' is `'基础' <-> '础设' <-> '设施'`; one character is a prefix.
 */
export function gramQuery(run: string): string {
  const chars = [...run];
  if (chars.length === 1) return `'${chars[0]}':*`;
  return chars
    .slice(0, -1)
    .map((c, i) => `'${c}${chars[i + 1]}'`)
    .join(' <-> ');
}

/** A substring as a LIKE pattern, its wildcards escaped. */
export const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
