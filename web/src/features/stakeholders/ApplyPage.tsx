import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { directionOf, LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { focusWhenShown } from '../../ui/focus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import { statesQuery } from '../states';
import { ECOSOC_STATUSES, KINDS, useStakeholderLabels, type EcosocStatus, type OrganisationKind } from './queries';

interface Person {
  name: string;
  email: string;
}

const MAX_REPRESENTATIVES = 10;

/**
 * The public application for accreditation, in the page's language (the application's emails come in
 * it): the name in that language and, where given, in the other five; what the organisation is and
 * does; its consultative status with ECOSOC; a contact and its representatives, the first of whom
 * invites the others once it is accredited. The private tracking link is shown once, and emailed.
 */
export default function ApplyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const states = useQuery(statesQuery({}));
  const [names, setNames] = useState<Partial<Record<Language, string>>>({});
  const [kind, setKind] = useState<OrganisationKind>('ngo');
  const [headquarters, setHeadquarters] = useState('');
  const [website, setWebsite] = useState('');
  const [purpose, setPurpose] = useState('');
  const [relevantWork, setRelevantWork] = useState('');
  const [hasEcosoc, setHasEcosoc] = useState(false);
  const [ecosocStatus, setEcosocStatus] = useState<EcosocStatus>('special');
  const [ecosocSince, setEcosocSince] = useState('');
  const [contact, setContact] = useState<Person & { phone: string }>({ name: '', email: '', phone: '' });
  const [representatives, setRepresentatives] = useState<Person[]>([{ name: '', email: '' }]);
  const displayNames = new Intl.DisplayNames([lang], { type: 'language' });

  const apply = useMutation({
    mutationFn: () => {
      const given = Object.fromEntries(LANGUAGES.filter((l) => names[l]?.trim()).map((l) => [l, names[l]!.trim()]));
      return unwrap(
        api.POST('/api/v1/stakeholder-applications', {
          body: {
            names: given,
            kind,
            headquarters,
            website: website.trim(),
            purpose,
            relevantWork,
            ecosoc: hasEcosoc ? { status: ecosocStatus, since: Number(ecosocSince) } : null,
            contact: { name: contact.name, email: contact.email, ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}) },
            representatives,
            language: lang,
          },
        }),
      );
    },
    // The page becomes the receipt: the focus goes to the message with the tracking link.
    onSuccess: () => focusWhenShown('[data-testid="application-sent"]'),
  });
  const fieldError = (field: string) => (apply.error instanceof ApiProblem ? (apply.error.fieldError(field)?.message ?? null) : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply.mutate();
  };

  if (apply.isSuccess) {
    const path = new URL(apply.data.trackingLink, window.location.origin).pathname;
    return (
      <Stack gap="md" maw={720}>
        <PageHeading>{t('stakeholders.apply.sentTitle')}</PageHeading>
        <Alert variant="light" color="#1e6b30" title={t('stakeholders.apply.sent')} data-testid="application-sent">
          <Text>{t('stakeholders.apply.keepLink')}</Text>
          <Anchor component={Link} to={path} data-testid="tracking-link">
            {apply.data.trackingLink}
          </Anchor>
        </Alert>
      </Stack>
    );
  }

  const nameField = (l: Language, required: boolean) => (
    <TextInput
      key={l}
      label={t('stakeholders.apply.nameIn', { language: displayNames.of(l) ?? l })}
      value={names[l] ?? ''}
      onChange={(e) => setNames({ ...names, [l]: e.currentTarget.value })}
      required={required}
      lang={l}
      dir={directionOf(l)}
      maxLength={300}
      error={required ? fieldError('names') : null}
    />
  );
  const person = (p: Person, set: (p: Person) => void, i: number) => (
    <Group key={i} grow align="flex-start" wrap="wrap">
      <TextInput label={t('stakeholders.apply.repName', { n: i + 1 })} value={p.name} onChange={(e) => set({ ...p, name: e.currentTarget.value })} required maxLength={200} />
      <TextInput type="email" label={t('stakeholders.apply.repEmail', { n: i + 1 })} value={p.email} onChange={(e) => set({ ...p, email: e.currentTarget.value })} required error={fieldError(`representatives.${i}.email`)} />
    </Group>
  );

  return (
    <Stack gap="md" maw={760}>
      <PageHeading>{t('stakeholders.apply.title')}</PageHeading>
      <Text>{t('stakeholders.apply.intro')}</Text>
      <form onSubmit={submit} noValidate={false}>
        <Stack gap="md">
          <Fieldset legend={t('stakeholders.apply.organisation')}>
            <Stack gap="sm">
              {nameField(lang, true)}
              <details className={ui.translations}>
                <summary>{t('stakeholders.apply.otherNames')}</summary>
                <Stack gap="xs" mt="xs">
                  {LANGUAGES.filter((l) => l !== lang).map((l) => nameField(l, false))}
                </Stack>
              </details>
              <NativeSelect label={t('stakeholders.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as OrganisationKind)} data={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
              <NativeSelect
                label={t('stakeholders.headquarters')}
                required
                value={headquarters}
                onChange={(e) => setHeadquarters(e.currentTarget.value)}
                error={fieldError('headquarters')}
                data={[
                  { value: '', label: t('stakeholders.apply.chooseCountry') },
                  ...(states.data?.items ?? []).map((s) => ({ value: s.iso3, label: s.names[lang] || s.names.en })).sort((a, b) => a.label.localeCompare(b.label, lang)),
                ]}
              />
              <TextInput type="url" label={t('stakeholders.website')} placeholder="https://" value={website} onChange={(e) => setWebsite(e.currentTarget.value)} required error={fieldError('website')} />
              <Textarea label={t('stakeholders.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required autosize minRows={3} maxLength={5000} />
              <Textarea label={t('stakeholders.relevantWork')} value={relevantWork} onChange={(e) => setRelevantWork(e.currentTarget.value)} required autosize minRows={3} maxLength={10000} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('stakeholders.apply.ecosoc')}>
            <Stack gap="sm">
              <Checkbox label={t('stakeholders.apply.hasEcosoc')} checked={hasEcosoc} onChange={(e) => setHasEcosoc(e.currentTarget.checked)} />
              {hasEcosoc ? (
                <Group grow align="flex-start" wrap="wrap">
                  <NativeSelect label={t('stakeholders.apply.ecosocStatus')} value={ecosocStatus} onChange={(e) => setEcosocStatus(e.currentTarget.value as EcosocStatus)} data={ECOSOC_STATUSES.map((s) => ({ value: s, label: labels.ecosoc(s) }))} />
                  <TextInput type="number" label={t('stakeholders.apply.ecosocSince')} min={1946} max={2100} value={ecosocSince} onChange={(e) => setEcosocSince(e.currentTarget.value)} required error={fieldError('ecosoc.since')} />
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('stakeholders.apply.contact')}>
            <Stack gap="sm">
              <TextInput label={t('stakeholders.apply.contactName')} value={contact.name} onChange={(e) => setContact({ ...contact, name: e.currentTarget.value })} required maxLength={200} />
              <TextInput type="email" label={t('stakeholders.apply.contactEmail')} value={contact.email} onChange={(e) => setContact({ ...contact, email: e.currentTarget.value })} required error={fieldError('contact.email')} />
              <TextInput type="tel" label={t('stakeholders.apply.contactPhone')} value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })} maxLength={40} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('stakeholders.apply.representatives')}>
            <Stack gap="sm">
              <Text size="sm">{t('stakeholders.apply.representativesHelp')}</Text>
              {representatives.map((r, i) => person(r, (p) => setRepresentatives(representatives.map((x, j) => (j === i ? p : x))), i))}
              <Group>
                {representatives.length < MAX_REPRESENTATIVES ? (
                  <Button variant="default" onClick={() => setRepresentatives([...representatives, { name: '', email: '' }])}>
                    {t('stakeholders.apply.addRepresentative')}
                  </Button>
                ) : null}
                {representatives.length > 1 ? (
                  <Button variant="default" onClick={() => setRepresentatives(representatives.slice(0, -1))}>
                    {t('stakeholders.apply.removeRepresentative')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Fieldset>
          {apply.isError ? <ProblemAlert error={apply.error} /> : null}
          <Button type="submit" loading={apply.isPending} w="fit-content">
            {t('stakeholders.apply.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to={to('/accreditation')}>
        {t('stakeholders.backToList')}
      </Anchor>
    </Stack>
  );
}
