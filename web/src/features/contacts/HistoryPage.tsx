import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { AsWritten, isolated, ProperName, Sentence } from '../../ui/localized';
import { formatList } from '../../ui/lists';
import { zoneName } from '../../ui/time-zones';
import { CHANGE_LABEL, ROLE_LABEL, WEEKDAY_LABEL, type Weekday } from './labels';
import { historyQuery } from './queries';
import ui from '../../ui/ui.module.css';

type Version = { version: number; change: keyof typeof CHANGE_LABEL; record: Record<string, unknown>; transmission: { filename: string; url: string } | null; at: string };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One version as the focal point made it: the nomination's fields, or the reason of a withdrawal. */
function VersionRecord({ v }: { v: Version }) {
  const { t } = useTranslation();
  const r = v.record;
  const lang = useLang();
  if (v.change === 'withdraw')
    return <Text size="sm">{text(r.reason) ? <Sentence i18nKey="contacts.history.reason" values={{ reason: <AsWritten>{text(r.reason)}</AsWritten> }} /> : t('contacts.history.noReason')}</Text>;
  const hours = r.workingHours as { days: number[]; from: string; to: string } | undefined;
  const role = text(r.role) === 'diplomatic' || text(r.role) === 'technical' ? t(ROLE_LABEL[text(r.role) as 'diplomatic' | 'technical']) : '';
  // The languages by their names in the page's language, the zone by its name with its identifier isolated.
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  const languages = Array.isArray(r.languages) ? r.languages.filter((l): l is string => typeof l === 'string').map((l) => languageNames.of(l) ?? l) : [];
  const zone = text(r.timeZone);
  const details = [
    languages.length ? formatList(languages, lang) : '',
    zone ? `${zoneName(zone, lang)} (${isolated(zone, lang)})` : '',
    hours ? `${formatList(hours.days.map((d) => t(WEEKDAY_LABEL[d as Weekday])), lang)} ${hours.from}–${hours.to}` : '',
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text fw={600}>
        <ProperName>{text(r.name)}</ProperName>
        {role ? ` · ${role}` : ''}
      </Text>
      {/* A title and a ministry as the focal point wrote them, in whatever language. */}
      {text(r.title) || text(r.organisation) ? (
        <Text size="sm">
          <AsWritten>{[text(r.title), text(r.organisation)].filter(Boolean).join(', ')}</AsWritten>
        </Text>
      ) : null}
      <Text size="sm" dir="ltr" style={{ textAlign: 'start' }}>
        {text(r.email)} · {text(r.phone)}
      </Text>
      <Text size="sm">{details.join(' · ')}</Text>
    </Stack>
  );
}

/** Every version of a nomination, newest first: its State's own side and the Secretariat read it. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const { id = '' } = useParams();
  const query = useQuery(historyQuery(id));
  return (
    <Stack gap="lg" maw="48rem">
      <PageHeading>{t('contacts.history.title')}</PageHeading>
      <Anchor component={Link} to={to('/contacts')}>
        {t('contacts.directory.title')}
      </Anchor>
      <Loaded query={query}>
        {(data) => (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
            {[...(data.items as Version[])].reverse().map((v) => (
              <Paper component="li" withBorder p="md" key={v.version}>
                <Group gap="xs" mb="xs">
                  <Badge variant="outline" color={v.change === 'withdraw' ? 'dark' : 'un.8'} className={ui.badge}>
                    {t(CHANGE_LABEL[v.change])}
                  </Badge>
                  <Text size="sm">
                    {t('contacts.change.version', { version: v.version })} · {formatInstant(v.at, lang)}
                  </Text>
                </Group>
                <VersionRecord v={v} />
                {v.transmission ? (
                  <Text size="sm" mt="xs">
                    <Anchor href={v.transmission.url} download={v.transmission.filename}>
                      {t('contacts.history.transmission', { version: v.version })}
                    </Anchor>{' '}
                    (<ProperName>{v.transmission.filename}</ProperName>)
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
