import { Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { useSearchParam } from '../../ui/search-params';
import { DecisionAlert, DraftStatusBadge } from './parts';
import { draftsQuery, useBodyName, useDraftLabels, type DraftStatus } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';
import { formatDay } from '../../ui/dates';
import { InLanguage } from '../../ui/localized';

const STATUSES: DraftStatus[] = ['negotiating', 'adopted', 'withdrawn'];
const isStatus = (v: string | null): v is DraftStatus => STATUSES.includes(v as DraftStatus);

/** Drafts under negotiation and their fate, filtered by status in the address (`?status=negotiating`). */
export default function DraftsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const bodyName = useBodyName();
  const [params, update] = useSearchParam();
  const status = params.get('status');
  const drafts = useQuery(draftsQuery(isStatus(status) ? { status } : {}));

  return (
    <Stack gap="lg">
      <PageHeading>{t('drafts.title')}</PageHeading>
      <Text className={listing.intro}>{t('drafts.intro')}</Text>
      <Group>
        <NativeSelect
          label={t('drafts.filterStatus')}
          value={isStatus(status) ? status : ''}
          onChange={(e) => update('status', e.currentTarget.value)}
          data={[{ value: '', label: t('drafts.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
        />
        <Anchor component={Link} to={to('/silence-procedures')}>
          {t('drafts.openProcedures')}
        </Anchor>
        <Anchor component={Link} to={to('/outcomes')}>
          {t('drafts.adoptedOutcomes')}
        </Anchor>
        {drafts.data?.can.table ? (
          <Button component={Link} to={to('/drafts/new')}>
            {t('drafts.new.title')}
          </Button>
        ) : null}
      </Group>
      {drafts.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : drafts.isError ? (
        <DecisionAlert error={drafts.error} />
      ) : (
        <>
          <Text role="status">{t('drafts.count', { count: drafts.data.items.length })}</Text>
          {drafts.data.items.length ? (
            <div className={listing.scroll}>
              <Table withTableBorder verticalSpacing="sm">
                <caption className={classes.visuallyHidden}>{t('drafts.tableCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('drafts.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('drafts.columns.body')}</Table.Th>
                    <Table.Th scope="col">{t('drafts.columns.kind')}</Table.Th>
                    <Table.Th scope="col">{t('drafts.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('drafts.columns.latest')}</Table.Th>
                    <Table.Th scope="col">{t('drafts.columns.amendments')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {drafts.data.items.map((d) => (
                    <Table.Tr key={d.id} data-draft={d.id}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={to(`/drafts/${d.id}`)} dir="auto">
                          <InLanguage lang="en">{d.title}</InLanguage>
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{bodyName(d.body)}</Table.Td>
                      <Table.Td>{labels.kind(d.kind)}</Table.Td>
                      <Table.Td>
                        <DraftStatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>
                        {labels.revision(d.latest.number)} · {formatDay(d.latest.issuedAt, lang)}
                      </Table.Td>
                      <Table.Td>{d.amendments}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : (
            <Text>{t('drafts.none')}</Text>
          )}
        </>
      )}
    </Stack>
  );
}
