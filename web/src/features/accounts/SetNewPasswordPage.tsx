import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { focusWhenShown } from '../../ui/focus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { NewPasswordFields, useNewPasswordError } from './fields';
import classes from './accounts.module.css';

export default function SetNewPasswordPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const { token = '' } = useParams();
  const passwordError = useNewPasswordError();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const reset = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/password-resets/{token}', { params: { path: { token } }, body: { password } })),
    // The form gives way to the message (or, for a link that can no longer be used, to the way on): the focus goes to it.
    onSuccess: () => focusDone('password-reset'),
    onError: () => focusWhenShown('[data-testid="reset-link-unusable"]'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: passwordError(password),
      confirm: confirm === password ? null : t('forms.passwordsDiffer'),
    };
    setErrors(found);
    if (!found.password && !found.confirm) reset.mutate();
  };

  const linkUnusable = reset.error instanceof ApiProblem && (reset.error.status === 404 || reset.error.status === 410);

  return (
    <div className={classes.narrow}>
      <PageHeading>{t('reset.setTitle')}</PageHeading>
      {reset.isSuccess ? (
        <DoneMessage name="password-reset" show title={t('reset.doneTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('reset.done')}</Text>
            <Anchor component={Link} to={to('/sign-in')} size="sm">
              {t('nav.signIn')}
            </Anchor>
          </Stack>
        </DoneMessage>
      ) : linkUnusable ? (
        <Alert color="red" variant="light" title={t('reset.unusableTitle')} role="alert" data-testid="reset-link-unusable">
          <Stack gap="xs">
            <Text size="sm">{t('reset.unusable')}</Text>
            <Anchor component={Link} to={to('/reset-password')} size="sm">
              {t('reset.requestAgain')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={reset.error} />
            <NewPasswordFields
              value={password}
              confirm={confirm}
              onChange={setPassword}
              onConfirmChange={setConfirm}
              error={errors.password}
              confirmError={errors.confirm}
            />
            <Button type="submit" loading={reset.isPending}>
              {t('reset.setSubmit')}
            </Button>
          </Stack>
        </Paper>
      )}
    </div>
  );
}
