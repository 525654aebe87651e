import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { focusWhenShown } from '../../ui/focus';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import { StateName } from '../states';
import { ObjectForm } from './ObjectForm';
import { ObjectionRecordView, OrgName, Period, StatusBadge, Steps, useOrgNameText } from './parts';
import { ProperName } from '../../ui/localized';
import { applicationQuery, useStakeholderLabels, type Application } from './queries';

/** The Secretariat's requests on an application: more information, or complete. */
function SecretariatActions({ application }: { application: Application }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [question, setQuestion] = useState('');
  const done = () => {
    // The application's new status at the head of the page, once shown (these buttons may have gone with the old one).
    focusWhenShown(() => {
      const status = document.querySelector<HTMLElement>('[data-testid="application-status"] [data-status]');
      return status && status.dataset.status !== application.status ? status : null;
    }, { timeoutMs: 10_000 });
    void client.invalidateQueries({ queryKey: ['stakeholders'] });
  };
  const ask = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/stakeholder-applications/{id}/information-requests', { params: { path: { id: application.id } }, body: { question } })),
    onSuccess: () => {
      setQuestion('');
      done();
    },
  });
  const complete = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/stakeholder-applications/{id}/completeness', { params: { path: { id: application.id } } })),
    onSuccess: done,
  });
  if (!application.can.requestInformation && !application.can.markComplete) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <section aria-labelledby="application-check">
      <Title order={2} size="h3" id="application-check" mb="sm">
        {t('stakeholders.application.check')}
      </Title>
      <Stack gap="md">
        {application.can.markComplete ? (
          <div>
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>
              {t('stakeholders.application.markComplete')}
            </Button>
            {complete.isError ? <ProblemAlert error={complete.error} /> : null}
          </div>
        ) : null}
        {application.can.requestInformation ? (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Textarea label={t('stakeholders.application.question')} description={t('stakeholders.application.questionHelp')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} required minLength={3} maxLength={5000} autosize minRows={3} />
              {ask.isError ? <ProblemAlert error={ask.error} /> : null}
              <Button type="submit" variant="outline" loading={ask.isPending} w="fit-content">
                {t('stakeholders.application.ask')}
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </section>
  );
}

/** An application as the Secretariat checks it, or as a focal point reads it in its period. */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const query = useQuery(applicationQuery(id));
  const name = useOrgNameText(query.data?.organisation.names, query.data?.organisation.name);
  if (!query.isSuccess) return <Loaded query={query} />;
  const a = query.data;
  const o = a.organisation;
  const displayNames = new Intl.DisplayNames([lang], { type: 'language' });
  return (
    <Stack gap="lg" maw={900}>
      <Group gap="md">
        <Anchor component={Link} to={to('/accreditation/applications')}>
          {t('stakeholders.applications.title')}
        </Anchor>
        {a.batchId ? (
          <Anchor component={Link} to={to(`/accreditation/batches/${a.batchId}`)}>
            {t('stakeholders.application.batch')}
          </Anchor>
        ) : null}
      </Group>
      <PageHeading title={name}>{query.data ? <OrgName names={query.data.organisation.names} name={query.data.organisation.name} /> : name}</PageHeading>
      <div data-testid="application-status">
        <StatusBadge status={a.status} />
      </div>
      {a.period && a.status === 'circulated' ? <Period period={a.period} /> : null}
      <dl className={ui.facts}>
        <dt>{t('stakeholders.kind')}</dt>
        <dd>{labels.kind(o.kind)}</dd>
        <dt>{t('stakeholders.headquarters')}</dt>
        <dd>{o.headquarters ? <StateName iso3={o.headquarters} /> : '—'}</dd>
        <dt>{t('stakeholders.website')}</dt>
        <dd>{o.website ? <Anchor href={o.website} rel="noopener noreferrer external">{o.website}</Anchor> : '—'}</dd>
        <dt>{t('stakeholders.ecosocStatus')}</dt>
        <dd>{o.ecosoc ? t('stakeholders.ecosocSince', { status: labels.ecosoc(o.ecosoc.status), year: o.ecosoc.since ?? '' }) : t('stakeholders.noEcosoc')}</dd>
        <dt>{t('stakeholders.language')}</dt>
        <dd>{displayNames.of(a.language)}</dd>
        {a.contact ? (
          <>
            <dt>{t('stakeholders.apply.contact')}</dt>
            <dd>
              <ProperName>{a.contact.name}</ProperName> · {a.contact.email}
              {a.contact.phone ? ` · ${a.contact.phone}` : ''}
            </dd>
          </>
        ) : null}
        {a.representatives ? (
          <>
            <dt>{t('stakeholders.apply.representatives')}</dt>
            {a.representatives.map((r) => (
              <dd key={r.email}>
                <ProperName>{r.name}</ProperName> · {r.email}
              </dd>
            ))}
          </>
        ) : null}
      </dl>
      <section aria-labelledby="application-purpose">
        <Title order={2} size="h3" id="application-purpose" mb="sm">
          {t('stakeholders.purpose')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} lang={a.language}>
          {a.purpose}
        </Text>
        <Title order={2} size="h3" mt="md" mb="sm">
          {t('stakeholders.relevantWork')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} lang={a.language}>
          {a.relevantWork}
        </Text>
      </section>
      <SecretariatActions application={a} />
      {a.status === 'circulated' || a.ownObjection ? (
        <section aria-labelledby="application-objection">
          <Title order={2} size="h3" id="application-objection" mb="sm">
            {t('stakeholders.object.title')}
          </Title>
          <ObjectForm application={a} orgName={name} />
        </section>
      ) : null}
      <section aria-labelledby="application-record">
        <Title order={2} size="h3" id="application-record" mb="sm">
          {t('stakeholders.record.title')}
        </Title>
        <ObjectionRecordView record={a.objections} />
      </section>
      {a.steps ? (
        <section aria-labelledby="application-steps">
          <Title order={2} size="h3" id="application-steps" mb="sm">
            {t('stakeholders.stepsTitle')}
          </Title>
          <Steps steps={a.steps} />
        </section>
      ) : null}
    </Stack>
  );
}
