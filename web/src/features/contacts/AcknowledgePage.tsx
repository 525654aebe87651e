import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { focusWhenShown } from '../../ui/focus';
import { PageHeading } from '../../ui/PageHeading';

/**
 * The page of a reachability check's link: the point of contact confirms, with a button (a mail
 * scanner that opens the link acknowledges nothing), that it received the message. No sign-in; the
 * page shows nothing but whether the acknowledgement was recorded.
 */
export default function AcknowledgePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const acknowledge = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/contact-acknowledgements/{token}', { params: { path: { token } } })),
    // The button gives way to what was recorded (or why not): the focus goes there.
    onSuccess: () => focusDone('acknowledgement'),
    onError: () => focusWhenShown('[data-testid="acknowledgement-refused"]'),
  });
  const problem = acknowledge.error instanceof ApiProblem ? acknowledge.error : null;
  const failure = !problem
    ? null
    : problem.kind === 'already-acknowledged'
      ? t('contacts.ack.alreadyUsed')
      : problem.status === 410
        ? t('contacts.ack.expired')
        : problem.status === 404 || problem.status === 400
          ? t('contacts.ack.unknown')
          : t('contacts.ack.failed');

  return (
    <div style={{ maxInlineSize: '34rem' }}>
      <PageHeading>{t('contacts.ack.title')}</PageHeading>
      {acknowledge.isSuccess ? (
        <DoneMessage name="acknowledgement" show title={t('contacts.ack.doneTitle')}>
          <Text size="sm">{t('contacts.ack.done')}</Text>
        </DoneMessage>
      ) : failure ? (
        <Alert color={problem?.kind === 'already-acknowledged' ? 'blue' : 'red'} variant="light" role="alert" data-testid="acknowledgement-refused">
          <Text size="sm">{failure}</Text>
        </Alert>
      ) : (
        <Paper withBorder p="lg">
          <Stack>
            <Text>{t('contacts.ack.intro')}</Text>
            <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
              {t('contacts.ack.confirm')}
            </Button>
          </Stack>
        </Paper>
      )}
    </div>
  );
}
