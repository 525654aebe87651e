import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { InitiativeForm } from './InitiativeForm';
import { initiativeQuery } from './queries';

/** The Secretariat edits a proposed or published initiative; its proposer edits its own until it is decided. */
export default function EditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const to = useLocalPath();
  const query = useQuery(initiativeQuery(id));
  if (!query.isSuccess) return <Loaded query={query} />;
  const i = query.data;
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={to(`/initiatives/${i.id}`)}>
        {t('initiatives.backToInitiative')}
      </Anchor>
      <PageHeading>{t('initiatives.editTitle')}</PageHeading>
      {i.can.edit ? (
        <>
          <Text>{i.status === 'published' ? t('initiatives.editPublishedIntro') : t('initiatives.editIntro')}</Text>
          <InitiativeForm existing={i} />
        </>
      ) : (
        <Alert variant="light" color="un">
          {t('initiatives.cannotEdit')}
        </Alert>
      )}
    </Stack>
  );
}
