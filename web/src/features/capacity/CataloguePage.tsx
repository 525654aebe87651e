import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDate } from '../../ui/dates';
import { useHashTarget } from '../../ui/hash-target';
import { Loaded } from '../../ui/Loaded';
import { InLanguage, Localized, Verbatim } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { frameworkQuery, today } from '../framework';
import { StateName, statesQuery } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { catalogueChapters, type CatalogueChapter } from './catalogue';
import { PeriodText } from './parts';
import { catalogueQuery, useCapacityLabels, type Need, type Pillar } from './queries';
import classes from './capacity.module.css';

type Element = Awaited<ReturnType<ReturnType<typeof frameworkQuery>['queryFn']>>['items'][number];
type StateItem = { iso3: string; names: Record<string, string> };

/**
 * The needs-based catalogue for the annual meeting, to read or to print in the page's language: the
 * needs still looking for partners that their States published for everyone (`catalogueQuery`),
 * by pillar of the framework and then by requesting State, after a cover with the date and the counts.
 * Printed, it has no header, navigation or footer, each pillar begins a page, and each need's address
 * is written out.
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const needs = useQuery(catalogueQuery());
  const framework = useQuery(frameworkQuery(today(), lang));
  const states = useQuery(statesQuery({}));
  const ready = needs.isSuccess && framework.isSuccess && !states.isPending;
  // The States' names in the page's language, to head and order each pillar's States (their codes while the list is missing).
  const names = new Map((states.data?.items ?? []).map((s: StateItem) => [s.iso3, s.names[lang] ?? s.names.en ?? s.iso3]));
  const pillars = new Map((framework.data?.items ?? []).map((e) => [e.code, e.pillar]));
  // The contents' links (and an address with `#catalogue-norms`) bring their pillar into view and focus once it is there.
  useHashTarget(ready);
  const chapters = ready ? catalogueChapters(needs.data, (code) => pillars.get(code), (iso3) => names.get(iso3) ?? iso3, lang) : [];
  return (
    <Stack gap="xl" className={classes.catalogue}>
      <div className={classes.cover} data-testid="catalogue-cover">
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
          <PageHeading>{t('capacity.catalogue.title')}</PageHeading>
          <Button variant="outline" onClick={() => window.print()} disabled={!ready} className={ui.noPrint} style={{ flexShrink: 0 }}>
            {t('capacity.catalogue.print')}
          </Button>
        </Group>
        <CapacityLinks />
        <Text size="lg" mt="sm">
          {t('capacity.catalogue.subtitle')}
        </Text>
        <Text mt="xs" data-testid="catalogue-date">
          {t('capacity.catalogue.asOf', { date: formatDate(today(), lang) })}
        </Text>
        <Text className={listing.intro} mt="sm">
          {t('capacity.catalogue.intro')}
        </Text>
        {ready ? <Counts needs={needs.data} chapters={chapters} /> : null}
      </div>
      {ready ? (
        <Chapters needs={needs.data} chapters={chapters} elements={new Map(framework.data.items.map((e) => [e.code, e]))} names={names} />
      ) : (
        <Loaded query={[needs, framework, states]} />
      )}
    </Stack>
  );
}

/** The cover's counts: needs, requesting States, and the needs of each pillar. */
function Counts({ needs, chapters }: { needs: Need[]; chapters: CatalogueChapter[] }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const states = new Set(needs.map((n) => n.state)).size;
  return (
    <div data-testid="catalogue-counts">
      <Text fw={700} mt="md">
        {t('capacity.catalogue.counts', { needs: number.format(needs.length), states: number.format(states) })}
      </Text>
      {chapters.length ? (
        <ul className={classes.chapterList} aria-label={t('capacity.catalogue.contents')}>
          {chapters.map((c) => (
            <li key={c.pillar ?? 'other'}>
              <Anchor href={`#${chapterId(c.pillar)}`}>
                {c.pillar ? labels.pillar(c.pillar) : t('capacity.catalogue.otherPillar')}
                {' · '}
                {t('capacity.catalogue.chapterCount', { n: number.format(c.needs) })}
              </Anchor>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const chapterId = (pillar: Pillar | null) => `catalogue-${pillar ?? 'other'}`;

function Chapters({ needs, chapters, elements, names }: { needs: Need[]; chapters: CatalogueChapter[]; elements: Map<string, Element>; names: Map<string, string> }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  if (needs.length === 0) return <Text>{t('capacity.catalogue.none')}</Text>;
  return chapters.map((c) => (
    <section key={c.pillar ?? 'other'} aria-labelledby={chapterId(c.pillar)} className={classes.chapter} data-pillar={c.pillar ?? 'other'}>
      <Title order={2} id={chapterId(c.pillar)} mb="md">
        {c.pillar ? labels.pillar(c.pillar) : t('capacity.catalogue.otherPillar')}
      </Title>
      <Stack gap="lg">
        {c.states.map((s) => (
          <section key={s.iso3} aria-labelledby={`${chapterId(c.pillar)}-${s.iso3}`} data-state={s.iso3}>
            <Title order={3} size="h4" id={`${chapterId(c.pillar)}-${s.iso3}`} mb="xs">
              {names.get(s.iso3) ?? <StateName iso3={s.iso3} />}
            </Title>
            <Stack gap="md">
              {s.needs.map((n) => (
                <CatalogueNeed key={n.id} need={n} elements={elements} />
              ))}
            </Stack>
          </section>
        ))}
      </Stack>
    </section>
  ));
}

function CatalogueNeed({ need: n, elements }: { need: Need; elements: Map<string, Element> }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const path = to(`/capacity/needs/${n.id}`);
  return (
    <article className={classes.need} data-need={n.id}>
      <Title order={4} size="h5">
        <Anchor component={Link} to={path}>
          <Localized text={n.title} />
        </Anchor>
      </Title>
      <span className={classes.printOnly}>
        <Verbatim>{`${window.location.origin}${path}`}</Verbatim>
      </span>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
        <Localized text={n.description} />
      </Text>
      <dl className={ui.facts}>
        <dt>{t('capacity.fields.codes')}</dt>
        <dd>
          <ul className={classes.codeList}>
            {n.codes.map((code) => {
              const element = elements.get(code);
              return (
                <li key={code}>
                  <Anchor component={Link} to={to(`/framework/${code}`)}>
                    <Verbatim>{code}</Verbatim>
                  </Anchor>
                  {element ? (
                    <>
                      {' '}
                      <InLanguage lang={element.display.language}>{element.display.title}</InLanguage>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{t('capacity.fields.modality')}</dt>
        <dd>{labels.modality(n.modality)}</dd>
        <dt>{t('capacity.fields.languages')}</dt>
        <dd>{labels.languages(n.languages)}</dd>
        <dt>{t('capacity.fields.period')}</dt>
        <dd>
          <PeriodText start={n.periodStart} end={n.periodEnd} />
        </dd>
      </dl>
    </article>
  );
}
