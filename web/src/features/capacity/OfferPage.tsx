import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { Localized } from '../../ui/localized';
import ui from '../../ui/ui.module.css';
import { StateName, useGroupLabel } from '../states';
import type { RegionalGroupId } from '../../api/client';
import { FrameworkCodes, Manage, MatchSteps, OfferorName, PeriodText, Reasons, RecordHead, Section } from './parts';
import { offerQuery, rankedNeedsQuery, useCapacityLabels, type OfferDetail, type RankedNeeds } from './queries';

/** An offer: what it gives, the matches on it the viewer is a party to, and the needs ranked for it with their reasons. */
export default function OfferPage() {
  const { id = '' } = useParams();
  const offer = useQuery(offerQuery(id));
  if (!offer.isSuccess) return <Loaded query={offer} />;
  return <Offer offer={offer.data} />;
}

function Offer({ offer: o }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const group = useGroupLabel();
  const ranked = useQuery(rankedNeedsQuery(o.id));
  return (
    <Stack gap="lg">
      <RecordHead owner=<OfferorName offeror={o.offeror} /> title={o.title} description={o.description} status={labels.offerStatus(o.status)} statusTestId="offer-status" visibility={o.visibility} />
      <dl className={ui.facts}>
        <dt>{t('capacity.fields.codes')}</dt>
        <dd>
          <FrameworkCodes codes={o.codes} />
        </dd>
        <dt>{t('capacity.fields.modalities')}</dt>
        <dd>{labels.list(o.modalities.map(labels.modality))}</dd>
        <dt>{t('capacity.fields.languages')}</dt>
        <dd>{labels.languages(o.languages)}</dd>
        <dt>{t('capacity.fields.served')}</dt>
        <dd>
          {o.regions.length === 0 && o.states.length === 0
            ? t('capacity.fields.everyState')
            : labels.list([...o.regions.map((r) => group(r as RegionalGroupId)), ...o.states])}
        </dd>
        <dt>{t('capacity.fields.capacity')}</dt>
        <dd>{t('capacity.fields.engaged', { engaged: o.engaged, capacity: o.capacity })}</dd>
        <dt>{t('capacity.fields.period')}</dt>
        <dd>
          <PeriodText start={o.periodStart} end={o.periodEnd} />
        </dd>
        {o.conditions ? (
          <>
            <dt>{t('capacity.fields.conditions')}</dt>
            <dd>{o.conditions}</dd>
          </>
        ) : null}
        <dt>{t('capacity.fields.published')}</dt>
        <dd>{formatDay(o.publishedAt, lang)}</dd>
      </dl>
      <Manage kind="offer" id={o.id} moveTo={o.can.moveTo} edit={o.can.edit} visibility={o.visibility} />
      <Section id="offer-matches" title={t('capacity.offer.matches')}>
        <MatchSteps matches={o.matches} show="need" />
      </Section>
      <Section id="ranked-needs" title={t('capacity.offer.ranked')}>
        <Loaded query={ranked}>
          {(data: RankedNeeds) =>
            data.items.length === 0 ? (
              <Text>{t('capacity.offer.noNeeds')}</Text>
            ) : (
              <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('capacity.offer.ranked')}>
                {data.items.map(({ need, score, reasons }, i) => (
                  <Paper key={need.id} withBorder p="md" component="li" data-need={need.id}>
                    <Stack gap="xs">
                      <Text fw={600}>
                        {t('capacity.rank.position', { n: i + 1 })}{' '}
                        <Anchor component={Link} to={to(`/capacity/needs/${need.id}`)}>
                          <Localized text={need.title} />
                        </Anchor>
                      </Text>
                      <Text size="sm">
                        {t('capacity.fields.state')}: <StateName iso3={need.state} />
                      </Text>
                      <Reasons reasons={reasons} score={score} />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </Loaded>
      </Section>
    </Stack>
  );
}
