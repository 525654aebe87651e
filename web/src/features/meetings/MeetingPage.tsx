import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { FrameworkCode } from '../framework';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams, useSearchParams } from 'react-router';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { FollowButton } from '../follows';
import ui from '../../ui/ui.module.css';
import { ManagePanel } from './ManagePanel';
import { MeetingLifeBanner } from './MeetingLife';
import { ParticipantsSection, PrintableParticipants } from './ParticipantsSection';
import { FallbackMark, LocalizedText, MeetingDates, MeetingStatusBadge } from './parts';
import { flattenAgenda, localized, meetingQuery, useMeetingLabels, type AgendaVersion, type MeetingDocument, type MeetingPage as MeetingData } from './queries';
import { useDocumentLabels } from '../documents';
import { allGroupsQuery } from '../groups';
import { StatementsSection } from './StatementsSection';
import { StakeholderInputs } from '../stakeholders';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatInZone } from '../../ui/dates';
import { InLanguage } from '../../ui/localized';

export default function MeetingPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const meeting = useQuery(meetingQuery(id));

  if (!meeting.isSuccess) return <Loaded query={meeting} />;
  if (params.get('view') === 'participants') return <PrintableParticipants meeting={meeting.data.meeting} />;
  return <MeetingView meeting={meeting.data.meeting} />;
}

function MeetingView({ meeting: m }: { meeting: MeetingData }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useMeetingLabels();
  const groups = useQuery({ ...allGroupsQuery(), enabled: m.body.kind === 'group' });
  const title = localized(m.title, lang);
  const group = m.body.kind === 'group' ? groups.data?.items.find((g) => g.id === (m.body as { groupId: string }).groupId) : undefined;

  return (
    <Stack gap="lg">
      <div>
        <Group gap="md">
          <Anchor component={Link} to={to('/meetings')} size="sm">
            {t('calendar.title')}
          </Anchor>
          <Text component="ul" size="sm" c="dimmed" className={ui.inlineList}>
            <li>{labels.kind(m.kind)}</li>
            {m.sessionNumber ? <li>{t('meetings.session', { number: m.sessionNumber })}</li> : null}
          </Text>
        </Group>
        <PageHeading title={title.text}>
          <InLanguage lang={title.language} mark={false}>
            {title.text}
          </InLanguage>
        </PageHeading>
        <Group gap="xs">
          <MeetingStatusBadge status={m.status} />
          <FallbackMark show={title.fallback} />
          {m.registrationOpen ? <Text size="sm">{t('meetings.registrationOpenNow')}</Text> : null}
        </Group>
      </div>
      <FollowButton kind="meeting" id={m.id} />

      <MeetingLifeBanner meeting={m} />

      <dl className={ui.facts}>
        <dt>{t('meetings.dates')}</dt>
        <dd>
          <MeetingDates meeting={m} />
        </dd>
        {m.registrationDeadline ? (
          <>
            <dt>{t('meetings.registrationDeadline')}</dt>
            <dd>{formatInZone(m.registrationDeadline, m.timeZone, lang)}</dd>
          </>
        ) : null}
        <dt>{t('meetings.venue')}</dt>
        <dd>{m.venue ? <InLanguage lang="en">{m.venue}</InLanguage> : t('meetings.noVenue')}</dd>
        <dt>{t('meetings.format')}</dt>
        <dd>{labels.format(m.format)}</dd>
        <dt>{t('meetings.body')}</dt>
        <dd>
          {m.body.kind === 'plenary' ? (
            t('meetings.plenary')
          ) : (
            <Anchor component={Link} to={to(`/groups/${m.body.groupId}`)}>
              {group ? <LocalizedText text={group.name} /> : t('meetings.workingGroup')}
            </Anchor>
          )}
        </dd>
        <dt>{t('meetings.stakeholders')}</dt>
        <dd>{m.stakeholdersMayAttend ? t('meetings.stakeholdersYes') : t('meetings.stakeholdersNo')}</dd>
      </dl>

      {m.can.register || m.can.submitStatement ? (
        <Group>
          {/* "Register" only when there is something to register; a registration in force is reached by its link. */}
          {m.can.register && (!m.delegation?.registration || m.delegation.registration.status === 'withdrawn') ? (
            <Button component={Link} to={to(`/meetings/${m.id}/registration`)}>
              {t('meetings.registerDelegation')}
            </Button>
          ) : (
            <Anchor component={Link} to={to(`/meetings/${m.id}/registration`)}>
              {t('meetings.yourRegistration')}
            </Anchor>
          )}
        </Group>
      ) : null}

      {m.can.manage ? <ManagePanel meeting={m} /> : null}

      <AgendaSection timeZone={m.timeZone} agenda={m.agenda} meetingId={m.id} canManage={m.can.manage} />
      <DocumentsSection documents={m.documents} agenda={m.agenda} />
      <ParticipantsSection meeting={m} />
      <StatementsSection meeting={m} />
      <StakeholderInputs meetingId={m.id} />
    </Stack>
  );
}

function AgendaSection({ agenda, meetingId, timeZone, canManage }: { agenda: AgendaVersion | null; meetingId: string; timeZone: string; canManage: boolean }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const lang = useLang();
  return (
    <section aria-labelledby="meeting-agenda">
      <Group gap="sm" mb="sm" align="baseline">
        <Title order={2} size="h3" id="meeting-agenda">
          {t('meetings.agenda.title')}
        </Title>
        {agenda ? (
          <Text size="sm" data-testid="agenda-status">
            {agenda.status === 'adopted'
              ? t('meetings.agenda.adoptedOn', { version: agenda.version, date: formatInZone(agenda.adoptedAt ?? agenda.createdAt, timeZone, lang, { time: false, named: false }) })
              : t('meetings.agenda.provisional', { version: agenda.version })}
          </Text>
        ) : null}
        {canManage ? (
          <Anchor component={Link} to={to(`/meetings/${meetingId}/agenda`)}>
            {agenda ? (agenda.status === 'adopted' ? t('meetings.agenda.view') : t('meetings.agenda.revise')) : t('meetings.agenda.set')}
          </Anchor>
        ) : null}
      </Group>
      {!agenda ? (
        <Text>{t('meetings.agenda.none')}</Text>
      ) : (
        <ol className={classes.agenda} data-testid="agenda">
          {agenda.items.map((item) => (
            <li key={item.key} data-key={item.key}>
              <span className={classes.number}>{item.number}.</span>
              <LocalizedText text={item.title} />
              <Elements codes={item.elements} />
              {item.items.length ? (
                <ol>
                  {item.items.map((sub) => (
                    <li key={sub.key} data-key={sub.key}>
                      <span className={classes.number}>{sub.number}</span>
                      <LocalizedText text={sub.title} />
                      <Elements codes={sub.elements} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );

  function Elements({ codes }: { codes: string[] }) {
    if (!codes.length) return null;
    return (
      <ul className={classes.elements} aria-label={t('meetings.agenda.elements')}>
        {codes.map((c) => (
          <li key={c}>
            <FrameworkCode code={c} />
          </li>
        ))}
      </ul>
    );
  }
}

/** The latest file of each language a document exists in. */
export function latestFiles(d: MeetingDocument): Map<Language, MeetingDocument['files'][number]> {
  const out = new Map<Language, MeetingDocument['files'][number]>();
  for (const f of d.files) {
    const have = out.get(f.language);
    if (!have || have.version < f.version) out.set(f.language, f);
  }
  return out;
}

function DocumentsSection({ documents, agenda }: { documents: MeetingDocument[]; agenda: AgendaVersion | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const documentLabels = useDocumentLabels();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const items = agenda ? flattenAgenda(agenda.items) : [];
  return (
    <section aria-labelledby="meeting-documents">
      <Title order={2} size="h3" id="meeting-documents" mb="sm">
        {t('meetings.documents.title')}
      </Title>
      {documents.length === 0 ? (
        <Text>{t('meetings.documents.none')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm" data-testid="documents">
            <Table.Caption className={classes.caption}>{t('meetings.documents.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.documents.symbol')}</Table.Th>
                <Table.Th scope="col">{t('meetings.documents.docTitle')}</Table.Th>
                <Table.Th scope="col">{t('meetings.documents.type')}</Table.Th>
                <Table.Th scope="col">{t('meetings.documents.agendaItem')}</Table.Th>
                <Table.Th scope="col">{t('meetings.documents.languages')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((d) => {
                const files = latestFiles(d);
                const item = items.find((i) => i.key === d.agendaItem);
                return (
                  <Table.Tr key={d.id} data-document={d.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={to(`/documents/${d.id}`)} className={ui.code}>
                        {d.symbol}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <LocalizedText text={d.title} />
                    </Table.Td>
                    <Table.Td>{documentLabels.type(d.type)}</Table.Td>
                    <Table.Td>{item ? item.number : d.agendaItem ? d.agendaItem : '—'}</Table.Td>
                    <Table.Td>
                      {files.size === 0 ? (
                        t('meetings.documents.noFiles')
                      ) : (
                        <ul className={classes.elements}>
                          {LANGUAGES.filter((l) => files.has(l)).map((l) => {
                            const f = files.get(l)!;
                            return (
                              <li key={l}>
                                <Anchor href={f.url} download={f.filename} aria-label={t('meetings.documents.download', { language: names.of(l) ?? l, symbol: d.symbol, format: f.format.toUpperCase() })}
                                  lang={lang}>
                                  {names.of(l) ?? l} <span className={classes.format}>{f.format.toUpperCase()}</span>
                                </Anchor>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
