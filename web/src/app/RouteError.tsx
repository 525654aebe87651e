import { Component, type ReactNode } from 'react';
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { i18n } from './i18n';

/** Shows RouteError in place of the app when a page fails to render; a navigation (a new path) tries again. */
export class RouteErrorBoundary extends Component<{ pathname: string; children: ReactNode }, { failed: boolean; error: unknown; pathname: string }> {
  override state = { failed: false, error: undefined as unknown, pathname: this.props.pathname };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: { pathname: string }, state: { pathname: string }) {
    return props.pathname !== state.pathname ? { failed: false, error: undefined, pathname: props.pathname } : null;
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

/** What a page shows when it fails to render or its code fails to load (e.g. after a new release). */
export function RouteError() {
  const ready = i18n.hasStrings(i18n.language);
  return (
    <Container size="sm" py="xl">
      <main>
        <Stack>
          <Title order={1}>{ready ? i18n.t('errors.unexpectedTitle') : 'Something went wrong'}</Title>
          <Text>{ready ? i18n.t('errors.unexpectedBody') : 'The page could not be shown. Reload it to try again.'}</Text>
          <div>
            <Button onClick={() => window.location.reload()}>{ready ? i18n.t('errors.reload') : 'Reload'}</Button>
          </div>
        </Stack>
      </main>
    </Container>
  );
}
