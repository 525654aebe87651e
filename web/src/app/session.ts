import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, rememberCsrf, unwrap, type Me } from '../api/client';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await unwrap(api.GET('/api/v1/me'));
  rememberCsrf(me.csrfToken);
  return me;
}

/** Who the caller is and what they may do, as the API says: the web app never decides it itself. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** After signing in or out: the new identity, its CSRF token, and nothing cached from the old one. */
export function replaceMe(queryClient: QueryClient, me: Me): void {
  rememberCsrf(me.csrfToken);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, { account: me.account, csrfToken: me.csrfToken, can: me.can });
}

export async function forgetMe(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  await queryClient.invalidateQueries({ queryKey: ME_KEY });
}
