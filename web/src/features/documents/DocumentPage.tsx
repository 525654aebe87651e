import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Loader, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import { Localized } from './parts';
import { isolated, isolatedLatin, Verbatim } from '../../ui/localized';
import {
  documentQuery,
  formatSize,
  historyQuery,
  inLanguage,
  settingsQuery,
  useDocumentLabels,
  useLanguageName,
  type DocumentDetail,
} from './queries';
import { groupQuery } from '../groups';
import { meetingQuery } from '../meetings';
import { ACCEPT_ATTRIBUTE, hasAcceptedExtension, uploadVersion } from './upload';
import classes from './documents.module.css';
import listing from '../../ui/listing.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatDate, formatInstant } from '../../ui/dates';

export default function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = useLang();
  const labels = useDocumentLabels();
  const doc = useQuery({ ...documentQuery(id), retry: (n, e) => !(e instanceof ApiProblem && e.status < 500) && n < 2 });

  if (!doc.isSuccess) return <Loaded query={doc} />;
  const d = doc.data;
  const title = inLanguage(d.title, lang);

  return (
    <Stack gap="lg">
      <div>
        <Text className={classes.preview} dir="ltr" data-testid="document-symbol">
          <Verbatim>{d.symbol}</Verbatim>
        </Text>
        <PageHeading title={`${d.symbol} ${title.text}`}>
          <Localized text={d.title} />
        </PageHeading>
      </div>
      <dl className={ui.facts}>
        <dt>{t('documents.symbol')}</dt>
        <dd className={ui.code}>
          <Verbatim>{d.symbol}</Verbatim>
        </dd>
        <dt>{t('documents.type')}</dt>
        <dd>{labels.type(d.type)}</dd>
        <dt>{t('documents.date')}</dt>
        <dd>{formatDate(d.date, lang)}</dd>
        {d.meetingId ? <MeetingFacts meetingId={d.meetingId} agendaItem={d.agendaItem} /> : null}
        {d.groupId ? <GroupFact groupId={d.groupId} /> : null}
      </dl>

      <Languages doc={d} />
      <History id={d.id} />
      {d.can.upload ? <UploadForm doc={d} /> : null}
    </Stack>
  );
}

function MeetingFacts({ meetingId, agendaItem }: { meetingId: string; agendaItem: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const meeting = useQuery(meetingQuery(meetingId));
  const agenda = meeting.data?.meeting.agenda;
  const item = (() => {
    if (!agendaItem || !agenda) return null;
    for (const top of agenda.items) {
      if (top.key === agendaItem) return top;
      const sub = top.items.find((s) => s.key === agendaItem);
      if (sub) return sub;
    }
    return null;
  })();
  return (
    <>
      <dt>{t('documents.meeting')}</dt>
      <dd>
        <Anchor component={Link} to={to(`/meetings/${meetingId}`)}>
          {meeting.data ? <Localized text={meeting.data.meeting.title} /> : t('documents.openMeeting')}
        </Anchor>
      </dd>
      {agendaItem ? (
        <>
          <dt>{t('documents.agendaItem')}</dt>
          <dd>
            {item ? (
              <>
                {isolatedLatin(t('documents.itemNumber', { number: item.number }), lang)} <Localized text={item.title} />
              </>
            ) : (
              <span className={ui.code}>{agendaItem}</span>
            )}
          </dd>
        </>
      ) : null}
    </>
  );
}

function GroupFact({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const group = useQuery(groupQuery(groupId));
  return (
    <>
      <dt>{t('documents.group')}</dt>
      <dd>
        <Anchor component={Link} to={to(`/groups/${groupId}`)}>
          {group.data ? <Localized text={group.data.group.name} /> : t('documents.openGroup')}
        </Anchor>
      </dd>
    </>
  );
}

/** The six languages, each said to exist or not, with the latest file to download. */
function Languages({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLanguageName(lang);
  return (
    <section aria-labelledby="document-languages">
      <Title order={2} size="h3" id="document-languages" mb="sm">
        {t('documents.languagesTitle')}
      </Title>
      <div className={listing.scroll}>
        <Table withTableBorder verticalSpacing="sm" className={listing.table}>
          <caption className={listing.caption}>{t('documents.languagesCaption', { symbol: isolated(doc.symbol, lang) })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('documents.language')}</Table.Th>
              <Table.Th scope="col">{t('documents.availability')}</Table.Th>
              <Table.Th scope="col">{t('documents.file')}</Table.Th>
              <Table.Th scope="col">{t('documents.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LANGUAGES.map((l) => {
              const file = doc.files.find((f) => f.language === l);
              return (
                <Table.Tr key={l} data-language={l} data-available={file ? 'true' : 'false'}>
                  <Table.Th scope="row">{name(l)}</Table.Th>
                  <Table.Td>{file ? t('documents.available') : <span className={classes.missing}>{t('documents.notIssued')}</span>}</Table.Td>
                  <Table.Td>
                    {file
                      ? isolatedLatin(t('documents.fileFacts', { format: file.format.toUpperCase(), size: formatSize(file.size, lang), version: file.version, date: formatInstant(file.uploadedAt, lang) }), lang)
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {file ? (
                      <Anchor href={file.url} download>
                        {t('documents.downloadIn', { language: name(l), format: isolated(file.format.toUpperCase(), lang) })}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/** Every file ever issued, newest first: nothing is replaced, so what was issued can be shown as it was. */
function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLanguageName(lang);
  const history = useQuery(historyQuery(id));
  return (
    <section aria-labelledby="document-history">
      <Title order={2} size="h3" id="document-history" mb="sm">
        {t('documents.historyTitle')}
      </Title>
      {history.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : history.isError ? (
        <ProblemAlert error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text>{t('documents.noHistory')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="xs" className={listing.table}>
            <caption className={listing.caption}>{t('documents.historyCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documents.uploadedAt')}</Table.Th>
                <Table.Th scope="col">{t('documents.language')}</Table.Th>
                <Table.Th scope="col">{t('documents.version')}</Table.Th>
                <Table.Th scope="col">{t('documents.fileName')}</Table.Th>
                <Table.Th scope="col">{t('documents.download')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...history.data.items].reverse().map((h) => (
                <Table.Tr key={`${h.language}-${h.version}`}>
                  <Table.Th scope="row" className={classes.nowrap}>
                    {formatInstant(h.uploadedAt, lang)}
                  </Table.Th>
                  <Table.Td>{name(h.language)}</Table.Td>
                  <Table.Td>{t('documents.versionN', { version: h.version })}</Table.Td>
                  <Table.Td className={ui.code}>
                    <Verbatim>{h.filename}</Verbatim> ({isolatedLatin(`${h.format.toUpperCase()}, ${formatSize(h.size, lang)}`, lang)})
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`/api/v1/documents/${id}/files/${h.language}/${h.version}`} download>
                      {t('documents.downloadVersion', { language: name(h.language), version: h.version })}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}

type UploadRefusal = { kind: 'type' | 'size' | 'extension' | 'missing'; detail?: string } | null;

/** For the Secretariat (as the API says in `can.upload`): upload a language version, with its progress. */
export function UploadForm({ doc, headingLevel = 2 }: { doc: Pick<DocumentDetail, 'id' | 'symbol' | 'languages'>; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLanguageName(lang);
  const queryClient = useQueryClient();
  const settings = useQuery(settingsQuery());
  const firstMissing = LANGUAGES.find((l) => !doc.languages[l]) ?? lang;
  const [language, setLanguage] = useState<Language>(firstMissing);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [refusal, setRefusal] = useState<UploadRefusal>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const limit = settings.data?.uploadLimitBytes ?? null;
  const limitText = limit ? formatSize(limit, lang) : '…';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!file) return setRefusal({ kind: 'missing' });
    if (!hasAcceptedExtension(file.name)) return setRefusal({ kind: 'extension' });
    if (limit && file.size > limit) return setRefusal({ kind: 'size' });
    setRefusal(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ sent: 0, total: file.size });
    try {
      const stored = await uploadVersion({ documentId: doc.id, language, file, signal: controller.signal, onProgress: (sent, total) => setProgress({ sent, total }) });
      const message = t('documents.upload.done', { language: name(stored.language), version: stored.version, symbol: doc.symbol });
      setDone(message);
      notifySuccess(message);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      await queryClient.invalidateQueries({ queryKey: ['groups'] });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') setError(null);
      else if (e instanceof ApiProblem && e.status === 415) setRefusal({ kind: 'type', detail: e.message });
      else if (e instanceof ApiProblem && e.status === 413) setRefusal({ kind: 'size', detail: e.message });
      else setError(e);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const refusalText =
    refusal?.kind === 'type'
      ? t('documents.upload.refusedType')
      : refusal?.kind === 'size'
        ? t('documents.upload.refusedSize', { limit: limitText })
        : refusal?.kind === 'extension'
          ? t('documents.upload.refusedExtension')
          : refusal?.kind === 'missing'
            ? t('documents.upload.chooseFile')
            : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-upload">
      <Title order={headingLevel} size="h3" id="document-upload" mb="xs">
        {t('documents.upload.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('documents.upload.intro', { limit: limitText })}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {refusal && refusal.kind !== 'missing' ? (
            <Alert color="red" variant="light" title={t('documents.upload.refusedTitle')} role="alert" data-testid="upload-refused">
              <Text size="sm">{refusalText}</Text>
              {refusal.detail ? (
                <Text size="sm" mt={4} lang="en" dir="ltr">
                  {t('documents.upload.serverSaid')} {refusal.detail}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <ProblemAlert error={error} />
          {done ? (
            <Alert color="green" variant="light" role="status">
              {done}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('documents.upload.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
            data={LANGUAGES.map((l) => ({ value: l, label: doc.languages[l] ? t('documents.upload.languageReplace', { language: name(l) }) : name(l) }))}
            disabled={!!progress}
            className={classes.fileInput}
          />
          <FileInput
            label={t('documents.upload.file')}
            description={t('documents.upload.fileHelp', { limit: limitText })}
            placeholder={t('documents.upload.placeholder')}
            accept={ACCEPT_ATTRIBUTE}
            value={file}
            onChange={(f) => {
              setFile(f);
              setRefusal(null);
              setDone(null);
            }}
            error={refusal?.kind === 'missing' ? refusalText : null}
            required
            clearable
            clearButtonProps={{ 'aria-label': t('documents.upload.clear') }}
            disabled={!!progress}
            className={classes.fileInput}
          />
          {progress ? (
            <div>
              <Progress value={percent} size="lg" aria-label={t('documents.upload.progressLabel')} animated />
              <Text size="sm" mt={4}>
                {t('documents.upload.progress', { sent: formatSize(progress.sent, lang), total: formatSize(progress.total, lang), percent })}
              </Text>
            </div>
          ) : null}
          <Group>
            <Button type="submit" loading={!!progress}>
              {t('documents.upload.submit')}
            </Button>
            {progress ? (
              <Button variant="outline" color="red.9" onClick={() => abort.current?.abort()}>
                {t('documents.upload.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
