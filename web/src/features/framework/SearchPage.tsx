import { Anchor, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { FallbackMark } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { FrameworkLinks } from './FrameworkLinks';
import { DateField, Fragments, StatusBadge } from './parts';
import { isDate, isKind, KINDS, searchQuery, today, useFrameworkLabels } from './queries';
import classes from './framework.module.css';
import listing from '../../ui/listing.module.css';
import { formatDate } from '../../ui/dates';

export default function SearchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useFrameworkLabels();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 300);
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const asOfParam = params.get('asOf');
  const asOf = isDate(asOfParam) ? asOfParam : today();

  const results = useQuery({ ...searchQuery({ q, asOf, kind, lang }), enabled: q.length > 0, placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <PageHeading>{t('framework.search.title')}</PageHeading>
      <Text className={listing.intro}>{t('framework.search.intro')}</Text>
      <FrameworkLinks current="search" />
      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput type="search" label={t('framework.search.field')} description={t('framework.search.help')} value={text} onChange={(e) => setText(e.currentTarget.value)} className={listing.search} autoComplete="off" />
        <NativeSelect
          label={t('framework.search.kind')}
          value={kind ?? ''}
          onChange={(e) => update('kind', e.currentTarget.value)}
          data={[{ value: '', label: t('framework.search.allKinds') }, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
        />
        <DateField label={t('framework.asOf')} value={asOf} onChange={(d) => update('asOf', d)} />
      </form>

      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {q && results.data ? t('framework.search.found', { n: results.data.items.length.toLocaleString(lang), date: formatDate(asOf, lang) }) : ''}
        </Text>
        {results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>

      {!q ? (
        <Text>{t('framework.search.prompt')}</Text>
      ) : results.isError ? (
        <ProblemAlert error={results.error} />
      ) : results.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : results.data.items.length === 0 ? (
        <Text>{t('framework.search.none')}</Text>
      ) : (
        <ol className={classes.elements}>
          {results.data.items.map((hit) => (
            <li key={hit.code} className={classes.element} data-code={hit.code}>
              <Title order={2} size="h4" lang={hit.display.language} dir={directionOf(hit.display.language)}>
                <Anchor component={Link} to={to(`/framework/${hit.code}/v/${hit.version}`)}>
                  {hit.display.title}
                </Anchor>
              </Title>
              <Group gap="xs" my={4}>
                <Text size="sm" c="dimmed">
                  {labels.kind(hit.kind)}
                </Text>
                <StatusBadge status={hit.display.status} />
                <FallbackMark show={hit.display.fallback} />
              </Group>
              <Fragments hit={hit} />
              <Text size="sm" mt={4}>
                <span className={classes.citationLabel}>{t('framework.source')}: </span>
                <cite lang="en" dir="ltr" className={classes.cite}>
                  {hit.citation}
                </cite>
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
