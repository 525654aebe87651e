import { Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { Localized } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import listing from '../../ui/listing.module.css';
import { StateName } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { isModality, isNeedStatus, MODALITIES, NEED_STATUSES, needsQuery, useCapacityLabels } from './queries';

/** The needs the viewer may see (the public catalogue for a visitor), filtered by what the address says. */
export default function NeedsPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const [params, update] = useSearchParam();
  const { value: stateText, text: stateField, setText: setStateField } = useSearchField('state', 300);
  const { value: codeText, text: codeField, setText: setCodeField } = useSearchField('code', 300);
  const status = isNeedStatus(params.get('status')) ? (params.get('status') as (typeof NEED_STATUSES)[number]) : undefined;
  const modality = isModality(params.get('modality')) ? (params.get('modality') as (typeof MODALITIES)[number]) : undefined;
  const state = /^[A-Za-z]{3}$/.test(stateText) ? stateText.toUpperCase() : undefined;
  const code = /^[a-z0-9-]{1,80}$/.test(codeText.toLowerCase()) ? codeText.toLowerCase() : undefined;
  const list = useQuery({ ...needsQuery({ state, status, code, modality }), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('capacity.needs.title')}</PageHeading>
        {list.data?.can.publishNeed ? (
          <Button component={Link} to={to('/capacity/needs/new')}>
            {t('capacity.needs.publish')}
          </Button>
        ) : null}
      </Group>
      <CapacityLinks />
      <Text className={listing.intro}>{t('capacity.needs.intro')}</Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <NativeSelect
          label={t('capacity.fields.status')}
          value={status ?? ''}
          onChange={(e) => update('status', e.currentTarget.value)}
          data={[{ value: '', label: t('capacity.filters.any') }, ...NEED_STATUSES.map((s) => ({ value: s, label: labels.needStatus(s) }))]}
          className={listing.filter}
        />
        <NativeSelect
          label={t('capacity.fields.modality')}
          value={modality ?? ''}
          onChange={(e) => update('modality', e.currentTarget.value)}
          data={[{ value: '', label: t('capacity.filters.any') }, ...MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))]}
          className={listing.filter}
        />
        <TextInput label={t('capacity.filters.state')} description={t('capacity.filters.stateHelp')} value={stateField} onChange={(e) => setStateField(e.currentTarget.value)} className={listing.filter} maxLength={3} autoComplete="off" />
        <TextInput label={t('capacity.filters.code')} description={t('capacity.filters.codeHelp')} value={codeField} onChange={(e) => setCodeField(e.currentTarget.value)} className={listing.filter} autoComplete="off" />
      </form>
      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {list.data ? t('capacity.needs.found', { n: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('capacity.needs.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('capacity.needs.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('capacity.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.state')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.modality')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((n) => (
                <Table.Tr key={n.id} data-need={n.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/capacity/needs/${n.id}`)}>
                      <Localized text={n.title} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <StateName iso3={n.state} />
                  </Table.Td>
                  <Table.Td>{labels.modality(n.modality)}</Table.Td>
                  <Table.Td>{labels.needStatus(n.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
