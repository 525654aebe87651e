import { Anchor, Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { Localized } from '../../ui/localized';
import listing from '../../ui/listing.module.css';
import { initiativesQuery, isKind, KINDS, useInitiativeLabels } from './queries';

/** Other initiatives the PoA coordinates with: searchable, filtered by kind, exported as CSV or JSON. */
export default function InitiativesPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useInitiativeLabels();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 250);
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const list = useQuery({ ...initiativesQuery({ q, kind }), placeholderData: keepPreviousData });
  const exportQuery = new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('initiatives.title')}</PageHeading>
        {list.data?.can.propose ? (
          <Button component={Link} to={to('/initiatives/propose')}>
            {t('initiatives.proposeLink')}
          </Button>
        ) : null}
      </Group>
      <Text className={listing.intro}>{t('initiatives.intro')}</Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput type="search" label={t('initiatives.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} className={listing.search} autoComplete="off" />
        <NativeSelect
          label={t('initiatives.kind')}
          value={kind ?? ''}
          onChange={(e) => update('kind', e.currentTarget.value)}
          data={[{ value: '', label: t('initiatives.allKinds') }, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
          className={listing.filter}
        />
      </form>
      <Group gap="md">
        <Anchor href={`/api/v1/initiatives/export?format=csv&${exportQuery}`}>{t('initiatives.exportCsv')}</Anchor>
        <Anchor href={`/api/v1/initiatives/export?format=json&${exportQuery}`}>{t('initiatives.exportJson')}</Anchor>
      </Group>
      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {list.data ? t('initiatives.found', { count: list.data.items.length }) : ''}
        </Text>
        {list.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('initiatives.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('initiatives.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.name')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.owner')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.kind')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/initiatives/${i.id}`)}>
                      <Localized text={i.name} />
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Localized text={i.owner} />
                  </Table.Td>
                  <Table.Td>{labels.kind(i.kind)}</Table.Td>
                  <Table.Td>{i.status === 'published' ? labels.status(i.status) : <Badge variant="outline" color="dark">{labels.status(i.status)}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
