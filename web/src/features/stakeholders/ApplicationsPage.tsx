import { Anchor, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import listing from '../../ui/listing.module.css';
import { OrgName, StatusBadge } from './parts';
import { applicationsQuery, useStakeholderLabels } from './queries';

/** The applications: all of them for the Secretariat, those circulated for a focal point. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const list = useQuery(applicationsQuery());
  return (
    <Stack gap="md">
      <PageHeading>{t('stakeholders.applications.title')}</PageHeading>
      <Group gap="md">
        <Anchor component={Link} to={to('/accreditation/batches')}>
          {t('stakeholders.batches.title')}
        </Anchor>
        <Anchor component={Link} to={to('/accreditation')}>
          {t('stakeholders.backToList')}
        </Anchor>
      </Group>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('stakeholders.applications.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('stakeholders.applications.caption', { count: list.data.items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stakeholders.name')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.kind')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.submitted')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id} data-application={a.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/accreditation/applications/${a.id}`)}>
                      <OrgName names={a.organisation.names} name={a.organisation.name} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{labels.kind(a.organisation.kind)}</Table.Td>
                  <Table.Td>{formatInstant(a.submittedAt, lang)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={a.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
