import { Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { inLanguage, Localized } from '../../ui/localized';
import { groupsQuery, isGroupStatus, useGroupLabels } from './queries';
import classes from './groups.module.css';
import listing from '../../ui/listing.module.css';

/** The first sentence of a mandate, or its first 220 characters: the list shows a summary, the page the whole. */
function summaryOf(text: string): string {
  const sentence = /^[\s\S]*?[.!?。！？؟](\s|$)/u.exec(text)?.[0]?.trim() ?? text;
  const short = sentence.length <= 220 ? sentence : `${sentence.slice(0, 219).trimEnd()}…`;
  return short;
}

export default function GroupsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useGroupLabels();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 250);
  const statusParam = params.get('status');
  const status = isGroupStatus(statusParam) ? statusParam : undefined;
  const groups = useQuery({ ...groupsQuery({ q, status }), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('groups.title')}</PageHeading>
        {groups.data?.can.create ? (
          <Button component={Link} to={to('/groups/new')}>
            {t('groups.form.createLink')}
          </Button>
        ) : null}
      </Group>
      <Text className={listing.intro}>{t('groups.intro')}</Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput type="search" label={t('groups.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} className={listing.search} autoComplete="off" />
        <NativeSelect
          label={t('groups.status')}
          value={status ?? ''}
          onChange={(e) => update('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('groups.allStatuses') },
            { value: 'active', label: labels.status('active') },
            { value: 'closed', label: labels.status('closed') },
          ]}
          className={listing.filter}
        />
      </form>
      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {groups.data ? t('groups.found', { count: groups.data.items.length }) : ''}
        </Text>
        {groups.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {groups.isError ? (
        <ProblemAlert error={groups.error} />
      ) : groups.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : groups.data.items.length === 0 ? (
        <Text>{q || status ? t('groups.noneFound') : t('groups.noneYet')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" className={listing.table}>
            <caption className={listing.caption}>{t('groups.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('groups.name')}</Table.Th>
                <Table.Th scope="col">{t('groups.mandateSummary')}</Table.Th>
                <Table.Th scope="col">{t('groups.memberStates')}</Table.Th>
                <Table.Th scope="col">{t('groups.observers')}</Table.Th>
                <Table.Th scope="col">{t('groups.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.items.map((g) => {
                const mandate = inLanguage(g.mandate, lang);
                return (
                  <Table.Tr key={g.id} data-group={g.id}>
                    <Table.Th scope="row" className={classes.nameCell}>
                      <Anchor component={Link} to={to(`/groups/${g.id}`)}>
                        <Localized text={g.name} />
                      </Anchor>
                    </Table.Th>
                    <Table.Td lang={mandate.language}>{summaryOf(mandate.text)}</Table.Td>
                    <Table.Td className={classes.number}>{g.memberCount.toLocaleString(lang)}</Table.Td>
                    <Table.Td className={classes.number}>{g.observerCount.toLocaleString(lang)}</Table.Td>
                    <Table.Td>{labels.status(g.status)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
