import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { formatInZone, formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { isolated, Localized } from '../../ui/localized';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { stateQuery } from '../states';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TimeZoneSelect, viewerZone } from '../../ui/time-zones';
import { FOLLOWS_KEY, followingQuery, KIND_KEYS, notificationsQuery, preferenceQuery, WHAT_KEYS, type Notice, type Preference } from './queries';

/** One's notices (newest first, unread marked), what one follows, and how one is told (signed in: the router's RequireAccount). */
export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={820}>
      <PageHeading>{t('follows.title')}</PageHeading>
      <Notices />
      <Following />
      <PreferenceSection />
    </Stack>
  );
}

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST('/api/v1/me/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [FOLLOWS_KEY] }),
    onError: notifyError,
  });
}

function Notices() {
  const { t } = useTranslation();
  const query = useQuery(notificationsQuery());
  const preference = useQuery(preferenceQuery());
  const markRead = useMarkRead();
  return (
    <section aria-labelledby="notices-title">
      <Group justify="space-between" align="center" mb="sm">
        <Title order={2} size="h3" id="notices-title">
          {t('follows.notices')}
        </Title>
        {query.data && query.data.unread > 0 ? (
          <Button variant="outline" onClick={() => markRead.mutate(undefined)} loading={markRead.isPending}>
            {t('follows.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <Loaded query={query}>
        {(data) => (
          <>
            <Text mb="sm" role="status" data-testid="unread-summary">
              {data.unread > 0 ? t('follows.unread', { count: data.unread }) : t('follows.allRead')}
            </Text>
            {data.items.length === 0 ? (
              <Text c="dimmed">{t('follows.none')}</Text>
            ) : (
              <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} aria-labelledby="notices-title">
                {data.items.map((n) => (
                  <NoticeItem key={n.id} notice={n} zone={preference.data?.timeZone ?? viewerZone()} onRead={() => markRead.mutate([n.id])} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function NoticeItem({ notice, zone, onRead }: { notice: Notice; zone: string; onRead: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  return (
    <Paper component="li" withBorder p="sm" data-testid="notice" data-read={notice.read}>
      <Stack gap={4}>
        <Group gap="xs">
          {notice.read ? null : (
            <Badge color="un" variant="filled">
              {t('follows.new')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t(KIND_KEYS[notice.kind])} · <time dateTime={notice.at}>{formatInstant(notice.at, lang)}</time>
          </Text>
        </Group>
        <Text component="div">
          <Anchor component={Link} to={to(`/${notice.path}`)} fw={600}>
            <Localized text={notice.title} />
          </Anchor>
          {': '}
          {notice.what === 'report-submitted' && notice.label ? <SubmittedBy notice={notice} iso3={notice.label} /> : t(WHAT_KEYS[notice.what], { label: isolated(notice.label ?? '', lang) })}
        </Text>
        {notice.deadlineAt ? <Text size="sm">{t('follows.deadline', { when: formatInZone(notice.deadlineAt, zone, lang) })}</Text> : null}
        {notice.read ? null : (
          <Button variant="subtle" size="compact-sm" w="fit-content" onClick={onRead}>
            {t('follows.markRead')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** A report's submission names its State (the notice's label is its code) in the page's language, from the States' reference. */
function SubmittedBy({ notice, iso3 }: { notice: Notice; iso3: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useQuery(stateQuery(iso3));
  const name = data?.state.names[lang];
  return <>{t(WHAT_KEYS[notice.what], { label: name || isolated(iso3, lang) })}</>;
}

function Following() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const query = useQuery(followingQuery());
  return (
    <section aria-labelledby="following-title">
      <Title order={2} size="h3" id="following-title" mb="sm">
        {t('follows.followingTitle')}
      </Title>
      <Loaded query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('follows.followingNone')}</Text>
          ) : (
            <ul>
              {data.items.map((f) => (
                <li key={`${f.kind}:${f.id}`}>
                  <Anchor component={Link} to={to(`/${f.path}`)}>
                    <Localized text={f.title} />
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    ({t(KIND_KEYS[f.kind])})
                  </Text>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function PreferenceSection() {
  const { t } = useTranslation();
  const query = useQuery(preferenceQuery());
  return (
    <section aria-labelledby="preference-title">
      <Title order={2} size="h3" id="preference-title" mb="sm">
        {t('follows.howTitle')}
      </Title>
      <Loaded query={query}>{(pref) => <PreferenceForm saved={pref} />}</Loaded>
    </section>
  );
}

export function PreferenceForm({ saved }: { saved: Preference }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [delivery, setDelivery] = useState<Preference['delivery']>(saved.delivery);
  const [timeZone, setTimeZone] = useState(saved.timeZone);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/me/notification-preference', { body: { delivery, timeZone } })),
    onSuccess: (pref) => {
      queryClient.setQueryData(preferenceQuery().queryKey, pref);
      notifySuccess(t('follows.saved'));
      focusDone('preference');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={560}>
        <Radio.Group label={t('follows.delivery')} value={delivery} onChange={(v) => setDelivery(v as Preference['delivery'])}>
          <Stack gap={6} mt={6}>
            <Radio value="immediate" label={t('follows.immediate')} />
            <Radio value="digest" label={t('follows.digest')} />
          </Stack>
        </Radio.Group>
        <TimeZoneSelect label={t('follows.timeZone')} description={t('follows.timeZoneHelp')} value={timeZone} onChange={setTimeZone} />
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        <DoneMessage name="preference" show={save.isSuccess}>
          {t('follows.saved')}
        </DoneMessage>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('follows.save')}
        </Button>
      </Stack>
    </form>
  );
}
