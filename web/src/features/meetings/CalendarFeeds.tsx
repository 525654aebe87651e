import { useState } from 'react';
import { Alert, Anchor, Button, CopyButton, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { useLang } from '../../app/paths';
import { useMe } from '../../app/session';
import { ConfirmDialog, DANGER_COLOR } from '../../ui/ConfirmDialog';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { viewerZone } from '../../ui/zones';
import { privateFeedQuery } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { formatInZone } from '../../ui/dates';

/** `https://…/meetings.ics` → `webcal://…/meetings.ics`: calendar applications subscribe on a click. */
export const webcal = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

function FeedUrl({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text className={classes.feedUrl} data-testid="feed-url">
        {url}
      </Text>
      <Group gap="sm">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <>
              <Button size="compact-sm" variant="outline" onClick={copy} aria-label={t('calendar.copyLinkOf', { feed: label })}>
                {copied ? t('calendar.copied') : t('calendar.copyLink')}
              </Button>
              {/* The button's name stays the same; that the link was copied is said here. */}
              <VisuallyHidden role="status">{copied ? t('calendar.copied') : ''}</VisuallyHidden>
            </>
          )}
        </CopyButton>
        <Anchor href={webcal(url)}>{t('calendar.subscribe')}</Anchor>
        <Anchor href={url} download>
          {t('calendar.download')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** "Add to your calendar": the public feed, and for a signed-in account its own private feed. */
export function CalendarFeeds({ publicUrl }: { publicUrl: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data?.account;
  return (
    <section aria-labelledby="calendar-feeds" className={classes.feed}>
      <Title order={2} size="h3" id="calendar-feeds" mb="xs">
        {t('calendar.feeds.title')}
      </Title>
      <Text mb="sm" className={listing.intro}>
        {t('calendar.feeds.intro')}
      </Text>
      <Stack gap="md">
        {publicUrl ? <FeedUrl url={publicUrl} label={t('calendar.feeds.public')} /> : <Loader size="sm" aria-label={t('common.loading')} />}
        {signedIn ? <PrivateFeed /> : <Text size="sm">{t('calendar.feeds.signInForPrivate')}</Text>}
      </Stack>
    </section>
  );
}

function PrivateFeed() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const status = useQuery(privateFeedQuery());
  const [confirm, setConfirm] = useState<null | 'replace' | 'revoke'>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calendar/private-feed', {})),
    onSuccess: () => {
      setConfirm(null);
      // The new address, shown only once: the focus goes to it.
      focusWhenShown('[data-testid="private-feed-created"]');
      void queryClient.invalidateQueries({ queryKey: privateFeedQuery().queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/calendar/private-feed', {})),
    onSuccess: () => {
      setConfirm(null);
      create.reset();
      notifySuccess(t('calendar.feeds.revoked'));
      focusDone('private-feed-revoked');
      void queryClient.invalidateQueries({ queryKey: privateFeedQuery().queryKey });
    },
  });

  if (status.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (status.isError) return <ProblemAlert error={status.error} />;
  const active = status.data.active;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('calendar.feeds.private')}
      </Text>
      <Text size="sm" className={listing.intro}>
        {t('calendar.feeds.privateIntro')}
      </Text>
      <ProblemAlert error={create.error ?? revoke.error} />
      <DoneMessage name="private-feed-revoked" show={revoke.isSuccess && !create.data}>
        {t('calendar.feeds.revoked')}
      </DoneMessage>
      {create.data ? (
        <Alert color="#1e6b30" variant="light" role="status" title={t('calendar.feeds.created')} data-testid="private-feed-created">
          <FeedUrl url={create.data.url} label={t('calendar.feeds.private')} />
          <Text size="sm" mt="xs">
            {t('calendar.feeds.shownOnce')}
          </Text>
        </Alert>
      ) : active && status.data.createdAt ? (
        <Text size="sm">{t('calendar.feeds.active', { date: formatInZone(status.data.createdAt, viewerZone(), lang, { time: false, named: false }) })}</Text>
      ) : null}
      <Group gap="sm">
        {active ? (
          <>
            <Button variant="outline" onClick={() => setConfirm('replace')}>
              {t('calendar.feeds.replace')}
            </Button>
            <Button variant="outline" color={DANGER_COLOR} onClick={() => setConfirm('revoke')}>
              {t('calendar.feeds.revoke')}
            </Button>
          </>
        ) : (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('calendar.feeds.create')}
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'revoke' ? t('calendar.feeds.revoke') : t('calendar.feeds.replace')}
        message={confirm === 'revoke' ? t('calendar.feeds.revokeWarning') : t('calendar.feeds.replaceWarning')}
        confirmLabel={confirm === 'revoke' ? t('calendar.feeds.revoke') : t('calendar.feeds.replace')}
        danger={confirm === 'revoke'}
        loading={create.isPending || revoke.isPending}
        onConfirm={() => (confirm === 'revoke' ? revoke.mutate() : create.mutate())}
      />
    </Stack>
  );
}
