import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { ObjectForm } from './ObjectForm';
import { ObjectionRecordView, OrgName, Period, StatusBadge, useOrgNameText } from './parts';
import { batchQuery, useStakeholderLabels, type Application } from './queries';
import classes from './stakeholders.module.css';

function Item({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const name = useOrgNameText(a.organisation.names, a.organisation.name);
  const decided = a.status === 'accredited' || a.status === 'not-accredited';
  return (
    <li className={classes.card} data-application={a.id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`batch-item-${a.id}`}>
          <Anchor component={Link} to={to(`/accreditation/applications/${a.id}`)}>
            <OrgName names={a.organisation.names} name={a.organisation.name} />
          </Anchor>
        </Title>
        <Group gap="sm">
          <StatusBadge status={a.status} />
          <Text size="sm">{labels.kind(a.organisation.kind)}</Text>
          {a.organisation.ecosoc ? <Text size="sm">{t('stakeholders.ecosocSince', { status: labels.ecosoc(a.organisation.ecosoc.status), year: a.organisation.ecosoc.since ?? '' })}</Text> : null}
        </Group>
        {a.period ? <Period period={a.period} /> : null}
        {decided ? (
          <div>
            <Text fw={600}>{t('stakeholders.outcome')}</Text>
            <ObjectionRecordView record={a.objections} />
          </div>
        ) : a.objections.count > 0 ? (
          <ObjectionRecordView record={a.objections} />
        ) : null}
        <ObjectForm application={a} orgName={name} />
      </Stack>
    </li>
  );
}

/** A batch circulated to the States: each application, its period in the stated zone, objections and outcome. */
export default function BatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const query = useQuery({ ...batchQuery(id), refetchInterval: 10_000 });
  if (!query.isSuccess) return <Loaded query={query} />;
  const b = query.data;
  const title = t('stakeholders.batch.title', { number: b.number });
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={to('/accreditation/batches')}>
        {t('stakeholders.batches.title')}
      </Anchor>
      <PageHeading title={title}>{title}</PageHeading>
      <Text>{t('stakeholders.batch.circulated', { at: formatInstant(b.circulatedAt, lang), zone: b.zone })}</Text>
      <ul className={classes.list}>
        {b.applications.map((a) => (
          <Item key={a.id} application={a} />
        ))}
      </ul>
    </Stack>
  );
}
