import type { ReactNode } from 'react';
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf, isLanguage } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay, formatInZone } from '../../ui/dates';
import { FallbackMark, Localized, Verbatim } from '../../ui/localized';
import { Loaded } from '../../ui/Loaded';
import { AddVersion, PublishPublication, WithdrawPublication } from './PublicationForms';
import { ACTION_LABEL, KIND_LABEL, PUBLICATION_KINDS, ROLE_LABEL, stateRecordQuery, type NationalPublication, type StateRecord as Record } from './record-queries';

/** A section of the State's page: a heading, and a line saying so when there is nothing yet. */
function Section({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('states.record.none')}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

/** A text written in one language (a statement's title): in its own language and direction, marked when it is not the page's. */
function InItsLanguage({ text, language }: { text: string; language: string }) {
  const lang = useLang();
  const own = isLanguage(language) ? language : 'en';
  return (
    <>
      <bdi lang={own} dir={directionOf(own)}>
        {text}
      </bdi>
      {own !== lang ? (
        <>
          {' '}
          <FallbackMark show />
        </>
      ) : null}
    </>
  );
}

/** A State's hub: what it made public across the platform, and the documents it publishes itself. */
export function StateRecord({ iso3 }: { iso3: string }) {
  const query = useQuery(stateRecordQuery(iso3));
  if (!query.isSuccess) return <Loaded query={query} />;
  return <RecordSections record={query.data} />;
}

export function RecordSections({ record }: { record: Record }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const r = record;

  return (
    <Stack gap="lg">
      <Publications record={r} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="state-reports" title={t('states.record.reports')} empty={r.reports.length === 0}>
          <List spacing="xs">
            {r.reports.map((x) => (
              <List.Item key={x.reportId}>
                <Anchor component={Link} to={to(`/reporting/reports/${x.reportId}`)}>
                  <Localized text={{ en: x.cycleTitle }} />
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('states.record.reportLine', { date: formatDay(x.submittedAt, lang), count: x.publicSections, version: x.number })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="state-statements" title={t('states.record.statements')} empty={r.statements.length === 0}>
          <List spacing="xs">
            {r.statements.map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={to(`/meetings/${s.meetingId}`)}>
                  {s.title ? <InItsLanguage text={s.title} language={s.language} /> : t('states.record.untitledStatement')}
                </Anchor>
                <Text size="sm" c="dimmed">
                  <Localized text={s.meetingTitle} /> · {formatDay(s.meetingStartsAt, lang)}
                  {s.agendaItem.title ? (
                    <>
                      {' · '}
                      {s.agendaItem.number ? <Verbatim>{s.agendaItem.number}</Verbatim> : null} <Localized text={s.agendaItem.title} />
                    </>
                  ) : null}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="state-amendments" title={t('states.record.amendments')} empty={r.amendments.length === 0}>
          <List spacing="xs">
            {r.amendments.map((a) => (
              <List.Item key={`${a.id}-${a.role}`}>
                <Anchor component={Link} to={to(`/drafts/${a.draftId}`)}>
                  <Localized text={{ en: a.draftTitle }} />
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(ROLE_LABEL[a.role])} · {t(ACTION_LABEL[a.action])} · {a.revision === 0 ? t('states.record.zeroDraft') : t('states.record.revision', { n: a.revision })} ·{' '}
                  {formatDay(a.at, lang)}
                  {a.status === 'withdrawn' ? ` · ${t('states.record.withdrawnAmendment')}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="state-groups" title={t('states.record.groups')} empty={r.groups.length === 0}>
          <List spacing="xs">
            {r.groups.map((g) => (
              <List.Item key={g.id}>
                <Anchor component={Link} to={to(`/groups/${g.id}`)}>
                  <Localized text={g.name} />
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('states.record.memberSince', { date: formatDay(g.joinedAt, lang) })}
                  {g.status === 'closed' ? ` · ${t('states.record.groupClosed')}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="state-delegations" title={t('states.record.delegations')} empty={r.delegations.length === 0}>
          <Stack gap="sm">
            {r.delegations.map((d) => (
              <div key={d.meetingId}>
                <Anchor component={Link} to={to(`/meetings/${d.meetingId}`)}>
                  <Localized text={d.meetingTitle} />
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatInZone(d.startsAt, d.timeZone, lang)}
                </Text>
                <List size="sm" spacing={2} mt={4}>
                  {d.participants.map((p, i) => (
                    <List.Item key={i}>
                      {t(`meetings.roles.${p.role}`)}: <bdi>{p.name}</bdi>
                      {p.title ? (
                        <>
                          {', '}
                          <Localized text={{ en: p.title }} mark={false} />
                        </>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        </Section>

        <Section id="state-capacity" title={t('states.record.capacity')} empty={r.capacity.needs.length + r.capacity.offers.length === 0}>
          {r.capacity.needs.length ? (
            <>
              <Title order={3} size="h5" mb={4}>
                {t('states.record.needs')}
              </Title>
              <List spacing="xs" mb="sm">
                {r.capacity.needs.map((n) => (
                  <List.Item key={n.id}>
                    <Anchor component={Link} to={to(`/capacity/needs/${n.id}`)}>
                      <Localized text={n.title} />
                    </Anchor>{' '}
                    <Badge variant="light" color="gray">
                      {t(`capacity.needStatuses.${n.status}`)}
                    </Badge>
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
          {r.capacity.offers.length ? (
            <>
              <Title order={3} size="h5" mb={4}>
                {t('states.record.offers')}
              </Title>
              <List spacing="xs">
                {r.capacity.offers.map((o) => (
                  <List.Item key={o.id}>
                    <Anchor component={Link} to={to(`/capacity/offers/${o.id}`)}>
                      <Localized text={o.title} />
                    </Anchor>{' '}
                    <Badge variant="light" color="gray">
                      {t(`capacity.offerStatuses.${o.status}`)}
                    </Badge>
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

/** The State's own documents: its national position on international law and its national strategy, each with every version. */
function Publications({ record }: { record: Record }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="state-publications" data-testid="state-publications">
      <Title order={2} size="h3" id="state-publications" mb="xs">
        {t('states.record.publications')}
      </Title>
      <Text size="sm" mb="md">
        {t('states.record.publicationsIntro')}
      </Text>
      <Stack gap="md">
        {PUBLICATION_KINDS.map((kind) => {
          const items = record.publications.filter((p) => p.kind === kind);
          return (
            <div key={kind}>
              <Title order={3} size="h4" mb={4}>
                {t(KIND_LABEL[kind])}
              </Title>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('states.record.nonePublished')}
                </Text>
              ) : (
                <Stack gap="sm">
                  {items.map((p) => (
                    <Publication key={p.id} iso3={record.iso3} publication={p} />
                  ))}
                </Stack>
              )}
            </div>
          );
        })}
        {record.can.publish ? <PublishPublication iso3={record.iso3} /> : null}
      </Stack>
    </Paper>
  );
}

function Publication({ iso3, publication: p }: { iso3: string; publication: NationalPublication }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const size = new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const latest = p.versions[0];
  return (
    <article aria-label={p.title[lang] ?? p.title.en} data-testid="national-publication" data-publication={p.id} data-versions={p.versions.length}>
      <Text fw={600}>
        <Localized text={p.title} />
      </Text>
      <Text size="sm" c="dimmed" mb={4}>
        {t('states.record.publishedOn', { date: formatDay(p.publishedAt, lang) })}
      </Text>
      <Text size="sm" fw={500}>
        {t('states.record.versions', { count: p.versions.length })}
      </Text>
      <List size="sm" spacing={2}>
        {p.versions.map((v) => (
          <List.Item key={v.number}>
            <Group gap={6} wrap="wrap">
              <Anchor href={v.url} download>
                {t('states.record.versionLink', { n: v.number, format: v.format.toUpperCase(), language: names.of(v.language) ?? v.language })}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {formatDay(v.uploadedAt, lang)} · {size.format(Math.max(1, Math.round(v.size / 1024)))}
                {v === latest ? ` · ${t('states.record.latest')}` : ''}
              </Text>
              {v.note ? (
                <Text span size="sm">
                  <bdi>{v.note}</bdi>
                </Text>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      {p.can.addVersion ? <AddVersion iso3={iso3} publication={p} /> : null}
      {p.can.withdraw ? <WithdrawPublication iso3={iso3} publication={p} /> : null}
    </article>
  );
}
