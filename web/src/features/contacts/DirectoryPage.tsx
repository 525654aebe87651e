import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { ROLE_LABEL, BUCKET_LABEL, WEEKDAY_LABEL, type Weekday } from './labels';
import { formatClock } from '../../ui/dates';
import { formatList } from '../../ui/lists';
import { AsWritten, isolated, ProperName } from '../../ui/localized';
import { checksQuery, directoryQuery, type Poc } from './queries';
import { useStateNames } from './state-names';
import ui from '../../ui/ui.module.css';

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function WorkingHours({ poc }: { poc: Poc }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = new Date();
  const days = formatList(poc.workingHours.days.map((d) => t(WEEKDAY_LABEL[d as Weekday])), lang);
  return (
    <Stack gap={2}>
      <Badge variant="outline" color={poc.inWorkingHoursNow ? 'un.8' : 'dark'} className={ui.badge}>
        {poc.inWorkingHoursNow ? t('contacts.directory.inHours') : t('contacts.directory.outOfHours')}
      </Badge>
      <Text size="xs">
        {days} {poc.workingHours.from}–{poc.workingHours.to} ({isolated(poc.timeZone, lang)})
      </Text>
      <Text size="xs">{t('contacts.directory.localTime', { there: formatClock(now, poc.timeZone, lang), here: formatClock(now, viewerZone(), lang) })}</Text>
    </Stack>
  );
}

/** The directory of points of contact: only those who may read it reach it (the API refuses everyone else). */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const lang = useLang();
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  const query = useQuery(directoryQuery());
  // A State without a POC cannot read the directory, but its focal point must still be able to nominate one.
  const me = useMe();
  const checks = useQuery({ ...checksQuery(), enabled: query.isSuccess });
  const states = useStateNames();
  return (
    <Stack gap="lg">
      <PageHeading>{t('contacts.directory.title')}</PageHeading>
      <Text>{t('contacts.directory.intro')}</Text>
      <Group>
        <Anchor component={Link} to={to('/contacts/threads')}>
          {t('contacts.threads.title')}
        </Anchor>
        {query.isSuccess ? (
          <>
            <Anchor component={Link} to={to('/contacts/checks')}>
              {t('contacts.checks.title')}
            </Anchor>
            <Anchor component={Link} to={to('/contacts/reads')}>
              {t('contacts.reads.title')}
            </Anchor>
          </>
        ) : null}
        {(query.data ? query.data.can.nominate : !!me.data?.account?.roles.includes('focal_point')) ? (
          <Anchor component={Link} to={to('/contacts/nominate')}>
            {t('contacts.directory.nominate')}
          </Anchor>
        ) : null}
      </Group>
      <Loaded query={query}>
        {(data) => (
          <>
            <Text role="status">{t('contacts.directory.count', { count: data.items.length })}</Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('contacts.directory.state')}</Table.Th>
                    <Table.Th scope="col">{t('contacts.directory.person')}</Table.Th>
                    <Table.Th scope="col">{t('contacts.directory.reach')}</Table.Th>
                    <Table.Th scope="col">{t('contacts.directory.hours')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {states.label(p.state)} · {t(ROLE_LABEL[p.role])}
                      </Table.Td>
                      <Table.Td>
                        <Text fw={600}>
                          <ProperName>{p.name}</ProperName>
                        </Text>
                        <Text size="sm">
                          <AsWritten>{p.title}</AsWritten>, <ProperName>{p.organisation}</ProperName>
                        </Text>
                        <Text size="xs">{formatList(p.languages.map((l) => languageNames.of(l) ?? l), lang)}</Text>
                        {p.transmission ? (
                          <Anchor size="sm" href={p.transmission.url} download={p.transmission.filename} aria-label={t('contacts.directory.transmissionOf', { name: p.name })}>
                            {t('contacts.directory.transmission')}
                          </Anchor>
                        ) : null}
                        {p.can.change || p.can.history ? (
                          <Group gap="sm" mt={4}>
                            {p.can.change ? (
                              <>
                                <Anchor size="sm" component={Link} to={to(`/contacts/pocs/${p.id}/change`)} aria-label={t('contacts.directory.changeOf', { name: p.name })}>
                                  {t('contacts.directory.change')}
                                </Anchor>
                                <Anchor size="sm" component={Link} to={to(`/contacts/pocs/${p.id}/withdraw`)} aria-label={t('contacts.directory.withdrawOf', { name: p.name })}>
                                  {t('contacts.directory.withdraw')}
                                </Anchor>
                              </>
                            ) : null}
                            {p.can.history ? (
                              <Anchor size="sm" component={Link} to={to(`/contacts/pocs/${p.id}/history`)} aria-label={t('contacts.directory.historyOf', { name: p.name })}>
                                {t('contacts.directory.history')}
                              </Anchor>
                            ) : null}
                          </Group>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Anchor href={`mailto:${p.email}`} dir="ltr">
                          {p.email}
                        </Anchor>
                        <Text size="sm" dir="ltr">
                          {p.phone}
                        </Text>
                        {p.otherChannels.map((c) => (
                          <Text size="xs" key={`${c.kind}:${c.value}`} dir="auto">
                            {c.kind}: {c.value}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <WorkingHours poc={p} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Loaded>
      {checks.isSuccess ? (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('contacts.checks.title')}
          </Title>
          {checks.data.items.length === 0 ? (
            <Text size="sm">{t('contacts.checks.none')}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('contacts.checks.date')}</Table.Th>
                  {(['1h', '24h', '72h', 'never'] as const).map((b) => (
                    <Table.Th scope="col" key={b}>
                      {t(BUCKET_LABEL[b])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checks.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {new Date(c.createdAt).toISOString().slice(0, 10)} {c.completed ? '' : `(${t('contacts.checks.running')})`}
                    </Table.Td>
                    <Table.Td>{c.tally['1h']}</Table.Td>
                    <Table.Td>{c.tally['24h']}</Table.Td>
                    <Table.Td>{c.tally['72h']}</Table.Td>
                    <Table.Td>{c.tally.never}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}
