import { useState, type FormEvent } from 'react';
import { Alert, Button, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { isolated, LocalizedOption, Verbatim } from '../../ui/localized';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { allGroupsQuery } from '../groups';
import { meetingQuery, meetingsQuery } from '../meetings';
import { DOCUMENT_TYPES, nextSymbolQuery, useDocumentLabels, type DocumentType } from './queries';
import classes from './documents.module.css';

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const SYMBOL_SHAPE = /^[A-Z][A-Za-z0-9.()/-]{1,79}$/;

export default function NewDocumentPage() {
  const { t } = useTranslation();
  // Whether the caller may issue documents, as the API says. (Signed in: the router's RequireAccount guards this page.)
  const allowed = useQuery({
    queryKey: ['documents', 'can'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/documents', { params: { query: { limit: 1 } } })),
  });

  return (
    <div className={classes.narrow}>
      <PageHeading>{t('documents.issue.title')}</PageHeading>
      {allowed.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : allowed.isError ? (
        <ProblemAlert error={allowed.error} />
      ) : allowed.data.can.issue ? (
        <IssueForm />
      ) : (
        <Alert color="un" variant="light" title={t('documents.issue.notAllowedTitle')}>
          {t('documents.issue.notAllowed')}
        </Alert>
      )}
    </div>
  );
}

function IssueForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useDocumentLabels();
  const [type, setType] = useState<DocumentType>('working-paper');
  const [titles, setTitles] = useState<LocalizedDraft>({});
  const [date, setDate] = useState(today());
  // Opened from a meeting's or a group's page: that meeting or group is already chosen.
  const [params] = useSearchParams();
  const uuid = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '');
  const [meetingId, setMeetingId] = useState(uuid(params.get('meeting')));
  const [agendaItem, setAgendaItem] = useState('');
  const [groupId, setGroupId] = useState(uuid(params.get('group')));
  const [symbol, setSymbol] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});

  const meetings = useQuery(meetingsQuery({}));
  const meeting = useQuery({ ...meetingQuery(meetingId), enabled: !!meetingId });
  const groups = useQuery(allGroupsQuery());
  const preview = useQuery({ ...nextSymbolQuery(type, date), enabled: isDate(date) && !symbol.trim() });

  // Each item as a native option: its number isolated, its title in the page's language or marked as English.
  const agendaOptions = (meeting.data?.meeting.agenda?.items ?? []).flatMap((item) => [item, ...item.items]);

  const issue = useMutation({
    mutationFn: () => {
      const title = localizedBody(titles);
      const body = { type, title, date, ...(symbol.trim() ? { symbol: symbol.trim() } : {}) };
      if (meetingId) return unwrap(api.POST('/api/v1/meetings/{id}/documents', { params: { path: { id: meetingId } }, body: { ...body, ...(agendaItem ? { agendaItem } : {}) } }));
      if (groupId) return unwrap(api.POST('/api/v1/groups/{id}/documents', { params: { path: { id: groupId } }, body }));
      return unwrap(api.POST('/api/v1/documents', { body }));
    },
    onSuccess: async (doc) => {
      notifySuccess(t('documents.issue.issued', { symbol: doc.symbol }));
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      await queryClient.invalidateQueries({ queryKey: ['groups'] });
      void navigate(to(`/documents/${doc.id}`));
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      setErrors({
        symbol: error.kind === 'symbol-taken' ? t('documents.issue.symbolTaken') : error.fieldError('symbol') ? t('documents.issue.symbolInvalid') : null,
        agendaItem: error.fieldError('agendaItem') ? t('documents.issue.agendaItemRejected') : null,
        date: error.fieldError('date') ? t('documents.issue.dateInvalid') : null,
        'title.en': error.errors.some((e) => e.field.startsWith('body.title')) ? t('forms.fieldRejected') : null,
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      'title.en': titles.en?.trim() ? null : t('forms.required'),
      date: isDate(date) ? null : t('documents.issue.dateInvalid'),
      symbol: !symbol.trim() || SYMBOL_SHAPE.test(symbol.trim()) ? null : t('documents.issue.symbolInvalid'),
    };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) issue.mutate();
  };

  // A refusal about one field is shown on that field; any other, above the form.
  const shownError = issue.error instanceof ApiProblem && Object.values(errors).some(Boolean) ? null : issue.error;

  return (
    <>
      <Text mb="lg">{t('documents.issue.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={shownError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('documents.type')} value={type} onChange={(e) => setType(e.currentTarget.value as DocumentType)} data={DOCUMENT_TYPES.map((d) => ({ value: d, label: labels.type(d) }))} required />
            <TextInput type="date" label={t('documents.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} required />
          </SimpleGrid>
          <div role="status" aria-live="polite" data-testid="symbol-preview">
            {symbol.trim() ? (
              <Text size="sm">{t('documents.issue.ownSymbol')}</Text>
            ) : preview.data ? (
              <Text size="sm">
                {t('documents.issue.preview')}{' '}
                <strong className={classes.preview}>
                  <Verbatim>{preview.data.symbol}</Verbatim>
                </strong>
                <br />
                {t('documents.issue.previewNote')}
              </Text>
            ) : null}
          </div>
          <TextInput
            label={t('documents.issue.symbol')}
            description={t('documents.issue.symbolHelp')}
            value={symbol}
            onChange={(e) => setSymbol(e.currentTarget.value)}
            error={errors.symbol}
            dir="ltr"
            autoComplete="off"
          />
          <LocalizedFields label={t('documents.issue.titles')} value={titles} onChange={setTitles} error={errors['title.en']} maxLength={500} />
          <NativeSelect
            label={t('documents.meeting')}
            description={t('documents.issue.meetingHelp')}
            value={meetingId}
            onChange={(e) => {
              setMeetingId(e.currentTarget.value);
              setAgendaItem('');
            }}
          >
            <option value="">{t('documents.issue.noMeeting')}</option>
            {(meetings.data?.items ?? []).map((m) => (
              <LocalizedOption key={m.id} value={m.id} text={m.title} />
            ))}
          </NativeSelect>
          {meetingId ? (
            <NativeSelect
              label={t('documents.agendaItem')}
              value={agendaItem}
              onChange={(e) => setAgendaItem(e.currentTarget.value)}
              error={errors.agendaItem}
              disabled={meeting.isPending || agendaOptions.length === 0}
              description={!meeting.isPending && agendaOptions.length === 0 ? t('documents.issue.noAgenda') : undefined}
            >
              <option value="">{t('documents.issue.noAgendaItem')}</option>
              {agendaOptions.map((item) => (
                <LocalizedOption key={item.key} value={item.key} text={item.title} prefix={`${isolated(item.number, lang)} `} />
              ))}
            </NativeSelect>
          ) : (
            <NativeSelect
              label={t('documents.group')}
              description={t('documents.issue.groupHelp')}
              value={groupId}
              onChange={(e) => setGroupId(e.currentTarget.value)}
            >
              <option value="">{t('documents.issue.noGroup')}</option>
              {(groups.data?.items ?? []).map((g) => (
                <LocalizedOption key={g.id} value={g.id} text={g.name} />
              ))}
            </NativeSelect>
          )}
          <Button type="submit" loading={issue.isPending}>
            {t('documents.issue.submit')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
