import { z } from 'zod';
import { CalendarDate } from '../../kernel/calendar-date.js';
import { LANGUAGES, LanguageSchema } from '../../kernel/languages.js';
import { SEARCH_KINDS } from './source.js';

/** What was typed, as typed: a space after the last word says it is whole (query.ts). */
const Typed = z.string().max(200).refine((s) => s.trim().length > 0, 'some words to look for');

const Kinds = z
  .string()
  .max(300)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length));

/** The search's query string: every parameter checked, none unknown. */
export const SearchQuery = z
  .object({
    q: Typed,
    kind: Kinds.optional(),
    /** The page's language. */
    lang: LanguageSchema.default('en'),
    /** Only items in this language. */
    language: z.enum(LANGUAGES).optional(),
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    state: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code').optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict();

const Parts = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const SearchResponse = z.object({
  items: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      title: z.object({ text: z.string(), language: LanguageSchema.nullable(), fallback: z.boolean() }),
      fragments: z.array(z.object({ language: LanguageSchema.nullable(), parts: Parts })),
      link: z.string(),
      date: z.string(),
      state: z.string().nullable(),
      rank: z.number(),
    }),
  ),
  total: z.number().int(),
  facets: z.array(z.object({ kind: z.enum(SEARCH_KINDS), count: z.number().int() })),
});

/** The header's suggestions: a few results, no counts. */
export const SuggestQuery = z
  .object({
    q: Typed,
    lang: LanguageSchema.default('en'),
    limit: z.coerce.number().int().min(1).max(10).default(6),
  })
  .strict();

export const SuggestResponse = z.object({ items: SearchResponse.shape.items });
