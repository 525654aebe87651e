import { Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { formatDay } from '../../ui/dates';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import listing from '../../ui/listing.module.css';
import { StateName } from '../states';
import { OrgName } from './parts';
import { organisationsQuery, useStakeholderLabels } from './queries';

/** The public list of accredited organisations; the way to apply; the Secretariat's and focal points' work. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useStakeholderLabels();
  const me = useMe();
  const list = useQuery(organisationsQuery());
  const roles = me.data?.account?.roles ?? [];
  const ownOrganisation = me.data?.account?.organisation?.id ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('stakeholders.organisations.title')}</PageHeading>
        <Button component={Link} to={to('/accreditation/apply')}>
          {t('stakeholders.apply.link')}
        </Button>
      </Group>
      <Text className={listing.intro}>{t('stakeholders.organisations.intro')}</Text>
      {/* Where the caller's work is: the API refuses anyone else (these are links, not permissions). */}
      <Group gap="md">
        {roles.includes('secretariat') || roles.includes('focal_point') ? (
          <>
            <Anchor component={Link} to={to('/accreditation/applications')}>
              {t('stakeholders.applications.title')}
            </Anchor>
            <Anchor component={Link} to={to('/accreditation/batches')}>
              {t('stakeholders.batches.title')}
            </Anchor>
          </>
        ) : null}
        {ownOrganisation ? (
          <Anchor component={Link} to={to(`/accreditation/organisations/${ownOrganisation}`)}>
            {t('stakeholders.organisations.own')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to={to('/accreditation/track')}>
          {t('stakeholders.track.title')}
        </Anchor>
      </Group>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('stakeholders.organisations.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('stakeholders.organisations.caption', { count: list.data.items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stakeholders.name')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.kind')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.headquarters')}</Table.Th>
                <Table.Th scope="col">{t('stakeholders.accreditedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/accreditation/organisations/${o.id}`)}>
                      <OrgName names={o.names} name={o.name} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{labels.kind(o.kind)}</Table.Td>
                  <Table.Td>{o.headquarters ? <StateName iso3={o.headquarters} /> : '—'}</Table.Td>
                  <Table.Td>{o.accreditedAt ? formatDay(o.accreditedAt, lang) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
