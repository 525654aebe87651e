import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Fieldset, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap, type Invitation } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { replaceMe } from '../../app/session';
import { focusWhenShown } from '../../ui/focus';
import { formatList } from '../../ui/lists';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StateName } from '../states';
import { NewPasswordFields, OtpField, useNewPasswordError } from './fields';
import { useRoleLabel } from './labels';
import { RecoveryCodes } from './RecoveryCodes';
import { looksLikeOtp, normaliseOtp } from './validation';
import classes from './accounts.module.css';
import ui from '../../ui/ui.module.css';

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const to = useLocalPath();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    staleTime: Infinity,
  });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) return <Accepted codes={recoveryCodes} />;

  return (
    <div className={classes.wide}>
      <PageHeading>{t('invitation.title')}</PageHeading>
      {invitation.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : invitation.isError ? (
        <Alert color="red" variant="light" title={t('invitation.unusableTitle')} role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {invitation.error instanceof ApiProblem && invitation.error.status === 410
                ? t('invitation.gone')
                : invitation.error instanceof ApiProblem && invitation.error.status === 404
                  ? t('invitation.unknown')
                  : t('problems.network')}
            </Text>
            <Anchor component={Link} to={to('/sign-in')} size="sm">
              {t('invitation.goToSignIn')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <AcceptForm token={token} invitation={invitation.data} onAccepted={setRecoveryCodes} />
      )}
    </div>
  );
}

function AcceptForm({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: Invitation;
  onAccepted: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const roleLabel = useRoleLabel();
  const passwordError = useNewPasswordError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const to = useLocalPath();

  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [otp, setOtp] = useState('');
  const [wantsSecondFactor, setWantsSecondFactor] = useState(true);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const withSecondFactor = invitation.secondFactorRequired || wantsSecondFactor;

  const offer = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invitations/{token}/second-factor', { params: { path: { token } } })),
  });
  const { mutate: requestOffer, isIdle: offerIdle } = offer;
  useEffect(() => {
    if (withSecondFactor && offerIdle) requestOffer();
  }, [withSecondFactor, offerIdle, requestOffer]);

  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/invitations/{token}/accept', {
          params: { path: { token } },
          body: { password, ...(withSecondFactor ? { otp: normaliseOtp(otp) } : {}) },
        }),
      ),
    onSuccess: (result) => {
      replaceMe(queryClient, result);
      if (result.recoveryCodes?.length) {
        onAccepted(result.recoveryCodes);
        // The form gives way to the codes, shown only once: the focus goes to the warning that says so.
        focusWhenShown('[data-testid="recovery-once"]');
      }
      else void navigate(to('/account'), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiProblem) {
        setErrors({
          password: error.fieldError('password') ? t('forms.fieldRejected') : null,
          otp: error.fieldError('otp') || error.kind === 'second-factor-invalid' ? t('forms.otpRejected') : null,
        });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: passwordError(password),
      confirm: confirm === password ? null : t('forms.passwordsDiffer'),
      otp: withSecondFactor && !looksLikeOtp(otp) ? t('forms.otpInvalid') : null,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    accept.mutate();
  };

  return (
    <Stack gap="lg">
      <Text>{t('invitation.welcome', { name: invitation.name })}</Text>
      <Paper withBorder p="lg">
        <dl className={ui.facts}>
          <dt>{t('forms.email')}</dt>
          <dd className={ui.code}>
            {invitation.email}
          </dd>
          <dt>{t('account.roles')}</dt>
          <dd>{formatList(invitation.roles.map(roleLabel), lang)}</dd>
          {invitation.state ? (
            <>
              <dt>{t('account.state')}</dt>
              <dd>
                <StateName iso3={invitation.state} />
              </dd>
            </>
          ) : null}
          {invitation.organisation ? (
            <>
              <dt>{t('account.organisation')}</dt>
              <dd>{invitation.organisation.name}</dd>
            </>
          ) : null}
        </dl>
      </Paper>

      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="lg">
          <ProblemAlert error={accept.error} />
          <Fieldset legend={t('invitation.passwordLegend')} variant="unstyled">
            <Stack>
              <NewPasswordFields
                value={password}
                confirm={confirm}
                onChange={setPassword}
                onConfirmChange={setConfirm}
                error={errors.password}
                confirmError={errors.confirm}
                label={t('forms.password')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('invitation.secondFactorLegend')} variant="unstyled">
            <Stack>
              {invitation.secondFactorRequired ? (
                <Text size="sm">{t('invitation.secondFactorRequired')}</Text>
              ) : (
                <Checkbox
                  label={t('invitation.secondFactorOptional')}
                  checked={wantsSecondFactor}
                  onChange={(e) => setWantsSecondFactor(e.currentTarget.checked)}
                />
              )}
              {withSecondFactor ? (
                offer.isError ? (
                  <Stack gap="xs">
                    <ProblemAlert error={offer.error} />
                    <Group>
                      <Button variant="outline" onClick={() => offer.mutate()}>
                        {t('common.tryAgain')}
                      </Button>
                    </Group>
                  </Stack>
                ) : !offer.data ? (
                  <Loader aria-label={t('common.loading')} />
                ) : (
                  <Stack gap="sm">
                    <Text size="sm">{t('invitation.scan')}</Text>
                    <div className={classes.qr}>
                      <QRCodeSVG
                        value={offer.data.otpauthUri}
                        size={184}
                        marginSize={2}
                        title={t('invitation.qrLabel')}
                        role="img"
                        aria-label={t('invitation.qrLabel')}
                      />
                    </div>
                    <Text size="sm">
                      {t('invitation.manualEntry')}{' '}
                      <code className={ui.code} data-testid="totp-secret">
                        {offer.data.secret}
                      </code>
                    </Text>
                    <OtpField value={otp} onChange={setOtp} error={errors.otp} description={t('invitation.otpHelp')} />
                  </Stack>
                )
              ) : null}
            </Stack>
          </Fieldset>

          <Group>
            <Button type="submit" loading={accept.isPending}>
              {t('invitation.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Accepted({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  return (
    <div className={classes.wide}>
      <PageHeading>{t('invitation.doneTitle')}</PageHeading>
      <Stack>
        <Text>{t('invitation.done')}</Text>
        <RecoveryCodes codes={codes} />
        <Group>
          <Button component={Link} to={to('/account')}>
            {t('invitation.continue')}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
