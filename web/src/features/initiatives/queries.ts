import { useTranslation } from '../../app/i18n';
import { api, unwrap, type paths } from '../../api/client';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type InitiativeList = Json<'/api/v1/initiatives', 'get'>;
export type Initiative = InitiativeList['items'][number];
export type InitiativeKind = Initiative['kind'];
export type InitiativeStatus = Initiative['status'];

export const KINDS: InitiativeKind[] = ['regional-cbms', 'capacity-building', 'directory', 'other'];
export const isKind = (v: string | null): v is InitiativeKind => KINDS.includes(v as InitiativeKind);

export const initiativesQuery = ({ q, kind }: { q: string; kind: InitiativeKind | undefined }) => ({
  queryKey: ['initiatives', 'list', q, kind ?? ''] as const,
  queryFn: () => unwrap(api.GET('/api/v1/initiatives', { params: { query: { ...(q ? { q } : {}), ...(kind ? { kind } : {}) } } })),
  staleTime: 30_000,
});

export const initiativeQuery = (id: string) => ({
  queryKey: ['initiatives', 'one', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}', { params: { path: { id } } })),
  staleTime: 30_000,
});

export const servingQuery = (code: string) => ({
  queryKey: ['initiatives', 'serving', code] as const,
  queryFn: () => unwrap(api.GET('/api/v1/framework/elements/{code}/initiatives', { params: { path: { code } } })),
  staleTime: 60_000,
});

// Each label's key written out, so that the locale check sees every key used.
const KIND_LABELS = {
  'regional-cbms': 'initiatives.kinds.regional-cbms',
  'capacity-building': 'initiatives.kinds.capacity-building',
  directory: 'initiatives.kinds.directory',
  other: 'initiatives.kinds.other',
} as const satisfies Record<InitiativeKind, string>;
const STATUS_LABELS = {
  proposed: 'initiatives.statuses.proposed',
  published: 'initiatives.statuses.published',
  declined: 'initiatives.statuses.declined',
} as const satisfies Record<InitiativeStatus, string>;

export function useInitiativeLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: InitiativeKind) => t(KIND_LABELS[k]),
    status: (s: InitiativeStatus) => t(STATUS_LABELS[s]),
  };
}
