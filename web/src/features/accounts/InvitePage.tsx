import { useMemo, useState, type FormEvent } from 'react';
import { focusWhenShown } from '../../ui/focus';
import { Alert, Button, NativeSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { type Language } from '../../app/languages';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap, type Role } from '../../api/client';
import { useLang } from '../../app/paths';
import { useSignedIn, type SignedInMe } from '../../app/RequireAccount';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { statesQuery } from '../states';
import { useRoleLabel } from './labels';
import { looksLikeEmail } from './validation';
import classes from './accounts.module.css';
import { formatDay } from '../../ui/dates';
import { LanguageOptions } from '../../ui/localized';

/** The roles this form invites to, in the order it offers them (points of contact are invited from their nomination). */
const ROLES: Role[] = ['delegate', 'focal_point', 'chair', 'secretariat', 'stakeholder'];
const actsForState = (role: Role | null) => role === 'delegate' || role === 'focal_point';

export default function InvitePage() {
  const { t } = useTranslation();
  const me = { data: useSignedIn() };

  return (
    <div className={classes.narrow}>
      <PageHeading>{t('invite.title')}</PageHeading>
      {me.data.can.invite && ROLES.some((r) => me.data.can.inviteRoles.includes(r)) ? (
        <InviteForm
          defaultState={me.data.account.state}
          roles={ROLES.filter((r) => me.data.can.inviteRoles.includes(r))}
          states={me.data.can.inviteStates}
        />
      ) : (
        <Alert color="un" variant="light" title={t('invite.notAllowedTitle')}>
          {t('invite.notAllowed')}
        </Alert>
      )}
    </div>
  );
}

/** The States the inviter may invite delegates for: every State, or the few the server names. */
type StatesOffered = SignedInMe['can']['inviteStates'];

/** The form offers only the roles and States the server says the inviter may use (`can.inviteRoles`, `can.inviteStates`). */
function InviteForm({ defaultState, roles, states: allowedStates }: { defaultState: string | null; roles: Role[]; states: StatesOffered }) {
  const { t } = useTranslation();
  const lang = useLang();
  const roleLabel = useRoleLabel();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(roles[0] ?? null);
  const mayInviteFor = (iso3: string) => allowedStates.all || allowedStates.states.includes(iso3);
  const [state, setState] = useState<string | null>(
    defaultState && mayInviteFor(defaultState) ? defaultState : !allowedStates.all && allowedStates.states.length === 1 ? allowedStates.states[0]! : null,
  );
  const [organisationId, setOrganisationId] = useState('');
  // The invitation is written in the language of the page unless the inviter chooses another.
  const [language, setLanguage] = useState<Language>(lang);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const states = useQuery(statesQuery({}));

  const stateOptions = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const allowed = new Set(allowedStates.states);
    return (states.data?.items ?? [])
      .filter((s) => allowedStates.all || allowed.has(s.iso3))
      .map((s) => ({ value: s.iso3, label: s.names[lang] || s.names.en }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [states.data, lang, allowedStates]);

  const invite = useMutation({
    onSuccess: () => focusWhenShown('[data-invitation-sent]'),
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/invitations', {
          body: {
            name: name.trim(),
            email: email.trim(),
            role: role as Role,
            ...(actsForState(role) && state ? { state } : {}),
            ...(role === 'stakeholder' ? { organisationId: organisationId.trim() } : {}),
            language,
          },
        }),
      ),
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      setErrors({
        email: error.kind === 'account-exists' ? t('invite.accountExists') : error.fieldError('email') ? t('forms.emailInvalid') : null,
        state: error.fieldError('state') ? t('forms.fieldRejected') : null,
        organisationId: error.fieldError('organisationId') || error.status === 404 ? t('invite.organisationUnknown') : null,
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim() ? null : t('forms.required'),
      email: !email.trim() ? t('forms.required') : looksLikeEmail(email) ? null : t('forms.emailInvalid'),
      role: role ? null : t('forms.required'),
      state: actsForState(role) && !state ? t('forms.required') : null,
      organisationId: role === 'stakeholder' && !organisationId.trim() ? t('forms.required') : null,
    };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) invite.mutate();
  };

  const reset = () => {
    setName('');
    setEmail('');
    setErrors({});
    invite.reset();
  };

  if (invite.isSuccess) {
    return (
      <Alert color="green" variant="light" title={t('invite.sentTitle')} role="status" data-invitation-sent>
        <Stack gap="sm">
          <Text size="sm">
            {t('invite.sent', {
              email: invite.data.email,
              date: formatDay(invite.data.expiresAt, lang),
            })}
          </Text>
          <div>
            <Button variant="outline" onClick={reset}>
              {t('invite.another')}
            </Button>
          </div>
        </Stack>
      </Alert>
    );
  }

  const shownError = invite.error instanceof ApiProblem && invite.error.kind === 'account-exists' ? null : invite.error;

  return (
    <>
      <Text mb="lg">{t('invite.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={shownError} />
          <TextInput label={t('account.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} autoComplete="off" />
          <TextInput
            label={t('forms.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
            dir="ltr"
          />
          <Select
            label={t('invite.role')}
            required
            data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            error={errors.role}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          {actsForState(role) ? (
            <Select
              label={t('account.state')}
              description={t('invite.stateHelp')}
              required
              searchable
              data={stateOptions}
              value={state}
              onChange={setState}
              error={errors.state}
              nothingFoundMessage={t('states.none')}
              disabled={states.isPending}
            />
          ) : null}
          {role === 'stakeholder' ? (
            <TextInput
              label={t('invite.organisation')}
              description={t('invite.organisationHelp')}
              required
              value={organisationId}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
              error={errors.organisationId}
              dir="ltr"
            />
          ) : null}
          <NativeSelect
            label={t('invite.language')}
            description={t('invite.languageHelp')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          >
            <LanguageOptions />
          </NativeSelect>
          <Button type="submit" loading={invite.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
