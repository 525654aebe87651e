import { api, unwrap, type RegionalGroupId } from '../../api/client';

export const GROUPS: RegionalGroupId[] = ['AG', 'APG', 'EEG', 'GRULAC', 'WEOG'];
export const isGroup = (value: string | null): value is RegionalGroupId => GROUPS.includes(value as RegionalGroupId);

export const statesQuery = ({ group, q }: { group?: RegionalGroupId | undefined; q?: string | undefined }) => ({
  queryKey: ['states', group ?? null, q ?? ''] as const,
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/states', {
        params: { query: { ...(group ? { group } : {}), ...(q ? { q } : {}) } },
      }),
    ),
  staleTime: 5 * 60_000,
});
