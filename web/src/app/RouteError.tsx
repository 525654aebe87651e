import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { i18n } from './i18n';

/** What a page shows when it fails to render or its code fails to load (e.g. after a new release). */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  const ready = i18n.isInitialized && i18n.hasResourceBundle(i18n.language, 'translation');
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
