import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, List, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Language } from '../../app/languages';
import { useLocalPath } from '../../app/paths';
import { focusWhenShown } from '../../ui/focus';
import { Loaded } from '../../ui/Loaded';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CapacityLinks } from './CapacityLinks';
import { CapacityProblem, LanguagesPicker } from './parts';
import { codesOf, MODALITIES, needsQuery, useCapacityLabels, VISIBILITIES, type Modality, type Visibility } from './queries';

/** Who sees it: one choice of three, each said in words. */
export function VisibilityChoice({ value, onChange }: { value: Visibility; onChange: (v: Visibility) => void }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  return (
    <Radio.Group label={t('capacity.fields.visibility')} value={value} onChange={(v) => onChange(v as Visibility)} withAsterisk>
      <Stack gap="xs" mt="xs">
        {VISIBILITIES.map((v) => (
          <Radio key={v} value={v} label={labels.visibility(v)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/**
 * A focal point publishes a need of its State: written here (six-language title and description,
 * framework codes, modality, languages, period, who sees it), or taken in one step from the needs its
 * latest national report already says.
 */
export default function NeedFormPage() {
  const { t } = useTranslation();
  const lists = useQuery(needsQuery({}));
  return (
    <Stack gap="xl" maw={760}>
      <div>
        <PageHeading>{t('capacity.needForm.title')}</PageHeading>
        <CapacityLinks />
      </div>
      {!lists.isSuccess ? (
        <Loaded query={lists} />
      ) : lists.data.can.publishNeed ? (
        <>
          <FromReport />
          <NeedForm />
        </>
      ) : (
        <Alert variant="light" color="un">
          {t('capacity.needForm.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function FromReport() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const client = useQueryClient();
  const [modality, setModality] = useState<Modality>('training');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [visibility, setVisibility] = useState<Visibility>('public');
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/capacity/needs/from-report', { body: { modality, languages: languages as Language[], visibility } })),
    onSuccess: () => {
      // What was published, with a link to each need: the focus goes there.
      focusWhenShown('[data-testid="from-report-result"]');
      return client.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="from-report">
      <Title order={2} size="h3" id="from-report" mb="xs">
        {t('capacity.fromReport.title')}
      </Title>
      <Text mb="sm">{t('capacity.fromReport.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate();
        }}
      >
        <Stack gap="sm">
          <NativeSelect label={t('capacity.fields.modality')} value={modality} onChange={(e) => setModality(e.currentTarget.value as Modality)} data={MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))} />
          <LanguagesPicker label={t('capacity.fields.languages')} value={languages} onChange={setLanguages} />
          <VisibilityChoice value={visibility} onChange={setVisibility} />
          <Text size="sm">{t('capacity.fromReport.narrower')}</Text>
          {publish.isError ? <CapacityProblem error={publish.error} /> : null}
          <Button type="submit" loading={publish.isPending} w="fit-content">
            {t('capacity.fromReport.submit')}
          </Button>
        </Stack>
      </form>
      {publish.data ? (
        <Stack gap="xs" mt="md" role="status" data-testid="from-report-result">
          <Text fw={600}>{t('capacity.fromReport.result', { created: publish.data.created.length, already: publish.data.alreadyPublished })}</Text>
          {publish.data.created.length ? (
            <List>
              {publish.data.created.map((id, i) => (
                <List.Item key={id}>
                  <Anchor component={Link} to={to(`/capacity/needs/${id}`)}>
                    {t('capacity.fromReport.open', { n: i + 1 })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

function NeedForm() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useCapacityLabels();
  const [title, setTitle] = useState<LocalizedDraft>({});
  const [description, setDescription] = useState<LocalizedDraft>({});
  const [codes, setCodes] = useState('');
  const [modality, setModality] = useState<Modality>('training');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/capacity/needs', {
          body: {
            title: localizedBody(title),
            description: localizedBody(description),
            codes: codesOf(codes),
            modality,
            languages: languages as Language[],
            periodStart: periodStart || null,
            periodEnd: periodEnd || null,
            visibility,
          },
        }),
      ),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['capacity'] });
      void navigate(to(`/capacity/needs/${created.id}`));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="write-need">
      <Title order={2} size="h3" id="write-need" mb="sm">
        {t('capacity.needForm.write')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <LocalizedFields label={t('capacity.fields.title')} value={title} onChange={setTitle} folded maxLength={300} />
          <LocalizedFields label={t('capacity.fields.description')} value={description} onChange={setDescription} folded multiline maxLength={10000} />
          <TextInput label={t('capacity.fields.codes')} description={t('capacity.fields.codesHelp')} value={codes} onChange={(e) => setCodes(e.currentTarget.value)} required />
          <NativeSelect label={t('capacity.fields.modality')} value={modality} onChange={(e) => setModality(e.currentTarget.value as Modality)} data={MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))} />
          <LanguagesPicker label={t('capacity.fields.languages')} value={languages} onChange={setLanguages} />
          <Group gap="md" grow>
            <TextInput type="date" label={t('capacity.fields.periodStart')} value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} />
            <TextInput type="date" label={t('capacity.fields.periodEnd')} value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} />
          </Group>
          <VisibilityChoice value={visibility} onChange={setVisibility} />
          {create.isError ? <ProblemAlert error={create.error} /> : null}
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('capacity.needForm.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
