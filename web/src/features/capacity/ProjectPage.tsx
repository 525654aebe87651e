import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate, formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { AsWritten, Localized, Verbatim } from '../../ui/localized';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { StateName } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { CapacityProblem, OfferorName, Section } from './parts';
import { ProjectWorkForm } from './ProjectWorkForm';
import { projectQuery, useCapacityLabels, type Project } from './queries';

/** A project: its partners, objectives, milestones, the principles it follows, and each partner's closing evaluation. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const project = useQuery(projectQuery(id));
  if (!project.isSuccess) return <Loaded query={project} />;
  return <ProjectView project={project.data} />;
}

function ProjectView({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  return (
    <Stack gap="lg">
      <div>
        <PageHeading title={p.title.en}>
          <Localized text={p.title} />
        </PageHeading>
        <CapacityLinks />
      </div>
      <Group gap="xs">
        <Badge variant="outline" color="dark" data-testid="project-status" data-status={p.status}>
          {labels.projectStatus(p.status)}
        </Badge>
      </Group>
      <dl className={ui.facts}>
        <dt>{t('capacity.sides.requester')}</dt>
        <dd>
          <StateName iso3={p.requester} />
        </dd>
        <dt>{t('capacity.sides.offeror')}</dt>
        <dd>
          <OfferorName offeror={p.offeror} />
        </dd>
        <dt>{t('capacity.project.started')}</dt>
        <dd>{formatDay(p.startedAt, lang)}</dd>
        {p.completedAt ? (
          <>
            <dt>{t('capacity.project.completed')}</dt>
            <dd>{formatDay(p.completedAt, lang)}</dd>
          </>
        ) : null}
        <dt>{t('capacity.project.origin')}</dt>
        <dd>
          <Anchor component={Link} to={to(`/capacity/needs/${p.needId}`)}>
            {t('capacity.project.theNeed')}
          </Anchor>
          {' · '}
          <Anchor component={Link} to={to(`/capacity/offers/${p.offerId}`)}>
            {t('capacity.project.theOffer')}
          </Anchor>
        </dd>
      </dl>
      <Section id="project-objectives" title={t('capacity.project.objectives')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{p.objectives === null ? t('capacity.project.notPublic') : p.objectives ? <AsWritten>{p.objectives}</AsWritten> : t('capacity.project.notYet')}</Text>
      </Section>
      <Section id="project-milestones" title={t('capacity.project.milestones')}>
        {p.milestones === null ? (
          <Text>{t('capacity.project.notPublic')}</Text>
        ) : p.milestones.length === 0 ? (
          <Text>{t('capacity.project.notYet')}</Text>
        ) : (
          <div className={listing.scroll}>
            <Table withTableBorder>
              <caption className={listing.caption}>{t('capacity.project.milestonesCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('capacity.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('capacity.project.due')}</Table.Th>
                  <Table.Th scope="col">{t('capacity.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.milestones.map((m, i) => (
                  <Table.Tr key={i}>
                    <Table.Th scope="row">
                      <AsWritten>{m.title}</AsWritten>
                    </Table.Th>
                    <Table.Td>{formatDate(m.due, lang)}</Table.Td>
                    <Table.Td>{labels.milestone(m.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Section>
      {p.can.edit ? <ProjectWorkForm project={p} /> : null}
      <Section id="project-principles" title={t('capacity.project.principles')}>
        {p.principles.length === 0 ? (
          <Text>{t('capacity.project.notYet')}</Text>
        ) : (
          <ul>
            {p.principles.map((code) => (
              <li key={code}>
                <Anchor component={Link} to={to(`/framework/${code}`)}>
                  <Verbatim>{code}</Verbatim>
                </Anchor>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {p.can.publish && p.status === 'running' ? <CloseProject project={p} /> : null}
      <Section id="project-evaluations" title={t('capacity.project.evaluations')}>
        <Stack gap="sm">
          {p.evaluations.length === 0 ? <Text>{t('capacity.project.noEvaluation')}</Text> : null}
          {p.evaluations.map((e) => (
            <Paper key={e.side} withBorder p="md" data-evaluation={e.side}>
              <Text fw={600}>
                {t('capacity.project.evaluationBy', { side: labels.side(e.side) })} · {formatDay(e.evaluatedAt, lang)}
              </Text>
              <dl className={ui.facts}>
                <dt>{t('capacity.evaluation.delivered')}</dt>
                <dd>
                  <AsWritten>{e.delivered}</AsWritten>
                </dd>
                <dt>{t('capacity.evaluation.changed')}</dt>
                <dd>
                  <AsWritten>{e.changed}</AsWritten>
                </dd>
                <dt>{t('capacity.evaluation.lessons')}</dt>
                <dd>
                  <AsWritten>{e.lessons}</AsWritten>
                </dd>
              </dl>
            </Paper>
          ))}
          {p.can.evaluate ? <EvaluationForm projectId={p.id} /> : null}
        </Stack>
      </Section>
    </Stack>
  );
}

/** The requesting State closes the project, so that each partner may evaluate it. */
function CloseProject({ project }: { project: Project }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const close = useVersionedSave<void, { version: number }>({
    etag: versionTag(project.version),
    send: (ifMatch) => unwrap(api.PATCH('/api/v1/capacity/projects/{id}', { params: { path: { id: project.id } }, headers: ifMatch, body: { status: 'completed' } })),
    savedEtag: (r) => versionTag(r.version),
    onStale: () => client.invalidateQueries({ queryKey: ['capacity', 'project', project.id] }),
    onSuccess: async () => {
      setOpen(false);
      // The project's status, now completed: the button that closed it is gone with the dialog.
      focusWhenShown(() => {
        const status = document.querySelector<HTMLElement>('[data-testid="project-status"]');
        return status?.dataset.status === 'completed' ? status : null;
      }, { timeoutMs: 10_000 });
      await client.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
  return (
    <>
      <Button variant="outline" w="fit-content" onClick={() => setOpen(true)}>
        {t('capacity.project.close')}
      </Button>
      <ConfirmDialog opened={open} onClose={() => setOpen(false)} title={t('capacity.project.closeTitle')} message={t('capacity.project.closeMessage')} confirmLabel={t('capacity.project.close')} loading={close.isPending} onConfirm={() => close.mutate()}>
        {close.isError ? <ProblemAlert error={close.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

/** The viewer's side's closing evaluation: what was delivered, what changed, the lessons; public or not. */
export function EvaluationForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [delivered, setDelivered] = useState('');
  const [changed, setChanged] = useState('');
  const [lessons, setLessons] = useState('');
  const [isPublic, setPublic] = useState(false);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/capacity/projects/{id}/evaluation', { params: { path: { id: projectId } }, body: { delivered: delivered.trim(), changed: changed.trim(), lessons: lessons.trim(), public: isPublic } })),
    onSuccess: async ({ side }) => {
      notifySuccess(t('capacity.evaluation.saved'));
      // The evaluation as the project now shows it (the form goes once the side has evaluated).
      focusWhenShown(byAttribute('data-evaluation', side), { timeoutMs: 10_000 });
      await client.invalidateQueries({ queryKey: ['capacity', 'project', projectId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="evaluation-form">
      <Stack gap="sm">
        <Text fw={600} id="evaluation-form">
          {t('capacity.evaluation.title')}
        </Text>
        <Text size="sm">{t('capacity.evaluation.intro')}</Text>
        <Textarea label={t('capacity.evaluation.delivered')} value={delivered} onChange={(e) => setDelivered(e.currentTarget.value)} required autosize minRows={2} maxLength={10000} />
        <Textarea label={t('capacity.evaluation.changed')} value={changed} onChange={(e) => setChanged(e.currentTarget.value)} required autosize minRows={2} maxLength={10000} />
        <Textarea label={t('capacity.evaluation.lessons')} value={lessons} onChange={(e) => setLessons(e.currentTarget.value)} required autosize minRows={2} maxLength={10000} />
        <Checkbox label={t('capacity.evaluation.public')} checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
        {save.isError ? <CapacityProblem error={save.error} /> : null}
        {save.isSuccess ? <Alert color="green" variant="light">{t('capacity.evaluation.saved')}</Alert> : null}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('capacity.evaluation.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
