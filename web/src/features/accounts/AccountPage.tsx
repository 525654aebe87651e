import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { focusWhenShown } from '../../ui/focus';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap, type Account, type SessionItem } from '../../api/client';
import { useLang } from '../../app/paths';
import { NATIVE_NAMES, type Language } from '../../app/languages';
import { ME_KEY } from '../../app/session';
import { useSignedIn } from '../../app/RequireAccount';
import { notifyError, notifySuccess } from '../../ui/notify';
import { formatList } from '../../ui/lists';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StateName } from '../states';
import { NewPasswordFields, useNewPasswordError } from './fields';
import { useRoleLabel } from './labels';
import { RecoveryCodes } from './RecoveryCodes';
import { describeUserAgent } from './user-agent';
import classes from './accounts.module.css';
import ui from '../../ui/ui.module.css';
import { formatInstant } from '../../ui/dates';
import { LanguageOptions, ProperName } from '../../ui/localized';

export default function AccountPage() {
  const { t } = useTranslation();
  const { account } = useSignedIn();

  return (
    <div className={classes.wide}>
      <PageHeading>{t('account.title')}</PageHeading>
      <Stack gap="xl">
        <Profile account={account} />
        <MailLanguage current={account.language} />
        <ChangePassword />
        {account.secondFactor ? <RegenerateRecoveryCodes /> : null}
        <Sessions />
      </Stack>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Profile({ account }: { account: Account }) {
  const { t } = useTranslation();
  const lang = useLang();
  const roleLabel = useRoleLabel();
  return (
    <Section id="account-profile" title={t('account.profile')}>
      <dl className={ui.facts}>
        <dt>{t('account.name')}</dt>
        <dd>
          <ProperName>{account.name}</ProperName>
        </dd>
        <dt>{t('forms.email')}</dt>
        <dd className={ui.code}>
          {account.email}
        </dd>
        <dt>{t('account.roles')}</dt>
        <dd>{formatList(account.roles.map(roleLabel), lang) || '—'}</dd>
        {account.state ? (
          <>
            <dt>{t('account.state')}</dt>
            <dd>
              <StateName iso3={account.state} />
            </dd>
          </>
        ) : null}
        {account.organisation ? (
          <>
            <dt>{t('account.organisation')}</dt>
            <dd>{account.organisation.name}</dd>
          </>
        ) : null}
        <dt>{t('account.secondFactor')}</dt>
        <dd>{account.secondFactor ? t('account.secondFactorOn') : t('account.secondFactorOff')}</dd>
      </dl>
    </Section>
  );
}

/** The language of the emails the platform sends this person, and of the links in them. */
function MailLanguage({ current }: { current: Language }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(current);
  const save = useMutation({
    mutationFn: (chosen: Language) => unwrap(api.PUT('/api/v1/me/language', { body: { language: chosen } })),
    onSuccess: async () => {
      // Said once, beside the form, where the focus goes (not also in a toast: the same words twice).
      focusDone('mail-language');
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(language);
  };
  return (
    <Section id="account-mail-language" title={t('account.mailLanguage')}>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t('account.mailLanguageField')}
            description={t('account.mailLanguageHelp')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          >
            <LanguageOptions />
          </NativeSelect>
          <Button type="submit" variant="outline" loading={save.isPending} disabled={language === current}>
            {t('account.mailLanguageSave')}
          </Button>
        </Group>
        <DoneMessage name="mail-language" show={save.isSuccess && save.variables !== undefined}>
          {save.variables ? t('account.mailLanguageSaved', { language: NATIVE_NAMES[save.variables] }) : null}
        </DoneMessage>
      </form>
    </Section>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const passwordError = useNewPasswordError();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const change = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } })),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors({});
      notifySuccess(t('account.passwordChanged'));
      focusWhenShown('[data-password-changed]');
    },
    onError: (error) => {
      if (error instanceof ApiProblem) {
        setErrors({
          current: wrongPassword(error) ? t('forms.currentPasswordWrong') : null,
          next: error.fieldError('newPassword') ? t('forms.fieldRejected') : null,
        });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      current: current ? null : t('forms.required'),
      next: passwordError(next),
      confirm: confirm === next ? null : t('forms.passwordsDiffer'),
    };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) change.mutate();
  };

  const shownError = change.error instanceof ApiProblem && wrongPassword(change.error) ? null : change.error;

  return (
    <Section id="account-password" title={t('account.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={shownError} />
          {change.isSuccess ? (
            <Alert color="#1e6b30" variant="light" role="status" data-password-changed="">
              {t('account.passwordChanged')}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('forms.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
          />
          <NewPasswordFields
            value={next}
            confirm={confirm}
            onChange={setNext}
            onConfirmChange={setConfirm}
            error={errors.next}
            confirmError={errors.confirm}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePasswordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** The server's answers for a wrong current password. */
const wrongPassword = (error: ApiProblem) =>
  error.kind === 'sign-in-failed' || error.kind === 'wrong-password' || !!error.fieldError('currentPassword') || !!error.fieldError('password');

function RegenerateRecoveryCodes() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const regenerate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/recovery-codes', { body: { password } })),
    onSuccess: () => {
      setPassword('');
      setError(null);
      // The form gives way to the new codes, shown only once: the focus goes to the warning that says so.
      focusWhenShown('[data-testid="recovery-once"]');
    },
    onError: (e) => setError(e instanceof ApiProblem && wrongPassword(e) ? t('forms.currentPasswordWrong') : null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = password ? null : t('forms.required');
    setError(found);
    if (!found) regenerate.mutate();
  };

  const shownError = regenerate.error instanceof ApiProblem && wrongPassword(regenerate.error) ? null : regenerate.error;

  return (
    <Section id="account-recovery" title={t('account.recoveryCodes')}>
      <Stack>
        <Text size="sm">{t('account.recoveryIntro')}</Text>
        {regenerate.data ? (
          <RecoveryCodes codes={regenerate.data.recoveryCodes} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ProblemAlert error={shownError} />
              <PasswordInput
                label={t('forms.currentPassword')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={error}
                visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
              />
              <Group>
                <Button type="submit" variant="outline" loading={regenerate.isPending}>
                  {t('account.recoverySubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => unwrap(api.GET('/api/v1/me/sessions')),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
  const [ended, setEnded] = useState<string | null>(null);
  const endOne = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      // Said once, in the message that takes the focus (a toast beside it would say it twice).
      setEnded(t('account.sessionEnded'));
      // The row and its button are gone: the focus goes to the message that says so.
      focusDone('sessions');
      void refresh();
    },
    onError: notifyError,
  });
  const endOthers = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/sessions')),
    onSuccess: () => {
      setEnded(t('account.othersEnded'));
      focusDone('sessions');
      void refresh();
    },
    onError: notifyError,
  });

  const device = (s: SessionItem) => {
    const d = describeUserAgent(s.userAgent);
    return d ? t('account.device', { browser: d.browser, os: d.os }) : t('account.unknownDevice');
  };
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;

  return (
    <Section id="account-sessions" title={t('account.sessions')}>
      <Stack>
        <Text size="sm">{t('account.sessionsIntro')}</Text>
        {sessions.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : sessions.isError ? (
          <ProblemAlert error={sessions.error} />
        ) : (
          <div className={classes.scroll}>
            <Table striped withTableBorder verticalSpacing="sm">
              <Table.Caption className={classes.caption}>{t('account.sessionsCaption', { count: items.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.sessionDevice')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessionStarted')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessionLastSeen')}</Table.Th>
                  <Table.Th scope="col">
                    <span className={classes.visuallyHidden}>{t('account.sessionActions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{device(s)}</Table.Td>
                    <Table.Td>{formatInstant(s.createdAt, lang)}</Table.Td>
                    <Table.Td>{formatInstant(s.lastSeenAt, lang)}</Table.Td>
                    <Table.Td>
                      {s.current ? (
                        <Badge variant="outline" color="un.8">
                          {t('account.thisSession')}
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="outline"
                          onClick={() => endOne.mutate(s.id)}
                          loading={endOne.isPending && endOne.variables === s.id}
                          aria-label={t('account.endSessionOf', { action: t('account.endSession'), device: device(s), date: formatInstant(s.createdAt, lang) })}
                        >
                          {t('account.endSession')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <DoneMessage name="sessions" show={ended !== null}>
          {ended}
        </DoneMessage>
        <Group>
          <Button variant="outline" color="red.9" disabled={others === 0} loading={endOthers.isPending} onClick={() => endOthers.mutate()}>
            {t('account.endOthers')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
