import { useState, type FormEvent } from 'react';
import { Button, FileInput, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation, type TFunction } from '../../app/i18n';
import { api, ApiProblem, unwrap } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { KIND_LABEL, PUBLICATION_KINDS, stateRecordQuery, type NationalPublication, type PublicationKind } from './record-queries';

const ACCEPT = '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/** What the server said of the file (415: not a PDF, DOCX or ODT by its bytes; 413: too large), as the file field's error. */
function fileError(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.status === 415) return t('states.record.fileType');
  if (error.status === 413) return t('states.record.fileSize');
  return null;
}

/** The form's fields first, then the file: the server reads them in that order. */
function formOf(fields: Record<string, string>, file: File): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return form;
}

/** For the State's own focal point (the API's `can.publish`): publish a national position or strategy. */
export function PublishPublication({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const [kind, setKind] = useState<PublicationKind>('international-law-position');
  const [title, setTitle] = useState<LocalizedDraft>({});
  const [language, setLanguage] = useState<Language>(lang);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ title?: string | null; file?: string | null }>({});

  const publish = useMutation({
    mutationFn: () => {
      const fields: Record<string, string> = { kind, language };
      const body = localizedBody(title);
      for (const l of LANGUAGES) if (body[l]) fields[`title.${l}`] = body[l]!;
      if (note.trim()) fields.note = note.trim();
      // Multipart: openapi-fetch sends FormData as it is (the browser sets the boundary), with the CSRF token.
      return unwrap(api.POST('/api/v1/states/{iso3}/publications', { params: { path: { iso3 } }, body: formOf(fields, file!) as never }));
    },
    onSuccess: (published) => {
      notifySuccess(t('states.record.published'));
      // The document just published, in the list, once the record is read again with it.
      focusWhenShown(byAttribute('data-publication', published.id), { timeoutMs: 10_000 });
      setTitle({});
      setNote('');
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: stateRecordQuery(iso3).queryKey });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { title: title.en?.trim() ? null : t('forms.required'), file: file ? null : t('forms.required') };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) publish.mutate();
  };

  const badFile = fileError(publish.error, t);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="publish-national">
      <Title order={3} size="h4" id="publish-national" mb="xs">
        {t('states.record.publishTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('states.record.publishIntro')}
      </Text>
      <Stack gap="sm">
        <ProblemAlert error={badFile ? null : publish.error} />
        <NativeSelect label={t('states.record.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as PublicationKind)} data={PUBLICATION_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} />
        <LocalizedFields label={t('states.record.titleField')} value={title} onChange={setTitle} error={errors.title} folded maxLength={500} />
        <NativeSelect label={t('states.record.fileLanguage')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)} data={LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }))} />
        <TextInput label={t('states.record.note')} description={t('states.record.optional')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <FileInput
          label={t('states.record.file')}
          description={t('states.record.fileHelp')}
          placeholder={t('states.record.chooseFile')}
          accept={ACCEPT}
          required
          value={file}
          onChange={setFile}
          error={errors.file ?? badFile}
          clearable
          clearButtonProps={{ 'aria-label': t('states.record.clearFile') }}
        />
        <div>
          <Button type="submit" loading={publish.isPending}>
            {t('states.record.publishSubmit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** For the State's own focal point (the publication's `can.addVersion`): a new version, the earlier ones kept. */
export function AddVersion({ iso3, publication }: { iso3: string; publication: NationalPublication }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const [language, setLanguage] = useState<Language>(lang);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `add-version-${publication.id}`;

  const add = useMutation({
    mutationFn: () => {
      const fields: Record<string, string> = { language };
      if (note.trim()) fields.note = note.trim();
      return unwrap(api.POST('/api/v1/states/{iso3}/publications/{id}/versions', { params: { path: { iso3, id: publication.id } }, body: formOf(fields, file!) as never }));
    },
    onSuccess: () => {
      notifySuccess(t('states.record.versionAdded'));
      // The document, once it is read again with one more version.
      const before = publication.versions.length;
      const shown = byAttribute('data-publication', publication.id);
      focusWhenShown(() => {
        const article = document.querySelector<HTMLElement>(shown);
        return article && Number(article.dataset.versions) > before ? article : null;
      }, { timeoutMs: 10_000 });
      setNote('');
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: stateRecordQuery(iso3).queryKey });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(file ? null : t('forms.required'));
    if (file) add.mutate();
  };
  const badFile = fileError(add.error, t);
  return (
    <details>
      <summary>{t('states.record.addVersion')}</summary>
      <form onSubmit={submit} noValidate aria-labelledby={id}>
      <Stack gap="sm" mt="sm">
        <Text id={id} size="sm" fw={600}>
          {t('states.record.addVersionTitle')}
        </Text>
        <ProblemAlert error={badFile ? null : add.error} />
        <NativeSelect label={t('states.record.fileLanguage')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)} data={LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }))} />
        <TextInput label={t('states.record.note')} description={t('states.record.optional')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <FileInput
          label={t('states.record.file')}
          description={t('states.record.fileHelp')}
          placeholder={t('states.record.chooseFile')}
          accept={ACCEPT}
          required
          value={file}
          onChange={setFile}
          error={error ?? badFile}
          clearable
          clearButtonProps={{ 'aria-label': t('states.record.clearFile') }}
        />
        <div>
          <Button type="submit" variant="outline" loading={add.isPending}>
            {t('states.record.addVersionSubmit')}
          </Button>
        </div>
      </Stack>
      </form>
    </details>
  );
}

/** For the State's own focal point (the publication's `can.withdraw`): withdraw it from the page, after confirming. */
export function WithdrawPublication({ iso3, publication }: { iso3: string; publication: NationalPublication }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/states/{iso3}/publications/{id}/withdraw', { params: { path: { iso3, id: publication.id } } })),
    onSuccess: () => {
      setAsking(false);
      notifySuccess(t('states.record.withdrawn'));
      void queryClient.invalidateQueries({ queryKey: stateRecordQuery(iso3).queryKey });
    },
  });
  return (
    <>
      <Button variant="subtle" color="red.9" size="compact-sm" onClick={() => setAsking(true)}>
        {t('states.record.withdraw')}
      </Button>
      <ConfirmDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('states.record.withdrawTitle')}
        message={
          <>
            {t('states.record.withdrawMessage')}
            <ProblemAlert error={withdraw.error} />
          </>
        }
        confirmLabel={t('states.record.withdraw')}
        onConfirm={() => withdraw.mutate()}
        danger
        loading={withdraw.isPending}
      />
    </>
  );
}
