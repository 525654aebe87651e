import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import ui from '../../ui/ui.module.css';
import { StateName } from '../states';
import { ObjectionRecordView, OrgName, useOrgNameText } from './parts';
import { organisationQuery, useStakeholderLabels } from './queries';
import { InviteRepresentative, RequestToSpeak, SubmitWrittenInput, WithdrawAccreditation } from './RepresentativeForms';

/**
 * An organisation and the record of its accreditation (objections by count, States only where they
 * agreed to be named, the bases shared; withdrawals); for its representatives, what they may do.
 */
export default function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const query = useQuery(organisationQuery(id));
  const name = useOrgNameText(query.data?.names, query.data?.name);
  if (!query.isSuccess) return <Loaded query={query} />;
  const o = query.data;
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={to('/accreditation')}>
        {t('stakeholders.backToList')}
      </Anchor>
      <PageHeading title={name}>{query.data ? <OrgName names={query.data.names} name={query.data.name} /> : name}</PageHeading>
      <Badge variant="outline" color={o.accreditation === 'accredited' ? '#1e6b30' : 'dark'} className={ui.badge}>
        {labels.accreditation(o.accreditation)}
      </Badge>
      <dl className={ui.facts}>
        <dt>{t('stakeholders.kind')}</dt>
        <dd>{labels.kind(o.kind)}</dd>
        <dt>{t('stakeholders.headquarters')}</dt>
        <dd>{o.headquarters ? <StateName iso3={o.headquarters} /> : '—'}</dd>
        <dt>{t('stakeholders.website')}</dt>
        <dd>{o.website ? <Anchor href={o.website} rel="noopener noreferrer external">{o.website}</Anchor> : '—'}</dd>
        <dt>{t('stakeholders.ecosocStatus')}</dt>
        <dd>{o.ecosoc ? t('stakeholders.ecosocSince', { status: labels.ecosoc(o.ecosoc.status), year: o.ecosoc.since ?? '' }) : t('stakeholders.noEcosoc')}</dd>
        {o.accreditedAt ? (
          <>
            <dt>{t('stakeholders.accreditedAt')}</dt>
            <dd>{formatDay(o.accreditedAt, lang)}</dd>
          </>
        ) : null}
      </dl>
      {o.objections ? (
        <section aria-labelledby="organisation-record">
          <Title order={2} size="h3" id="organisation-record" mb="sm">
            {t('stakeholders.record.title')}
          </Title>
          <ObjectionRecordView record={o.objections} />
        </section>
      ) : null}
      {o.withdrawals.length ? (
        <section aria-labelledby="organisation-withdrawals">
          <Title order={2} size="h3" id="organisation-withdrawals" mb="sm">
            {t('stakeholders.withdrawals')}
          </Title>
          {o.withdrawals.map((w, i) => (
            <Text key={i} data-withdrawal={i}>{t('stakeholders.withdrawal', { decision: w.decision, reason: w.reason, date: formatDay(w.at, lang) })}</Text>
          ))}
        </section>
      ) : null}
      {o.can.submitInput ? <SubmitWrittenInput organisationId={o.id} /> : null}
      {o.can.requestToSpeak ? <RequestToSpeak organisationId={o.id} /> : null}
      {o.can.inviteRepresentative ? <InviteRepresentative organisationId={o.id} /> : null}
      {o.can.withdraw ? <WithdrawAccreditation organisationId={o.id} /> : null}
    </Stack>
  );
}
