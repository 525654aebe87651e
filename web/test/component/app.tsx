import type { ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import type { Me } from '../../src/api/client';
import { LanguageRoot } from '../../src/app/LanguageRoot';
import { cssVariablesResolver, theme } from '../../src/app/theme';
import type { FakeApi } from './fake-api';
import { currentApi } from './setup';

/** Where the app went, for a test to wait on (a page it navigated to that the test did not render). */
function Elsewhere() {
  const { pathname } = useLocation();
  return <p data-testid="elsewhere">{pathname}</p>;
}

export interface RenderedPage extends RenderResult {
  api: FakeApi;
  user: ReturnType<typeof userEvent.setup>;
  /** The path the router is at now. */
  path(): string;
}

/**
 * Renders pages of the app at `url` (`/en/groups/g1/edit`), under the app's own providers: Mantine with
 * its theme (transitions and portals off, as in Mantine's test set-up), the language's real strings
 * (loaded by the app's LanguageRoot from the first segment), a fresh QueryClient and a router. Every
 * request goes to the test's FakeApi, given as `answer` before the first render.
 */
export function renderPage(url: string, routes: RouteObject[], answer: (api: FakeApi) => void = () => undefined): RenderedPage {
  const api = currentApi();
  answer(api);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const router = createMemoryRouter(
    [{ path: '/:lang', element: <LanguageRoot fallback={<Elsewhere />} />, children: [...routes, { path: '*', element: <Elsewhere /> }] }],
    { initialEntries: [url] },
  );
  const page: ReactNode = (
    <DirectionProvider>
      <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver} env="test">
        <QueryClientProvider client={queryClient}>
          <Notifications />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
  // No pause between keys: the page sees each one as in a browser, without the wait.
  const user = userEvent.setup({ delay: null });
  return { ...render(page), api, user, path: () => router.state.location.pathname };
}

type Account = NonNullable<Me['account']>;

/** `/api/v1/me` for a signed-in account (or the public), with the CSRF token the app sends back. */
export function me(account: (Partial<Account> & Pick<Account, 'roles'>) | null, can: Partial<Me['can']> = {}): Me {
  return {
    account: account && {
      id: '0b6f2f4e-2d0a-4c55-9f55-0d3c8a4f0001',
      email: 'someone@poa.test',
      name: 'Someone',
      language: 'en',
      organisation: null,
      secondFactor: true,
      state: null,
      ...account,
    },
    can: { correctStateNames: false, invite: false, inviteRoles: [], inviteStates: { all: false, states: [] }, ...can },
    csrfToken: 'csrf-of-this-session',
  };
}
