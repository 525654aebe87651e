import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { FallbackMark } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchParam } from '../../ui/search-params';
import { Citation, DateField, ElementText, StatusBadge } from './parts';
import { frameworkQuery, isDate, isPillar, PILLARS, today, useFrameworkLabels, type Pillar } from './queries';
import { FrameworkLinks } from './FrameworkLinks';
import classes from './framework.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { formatDate } from '../../ui/dates';

export default function FrameworkPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useFrameworkLabels();
  const [params, update] = useSearchParam();
  const asOfParam = params.get('asOf');
  const asOf = isDate(asOfParam) ? asOfParam : today();
  const pillarParam = params.get('pillar');
  const pillar: Pillar = isPillar(pillarParam) ? pillarParam : 'international-law';

  const framework = useQuery({ ...frameworkQuery(asOf, lang), placeholderData: keepPreviousData });
  const items = (framework.data?.items ?? []).filter((v) => v.pillar === pillar);

  const withParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    return `?${next.toString()}`;
  };

  return (
    <Stack gap="md">
      <PageHeading>{t('framework.title')}</PageHeading>
      <Text className={listing.intro}>{t('framework.intro')}</Text>
      <FrameworkLinks current="browse" />

      <Group align="flex-end" gap="md" className={ui.noPrint}>
        <DateField
          label={t('framework.asOf')}
          description={t('framework.asOfHelp')}
          value={asOf}
          onChange={(date) => update('asOf', date)}
        />
        <Button variant="outline" onClick={() => window.print()}>
          {t('framework.print')}
        </Button>
        <Anchor href={`/api/v1/framework/export?asOf=${asOf}&format=json`} download>
          {t('framework.exportJson')}
        </Anchor>
        <Anchor href={`/api/v1/framework/export?asOf=${asOf}&format=csv`} download>
          {t('framework.exportCsv')}
        </Anchor>
      </Group>

      <Text fw={600} role="status" aria-live="polite">
        {t('framework.asOfShown', { date: formatDate(asOf, lang) })}
      </Text>

      <nav aria-label={t('framework.pillarsLabel')} className={ui.noPrint}>
        <ul className={classes.pillars}>
          {PILLARS.map((p) => {
            const count = framework.data?.items.filter((v) => v.pillar === p).length;
            return (
              <li key={p}>
                <Link to={withParam('pillar', p)} replace aria-current={p === pillar ? 'page' : undefined} className={classes.pillar}>
                  {labels.pillar(p)}
                  {count !== undefined ? <span className={classes.pillarCount}> ({count.toLocaleString(lang)})</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Title order={2} size="h3">
        {labels.pillar(pillar)}
        {framework.isFetching ? <Loader size="xs" ms="sm" aria-label={t('common.loading')} /> : null}
      </Title>

      {framework.isError ? (
        <ProblemAlert error={framework.error} />
      ) : framework.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text>{t('framework.none')}</Text>
      ) : (
        <ol className={classes.elements}>
          {items.map((v) => (
            <li key={v.code} className={classes.element} data-code={v.code}>
              <Title order={3} size="h4" lang={v.display.language} dir={directionOf(v.display.language)}>
                <Anchor component={Link} to={to(`/framework/${v.code}`)}>
                  {v.display.title}
                </Anchor>
              </Title>
              <Group gap="xs" my={4}>
                <Text size="sm" c="dimmed">
                  {labels.kind(v.kind)}
                  {v.grouping ? ` · ${v.grouping}` : ''}
                </Text>
                <StatusBadge status={v.display.status} />
                <FallbackMark show={v.display.fallback} />
              </Group>
              <ElementText display={v.display} />
              <Citation version={v} />
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
