import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrapResponse } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { formatList } from '../../ui/lists';
import { inLanguage, isolated, LocalizedOption } from '../../ui/localized';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { notifySuccess } from '../../ui/notify';
import ui from '../../ui/ui.module.css';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { outcomesQuery } from '../drafts';
import { NotFound } from '../../ui/NotFound';
import { statesQuery } from '../states';
import { allGroupsQuery, CHAIR_ROLES, groupKey, groupQuery, useGroupLabels, type ChairRole, type GroupPage, type GroupStatus } from './queries';
import classes from './groups.module.css';
import { Loaded, namesNothing } from '../../ui/Loaded';
import { useVersionedSave } from '../../ui/versioned-save';

interface ChairRow {
  name: string;
  role: ChairRole;
  state: string;
}
interface WorkRow {
  title: string;
  period: string;
  description: string;
}
interface Fields {
  name: LocalizedDraft;
  mandate: LocalizedDraft;
  mandateSource: string;
  mandateOutcomeId: string;
  chairs: ChairRow[];
  workProgramme: WorkRow[];
  stakeholderObservers: boolean;
  status: GroupStatus;
}

const EMPTY: Fields = { name: {}, mandate: {}, mandateSource: '', mandateOutcomeId: '', chairs: [], workProgramme: [], stakeholderObservers: true, status: 'active' };

function fieldsOf(g: GroupPage): Fields {
  return {
    name: { ...g.name },
    mandate: { ...g.mandate },
    mandateSource: g.mandateSource ?? '',
    mandateOutcomeId: g.mandateOutcomeId ?? '',
    chairs: g.chairs.map((c) => ({ name: c.name, role: c.role, state: c.state ?? '' })),
    workProgramme: g.workProgramme.map((w) => ({ title: w.title.en, period: w.period ?? '', description: w.description ?? '' })),
    stakeholderObservers: g.stakeholderObservers,
    status: g.status,
  };
}

function bodyOf(f: Fields, original: GroupPage | null) {
  return {
    name: localizedBody(f.name),
    mandate: localizedBody(f.mandate),
    mandateSource: f.mandateSource.trim() || null,
    mandateOutcomeId: f.mandateOutcomeId || null,
    chairs: f.chairs.map((c) => ({ name: c.name.trim(), role: c.role, state: c.state || null })),
    workProgramme: f.workProgramme.map((w, i) => {
      // A title's other languages, recorded before, are kept when its English words stay the same.
      const before = original?.workProgramme[i];
      const title = before && before.title.en === w.title.trim() ? before.title : { en: w.title.trim() };
      return { title, period: w.period.trim() || null, description: w.description.trim() || null };
    }),
    stakeholderObservers: f.stakeholderObservers,
  };
}

/** `/groups/new` and `/groups/:id/edit`: the Secretariat sets up a group or changes it. */
export default function GroupFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  // (Signed in: the router's RequireAccount guards this page.)
  const existing = useQuery({ ...groupQuery(id ?? ''), enabled: !!id });
  const list = useQuery({ ...allGroupsQuery(), enabled: !id });

  const title = id ? t('groups.form.editTitle') : t('groups.form.createTitle');
  const record = id ? existing : list;
  if (id && namesNothing(existing.error)) return <NotFound />;
  const allowed = id ? existing.data?.group.can.manage : list.data?.can.create;

  return (
    <div className={classes.narrow}>
      <PageHeading>{title}</PageHeading>
      {!record.isSuccess ? (
        <Loaded<unknown> query={record} />
      ) : !allowed ? (
        <Alert color="un" variant="light" title={t('groups.form.notAllowedTitle')}>
          {t('groups.form.notAllowed')}
        </Alert>
      ) : (
        <GroupForm key={existing.data?.etag ?? 'new'} original={existing.data?.group ?? null} etag={existing.data?.etag ?? null} />
      )}
    </div>
  );
}

function GroupForm({ original, etag }: { original: GroupPage | null; etag: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useGroupLabels();
  const [f, setF] = useState<Fields>(original ? fieldsOf(original) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const states = useQuery(statesQuery({}));
  const outcomes = useQuery(outcomesQuery());

  const stateOptions = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return (states.data?.items ?? []).map((s) => ({ value: s.iso3, label: s.names[lang] || s.names.en })).sort((a, b) => collator.compare(a.label, b.label));
  }, [states.data, lang]);

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((current) => ({ ...current, [key]: value }));

  const save = useVersionedSave({
    etag,
    send: async (ifMatch) => {
      if (!original) {
        const { data, response } = await unwrapResponse(api.POST('/api/v1/groups', { body: bodyOf(f, null) }));
        return { group: data, etag: response.headers.get('etag') };
      }
      // Only what this user changed is sent: re-applied over another person's version, it keeps theirs.
      const before = { ...bodyOf(fieldsOf(original), original), status: original.status };
      const after = { ...bodyOf(f, original), status: f.status };
      const changes = Object.fromEntries(
        Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])),
      ) as Partial<typeof after>;
      if (Object.keys(changes).length === 0) return null;
      const { data, response } = await unwrapResponse(
        api.PATCH('/api/v1/groups/{id}', {
          params: { path: { id: original.id } },
          headers: ifMatch,
          body: changes,
        }),
      );
      return { group: data, etag: response.headers.get('etag') };
    },
    savedEtag: (saved) => saved?.etag,
    onSuccess: async (saved) => {
      if (!saved) {
        notifySuccess(t('groups.form.unchanged'));
        if (original) void navigate(to(`/groups/${original.id}`));
        return;
      }
      queryClient.setQueryData(groupKey(saved.group.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['groups', 'list'] });
      notifySuccess(original ? t('groups.form.saved') : t('groups.form.created'));
      void navigate(to(`/groups/${saved.group.id}`));
    },
    // When another person changed the group meanwhile: their version, to show and to re-apply on.
    onStale: async () => {
      if (!original) return;
      const { data, response } = await unwrapResponse(api.GET('/api/v1/groups/{id}', { params: { path: { id: original.id } } }));
      const group = { group: data, etag: response.headers.get('etag') };
      return { value: group, etag: group.etag };
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const on = (prefix: string) => error.errors.some((e) => e.field.startsWith(`body.${prefix}`));
      setErrors({
        'name.en': on('name') ? t('forms.fieldRejected') : null,
        'mandate.en': on('mandate') ? t('forms.fieldRejected') : null,
        chairs: on('chairs') || error.status === 404 ? t('groups.form.chairsRejected') : null,
        workProgramme: on('workProgramme') ? t('forms.fieldRejected') : null,
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | null> = {
      'name.en': f.name.en?.trim() ? null : t('forms.required'),
      'mandate.en': f.mandate.en?.trim() ? null : t('forms.required'),
    };
    f.chairs.forEach((c, i) => (found[`chair.${i}`] = c.name.trim() ? null : t('forms.required')));
    f.workProgramme.forEach((w, i) => (found[`work.${i}`] = w.title.trim() ? null : t('forms.required')));
    setErrors(found);
    if (!Object.values(found).some(Boolean)) save.mutate();
  };

  const fieldErrorShown = Object.values(errors).some(Boolean);
  const { stale, theirs } = save;

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        {theirs ? (
          <Alert color="orange" variant="light" title={t('groups.form.staleTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('groups.form.stale', { version: theirs.group.version })}</Text>
              <Text size="sm">
                <strong>{t('groups.form.theirName')}</strong> {inLanguage(theirs.group.name, lang).text}
              </Text>
              <Text size="sm">
                <strong>{t('groups.form.theirChairs')}</strong> {formatList(theirs.group.chairs.map((c) => t('groups.form.chairAs', { name: c.name, role: labels.chairRole(c.role) })), lang) || '—'}
              </Text>
              <Text size="sm" component="div" className={ui.parts}>
                <strong>{t('groups.form.theirModalities')}</strong> <span>{theirs.group.stakeholderObservers ? t('groups.modalities.observersAdmitted') : t('groups.modalities.observersNotAdmitted')}</span>{' '}
                <span>{labels.status(theirs.group.status)}</span>
              </Text>
              <Group>
                <Button size="compact-sm" type="submit">
                  {t('groups.form.reapply')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="outline"
                  onClick={() => {
                    setF(fieldsOf(theirs.group));
                    save.reset();
                    save.dropTheirs();
                    queryClient.setQueryData(groupKey(theirs.group.id), theirs);
                  }}
                >
                  {t('groups.form.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {!stale && !fieldErrorShown ? <ProblemAlert error={save.error} /> : null}

        <LocalizedFields label={t('groups.form.names')} value={f.name} onChange={(name) => set('name', name)} error={errors['name.en']} maxLength={500} />

        <LocalizedFields label={t('groups.form.mandates')} value={f.mandate} onChange={(mandate) => set('mandate', mandate)} error={errors['mandate.en']} multiline maxLength={5000} />

        <Stack gap="sm">
            <TextInput label={t('groups.mandateSource')} description={t('groups.form.mandateSourceHelp')} value={f.mandateSource} onChange={(e) => set('mandateSource', e.currentTarget.value)} maxLength={200} />
            <NativeSelect
              label={t('groups.mandateOutcome')}
              value={f.mandateOutcomeId}
              onChange={(e) => set('mandateOutcomeId', e.currentTarget.value)}
            >
              <option value="">{t('groups.form.noOutcome')}</option>
              {/* An outcome's title is held in English: its symbol isolated, then the title marked as English. */}
              {(outcomes.data?.items ?? []).map((o) => (
                <LocalizedOption key={o.id} value={o.id} text={{ en: o.title }} prefix={`${isolated(o.symbol, lang)} — `} />
              ))}
              {f.mandateOutcomeId && !outcomes.data?.items.some((o) => o.id === f.mandateOutcomeId) ? <option value={f.mandateOutcomeId}>{isolated(f.mandateOutcomeId, lang)}</option> : null}
            </NativeSelect>
        </Stack>

        <Fieldset legend={t('groups.chairs')}>
          <Stack gap="sm">
            {errors.chairs ? (
              <Text c="red.8" size="sm" role="alert">
                {errors.chairs}
              </Text>
            ) : null}
            {f.chairs.length === 0 ? <Text size="sm">{t('groups.form.noChairsYet')}</Text> : null}
            {f.chairs.map((c, i) => (
              <div key={i} className={classes.row}>
                <TextInput
                  label={t('groups.form.chairName', { n: i + 1 })}
                  value={c.name}
                  onChange={(e) => set('chairs', f.chairs.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
                  error={errors[`chair.${i}`]}
                  required
                  maxLength={200}
                />
                <NativeSelect
                  label={t('groups.form.chairRole', { n: i + 1 })}
                  value={c.role}
                  onChange={(e) => set('chairs', f.chairs.map((x, j) => (j === i ? { ...x, role: e.currentTarget.value as ChairRole } : x)))}
                  data={CHAIR_ROLES.map((r) => ({ value: r, label: labels.chairRole(r) }))}
                />
                <NativeSelect
                  label={t('groups.form.chairState', { n: i + 1 })}
                  value={c.state}
                  onChange={(e) => set('chairs', f.chairs.map((x, j) => (j === i ? { ...x, state: e.currentTarget.value } : x)))}
                  data={[{ value: '', label: t('groups.form.noState') }, ...stateOptions]}
                />
                <Button variant="outline" color="red.9" onClick={() => set('chairs', f.chairs.filter((_, j) => j !== i))}>
                  {t('groups.form.removeChair', { n: i + 1 })}
                </Button>
              </div>
            ))}
            <div>
              <Button variant="outline" size="compact-sm" onClick={() => set('chairs', [...f.chairs, { name: '', role: 'co-facilitator', state: '' }])} disabled={f.chairs.length >= 10}>
                {t('groups.form.addChair')}
              </Button>
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('groups.workProgramme')}>
          <Stack gap="sm">
            {errors.workProgramme ? (
              <Text c="red.8" size="sm" role="alert">
                {errors.workProgramme}
              </Text>
            ) : null}
            {f.workProgramme.length === 0 ? <Text size="sm">{t('groups.form.noWorkYet')}</Text> : null}
            {f.workProgramme.map((w, i) => (
              <Stack key={i} gap={4}>
                <Group grow align="flex-start">
                  <TextInput
                    label={t('groups.form.workTitle', { n: i + 1 })}
                    value={w.title}
                    onChange={(e) => set('workProgramme', f.workProgramme.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))}
                    error={errors[`work.${i}`]}
                    required
                    lang="en"
                    maxLength={500}
                  />
                  <TextInput
                    label={t('groups.form.workPeriod', { n: i + 1 })}
                    value={w.period}
                    onChange={(e) => set('workProgramme', f.workProgramme.map((x, j) => (j === i ? { ...x, period: e.currentTarget.value } : x)))}
                    maxLength={40}
                  />
                </Group>
                <Textarea
                  label={t('groups.form.workDescription', { n: i + 1 })}
                  value={w.description}
                  onChange={(e) => set('workProgramme', f.workProgramme.map((x, j) => (j === i ? { ...x, description: e.currentTarget.value } : x)))}
                  autosize
                  minRows={1}
                  lang="en"
                  maxLength={2000}
                />
                <div>
                  <Button variant="outline" color="red.9" size="compact-sm" onClick={() => set('workProgramme', f.workProgramme.filter((_, j) => j !== i))}>
                    {t('groups.form.removeWork', { n: i + 1 })}
                  </Button>
                </div>
              </Stack>
            ))}
            <div>
              <Button variant="outline" size="compact-sm" onClick={() => set('workProgramme', [...f.workProgramme, { title: '', period: '', description: '' }])} disabled={f.workProgramme.length >= 100}>
                {t('groups.form.addWork')}
              </Button>
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('groups.form.modalities')}>
          <Stack gap="sm">
            <Checkbox label={t('groups.form.observersAdmitted')} description={t('groups.form.observersHelp')} checked={f.stakeholderObservers} onChange={(e) => set('stakeholderObservers', e.currentTarget.checked)} />
            {original ? (
              <NativeSelect
                label={t('groups.status')}
                value={f.status}
                onChange={(e) => set('status', e.currentTarget.value === 'closed' ? 'closed' : 'active')}
                data={[
                  { value: 'active', label: labels.status('active') },
                  { value: 'closed', label: labels.status('closed') },
                ]}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {original ? t('groups.form.save') : t('groups.form.create')}
          </Button>
          <Button variant="default" onClick={() => void navigate(original ? to(`/groups/${original.id}`) : to('/groups'))}>
            {t('groups.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
