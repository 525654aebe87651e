import { Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { Localized } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import listing from '../../ui/listing.module.css';
import { StateName } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { OfferorName } from './parts';
import { projectsQuery, useCapacityLabels } from './queries';

/** The project catalogue: the projects the requesting States published, and the viewer's own. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const list = useQuery(projectsQuery());
  return (
    <Stack gap="md">
      <PageHeading>{t('capacity.projects.title')}</PageHeading>
      <CapacityLinks />
      <Text className={listing.intro}>{t('capacity.projects.intro')}</Text>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('capacity.projects.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('capacity.projects.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('capacity.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('capacity.sides.requester')}</Table.Th>
                <Table.Th scope="col">{t('capacity.sides.offeror')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('capacity.project.started')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id} data-project={p.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/capacity/projects/${p.id}`)}>
                      <Localized text={p.title} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <StateName iso3={p.requester} />
                  </Table.Td>
                  <Table.Td>
                    <OfferorName offeror={p.offeror} />
                  </Table.Td>
                  <Table.Td>{labels.projectStatus(p.status)}</Table.Td>
                  <Table.Td>{formatDay(p.startedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
