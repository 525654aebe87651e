import { useQuery } from '@tanstack/react-query';
import { api, unwrapResponse } from '../../api/client';
import { useLang } from '../../app/paths';
import { Verbatim } from '../../ui/localized';

export const stateQuery = (iso3: string) => ({
  queryKey: ['state', iso3.toUpperCase()] as const,
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/states/{iso3}', { params: { path: { iso3 } } }));
    return { state: data, etag: response.headers.get('etag') };
  },
  staleTime: 5 * 60_000,
});

/**
 * A State's name in the page's language, from its ISO code; the code itself while it loads (or when
 * the reference has no name for it), marked as a code: the same Latin letters in every language.
 */
export function StateName({ iso3 }: { iso3: string }) {
  const lang = useLang();
  const { data } = useQuery(stateQuery(iso3));
  const name = data?.state.names[lang];
  return name ? <>{name}</> : <Verbatim>{iso3}</Verbatim>;
}
