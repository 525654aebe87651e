import { useMemo } from 'react';
import { Anchor, Group, Loader, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import type { StateItem } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { fold, useGroupLabel } from './labels';
import { GROUPS, isGroup, statesQuery } from './queries';
import classes from './states.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Verbatim } from '../../ui/localized';

export default function StatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const groupLabel = useGroupLabel();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 250);
  const groupParam = params.get('group');
  const group = isGroup(groupParam) ? groupParam : undefined;

  const states = useQuery({ ...statesQuery({ group, q: q || undefined }), placeholderData: keepPreviousData });

  const rows = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return [...(states.data?.items ?? [])].sort((a, b) => collator.compare(a.names[lang], b.names[lang]));
  }, [states.data, lang]);

  const display = new Intl.DisplayNames([lang], { type: 'language' });
  const total = states.data?.total ?? 0;

  return (
    <div>
      <PageHeading>{t('states.title')}</PageHeading>
      <Text mb="lg" className={listing.intro}>
        {t('states.intro')}
      </Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput
          type="search"
          label={t('states.search')}
          description={t('states.searchHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          className={listing.search}
          autoComplete="off"
        />
        <NativeSelect
          label={t('states.group')}
          value={group ?? ''}
          onChange={(e) => update('group', e.currentTarget.value)}
          data={[{ value: '', label: t('states.allGroups') }, ...GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))]}
          className={classes.group}
        />
      </form>

      <Group gap="xs" my="md" mih={28}>
        <Text role="status" aria-live="polite" fw={600}>
          {states.isPending ? '' : t('states.count', { count: total })}
        </Text>
        {states.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>

      {states.isError ? (
        <ProblemAlert error={states.error} />
      ) : states.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text>{t('states.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table striped highlightOnHover withTableBorder verticalSpacing="sm" className={listing.table}>
            <Table.Caption className={listing.caption}>{t('states.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('states.name')}</Table.Th>
                <Table.Th scope="col">{t('states.code')}</Table.Th>
                <Table.Th scope="col">{t('states.group')}</Table.Th>
                <Table.Th scope="col">{t('states.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.iso3}>
                  <Table.Th scope="row" className={classes.nameCell}>
                    <Anchor component={Link} to={to(`/states/${s.iso3}`)}>
                      {s.names[lang]}
                    </Anchor>
                    <MatchedName state={s} q={q} lang={lang} display={display} />
                  </Table.Th>
                  <Table.Td className={ui.code}>
                    <Verbatim>{s.iso3}</Verbatim>
                  </Table.Td>
                  <Table.Td>{groupLabel(s.regionalGroup)}</Table.Td>
                  <Table.Td>{s.status === 'member' ? t('states.member') : t('states.observer')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </div>
  );
}

/** When the search matched a name in another language, that name, so the match is understood. */
function MatchedName({ state, q, lang, display }: { state: StateItem; q: string; lang: Language; display: Intl.DisplayNames }) {
  const { t } = useTranslation();
  if (!q) return null;
  const needle = fold(q);
  if (fold(state.names[lang]).includes(needle)) return null;
  const other = LANGUAGES.find((l) => fold(state.names[l]).includes(needle));
  if (!other) return null;
  return (
    <Text size="sm" c="dimmed" className={classes.matched}>
      {t('states.matched', { language: display.of(other) ?? other })}{' '}
      <span lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
        {state.names[other]}
      </span>
    </Text>
  );
}
