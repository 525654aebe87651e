import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap, unwrapResponse } from '../../api/client';
import { useLang } from '../../app/paths';
import { formatDate } from '../../ui/dates';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';
import { MILESTONE_STATUSES, useCapacityLabels, type MilestoneStatus, type Project } from './queries';

/** A milestone as the form holds it: `uid` keeps each row's fields its own while rows are added and removed. */
interface Row {
  uid: number;
  title: string;
  due: string;
  status: MilestoneStatus;
}

let nextUid = 1;
const rowsOf = (milestones: Project['milestones']): Row[] =>
  (milestones ?? []).map((m) => ({ uid: nextUid++, title: m.title, due: m.due, status: (MILESTONE_STATUSES as string[]).includes(m.status) ? (m.status as MilestoneStatus) : 'planned' }));

/**
 * A partner keeps the project's objectives and milestones (either side may: `can.edit`). The change is
 * made on the version read (If-Match): when the other partner saved first, the API refuses it (412),
 * and the form shows the other version beside the one typed, to load it or to save over it knowingly.
 */
export function ProjectWorkForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useCapacityLabels();
  const client = useQueryClient();
  const [objectives, setObjectives] = useState(project.objectives ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(project.milestones));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useVersionedSave<void, { version: number }, Project>({
    etag: versionTag(project.version),
    send: (ifMatch) =>
      unwrap(
        api.PATCH('/api/v1/capacity/projects/{id}', {
          params: { path: { id: project.id } },
          headers: ifMatch,
          body: { objectives: objectives.trim(), milestones: rows.map((r) => ({ title: r.title.trim(), due: r.due, status: r.status })) },
        }),
      ),
    savedEtag: (r) => versionTag(r.version),
    onStale: async () => {
      // The other partner's version, read here and not through the cache, so that this form keeps what was typed.
      const { data, response } = await unwrapResponse(api.GET('/api/v1/capacity/projects/{id}', { params: { path: { id: project.id } } }));
      return { value: data, etag: response.headers.get('etag') };
    },
    onSuccess: async () => {
      notifySuccess(t('capacity.work.saved'));
      focusDone('project-work');
      await client.invalidateQueries({ queryKey: ['capacity', 'project', project.id] });
    },
  });

  const change = (uid: number, part: Partial<Omit<Row, 'uid'>>) => setRows((xs) => xs.map((r) => (r.uid === uid ? { ...r, ...part } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.title.trim()) found[`${i}.title`] = t('forms.required');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.due)) found[`${i}.due`] = t('forms.required');
    });
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const { theirs } = save;
  const fieldErrors = save.error instanceof ApiProblem && save.error.status === 400 && save.error.errors.length > 0;

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="project-work">
      <Stack gap="sm">
        <Text fw={600} id="project-work">
          {t('capacity.work.title')}
        </Text>
        <Text size="sm">{t('capacity.work.intro')}</Text>
        {theirs ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('capacity.work.staleTitle')} data-testid="stale">
            <Text size="sm">{t('capacity.work.stale')}</Text>
            <Text size="sm" fw={600} mt="xs">
              {t('capacity.project.objectives')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {theirs.objectives || t('capacity.project.notYet')}
            </Text>
            <Text size="sm" fw={600} mt="xs">
              {t('capacity.project.milestones')}
            </Text>
            {theirs.milestones?.length ? (
              <ul>
                {theirs.milestones.map((m, i) => (
                  <li key={i}>
                    {m.title} · {formatDate(m.due, lang)} · {labels.milestone(m.status)}
                  </li>
                ))}
              </ul>
            ) : (
              <Text size="sm">{t('capacity.project.notYet')}</Text>
            )}
            <Button
              mt="xs"
              size="compact-sm"
              variant="outline"
              onClick={() => {
                setObjectives(theirs.objectives ?? '');
                setRows(rowsOf(theirs.milestones));
                setErrors({});
                save.dropTheirs();
              }}
            >
              {t('capacity.work.loadTheirs')}
            </Button>
          </Alert>
        ) : null}
        <Textarea label={t('capacity.project.objectives')} value={objectives} onChange={(e) => setObjectives(e.currentTarget.value)} autosize minRows={3} maxLength={10000} />
        {rows.map((r, i) => (
          <fieldset key={r.uid} data-milestone={i} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, padding: 'var(--mantine-spacing-sm)', margin: 0 }}>
            <legend>
              <Text component="span" fw={600} size="sm">
                {t('capacity.work.milestoneN', { n: i + 1 })}
              </Text>
            </legend>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput label={t('capacity.fields.title')} value={r.title} onChange={(e) => change(r.uid, { title: e.currentTarget.value })} error={errors[`${i}.title`]} withAsterisk maxLength={300} style={{ flex: '1 1 14rem' }} />
              <TextInput type="date" label={t('capacity.project.due')} value={r.due} onChange={(e) => change(r.uid, { due: e.currentTarget.value })} error={errors[`${i}.due`]} withAsterisk />
              <NativeSelect
                label={t('capacity.fields.status')}
                value={r.status}
                onChange={(e) => change(r.uid, { status: e.currentTarget.value as MilestoneStatus })}
                data={MILESTONE_STATUSES.map((s) => ({ value: s, label: labels.milestone(s) }))}
              />
            </Group>
            <Button mt="xs" size="compact-sm" variant="subtle" color="dark" onClick={() => setRows((xs) => xs.filter((x) => x.uid !== r.uid))}>
              {t('capacity.work.removeMilestone', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        <Button variant="outline" w="fit-content" onClick={() => setRows((xs) => [...xs, { uid: nextUid++, title: '', due: '', status: 'planned' }])}>
          {t('capacity.work.addMilestone')}
        </Button>
        {fieldErrors ? (
          <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
            {t('capacity.work.fixFields')}
          </Alert>
        ) : (
          <ProblemAlert error={save.stale ? null : save.error} />
        )}
        <DoneMessage name="project-work" show={save.isSuccess}>
          {t('capacity.work.saved')}
        </DoneMessage>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('capacity.work.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
