import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiProblem } from './api/client';
import { loadLanguage } from './app/i18n';
import { Notices } from './app/Notices';
import { isLanguage } from './app/languages';
import { AppRoutes, preloadPage } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import './styles';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; a network failure may.
      retry: (count, error) => count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// The language's strings, the first page's code and its first data are fetched together, while React starts.
const firstSegment = window.location.pathname.split('/')[1];
if (isLanguage(firstSegment)) {
  void loadLanguage(firstSegment);
  preloadPage(window.location.pathname, queryClient);
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');

createRoot(root).render(
  <StrictMode>
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}>
      <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <Notices />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
