import { useTranslation } from '../../app/i18n';
import { api, unwrap, type paths } from '../../api/client';
import type { Language } from '../../app/languages';

type Json<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type SearchAnswer = Json<'/api/v1/search'>;
export type SearchItem = SearchAnswer['items'][number];
export type SearchKind = SearchItem['kind'];

/** The kinds, in the order the filter offers them. */
export const SEARCH_KINDS: SearchKind[] = [
  'framework-element',
  'document',
  'outcome',
  'draft',
  'amendment',
  'report-section',
  'report-draft',
  'statement',
  'meeting',
  'working-group',
  'initiative',
  'capacity-need',
  'capacity-offer',
  'written-input',
];
export const isSearchKind = (value: string | null): value is SearchKind => SEARCH_KINDS.includes(value as SearchKind);
export const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
export const isIso3 = (value: string | null): value is string => !!value && /^[A-Z]{3}$/.test(value);
export const PAGE_SIZE = 20;

export interface SearchFilters {
  q: string;
  kind?: SearchKind | undefined;
  language?: Language | undefined;
  from?: string | undefined;
  to?: string | undefined;
  state?: string | undefined;
  offset: number;
}

export const searchQuery = (f: SearchFilters, lang: Language) => ({
  queryKey: ['search', f, lang] as const,
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/search', {
        params: {
          query: {
            q: f.q,
            lang,
            limit: PAGE_SIZE,
            offset: f.offset,
            ...(f.kind ? { kind: f.kind } : {}),
            ...(f.language ? { language: f.language } : {}),
            ...(f.from ? { from: f.from } : {}),
            ...(f.to ? { to: f.to } : {}),
            ...(f.state ? { state: f.state } : {}),
          },
        },
      }),
    ),
  staleTime: 30_000,
});

export const suggestionsQuery = (q: string, lang: Language) => ({
  queryKey: ['search', 'suggestions', q, lang] as const,
  queryFn: () => unwrap(api.GET('/api/v1/search/suggestions', { params: { query: { q, lang, limit: 6 } } })),
  staleTime: 30_000,
});

const KIND_KEYS = {
  'framework-element': 'search.kinds.framework-element',
  document: 'search.kinds.document',
  outcome: 'search.kinds.outcome',
  draft: 'search.kinds.draft',
  amendment: 'search.kinds.amendment',
  'report-section': 'search.kinds.report-section',
  'report-draft': 'search.kinds.report-draft',
  statement: 'search.kinds.statement',
  meeting: 'search.kinds.meeting',
  'working-group': 'search.kinds.working-group',
  initiative: 'search.kinds.initiative',
  'capacity-need': 'search.kinds.capacity-need',
  'capacity-offer': 'search.kinds.capacity-offer',
  'written-input': 'search.kinds.written-input',
} as const satisfies Record<SearchKind, string>;

/** The label of each kind, in the page's language. */
export function useKindLabel(): (kind: SearchKind) => string {
  const { t } = useTranslation();
  return (kind) => t(KIND_KEYS[kind]);
}
