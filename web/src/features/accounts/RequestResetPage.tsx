import { useState, type FormEvent } from 'react';
import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { looksLikeEmail } from './validation';
import classes from './accounts.module.css';

export default function RequestResetPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/password-resets', { body: { email: email.trim() } })),
    // The form gives way to the message: the focus goes to it.
    onSuccess: () => focusDone('reset-requested'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = !email.trim() ? t('forms.required') : looksLikeEmail(email) ? null : t('forms.emailInvalid');
    setError(found);
    if (!found) request.mutate();
  };

  return (
    <div className={classes.narrow}>
      <PageHeading>{t('reset.requestTitle')}</PageHeading>
      {request.isSuccess ? (
        <DoneMessage name="reset-requested" show title={t('reset.sentTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('reset.sent')}</Text>
            <Anchor component={Link} to={to('/sign-in')} size="sm">
              {t('reset.backToSignIn')}
            </Anchor>
          </Stack>
        </DoneMessage>
      ) : (
        <>
          <Text mb="lg">{t('reset.requestIntro')}</Text>
          <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
            <Stack>
              <ProblemAlert error={request.error} />
              <TextInput
                label={t('forms.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={error}
                dir="ltr"
              />
              <Button type="submit" loading={request.isPending}>
                {t('reset.requestSubmit')}
              </Button>
              <Anchor component={Link} to={to('/sign-in')} size="sm">
                {t('reset.backToSignIn')}
              </Anchor>
            </Stack>
          </Paper>
        </>
      )}
    </div>
  );
}
