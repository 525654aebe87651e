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
import { CapacityLinks } from './CapacityLinks';
import { OfferorName } from './parts';
import { isModality, isOfferStatus, MODALITIES, OFFER_STATUSES, offersQuery, useCapacityLabels, type Modality, type OfferStatus } from './queries';

/** The offers the viewer may see, filtered by what the address says. */
export default function OffersPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const [params, update] = useSearchParam();
  const { value: codeText, text: codeField, setText: setCodeField } = useSearchField('code', 300);
  const statusParam = params.get('status');
  const modalityParam = params.get('modality');
  const status: OfferStatus | undefined = isOfferStatus(statusParam) ? statusParam : undefined;
  const modality: Modality | undefined = isModality(modalityParam) ? modalityParam : undefined;
  const code = /^[a-z0-9-]{1,80}$/.test(codeText.toLowerCase()) ? codeText.toLowerCase() : undefined;
  const list = useQuery({ ...offersQuery({ status, code, modality }), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('capacity.offers.title')}</PageHeading>
        {list.data?.can.publishOffer ? (
          <Button component={Link} to={to('/capacity/offers/new')}>
            {t('capacity.offers.publish')}
          </Button>
        ) : null}
      </Group>
      <CapacityLinks />
      <Text className={listing.intro}>{t('capacity.offers.intro')}</Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <NativeSelect
          label={t('capacity.fields.status')}
          value={status ?? ''}
          onChange={(e) => update('status', e.currentTarget.value)}
          data={[{ value: '', label: t('capacity.filters.any') }, ...OFFER_STATUSES.map((s) => ({ value: s, label: labels.offerStatus(s) }))]}
          className={listing.filter}
        />
        <NativeSelect
          label={t('capacity.fields.modality')}
          value={modality ?? ''}
          onChange={(e) => update('modality', e.currentTarget.value)}
          data={[{ value: '', label: t('capacity.filters.any') }, ...MODALITIES.map((m) => ({ value: m, label: labels.modality(m) }))]}
          className={listing.filter}
        />
        <TextInput label={t('capacity.filters.code')} description={t('capacity.filters.codeHelp')} value={codeField} onChange={(e) => setCodeField(e.currentTarget.value)} className={listing.filter} autoComplete="off" />
      </form>
      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {list.data ? t('capacity.offers.found', { n: list.data.total }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('capacity.offers.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('capacity.offers.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('capacity.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.offeror')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.modalities')}</Table.Th>
                <Table.Th scope="col">{t('capacity.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((o) => (
                <Table.Tr key={o.id} data-offer={o.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/capacity/offers/${o.id}`)}>
                      <Localized text={o.title} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <OfferorName offeror={o.offeror} />
                  </Table.Td>
                  <Table.Td>{labels.list(o.modalities.map(labels.modality))}</Table.Td>
                  <Table.Td>{labels.offerStatus(o.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
