import { api, unwrap, type paths } from '../../api/client';

export type Catalogue = paths['/api/v1/open-data']['get']['responses'][200]['content']['application/json'];
export type Dataset = Catalogue['datasets'][number];

export const catalogueQuery = () => ({
  queryKey: ['open-data'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/open-data')),
  staleTime: 60_000,
});
