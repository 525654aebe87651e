import { useEffect, useRef } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TOPIC_LABELS } from './topics';

/** The confirmation link of a sign-up: used once, on opening (a POST from the page, so a mail scanner's GET uses nothing). */
export default function ConfirmPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/updates/confirmations', { body: { token } })) });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    confirm.mutate();
  }, [confirm]);
  return (
    <Stack gap="md" maw={560}>
      <PageHeading>{t('updates.confirmTitle')}</PageHeading>
      {confirm.isSuccess ? (
        <Alert role="status" variant="light" color="un">
          {t('updates.confirmed', { topics: confirm.data.topics.map((topic) => t(TOPIC_LABELS[topic])).join(', ') })}
        </Alert>
      ) : confirm.isError ? (
        <ProblemAlert error={confirm.error} />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </Stack>
  );
}
