import { Anchor, Button, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { StateName } from '../states';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf, isLanguage, LANGUAGES } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { FallbackMark } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { formatDate } from '../../ui/dates';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import listing from '../../ui/listing.module.css';
import { Passages } from './Passages';
import { isDate, isIso3, isSearchKind, PAGE_SIZE, SEARCH_KINDS, searchQuery, useKindLabel } from './queries';
import classes from './search.module.css';

/** Results of the one search, with its filters kept in the address (`/search?q=…&kind=…&language=…&from=…&to=…&state=…`). */
export default function SearchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const kindLabel = useKindLabel();
  const languageName = new Intl.DisplayNames([lang], { type: 'language' });
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 300);
  const kindParam = params.get('kind');
  const kind = isSearchKind(kindParam) ? kindParam : undefined;
  const languageParam = params.get('language');
  const language = isLanguage(languageParam) ? languageParam : undefined;
  const from = isDate(params.get('from')) ? params.get('from')! : undefined;
  const until = isDate(params.get('to')) ? params.get('to')! : undefined;
  const state = isIso3(params.get('state')) ? params.get('state')! : undefined;
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const filters = { q, kind, language, from, to: until, state, offset };

  const results = useQuery({ ...searchQuery(filters, lang), enabled: q.length > 0, placeholderData: keepPreviousData });
  const counts = new Map((results.data?.facets ?? []).map((f) => [f.kind, f.count]));
  // A filter changed: back to the first page, in one change of the address.
  const setFilter = (key: string, value: string) => update(key, value, ['offset']);

  return (
    <Stack gap="md">
      <PageHeading>{t('search.title')}</PageHeading>
      <Text className={listing.intro}>{t('search.intro')}</Text>
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput type="search" label={t('search.field')} description={t('search.help')} value={text} onChange={(e) => setText(e.currentTarget.value)} className={listing.search} autoComplete="off" />
        <NativeSelect
          label={t('search.kind')}
          value={kind ?? ''}
          onChange={(e) => setFilter('kind', e.currentTarget.value)}
          data={[
            { value: '', label: t('search.allKinds') },
            ...SEARCH_KINDS.map((k) => ({ value: k, label: counts.has(k) ? t('search.kindCount', { kind: kindLabel(k), n: counts.get(k)!.toLocaleString(lang) }) : kindLabel(k) })),
          ]}
        />
        <NativeSelect
          label={t('search.language')}
          value={language ?? ''}
          onChange={(e) => setFilter('language', e.currentTarget.value)}
          data={[{ value: '', label: t('search.anyLanguage') }, ...LANGUAGES.map((l) => ({ value: l, label: languageName.of(l) ?? l }))]}
        />
        <TextInput type="date" label={t('search.from')} value={from ?? ''} onChange={(e) => setFilter('from', isDate(e.currentTarget.value) ? e.currentTarget.value : '')} />
        <TextInput type="date" label={t('search.to')} value={until ?? ''} onChange={(e) => setFilter('to', isDate(e.currentTarget.value) ? e.currentTarget.value : '')} />
        <TextInput
          label={t('search.state')}
          description={t('search.stateHelp')}
          defaultValue={state ?? ''}
          maxLength={3}
          onChange={(e) => {
            const v = e.currentTarget.value.trim().toUpperCase();
            if (v === '' || isIso3(v)) setFilter('state', v);
          }}
        />
      </form>

      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {q && results.data ? t('search.found', { count: results.data.total }) : ''}
        </Text>
        {results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>

      {!q ? (
        <Text>{t('search.prompt')}</Text>
      ) : results.isError ? (
        <ProblemAlert error={results.error} />
      ) : results.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : results.data.items.length === 0 ? (
        <Text>{t('search.none')}</Text>
      ) : (
        <>
          <ol className={classes.results}>
            {results.data.items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className={classes.result} data-kind={item.kind}>
                <Title order={2} size="h4" lang={item.title.language ?? undefined} dir={item.title.language ? directionOf(item.title.language) : 'auto'}>
                  <Anchor component={Link} to={to(item.link)}>
                    {item.title.text}
                  </Anchor>
                </Title>
                <Group gap="xs" my={4}>
                  <Text size="sm" c="dimmed">
                    {kindLabel(item.kind)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(item.date, lang)}
                  </Text>
                  {item.state ? (
                    <Text size="sm" c="dimmed">
                      <StateName iso3={item.state} />
                    </Text>
                  ) : null}
                  <FallbackMark show={item.title.fallback} />
                </Group>
                <Passages item={item} />
              </li>
            ))}
          </ol>
          <Group justify="space-between">
            <Button variant="default" disabled={offset === 0} onClick={() => {
                const previous = Math.max(0, offset - PAGE_SIZE);
                update('offset', previous ? String(previous) : '');
              }}>
              {t('search.previous')}
            </Button>
            <Button variant="default" disabled={offset + PAGE_SIZE >= results.data.total} onClick={() => update('offset', String(offset + PAGE_SIZE))}>
              {t('search.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
