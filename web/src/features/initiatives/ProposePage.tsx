import { Stack, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { PageHeading } from '../../ui/PageHeading';
import { InitiativeForm } from './InitiativeForm';

/** A focal point, an organisation or the Secretariat proposes an initiative; the Secretariat publishes it. */
export default function ProposePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <PageHeading>{t('initiatives.proposeTitle')}</PageHeading>
      <Text>{t('initiatives.proposeIntro')}</Text>
      <InitiativeForm existing={null} />
    </Stack>
  );
}
