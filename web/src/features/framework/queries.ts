import { useTranslation } from '../../app/i18n';
import { api, unwrap, unwrapResponse, type paths } from '../../api/client';
import type { Language } from '../../app/languages';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type FrameworkList = Json<'/api/v1/framework/elements', 'get'>;
export type ElementVersion = FrameworkList['items'][number];
export type ElementDetail = Json<'/api/v1/framework/elements/{code}', 'get'>;
export type ElementKind = ElementVersion['kind'];
export type Pillar = ElementVersion['pillar'];
export type SearchHit = Json<'/api/v1/framework/search', 'get'>['items'][number];
export type Change = Json<'/api/v1/framework/changes', 'get'>['items'][number];
export type DisplayText = ElementVersion['display'];

export const PILLARS: Pillar[] = ['international-law', 'norms', 'cbms', 'capacity-building', 'threats'];
export const isPillar = (value: string | null): value is Pillar => PILLARS.includes(value as Pillar);
export const KINDS: ElementKind[] = ['international-law', 'norm', 'recommendation', 'cbm', 'cbm-tool', 'capacity-building-principle', 'threat'];
export const isKind = (value: string | null): value is ElementKind => KINDS.includes(value as ElementKind);

/** Today's date as YYYY-MM-DD (UTC, as the server counts). */
export const today = (): string => new Date().toISOString().slice(0, 10);
export const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export const frameworkQuery = (asOf: string, lang: Language) => ({
  queryKey: ['framework', 'elements', asOf, lang] as const,
  queryFn: () => unwrap(api.GET('/api/v1/framework/elements', { params: { query: { asOf, lang, limit: 1000 } } })),
  staleTime: 60_000,
});

export const elementQuery = (code: string, lang: Language) => ({
  queryKey: ['framework', 'element', code, lang] as const,
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/framework/elements/{code}', { params: { path: { code }, query: { lang } } }));
    return { element: data, etag: response.headers.get('etag') };
  },
  staleTime: 60_000,
});

export const changesQuery = (from: string, to: string, lang: Language) => ({
  queryKey: ['framework', 'changes', from, to, lang] as const,
  queryFn: () => unwrap(api.GET('/api/v1/framework/changes', { params: { query: { from, to, lang } } })),
  staleTime: 60_000,
});

export const searchQuery = ({ q, asOf, kind, lang }: { q: string; asOf: string; kind: ElementKind | undefined; lang: Language }) => ({
  queryKey: ['framework', 'search', q, asOf, kind ?? null, lang] as const,
  queryFn: () => unwrap(api.GET('/api/v1/framework/search', { params: { query: { q, asOf, lang, limit: 50, ...(kind ? { kind } : {}) } } })),
  staleTime: 60_000,
});

const PILLAR_KEYS = {
  'international-law': 'framework.pillars.international-law',
  norms: 'framework.pillars.norms',
  cbms: 'framework.pillars.cbms',
  'capacity-building': 'framework.pillars.capacity-building',
  threats: 'framework.pillars.threats',
} as const;

const KIND_KEYS = {
  'international-law': 'framework.kinds.international-law',
  norm: 'framework.kinds.norm',
  recommendation: 'framework.kinds.recommendation',
  cbm: 'framework.kinds.cbm',
  'cbm-tool': 'framework.kinds.cbm-tool',
  'capacity-building-principle': 'framework.kinds.capacity-building-principle',
  threat: 'framework.kinds.threat',
} as const;

const CHANGE_KEYS = {
  added: 'framework.changeKinds.added',
  amended: 'framework.changeKinds.amended',
  'text-recorded': 'framework.changeKinds.text-recorded',
  'translation-recorded': 'framework.changeKinds.translation-recorded',
  superseded: 'framework.changeKinds.superseded',
  retired: 'framework.changeKinds.retired',
  changed: 'framework.changeKinds.changed',
  removed: 'framework.changeKinds.removed',
} as const;

export function useFrameworkLabels() {
  const { t } = useTranslation();
  return {
    pillar: (p: Pillar) => t(PILLAR_KEYS[p]),
    kind: (k: ElementKind) => t(KIND_KEYS[k]),
    change: (c: keyof typeof CHANGE_KEYS) => t(CHANGE_KEYS[c]),
  };
}

