import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Language } from '../../app/languages';
import { useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { Loaded } from '../../ui/Loaded';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useGroupLabel } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { VisibilityChoice } from './NeedFormPage';
import { LanguagesPicker } from './parts';
import { codesOf, MODALITIES, offersQuery, useCapacityLabels, type Modality, type Visibility } from './queries';

const GROUPS = ['AG', 'APG', 'EEG', 'GRULAC', 'WEOG'] as const;

/** A State's focal point, an organisation or the Secretariat (for a programme) publishes an offer. */
export default function OfferFormPage() {
  const { t } = useTranslation();
  const lists = useQuery(offersQuery({}));
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageHeading>{t('capacity.offerForm.title')}</PageHeading>
        <CapacityLinks />
      </div>
      {!lists.isSuccess ? (
        <Loaded query={lists} />
      ) : lists.data.can.publishOffer ? (
        <OfferForm />
      ) : (
        <Alert variant="light" color="un">
          {t('capacity.offerForm.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function OfferForm() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useCapacityLabels();
  const group = useGroupLabel();
  const me = useMe();
  const secretariat = me.data?.account?.roles.includes('secretariat') ?? false;
  const [title, setTitle] = useState<LocalizedDraft>({});
  const [description, setDescription] = useState<LocalizedDraft>({});
  const [codes, setCodes] = useState('');
  const [modalities, setModalities] = useState<string[]>([]);
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [regions, setRegions] = useState<string[]>([]);
  const [states, setStates] = useState('');
  const [capacity, setCapacity] = useState<number | string>(1);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [conditions, setConditions] = useState('');
  const [programme, setProgramme] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/capacity/offers', {
          body: {
            title: localizedBody(title),
            description: localizedBody(description),
            codes: codesOf(codes),
            modalities: modalities as Modality[],
            languages: languages as Language[],
            regions,
            states: codesOf(states).map((s) => s.toUpperCase()),
            capacity: typeof capacity === 'number' ? capacity : Number(capacity) || 1,
            periodStart: periodStart || null,
            periodEnd: periodEnd || null,
            conditions: conditions.trim() || null,
            ...(secretariat && programme.trim() ? { programme: programme.trim() } : {}),
            visibility,
          },
        }),
      ),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['capacity'] });
      void navigate(to(`/capacity/offers/${created.id}`));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <LocalizedFields label={t('capacity.fields.title')} value={title} onChange={setTitle} folded maxLength={300} />
        <LocalizedFields label={t('capacity.fields.description')} value={description} onChange={setDescription} folded multiline maxLength={10000} />
        <TextInput label={t('capacity.fields.codes')} description={t('capacity.fields.codesHelp')} value={codes} onChange={(e) => setCodes(e.currentTarget.value)} required />
        <Checkbox.Group label={t('capacity.fields.modalities')} value={modalities} onChange={setModalities} withAsterisk>
          <Group gap="md" mt="xs">
            {MODALITIES.map((m) => (
              <Checkbox key={m} value={m} label={labels.modality(m)} />
            ))}
          </Group>
        </Checkbox.Group>
        <LanguagesPicker label={t('capacity.fields.languages')} value={languages} onChange={setLanguages} />
        <Checkbox.Group label={t('capacity.fields.regions')} description={t('capacity.fields.regionsHelp')} value={regions} onChange={setRegions}>
          <Group gap="md" mt="xs">
            {GROUPS.map((g) => (
              <Checkbox key={g} value={g} label={group(g)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput label={t('capacity.fields.states')} description={t('capacity.fields.statesHelp')} value={states} onChange={(e) => setStates(e.currentTarget.value)} />
        <NumberInput label={t('capacity.fields.capacity')} description={t('capacity.fields.capacityHelp')} value={capacity} onChange={setCapacity} min={1} max={1000} allowDecimal={false} w="fit-content" />
        <Group gap="md" grow>
          <TextInput type="date" label={t('capacity.fields.periodStart')} value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} />
          <TextInput type="date" label={t('capacity.fields.periodEnd')} value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} />
        </Group>
        <Textarea label={t('capacity.fields.conditions')} value={conditions} onChange={(e) => setConditions(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
        {secretariat ? <TextInput label={t('capacity.fields.programme')} value={programme} onChange={(e) => setProgramme(e.currentTarget.value)} maxLength={300} /> : null}
        <VisibilityChoice value={visibility} onChange={setVisibility} />
        {create.isError ? <ProblemAlert error={create.error} /> : null}
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('capacity.offerForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
