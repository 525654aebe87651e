import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { Loaded } from '../../ui/Loaded';
import { AsWritten, Localized, LocalizedList, Verbatim } from '../../ui/localized';
import { StateName } from '../states';
import { PageHeading } from '../../ui/PageHeading';
import ui from '../../ui/ui.module.css';
import { initiativeQuery, useInitiativeLabels } from './queries';
import { ReviewActions } from './ReviewActions';

/** One initiative: who runs it, what it serves, who takes part; the Secretariat's review while it is proposed. */
export default function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const to = useLocalPath();
  const labels = useInitiativeLabels();
  const query = useQuery(initiativeQuery(id));
  if (!query.isSuccess) return <Loaded query={query} />;
  const i = query.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={to('/initiatives')}>
        {t('initiatives.backToList')}
      </Anchor>
      <PageHeading title={i.name.en}>
        <Localized text={i.name} />
      </PageHeading>
      {i.status !== 'published' ? (
        <Alert variant="light" color={i.status === 'declined' ? 'red.9' : 'un'} title={labels.status(i.status)}>
          {i.status === 'declined' ? t('initiatives.declinedBecause', { reason: i.declineReason ?? '' }) : t('initiatives.awaitingReview')}
        </Alert>
      ) : null}
      {i.summary ? (
        <Text>
          <Localized text={i.summary} />
        </Text>
      ) : null}
      <dl className={ui.facts}>
        <dt>{t('initiatives.owner')}</dt>
        <dd>
          <Localized text={i.owner} />
        </dd>
        <dt>{t('initiatives.kind')}</dt>
        <dd>{labels.kind(i.kind)}</dd>
        <dt>{t('initiatives.states')}</dt>
        <dd>
          {i.states.length ? (
            <LocalizedList
              items={i.states.map((s) => (
                <Anchor key={s} component={Link} to={to(`/states/${s}`)}>
                  <StateName iso3={s} />
                </Anchor>
              ))}
            />
          ) : (
            t('initiatives.notGiven')
          )}
        </dd>
        <dt>{t('initiatives.contact')}</dt>
        <dd>{i.contact ?? t('initiatives.notGiven')}</dd>
      </dl>
      <section aria-labelledby="initiative-elements">
        <Title order={2} size="h3" id="initiative-elements" mb="sm">
          {t('initiatives.elements')}
        </Title>
        {i.elements.length ? (
          <ul>
            {i.elements.map((code) => (
              <li key={code}>
                <Anchor component={Link} to={to(`/framework/${code}`)}>
                  <Verbatim>{code}</Verbatim>
                </Anchor>
              </li>
            ))}
          </ul>
        ) : (
          <Text>{t('initiatives.notGiven')}</Text>
        )}
      </section>
      {i.links.length ? (
        <section aria-labelledby="initiative-links">
          <Title order={2} size="h3" id="initiative-links" mb="sm">
            {t('initiatives.links')}
          </Title>
          <ul>
            {i.links.map((l) => (
              <li key={l.url}>
                <Anchor href={l.url} rel="noopener noreferrer external">
                  <AsWritten mark={false}>{l.label}</AsWritten>
                </Anchor>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {i.can.edit ? (
        <Anchor component={Link} to={to(`/initiatives/${i.id}/edit`)} w="fit-content">
          {t('initiatives.edit')}
        </Anchor>
      ) : null}
      <ReviewActions initiative={i} />
    </Stack>
  );
}
