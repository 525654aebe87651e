import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { useGroupLabel } from '../states';
import { BUCKET_LABEL, ROLE_LABEL } from './labels';
import { checkQuery, type Tally } from './queries';
import { ScopeText } from './ScopeText';
import { useStateNames } from './state-names';
import ui from '../../ui/ui.module.css';

const BUCKETS = ['1h', '24h', '72h', 'never'] as const;

/** A table of tallies, one row per key (a State, a regional group). */
function TallyTable({ id, caption, keyHeader, rows }: { id: string; caption: string; keyHeader: string; rows: { key: string; label: ReactNode; tally: Tally }[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid={id}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{keyHeader}</Table.Th>
            {BUCKETS.map((b) => (
              <Table.Th scope="col" key={b}>
                {t(BUCKET_LABEL[b])}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('contacts.checks.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.label}</Table.Th>
              {BUCKETS.map((b) => (
                <Table.Td key={b}>{r.tally[b]}</Table.Td>
              ))}
              <Table.Td>{r.tally.total}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One check's results: in all, per State, per regional group (the Secretariat), and per point of contact. */
export default function CheckPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const groupLabel = useGroupLabel();
  const states = useStateNames();
  const byName = new Intl.Collator(lang);
  const { id = '' } = useParams();
  const query = useQuery(checkQuery(id));
  return (
    <Stack gap="lg">
      <PageHeading>{t('contacts.check.title')}</PageHeading>
      <Anchor component={Link} to={to('/contacts/checks')}>
        {t('contacts.checks.title')}
      </Anchor>
      <Loaded query={query}>
        {(c) => (
          <>
            <Group gap="sm">
              <Text>
                {formatInstant(c.createdAt, lang)} · <ScopeText scope={c.scope} />
              </Text>
              <Badge variant="outline" color={c.completed ? 'dark' : 'un.8'} className={ui.badge}>
                {c.completed ? t('contacts.check.completed') : t('contacts.checks.running')}
              </Badge>
            </Group>
            <Text role="status">{t('contacts.check.answered', { count: c.tally.total - c.tally.never, total: c.tally.total })}</Text>
            <section aria-labelledby="by-state">
              <Title order={2} size="h3" id="by-state" mb="xs">
                {t('contacts.check.byState')}
              </Title>
              <TallyTable
                id="by-state-table"
                caption={t('contacts.check.byStateCaption')} keyHeader={t('contacts.directory.state')} rows={[...c.byState].sort((a, b) => byName.compare(states.text(a.key), states.text(b.key))).map((r) => ({ ...r, label: states.label(r.key) }))}
              />
            </section>
            {c.byGroup.length > 0 ? (
              <section aria-labelledby="by-group">
                <Title order={2} size="h3" id="by-group" mb="xs">
                  {t('contacts.check.byGroup')}
                </Title>
                <TallyTable
                  id="by-group-table"
                  caption={t('contacts.check.byGroupCaption')}
                  keyHeader={t('contacts.checks.group')}
                  rows={c.byGroup.map((r) => ({ ...r, label: groupLabel(r.key === 'none' ? null : (r.key as 'AG')) }))}
                />
              </section>
            ) : null}
            <section aria-labelledby="targets">
              <Title order={2} size="h3" id="targets" mb="xs">
                {t('contacts.check.targets')}
              </Title>
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('contacts.directory.state')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.check.sent')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.check.answeredAt')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.check.result')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.targets.map((p) => (
                      <Table.Tr key={p.pocId}>
                        <Table.Th scope="row" fw="normal">
                          {states.label(p.state)} · {t(ROLE_LABEL[p.role])}
                        </Table.Th>
                        <Table.Td>{p.sentAt ? formatInstant(p.sentAt, lang) : t('contacts.check.notYetSent')}</Table.Td>
                        <Table.Td>{p.answeredAt ? formatInstant(p.answeredAt, lang) : '—'}</Table.Td>
                        <Table.Td>
                          {t(BUCKET_LABEL[p.bucket])}
                          {p.responseMinutes !== null ? ` (${t('contacts.check.minutes', { count: p.responseMinutes })})` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
          </>
        )}
      </Loaded>
    </Stack>
  );
}
