import { Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { FallbackMark } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchParam } from '../../ui/search-params';
import { FrameworkLinks } from './FrameworkLinks';
import { Citation, DateField, ElementText, StatusBadge } from './parts';
import { changesQuery, isDate, today, useFrameworkLabels, type Change } from './queries';
import classes from './framework.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { formatDate } from '../../ui/dates';

const GROUPS: Change['change'][] = ['added', 'changed', 'removed'];

export default function TimelinePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useFrameworkLabels();
  const [params, set] = useSearchParam();
  const now = today();
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const from = isDate(fromParam) ? fromParam : '2023-01-01';
  const until = isDate(toParam) ? toParam : now;
  const valid = from <= until;

  const changes = useQuery({ ...changesQuery(from, until, lang), enabled: valid, placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <PageHeading>{t('framework.timeline.title')}</PageHeading>
      <Text className={listing.intro}>{t('framework.timeline.intro')}</Text>
      <FrameworkLinks current="timeline" />

      <Group align="flex-end" gap="md" className={ui.noPrint}>
        <DateField label={t('framework.timeline.from')} value={from} onChange={(d) => set('from', d)} />
        <DateField label={t('framework.timeline.to')} value={until} onChange={(d) => set('to', d)} />
        <Anchor component={Link} to={`${to('/framework')}?asOf=${from}`}>
          {t('framework.timeline.viewOn', { date: formatDate(from, lang) })}
        </Anchor>
        <Anchor component={Link} to={`${to('/framework')}?asOf=${until}`}>
          {t('framework.timeline.viewOn', { date: formatDate(until, lang) })}
        </Anchor>
      </Group>

      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {valid ? t('framework.timeline.between', { from: formatDate(from, lang), to: formatDate(until, lang) }) : t('framework.timeline.badRange')}
        </Text>
        {changes.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>

      {!valid ? null : changes.isError ? (
        <ProblemAlert error={changes.error} />
      ) : changes.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : changes.data.items.length === 0 ? (
        <Text>{t('framework.timeline.noChanges')}</Text>
      ) : (
        GROUPS.map((group) => {
          const items = changes.data.items.filter((c) => c.change === group);
          if (items.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`changes-${group}`} data-change={group}>
              <Title order={2} size="h3" id={`changes-${group}`} mb="sm">
                {labels.change(group)} ({items.length.toLocaleString(lang)})
              </Title>
              <ol className={classes.elements}>
                {items.map((c) => {
                  const v = c.to ?? c.from;
                  if (!v) return null;
                  return (
                    <li key={c.code} className={classes.element} data-code={c.code}>
                      <Title order={3} size="h4" lang={v.display.language} dir={directionOf(v.display.language)}>
                        <Anchor component={Link} to={to(`/framework/${c.code}/v/${v.version}`)}>
                          {v.display.title}
                        </Anchor>
                      </Title>
                      <Group gap="xs" my={4}>
                        <Badge variant="light" color="un" className={ui.badge}>
                          {labels.change(c.change)}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {labels.kind(c.kind)} · {t('framework.effectiveOnDate', { date: formatDate(v.effectiveOn, lang) })}
                        </Text>
                        <StatusBadge status={v.display.status} />
                        <FallbackMark show={v.display.fallback} />
                      </Group>
                      <ElementText display={v.display} />
                      <Citation version={v} />
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })
      )}
    </Stack>
  );
}
