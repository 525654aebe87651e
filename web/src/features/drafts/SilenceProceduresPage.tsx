import { useState } from 'react';
import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { FollowButton } from '../follows';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { useHashTarget } from '../../ui/hash-target';
import { DoneMessage } from '../../ui/DoneMessage';
import { PageHeading } from '../../ui/PageHeading';
import { BreakSilence } from './BreakSilence';
import { Countdown, DecisionAlert, Deadline, useStateNameOf } from './parts';
import { silenceQuery } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';
import { InLanguage } from '../../ui/localized';

/** Open silence procedures, soonest deadline first; a State's focal point may break silence for its State. */
export default function SilenceProceduresPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const query = useQuery({ ...silenceQuery(), refetchInterval: 30_000 });
  const state = useStateNameOf(query.data?.actingFor ?? null);
  // Said once a break has taken its procedure off the list (BreakSilence moves the focus to it).
  const [broken, setBroken] = useState(false);
  useHashTarget(query.isSuccess);
  return (
    <Stack gap="lg">
      <PageHeading>{t('silence.title')}</PageHeading>
      <Text className={listing.intro}>{t('silence.intro')}</Text>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <DecisionAlert error={query.error} />
      ) : (
        <>
          <DoneMessage name="silence-broken" show={broken}>
            {t('silence.broken', { state })}
          </DoneMessage>
          <Text role="status">{t('silence.count', { count: query.data.items.length })}</Text>
          {query.data.actingFor && !query.data.can.breakSilence ? <Text size="sm">{t('silence.focalPointOnly', { state })}</Text> : null}
          <ul className={classes.procedures}>
            {query.data.items.map((p) => (
              <Paper component="li" withBorder p="md" key={p.id} id={`silence-${p.id}`} data-procedure={p.id} aria-labelledby={`silence-title-${p.id}`}>
                <Stack gap="xs">
                  <Title order={2} size="h4" id={`silence-title-${p.id}`}>
                    <Anchor component={Link} to={to(`/drafts/${p.draftId}`)}>
                      <InLanguage lang="en">{p.title}</InLanguage>
                    </Anchor>
                  </Title>
                  <Text size="sm">{t('silence.revisionCirculated', { revision: p.revision === 0 ? t('drafts.zeroDraft') : t('drafts.revN', { n: p.revision }) })}</Text>
                  <Text component="div">
                    <Deadline at={p.deadlineAt} zone={p.deadlineZone} />
                  </Text>
                  <Countdown at={p.deadlineAt} zone={p.deadlineZone} />
                  <FollowButton kind="silence-procedure" id={p.id} describedBy={`silence-title-${p.id}`} />
                  {p.can.breakSilence && query.data.actingFor ? (
                    <div>
                      <BreakSilence procedureId={p.id} title={p.title} actingFor={query.data.actingFor} onBroken={() => setBroken(true)} />
                    </div>
                  ) : null}
                </Stack>
              </Paper>
            ))}
          </ul>
        </>
      )}
    </Stack>
  );
}
