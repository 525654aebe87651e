/**
 * Texts for the generated data, with a realistic vocabulary: thousands of words per language drawn with
 * a long-tail (Zipf) distribution, so a query matches a few percent of paragraphs, as in a real corpus,
 * not nearly all of them (the old 26-word vocabulary made every query match 93–97 % of versions).
 *
 * English starts from the words of the reference framework's own texts, most frequent first, then
 * generated words; French, Spanish and Russian are generated from each language's letters (accents,
 * Cyrillic), Arabic from Arabic letters with the article joined to a share of the words, and Chinese
 * from two-character words written without spaces. Deterministic: two runs bench the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib.js';

export const CORPUS_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

/** Deterministic pseudo-random numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SYLLABLES: Record<Exclude<CorpusLanguage, 'zh' | 'ar'>, { onsets: string[]; vowels: string[]; codas: string[] }> = {
  en: { onsets: 'b c d f g h l m n p r s t v w st tr pr gr ch sh th br cl'.split(' '), vowels: 'a e i o u ea ou io ai'.split(' '), codas: ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ng', 'ct'] },
  fr: { onsets: 'b c d f g j l m n p r s t v ch pr tr qu gr'.split(' '), vowels: 'a e i o u é è ê à ou ai eu oi'.split(' '), codas: ['', '', 'n', 'r', 's', 't', 'l', 'nt', 'x', 'ç'] },
  es: { onsets: 'b c d f g j l m n p r s t v ll ch pr tr qu gr ñ'.split(' '), vowels: 'a e i o u á é í ó ú ia ue io'.split(' '), codas: ['', '', 'n', 'r', 's', 'l', 'd', 'z'] },
  ru: { onsets: 'б в г д ж з к л м н п р с т ф х ц ч ш щ ст пр тр'.split(' '), vowels: 'а е и о у ы э ю я ё'.split(' '), codas: ['', '', 'н', 'р', 'с', 'т', 'л', 'й', 'ть', 'ск'] },
};
const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');
/** A block of common CJK ideographs, from which the Chinese words are made. */
const CJK = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20900)));

const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;

/** Words of one language, most frequent first. */
function vocabulary(language: CorpusLanguage, size: number, seed: number): string[] {
  const rnd = random(seed);
  const words = new Set<string>();
  if (language === 'en') {
    const counts = new Map<string, number>();
    try {
      const framework = JSON.parse(fs.readFileSync(path.join(repoRoot, 'server/reference/framework.json'), 'utf8')) as { elements: { title?: string; text?: string }[] };
      for (const e of framework.elements) {
        for (const w of `${e.title ?? ''} ${e.text ?? ''}`.toLowerCase().match(/[a-z]{2,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    } catch {
      // The generated words alone still give a long tail.
    }
    for (const [w] of [...counts].sort((a, b) => b[1] - a[1])) words.add(w);
  }
  let guard = 0;
  while (words.size < size && guard++ < size * 50) {
    // Frequent words are short, rare ones long, as in natural languages.
    const rank = words.size / size;
    if (language === 'zh') {
      words.add(rank < 0.02 ? pick(CJK, rnd) : pick(CJK, rnd) + pick(CJK, rnd));
    } else if (language === 'ar') {
      const length = 3 + Math.floor(rnd() * (2 + rank * 4));
      words.add(Array.from({ length }, () => pick(ARABIC_LETTERS, rnd)).join(''));
    } else {
      const s = SYLLABLES[language];
      const count = 1 + Math.floor(rnd() * (1.5 + rank * 3));
      words.add(Array.from({ length: count }, () => pick(s.onsets, rnd) + pick(s.vowels, rnd) + pick(s.codas, rnd)).join(''));
    }
  }
  return [...words];
}

/** Cumulative Zipf weights (exponent s) over ranks 1..n. */
function zipf(n: number, s = 1.07): Float64Array {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / (r + 1) ** s;
  for (let r = 0; r < n; r++) cumulative[r]! /= total;
  return cumulative;
}

function drawRank(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Corpus {
  readonly wordsPerLanguage: number;
  /** A paragraph of about `words` words in the language (Chinese without spaces). */
  paragraph(language: CorpusLanguage, words: number): string;
  /**
   * A query as a person types it: one or two content words that stand next to each other in a paragraph
   * (the most frequent few dozen, the language's stop words, are not asked for), the last one often cut
   * short as it is being typed.
   */
  query(language: CorpusLanguage): string;
}

/** The words of each language are the same whatever the seed: texts and queries draw from one vocabulary. */
const VOCABULARY_SEED = 42;

/** Texts and queries; `seed` varies which words are drawn, never the vocabulary they are drawn from. */
export function corpus(seed = 42, wordsPerLanguage = 6000): Corpus {
  const rnd = random(seed);
  const words = Object.fromEntries(CORPUS_LANGUAGES.map((l, i) => [l, vocabulary(l, wordsPerLanguage, VOCABULARY_SEED + 101 * (i + 1))])) as Record<CorpusLanguage, string[]>;
  const weights = Object.fromEntries(CORPUS_LANGUAGES.map((l) => [l, zipf(words[l].length)])) as Record<CorpusLanguage, Float64Array>;
  const rankOf = (language: CorpusLanguage) => drawRank(weights[language], rnd());
  const word = (language: CorpusLanguage) => words[language][rankOf(language)]!;
  return {
    wordsPerLanguage,
    paragraph(language, count) {
      const list = Array.from({ length: count }, () => {
        const w = word(language);
        return language === 'ar' && rnd() < 0.3 ? `ال${w}` : w;
      });
      if (language === 'zh') return `${list.join('')}。`;
      const text = list.join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    },
    query(language) {
      // What a person looks for is in the texts: one or two content words of a paragraph as it could be
      // written, next to each other (the most frequent few dozen, the language's stop words, are skipped).
      const ranks = Array.from({ length: 40 }, () => rankOf(language)).filter((r) => r >= 40);
      if (ranks.length === 0) ranks.push(40);
      const start = Math.floor(rnd() * ranks.length);
      const list = ranks.slice(start, start + (rnd() < 0.6 || start === ranks.length - 1 ? 1 : 2)).map((r) => words[language][r]!);
      const last = list[list.length - 1]!;
      // Typing: the last word cut to a prefix half the time (never under 3 letters; Chinese words are whole).
      if (language !== 'zh' && last.length > 4 && rnd() < 0.5) list[list.length - 1] = last.slice(0, Math.max(3, last.length - 2));
      return list.join(language === 'zh' ? '' : ' ');
    },
  };
}
