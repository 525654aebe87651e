import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../app/paths';
import { PageHeading } from './PageHeading';

/** What an address that names nothing shows (a page, or a record a page loads): where to go instead. */
export function NotFound() {
  const { t } = useTranslation();
  const to = useLocalPath();
  return (
    <Stack maw="40rem">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Text>{t('notFound.body')}</Text>
      <List>
        <List.Item>
          <Anchor component={Link} to={to('/')}>
            {t('notFound.home')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={to('/states')}>
            {t('notFound.states')}
          </Anchor>
        </List.Item>
      </List>
    </Stack>
  );
}
