import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeading } from '../../ui/PageHeading';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { ProblemAlert } from '../../ui/ProblemAlert';

/** The unsubscribe link of any message: one button, nothing to sign in to. */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const stop = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/updates/unsubscribe/{token}', { params: { path: { token } }, body: {} })),
    // The button gives way to the message: the focus goes to it.
    onSuccess: () => focusDone('unsubscribed'),
  });
  return (
    <Stack gap="md" maw={560}>
      <PageHeading>{t('updates.unsubscribeTitle')}</PageHeading>
      {stop.isSuccess ? (
        <DoneMessage name="unsubscribed" show>
          {t('updates.unsubscribed')}
        </DoneMessage>
      ) : (
        <>
          <Text>{t('updates.unsubscribeIntro')}</Text>
          {stop.isError ? <ProblemAlert error={stop.error} /> : null}
          <Button onClick={() => stop.mutate()} loading={stop.isPending} w="fit-content">
            {t('updates.unsubscribe')}
          </Button>
        </>
      )}
    </Stack>
  );
}
