import type { ReactNode } from 'react';
import { Anchor, Group, SimpleGrid, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import type { RegionalGroupId } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { Localized, Verbatim } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import listing from '../../ui/listing.module.css';
import { WorldMap } from '../reporting';
import { StateName, statesQuery, useGroupLabel } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { Section } from './parts';
import { analysisQuery, isModality, useCapacityLabels, type Analysis } from './queries';
import { CAPACITY_PALETTE } from '../../ui/chart-palette';
import classes from './capacity.module.css';


/** The plenary's picture of capacity-building, from what the viewer may see. */
export default function AnalysisPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const analysis = useQuery(analysisQuery());
  return (
    <Stack gap="xl">
      <div>
        <PageHeading>{t('capacity.analysis.title')}</PageHeading>
        <CapacityLinks />
        <Text className={listing.intro} mt="sm">
          {t('capacity.analysis.intro')}
        </Text>
        <Text mt="xs">
          <Anchor component={Link} to={to('/capacity/catalogue')}>
            {t('capacity.analysis.catalogue')}
          </Anchor>
        </Text>
      </div>
      <Loaded query={analysis}>{(a: Analysis) => <Picture analysis={a} />}</Loaded>
      <Section id="capacity-exports" title={t('capacity.analysis.exports')}>
        <Text size="sm" mb="xs">
          {t('capacity.analysis.exportsHelp')}
        </Text>
        <Group gap="lg">
          <Anchor href="/api/v1/capacity/export?what=needs&format=csv" download>
            {t('capacity.analysis.needsCsv')}
          </Anchor>
          <Anchor href="/api/v1/capacity/export?what=needs&format=json" download>
            {t('capacity.analysis.needsJson')}
          </Anchor>
          <Anchor href="/api/v1/capacity/export?what=offers&format=csv" download>
            {t('capacity.analysis.offersCsv')}
          </Anchor>
          <Anchor href="/api/v1/capacity/export?what=offers&format=json" download>
            {t('capacity.analysis.offersJson')}
          </Anchor>
          <Anchor href="/api/v1/capacity/export?what=projects&format=csv" download>
            {t('capacity.analysis.projectsCsv')}
          </Anchor>
          <Anchor href="/api/v1/capacity/export?what=projects&format=json" download>
            {t('capacity.analysis.projectsJson')}
          </Anchor>
        </Group>
      </Section>
    </Stack>
  );
}

function Picture({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const group = useGroupLabel();
  const states = useQuery(statesQuery({}));
  const requesting = new Map(a.byState.map((s) => [s.iso3, s.needs]));
  const byM49 = new Map((states.data?.items ?? []).map((s) => [s.m49, s.iso3]));
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const figure = (label: string, value: ReactNode, testId: string) => (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
  return (
    <>
      <Section id="capacity-coverage" title={t('capacity.analysis.coverage')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          {figure(t('capacity.analysis.needsSeen'), number.format(a.needs), 'figure-needs')}
          {figure(t('capacity.analysis.withOffer', { threshold: a.coverage.threshold }), number.format(a.coverage.withOffer), 'figure-with-offer')}
          {figure(t('capacity.analysis.matched'), number.format(a.coverage.matched), 'figure-matched')}
          {figure(t('capacity.analysis.met'), number.format(a.coverage.met), 'figure-met')}
          {figure(t('capacity.analysis.medianDays'), a.medianDaysToMatch === null ? t('capacity.analysis.noMatchYet') : number.format(a.medianDaysToMatch), 'figure-median')}
        </SimpleGrid>
      </Section>

      <Section id="capacity-map" title={t('capacity.analysis.requesting')}>
        {states.isSuccess ? (
          <>
            <WorldMap
              label={t('capacity.analysis.mapLabel', { n: a.byState.length })}
              categoryOf={(m49) => {
                const iso3 = byM49.get(m49);
                if (!iso3) return null;
                return requesting.has(iso3) ? 'requesting' : 'other';
              }}
              categories={[
                { id: 'requesting', label: t('capacity.analysis.requestingState'), swatch: CAPACITY_PALETTE.requesting },
                { id: 'other', label: t('capacity.analysis.otherState'), swatch: CAPACITY_PALETTE.other },
              ]}
              legendLabel={t('capacity.analysis.legend')}
            />
          </>
        ) : null}
        <BarTable
          testId="by-state"
          caption={t('capacity.analysis.byStateCaption')}
          rowHeader={t('capacity.fields.state')}
          rows={a.byState.map((s) => ({ id: s.iso3, heading: <StateName iso3={s.iso3} />, value: s.needs }))}
        />
      </Section>

      <Section id="capacity-pillars" title={t('capacity.analysis.byPillar')}>
        <BarTable testId="by-pillar" caption={t('capacity.analysis.byPillarCaption')} rowHeader={t('capacity.analysis.pillar')} rows={a.byPillar.map((p) => ({ id: p.pillar, heading: labels.pillar(p.pillar), value: p.needs }))} />
        <BarTable
          testId="by-element"
          caption={t('capacity.analysis.byElementCaption')}
          rowHeader={t('capacity.analysis.element')}
          rows={a.byElement.map((e) => ({
            id: e.code,
            heading: (
              <Anchor component={Link} to={to(`/framework/${e.code}`)}>
                <Verbatim>{e.code}</Verbatim>
              </Anchor>
            ),
            value: e.needs,
          }))}
        />
      </Section>

      <Section id="capacity-groups" title={t('capacity.analysis.byGroup')}>
        <BarTable
          testId="by-group"
          caption={t('capacity.analysis.byGroupCaption')}
          rowHeader={t('capacity.analysis.group')}
          rows={a.byRegionalGroup.map((g) => ({ id: g.key, heading: group(g.key === 'none' ? null : (g.key as RegionalGroupId)), value: g.needs }))}
        />
      </Section>

      <Section id="capacity-modalities" title={t('capacity.analysis.byModality')}>
        <BarTable
          testId="by-modality"
          caption={t('capacity.analysis.byModalityCaption')}
          rowHeader={t('capacity.fields.modality')}
          rows={a.byModality.map((m) => ({ id: m.key, heading: isModality(m.key) ? labels.modality(m.key) : m.key, value: m.needs }))}
        />
      </Section>

      <Section id="capacity-unmet" title={t('capacity.analysis.unmet')}>
        {a.unmet.length === 0 ? (
          <Text>{t('capacity.analysis.noUnmet')}</Text>
        ) : (
          <div className={listing.scroll}>
            <Table withTableBorder data-testid="unmet">
              <caption className={listing.caption}>{t('capacity.analysis.unmetCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('capacity.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('capacity.fields.state')}</Table.Th>
                  <Table.Th scope="col">{t('capacity.fields.published')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.unmet.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={to(`/capacity/needs/${n.id}`)}>
                        <Localized text={n.title} />
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <StateName iso3={n.state} />
                    </Table.Td>
                    <Table.Td>{formatDay(n.publishedAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Section>
    </>
  );
}

/** A table of counts, each with a bar drawn beside its number (the bar is hidden from assistive technology: the number says it). */
function BarTable({ testId, caption, rowHeader, rows }: { testId: string; caption: string; rowHeader: string; rows: { id: string; heading: ReactNode; value: number }[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const number = new Intl.NumberFormat(lang);
  return (
    <div className={listing.scroll}>
      <Table withTableBorder data-testid={testId} mb="md">
        <caption className={listing.caption}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            <Table.Th scope="col">{t('capacity.analysis.needs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={2}>{t('capacity.analysis.nothing')}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.id} data-row={r.id}>
                <Table.Th scope="row">{r.heading}</Table.Th>
                <Table.Td>
                  <div className={classes.barCell}>
                    <span className={classes.bar} style={{ inlineSize: `${(r.value / max) * 10}rem`, background: CAPACITY_PALETTE.bar.fill }} aria-hidden="true" />
                    <span>{number.format(r.value)}</span>
                  </div>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
