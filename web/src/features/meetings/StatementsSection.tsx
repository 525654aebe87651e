import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, FileInput, Loader, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap } from '../../api/client';
import { directionOf, LANGUAGES, type Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useHashTarget } from '../../ui/hash-target';
import { AgendaItemLine, AgendaItemOption } from './parts';
import { flattenAgenda, statementsQuery, type MeetingPage, type Statement } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { formatInZone } from '../../ui/dates';

/** Statements, States' apart from stakeholders', per agenda item; and, for a delegation, the form to submit one. */
export function StatementsSection({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const statements = useQuery(statementsQuery(m.id));
  const items = m.agenda ? flattenAgenda(m.agenda.items) : [];
  // A link to a statement (`#statement-…`, as the search links) lands on it once the statements are loaded.
  useHashTarget(statements.isSuccess);

  return (
    <section aria-labelledby="meeting-statements">
      <Title order={2} size="h3" id="meeting-statements" mb="sm">
        {t('meetings.statements.title')}
      </Title>
      {statements.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : statements.isError ? (
        <ProblemAlert error={statements.error} />
      ) : (
        <Stack gap="md">
          {!statements.data.published ? (
            <Text data-testid="statements-unpublished">
              {statements.data.states.length + statements.data.stakeholders.length > 0 ? t('meetings.statements.notPublishedYours') : t('meetings.statements.notPublished')}
            </Text>
          ) : statements.data.states.length + statements.data.stakeholders.length === 0 ? (
            <Text>{t('meetings.statements.none')}</Text>
          ) : null}
          <StatementGroup heading={t('meetings.statements.states')} statements={statements.data.states} items={items} meeting={m} testId="statements-states" />
          <StatementGroup heading={t('meetings.statements.stakeholders')} statements={statements.data.stakeholders} items={items} meeting={m} testId="statements-stakeholders" />
        </Stack>
      )}
      {m.can.submitStatement && items.length > 0 ? <SubmitStatement meeting={m} items={items} /> : null}
    </section>
  );
}

function StatementGroup({ heading, statements, items, meeting, testId }: { heading: string; statements: Statement[]; items: ReturnType<typeof flattenAgenda>; meeting: MeetingPage; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  if (!statements.length) return null;
  const keys = [...new Set(statements.map((s) => s.agendaItem.key))];
  const ordered = [...items.filter((i) => keys.includes(i.key)).map((i) => i.key), ...keys.filter((k) => !items.some((i) => i.key === k))];
  return (
    <div data-testid={testId}>
      <Title order={3} size="h4" mb="xs">
        {heading}
      </Title>
      {ordered.map((key) => {
        const item = items.find((i) => i.key === key);
        return (
          <div key={key}>
            <Title order={4} size="h5" mt="sm" mb={4}>
              {item ? <AgendaItemLine item={item} /> : key}
            </Title>
            <ul className={classes.list}>
              {statements
                .filter((s) => s.agendaItem.key === key)
                .map((s) => (
                  <li key={s.id} id={`statement-${s.id}`} className={classes.item} data-statement={s.id}>
                    <Text fw={600}>{s.delegationName}</Text>
                    {s.title ? (
                      <Text fw={600} lang={s.language} dir={directionOf(s.language)}>
                        {s.title}
                      </Text>
                    ) : null}
                    <Text size="sm" c="dimmed">
                      {t('meetings.statements.meta', { language: names.of(s.language) ?? s.language, date: formatInZone(s.submittedAt, meeting.timeZone, lang) })}
                    </Text>
                    {s.text ? (
                      <p className={classes.statementText} lang={s.language} dir={directionOf(s.language)}>
                        {s.text}
                      </p>
                    ) : null}
                    {s.file ? (
                      <Anchor href={s.file.url} download={s.file.filename}>
                        {t('meetings.statements.downloadFile', { format: s.file.format.toUpperCase(), size: Math.max(1, Math.round(s.file.size / 1024)).toLocaleString(lang) })}
                      </Anchor>
                    ) : null}
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

function SubmitStatement({ meeting: m, items }: { meeting: MeetingPage; items: ReturnType<typeof flattenAgenda> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const [agendaItem, setAgendaItem] = useState(items[0]?.key ?? '');
  const [language, setLanguage] = useState<Language>(lang);
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ text?: string | null; file?: string | null }>({});

  // The delegation the caller speaks for, as the server says (not re-decided from the account's roles).
  const own = m.delegation;

  const submit = useMutation({
    mutationFn: async () => {
      if (!own) throw new ApiProblem(403, 'forbidden', 'no delegation');
      const base = { agendaItem, language, ...(title.trim() ? { title: title.trim() } : {}) };
      if (mode === 'text') {
        if (own.kind === 'state') return unwrap(api.POST('/api/v1/meetings/{id}/statements/states/{iso3}', { params: { path: { id: m.id, iso3: own.state } }, body: { ...base, text: text.trim() } }));
        return unwrap(
          api.POST('/api/v1/meetings/{id}/statements/organisations/{organisationId}', { params: { path: { id: m.id, organisationId: own.organisationId } }, body: { ...base, text: text.trim() } }),
        );
      }
      const form = new FormData();
      form.append('file', file!, file!.name);
      // Multipart: openapi-fetch sends FormData as it is (the browser sets the boundary), with the CSRF token.
      const body = form as never;
      if (own.kind === 'state') return unwrap(api.POST('/api/v1/meetings/{id}/statements/states/{iso3}/file', { params: { path: { id: m.id, iso3: own.state }, query: base }, body }));
      return unwrap(api.POST('/api/v1/meetings/{id}/statements/organisations/{organisationId}/file', { params: { path: { id: m.id, organisationId: own.organisationId }, query: base }, body }));
    },
    onSuccess: () => {
      notifySuccess(t('meetings.statements.submitted'));
      // The message that says the statement was received (it may not be listed until the statements are published).
      focusWhenShown('[data-statement-submitted]');
      setText('');
      setTitle('');
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: statementsQuery(m.id).queryKey });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && (error.status === 415 || error.status === 413)) setErrors({ file: error.status === 415 ? t('meetings.statements.fileType') : t('meetings.statements.fileSize') });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = mode === 'text' ? { text: text.trim() ? null : t('forms.required') } : { file: file ? null : t('forms.required') };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) submit.mutate();
  };

  const problem = submit.error instanceof ApiProblem && (submit.error.status === 415 || submit.error.status === 413) ? null : submit.error;

  return (
    <Paper withBorder p="md" mt="md" component="form" onSubmit={onSubmit} noValidate aria-labelledby="submit-statement">
      <Title order={3} size="h4" id="submit-statement" mb="xs">
        {t('meetings.statements.submitTitle')}
      </Title>
      <Text size="sm" mb="sm" className={listing.intro}>
        {m.statementsPublished ? t('meetings.statements.submitPublic') : t('meetings.statements.submitPrivate')}
      </Text>
      <Stack gap="sm">
        <ProblemAlert error={problem} />
        {submit.isSuccess ? (
          <Alert color="#1e6b30" variant="light" role="status" data-statement-submitted="">
            {t('meetings.statements.submitted')}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('meetings.statements.agendaItem')}
          value={agendaItem}
          onChange={(e) => setAgendaItem(e.currentTarget.value)}
          required
        >
          {items.map((i) => (
            <AgendaItemOption key={i.key} item={i} />
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('meetings.statements.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          data={LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }))}
          required
        />
        <TextInput label={t('meetings.statements.statementTitle')} description={t('meetings.optional')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} lang={language} dir={directionOf(language)} />
        <Radio.Group label={t('meetings.statements.form')} value={mode} onChange={(v) => setMode(v === 'file' ? 'file' : 'text')}>
          <Stack gap={4} mt={4}>
            <Radio value="text" label={t('meetings.statements.asText')} />
            <Radio value="file" label={t('meetings.statements.asFile')} />
          </Stack>
        </Radio.Group>
        {mode === 'text' ? (
          <Textarea
            label={t('meetings.statements.text')}
            required
            autosize
            minRows={6}
            maxRows={20}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            lang={language}
            dir={directionOf(language)}
          />
        ) : (
          <FileInput
            label={t('meetings.statements.file')}
            description={t('meetings.statements.fileHelp')}
            placeholder={t('meetings.statements.chooseFile')}
            accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
            required
            value={file}
            onChange={setFile}
            error={errors.file}
            clearable
            clearButtonProps={{ 'aria-label': t('meetings.statements.clearFile') }}
          />
        )}
        <div>
          <Button type="submit" loading={submit.isPending}>
            {t('meetings.statements.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
