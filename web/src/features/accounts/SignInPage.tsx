import { useState, type FormEvent } from 'react';
import { focusWhenShown } from '../../ui/focus';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { replaceMe, useMe } from '../../app/session';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { OtpField } from './fields';
import { looksLikeEmail, looksLikeOtp, normaliseOtp } from './validation';
import classes from './accounts.module.css';

/**
 * Only a path inside the app, in a language, is a place to go back to after signing in; from the
 * home page (or from nowhere) one lands on "My PoA", what needs one now.
 */
function safeNext(next: string | null, lang: string): string {
  const inApp = !!next && /^\/(ar|zh|en|fr|ru|es)(\/|$)/.test(next) && !next.startsWith('//');
  return inApp && !/^\/(ar|zh|en|fr|ru|es)\/?$/.test(next) ? next : `/${lang}/my`;
}

type SecondFactor = 'none' | 'otp' | 'recovery';

export default function SignInPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), lang);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [secondFactor, setSecondFactor] = useState<SecondFactor>('none');
  const [errors, setErrors] = useState<Record<string, string | null>>({});

  const signIn = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/session', {
          body: {
            email: email.trim(),
            password,
            ...(secondFactor === 'otp' ? { otp: normaliseOtp(otp) } : {}),
            ...(secondFactor === 'recovery' ? { recoveryCode: recoveryCode.trim() } : {}),
          },
        }),
      ),
    onSuccess: (result) => {
      replaceMe(queryClient, result);
      const signInHeading = document.querySelector('h1');
      void navigate(next, { replace: true });
      // The page the person came for starts at its heading, even when the sign-in page was the first one opened.
      focusWhenShown(() => {
        const heading = document.querySelector<HTMLElement>('h1');
        return heading !== signInHeading ? heading : null;
      });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.kind === 'second-factor-required') {
        setSecondFactor('otp');
      }
      // A locked account opens with the password and a recovery code.
      if (error instanceof ApiProblem && error.kind === 'sign-in-locked') {
        setSecondFactor('recovery');
      }
    },
  });

  if (me.data?.account && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  // Being asked for the second factor is a step of signing in, not an error.
  const shownError =
    signIn.error instanceof ApiProblem && signIn.error.kind === 'second-factor-required' ? null : signIn.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | null> = {
      email: !email.trim() ? t('forms.required') : looksLikeEmail(email) ? null : t('forms.emailInvalid'),
      password: password ? null : t('forms.required'),
      otp: secondFactor === 'otp' && !looksLikeOtp(otp) ? t('forms.otpInvalid') : null,
      recoveryCode: secondFactor === 'recovery' && !recoveryCode.trim() ? t('forms.required') : null,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    signIn.mutate();
  };

  const toggleRecovery = () => {
    setSecondFactor((s) => (s === 'recovery' ? 'otp' : 'recovery'));
    setOtp('');
    setRecoveryCode('');
    setErrors({});
  };

  return (
    <div className={classes.narrow}>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <Text mb="lg">{t('signIn.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={shownError} context={{ codeSent: secondFactor !== 'none' }} />
          <TextInput
            label={t('forms.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            dir="ltr"
          />
          <PasswordInput
            label={t('forms.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
          />
          {secondFactor !== 'none' ? (
            <Stack gap="xs" className={classes.secondFactor}>
              <Alert color="un" variant="light" title={t('signIn.secondFactorTitle')}>
                {secondFactor === 'otp' ? t('signIn.secondFactorOtp') : t('signIn.secondFactorRecovery')}
              </Alert>
              {secondFactor === 'otp' ? (
                <OtpField key="otp" value={otp} onChange={setOtp} error={errors.otp} autoFocus />
              ) : (
                <TextInput
                  key="recovery"
                  label={t('forms.recoveryCode')}
                  description={t('signIn.recoveryHelp')}
                  autoComplete="off"
                  required
                  value={recoveryCode}
                  onChange={(e) => setRecoveryCode(e.currentTarget.value)}
                  error={errors.recoveryCode}
                  autoFocus
                  dir="ltr"
                />
              )}
              <UnstyledButton type="button" onClick={toggleRecovery} className={classes.linkButton}>
                {secondFactor === 'otp' ? t('signIn.useRecoveryCode') : t('signIn.useOtp')}
              </UnstyledButton>
            </Stack>
          ) : null}
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to={to('/reset-password')} size="sm">
            {t('signIn.forgotPassword')}
          </Anchor>
        </Stack>
      </Paper>
      <Text size="sm" mt="lg">
        {t('signIn.noAccount')}
      </Text>
    </div>
  );
}
