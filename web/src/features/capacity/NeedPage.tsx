import { useState } from 'react';
import { Anchor, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { isolated, Localized } from '../../ui/localized';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import ui from '../../ui/ui.module.css';
import { StateName } from '../states';
import { CapacityProblem, FrameworkCodes, Manage, MatchSteps, OfferorName, PeriodText, Reasons, RecordHead, Section } from './parts';
import { needQuery, rankedOffersQuery, useCapacityLabels, type NeedDetail, type RankedOffers } from './queries';

/** A need: what it asks, the matches on it the viewer is a party to, and the offers ranked for it with their reasons. */
export default function NeedPage() {
  const { id = '' } = useParams();
  const need = useQuery(needQuery(id));
  if (!need.isSuccess) return <Loaded query={need} />;
  return <Need need={need.data} />;
}

function Need({ need: n }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const ranked = useQuery(rankedOffersQuery(n.id));
  return (
    <Stack gap="lg">
      <RecordHead owner=<StateName iso3={n.state} /> title={n.title} description={n.description} status={labels.needStatus(n.status)} statusTestId="need-status" visibility={n.visibility} />
      <dl className={ui.facts}>
        <dt>{t('capacity.fields.codes')}</dt>
        <dd>
          <FrameworkCodes codes={n.codes} />
        </dd>
        <dt>{t('capacity.fields.modality')}</dt>
        <dd>{labels.modality(n.modality)}</dd>
        <dt>{t('capacity.fields.languages')}</dt>
        <dd>{labels.languages(n.languages)}</dd>
        <dt>{t('capacity.fields.period')}</dt>
        <dd>
          <PeriodText start={n.periodStart} end={n.periodEnd} />
        </dd>
        <dt>{t('capacity.fields.published')}</dt>
        <dd>{formatDay(n.publishedAt, lang)}</dd>
        {n.source ? (
          <>
            <dt>{t('capacity.fields.source')}</dt>
            <dd>
              <Anchor component={Link} to={to(`/reporting/reports/${n.source.reportId}`)}>
                {t('capacity.fields.sourceLink', { section: isolated(n.source.sectionKey, lang) })}
              </Anchor>
            </dd>
          </>
        ) : null}
      </dl>
      <Manage kind="need" id={n.id} moveTo={n.can.moveTo} edit={n.can.edit} visibility={n.visibility} />
      <Section id="need-matches" title={t('capacity.need.matches')}>
        <MatchSteps matches={n.matches} show="offer" />
      </Section>
      <Section id="ranked-offers" title={t('capacity.need.ranked')}>
        <Text mb="sm">
          {t('capacity.need.rankedIntro')}
        </Text>
        <Loaded query={ranked}>{(data: RankedOffers) => <RankedOfferList need={n} items={data.items} />}</Loaded>
      </Section>
    </Stack>
  );
}

function RankedOfferList({ need, items }: { need: NeedDetail; items: RankedOffers['items'] }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const client = useQueryClient();
  const [inviting, setInviting] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const invite = useMutation({
    mutationFn: (offerId: string) => unwrap(api.POST('/api/v1/capacity/needs/{id}/invitations', { params: { path: { id: need.id } }, body: { offerId, message: message.trim() } })),
    onSuccess: async (created) => {
      setInviting(null);
      setMessage('');
      notifySuccess(t('capacity.need.invited'));
      // The new match among the need's matches, not the button of the dialog that closed.
      focusWhenShown(byAttribute('data-match', created.id), { timeoutMs: 10_000 });
      await client.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
  if (items.length === 0) return <Text>{t('capacity.need.noOffers')}</Text>;
  return (
    <>
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('capacity.need.ranked')}>
      {items.map(({ offer, score, reasons, invited, can }, i) => (
        <Paper key={offer.id} withBorder p="md" component="li" data-offer={offer.id}>
          <Stack gap="xs">
            <Text fw={600}>
              {t('capacity.rank.position', { n: i + 1 })}{' '}
              <Anchor component={Link} to={to(`/capacity/offers/${offer.id}`)}>
                <Localized text={offer.title} />
              </Anchor>
            </Text>
            <Text size="sm">
              {t('capacity.fields.offeror')}: <OfferorName offeror={offer.offeror} />
            </Text>
            <Reasons reasons={reasons} score={score} />
            {can.invite ? (
              <Button w="fit-content" onClick={() => setInviting(offer.id)}>
                {t('capacity.need.invite')}
              </Button>
            ) : invited ? (
              <Text size="sm">{t('capacity.need.alreadyInvited')}</Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
      <ConfirmDialog
        opened={inviting !== null}
        onClose={() => {
          setInviting(null);
          invite.reset();
        }}
        title={t('capacity.need.inviteTitle')}
        confirmLabel={t('capacity.need.invite')}
        loading={invite.isPending}
        onConfirm={() => inviting && invite.mutate(inviting)}
      >
        <Textarea label={t('capacity.match.message')} description={t('capacity.match.messageHelp')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-autofocus />
        {invite.isError ? <CapacityProblem error={invite.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
