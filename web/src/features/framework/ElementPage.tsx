import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrapResponse } from '../../api/client';
import { directionOf, LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { FallbackMark, InLanguage, Verbatim } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { NotFound } from '../../ui/NotFound';
import { FrameworkLinks } from './FrameworkLinks';
import { WhoElseWorksOnThis } from '../initiatives';
import { Citation, ElementText, StatusBadge } from './parts';
import { elementQuery, useFrameworkLabels, type ElementDetail } from './queries';
import classes from './framework.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatDate } from '../../ui/dates';
import { useVersionedSave } from '../../ui/versioned-save';

export default function ElementPage() {
  const { t } = useTranslation();
  const { code = '', n } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useFrameworkLabels();
  const element = useQuery(elementQuery(code, lang));

  if (!element.isSuccess) return <Loaded query={element} />;
  const e = element.data.element;
  const shown = n === undefined ? e.latest : e.versions.find((v) => String(v.version) === n);
  if (!shown) return <NotFound />;
  const older = shown.version !== e.latest.version;
  const versions = [...e.versions].sort((a, b) => b.version - a.version);

  return (
    <Stack gap="lg">
      <FrameworkLinks current={null} />
      <div>
        <Text size="sm" c="dimmed">
          {labels.pillar(shown.pillar)} · {labels.kind(shown.kind)}
          {shown.grouping ? ` · ${shown.grouping}` : ''}
        </Text>
        <PageHeading title={shown.display.title}>
          <span lang={shown.display.language} dir={directionOf(shown.display.language)}>
            {shown.display.title}
          </span>
        </PageHeading>
        <Group gap="xs">
          <StatusBadge status={shown.display.status} />
          <FallbackMark show={shown.display.fallback} />
          <Text size="sm">{t('framework.versionOf', { version: shown.version, date: formatDate(shown.effectiveOn, lang) })}</Text>
          <Button variant="outline" size="compact-sm" onClick={() => window.print()} className={ui.noPrint}>
            {t('framework.print')}
          </Button>
        </Group>
      </div>

      {older ? (
        <Alert variant="light" color="un" title={t('framework.olderVersion')}>
          <Anchor component={Link} to={to(`/framework/${e.code}`)}>
            {t('framework.seeLatest')}
          </Anchor>
        </Alert>
      ) : null}
      {shown.supersededBy ? (
        <Text>
          {t('framework.supersededBy')}{' '}
          <Anchor component={Link} to={to(`/framework/${shown.supersededBy}`)}>
            {shown.supersededBy}
          </Anchor>
        </Text>
      ) : null}

      <ElementText display={shown.display} long />
      <Citation version={shown} />
      <dl className={ui.facts}>
        <dt>{t('framework.sourceDocument')}</dt>
        <dd lang="en" dir="ltr">
          {shown.source.title} ({shown.source.body}, {formatDate(shown.source.date, lang)})
        </dd>
        <dt>{t('framework.paragraph')}</dt>
        <dd>
          {shown.source.paragraph ? <Verbatim>{shown.source.paragraph}</Verbatim> : '—'} · {shown.source.paragraphConfirmed ? t('framework.paragraphConfirmed') : t('framework.paragraphToConfirm')}
        </dd>
        <dt>{t('framework.code')}</dt>
        <dd className={ui.code}>
          <Verbatim>{e.code}</Verbatim>
        </dd>
        <dt>{t('framework.permalink')}</dt>
        <dd>
          <Anchor component={Link} to={to(`/framework/${e.code}/v/${shown.version}`)} className={ui.code}>
            <Verbatim>{`/${lang}/framework/${e.code}/v/${shown.version}`}</Verbatim>
          </Anchor>
        </dd>
      </dl>

      <section aria-labelledby="element-history">
        <Title order={2} size="h3" id="element-history" mb="sm">
          {t('framework.history')}
        </Title>
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('framework.version')}</Table.Th>
                <Table.Th scope="col">{t('framework.change')}</Table.Th>
                <Table.Th scope="col">{t('framework.effectiveOn')}</Table.Th>
                <Table.Th scope="col">{t('framework.textStatus')}</Table.Th>
                <Table.Th scope="col">{t('framework.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version} aria-current={v.version === shown.version ? 'true' : undefined} data-version={v.version}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/framework/${e.code}/v/${v.version}`)}>
                      {t('framework.versionN', { version: v.version })}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{labels.change(v.change)}</Table.Td>
                  <Table.Td>{formatDate(v.effectiveOn, lang)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={v.display.status} />
                  </Table.Td>
                  <Table.Td lang="en" dir="ltr">
                    {v.source.citation}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="element-related">
        <Title order={2} size="h3" id="element-related" mb="sm">
          {t('framework.related')}
        </Title>
        {e.relations.length === 0 ? (
          <Text>{t('framework.noRelated')}</Text>
        ) : (
          <ul className={classes.related}>
            {e.relations.map((r) => (
              <li key={`${r.direction}-${r.kind}-${r.code}`}>
                <Anchor component={Link} to={to(`/framework/${r.code}`)}>
                  <InLanguage lang={r.language} mark={false}>
                    {r.title}
                  </InLanguage>
                </Anchor>{' '}
                <FallbackMark show={r.language !== lang} />{' '}
                <Text span size="sm" c="dimmed">
                  ({labels.kind(r.elementKind)}
                  {r.sourceSymbol ? (
                    <>
                      {' · '}
                      <Verbatim>{r.sourceSymbol}</Verbatim>
                    </>
                  ) : null}
                  )
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <WhoElseWorksOnThis code={e.code} />

      {e.can.recordText ? <RecordText key={element.data.etag ?? ''} element={e} etag={element.data.etag} /> : null}
    </Stack>
  );
}

/** For the Secretariat (as the API says in `can.recordText`): record the confirmed official text or a translation. */
function RecordText({ element, etag }: { element: ElementDetail; etag: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const display = new Intl.DisplayNames([lang], { type: 'language' });
  const latest = element.latest;
  const [language, setLanguage] = useState<Language>(lang);
  const [title, setTitle] = useState(latest.texts[lang]?.title ?? '');
  const [text, setText] = useState(latest.texts[lang]?.text ?? '');
  const [status, setStatus] = useState<'verbatim' | 'summary'>('verbatim');
  const [symbol, setSymbol] = useState(latest.source.symbol);
  const [paragraph, setParagraph] = useState(latest.source.paragraph ?? '');
  const [confirmed, setConfirmed] = useState(latest.source.paragraphConfirmed);
  const [errors, setErrors] = useState<{ title?: string | null; text?: string | null; symbol?: string | null }>({});

  const save = useVersionedSave({
    etag,
    send: (ifMatch) =>
      unwrapResponse(
        api.POST('/api/v1/framework/elements/{code}/versions', {
          params: { path: { code: element.code } },
          headers: ifMatch,
          body: { language, title: title.trim(), text: text.trim(), status, source: { symbol: symbol.trim(), paragraph: paragraph.trim() || null, paragraphConfirmed: confirmed } },
        }),
      ),
    savedEtag: ({ response }) => response.headers.get('etag'),
    onSuccess: ({ data: recorded }) => {
      void queryClient.invalidateQueries({ queryKey: ['framework'] });
      notifySuccess(t('framework.record.saved'));
      // The new version, once the history shows it: the form is rebuilt on it and its button gone.
      focusWhenShown(`[aria-labelledby="element-history"] ${byAttribute('data-version', String(recorded.version))} th`, { timeoutMs: 10_000 });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      title: title.trim() ? null : t('forms.required'),
      text: text.trim() ? null : t('forms.required'),
      symbol: symbol.trim() ? null : t('forms.required'),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    save.mutate();
  };

  const stale = save.stale;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="element-record" className={ui.noPrint}>
      <Title order={2} size="h3" id="element-record" mb="xs">
        {t('framework.record.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('framework.record.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale ? (
            <Alert color="red" variant="light" title={t('problems.titles.changed')} role="alert">
              {t('framework.record.stale')}
            </Alert>
          ) : (
            <ProblemAlert error={save.error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('framework.record.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: display.of(l) ?? l }))}
            />
            <NativeSelect
              label={t('framework.textStatus')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value === 'summary' ? 'summary' : 'verbatim')}
              data={[
                { value: 'verbatim', label: t('framework.status.verbatim') },
                { value: 'summary', label: t('framework.status.summary') },
              ]}
            />
          </SimpleGrid>
          <TextInput label={t('framework.record.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required lang={language} dir={directionOf(language)} />
          <Textarea label={t('framework.record.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} required autosize minRows={4} lang={language} dir={directionOf(language)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('framework.record.symbol')} value={symbol} onChange={(e) => setSymbol(e.currentTarget.value)} error={errors.symbol} required dir="ltr" />
            <TextInput label={t('framework.paragraph')} value={paragraph} onChange={(e) => setParagraph(e.currentTarget.value)} dir="ltr" />
          </SimpleGrid>
          <Checkbox label={t('framework.record.confirmed')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('framework.record.submit')}
            </Button>
            {stale ? (
              <Button
                variant="outline"
                onClick={() => {
                  save.reset();
                  void queryClient.invalidateQueries({ queryKey: ['framework', 'element', element.code] });
                }}
              >
                {t('framework.record.reload')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
