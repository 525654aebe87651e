import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap, unwrapResponse } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { draftOf, LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { frameworkQuery, today } from '../framework';
import ui from '../../ui/ui.module.css';
import { titleText } from './parts';
import { agendaQuery, meetingQuery, type AgendaData, type AgendaVersion, type MeetingPage } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatInZone } from '../../ui/dates';
import { useVersionedSave } from '../../ui/versioned-save';

interface Entry {
  /** Kept across revisions, so statements and documents stay attached to their item. */
  key?: string;
  /** A key for React only. */
  uid: number;
  title: LocalizedDraft;
  elements: string[];
}
interface Item extends Entry {
  items: Entry[];
}

let uids = 0;
const uid = () => ++uids;
const entryOf = (e: { key: string; title: AgendaVersion['items'][number]['title']; elements: string[] }): Entry => ({ key: e.key, uid: uid(), title: draftOf(e.title), elements: [...e.elements] });
const itemsOf = (v: AgendaVersion | null): Item[] =>
  v ? v.items.map((i) => ({ ...entryOf(i), items: i.items.map(entryOf) })) : [{ uid: uid(), title: {}, elements: [], items: [] }];

/** The Secretariat revises the agenda (ordered items, sub-items, framework elements) and records its adoption. */
export default function AgendaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const to = useLocalPath();
  const lang = useLang();
  const meeting = useQuery(meetingQuery(id));
  const agenda = useQuery(agendaQuery(id));

  if (!meeting.isSuccess || !agenda.isSuccess) return <Loaded query={[meeting, agenda]} />;
  const m = meeting.data.meeting;
  const a = agenda.data;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm">
          <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
            {titleText(m.title, lang)}
          </Anchor>
        </Text>
        <PageHeading>{t('meetings.agenda.editTitle')}</PageHeading>
      </div>
      <Versions agenda={a.agenda} meeting={m} />
      {a.agenda.can.revise ? (
        <AgendaEditor key={a.etag ?? 'none'} meeting={m} agenda={a.agenda} etag={a.etag} />
      ) : a.agenda.current?.status === 'adopted' ? (
        <Alert color="#1e6b30" variant="light" title={t('meetings.agenda.adoptedTitle')}>
          {t('meetings.agenda.adoptedFrozen')}
        </Alert>
      ) : (
        <Alert color="un" variant="light" title={t('meetings.form.notAllowedTitle')}>
          {t('meetings.agenda.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function Versions({ agenda, meeting }: { agenda: AgendaData; meeting: MeetingPage }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (agenda.versions.length === 0) return <Text>{t('meetings.agenda.none')}</Text>;
  return (
    <div className={listing.scroll}>
      <Table withTableBorder verticalSpacing="xs" data-testid="agenda-versions">
        <Table.Caption className={classes.caption}>{t('meetings.agenda.versions')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.agenda.version')}</Table.Th>
            <Table.Th scope="col">{t('meetings.agenda.state')}</Table.Th>
            <Table.Th scope="col">{t('meetings.agenda.savedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agenda.versions.map((v) => (
            <Table.Tr key={v.version} data-version={v.version}>
              <Table.Th scope="row">{v.version.toLocaleString(lang)}</Table.Th>
              <Table.Td data-status={v.status}>
                {v.status === 'adopted' ? t('meetings.agenda.adopted') : v.version === 1 ? t('meetings.agenda.provisionalShort') : t('meetings.agenda.revision', { n: v.version - 1 })}
              </Table.Td>
              <Table.Td>{formatInZone(v.adoptedAt ?? v.createdAt, meeting.timeZone, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function AgendaEditor({ meeting: m, agenda, etag }: { meeting: MeetingPage; agenda: AgendaData; etag: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const framework = useQuery(frameworkQuery(today(), lang));
  const [items, setItems] = useState<Item[]>(() => itemsOf(agenda.current));
  const [note, setNote] = useState('');
  const [documentId, setDocumentId] = useState(agenda.current?.documentId ?? '');
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [adopting, setAdopting] = useState(false);

  const elementOptions = useMemo(
    // The code, then the element's title: one option, searchable by either.
    () => (framework.data?.items ?? []).map((v) => ({ value: v.code, label: `${v.code} ${v.display.title}` })),
    [framework.data],
  );
  const change = (f: (items: Item[]) => Item[]) => {
    setItems(f);
    setDirty(true);
  };

  const save = useVersionedSave({
    etag,
    send: (ifMatch) =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/agenda', {
          params: { path: { id: m.id } },
          headers: ifMatch,
          body: {
            items: items.map((i) => ({
              ...(i.key ? { key: i.key } : {}),
              title: localizedBody(i.title),
              elements: i.elements,
              items: i.items.map((s) => ({ ...(s.key ? { key: s.key } : {}), title: localizedBody(s.title), elements: s.elements })),
            })),
            ...(documentId ? { documentId } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: (v) => {
      notifySuccess(t('meetings.agenda.saved', { version: v.version }));
      // The version just saved, in the list of versions, once the agenda is read again.
      focusWhenShown(`[data-testid="agenda-versions"] ${byAttribute('data-version', String(v.version))}`, { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onStale: async () => {
      // Another version was saved meanwhile: show it, and keep these edits to save on top of it (not through the cache, which would reset this form).
      const { data, response } = await unwrapResponse(api.GET('/api/v1/meetings/{id}/agenda', { params: { path: { id: m.id }, query: {} } }));
      return { value: data.current, etag: response.headers.get('etag') };
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const found: Record<string, string | null> = {};
      for (const e of error.errors) {
        const field = e.field.replace(/^body\./, '');
        const code = /no framework element (\S+)/.exec(e.message)?.[1];
        found[field] = code ? t('meetings.agenda.unknownElement', { code }) : /used twice/.test(e.message) ? t('meetings.agenda.keyTwice') : t('forms.fieldRejected');
      }
      setErrors(found);
    },
  });

  const adopt = useVersionedSave({
    // The version saved last, or the other person's one shown.
    etag: save.etag,
    send: (ifMatch) => unwrap(api.POST('/api/v1/meetings/{id}/agenda/adopt', { params: { path: { id: m.id } }, headers: ifMatch })),
    onSuccess: () => {
      notifySuccess(t('meetings.agenda.adoptedNotice'));
      // The adopted version, in the list of versions, once the agenda is read again.
      focusWhenShown(() => document.querySelector<HTMLElement>('[data-testid="agenda-versions"] td[data-status="adopted"]')?.closest('tr') ?? null, { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onSettled: () => setAdopting(false),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | null> = {};
    items.forEach((i, n) => {
      if (!i.title.en?.trim()) found[`items.${n}.title`] = t('forms.required');
      i.items.forEach((s, k) => {
        if (!s.title.en?.trim()) found[`items.${n}.items.${k}.title`] = t('forms.required');
      });
    });
    setErrors(found);
    if (!Object.values(found).some(Boolean)) save.mutate();
  };

  const move = <T,>(list: T[], from: number, to: number): T[] => {
    if (to < 0 || to >= list.length) return list;
    const next = [...list];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x!);
    return next;
  };

  // A move keeps the focus on the moved entry's same button (or its other one, at the top or the
  // bottom, where the same is disabled), and says where the entry is now.
  const [moved, setMoved] = useState<{ uid: number; direction: 'up' | 'down'; message: string } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const button = (direction: string) => document.querySelector<HTMLButtonElement>(`[data-move="${moved.uid}-${direction}"]`);
    const same = button(moved.direction);
    (same && !same.disabled ? same : button(moved.direction === 'up' ? 'down' : 'up'))?.focus();
  }, [moved]);
  const nameOf = (title: LocalizedDraft) => title[lang]?.trim() || title.en?.trim() || '—';
  const moveItem = (n: number, to: number) => {
    const entry = items[n]!;
    change((xs) => move(xs, n, to));
    setMoved({ uid: entry.uid, direction: to < n ? 'up' : 'down', message: t('meetings.agenda.moved', { position: t('meetings.agenda.itemN', { n: to + 1 }), title: nameOf(entry.title) }) });
  };
  const moveSubItem = (n: number, k: number, to: number) => {
    const entry = items[n]!.items[k]!;
    change((xs) => xs.map((x, j) => (j === n ? { ...x, items: move(x.items, k, to) } : x)));
    setMoved({
      uid: entry.uid,
      direction: to < k ? 'up' : 'down',
      message: t('meetings.agenda.moved', { position: t('meetings.agenda.subItemN', { n: n + 1, letter: String.fromCharCode(97 + to) }), title: nameOf(entry.title) }),
    });
  };

  const problem = save.stale || (save.error instanceof ApiProblem && save.error.status === 400 && save.error.errors.length > 0) ? null : save.error;
  const { theirs } = save;
  const agendaDocs = m.documents.filter((d) => d.type === 'agenda');

  return (
    <>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-labelledby="agenda-editor">
        <Title order={2} size="h3" id="agenda-editor" mb="xs">
          {agenda.versions.length ? t('meetings.agenda.newRevision', { version: agenda.versions.length + 1 }) : t('meetings.agenda.first')}
        </Title>
        <Text size="sm" mb="md" className={listing.intro}>
          {t('meetings.agenda.editorIntro')}
        </Text>
        <Stack gap="md">
          <ProblemAlert error={problem} />
          {theirs ? (
            <Alert color="#8a3a00" variant="light" role="alert" title={t('meetings.agenda.staleTitle')} data-testid="stale">
              <Text size="sm">{t('meetings.agenda.stale', { version: theirs.version })}</Text>
              <ol className={classes.agenda}>
                {theirs.items.map((i) => (
                  <li key={i.key}>
                    <span className={classes.number}>{i.number}</span>
                    {titleText(i.title, lang)}
                    {i.items.length ? (
                      <ol>
                        {i.items.map((s) => (
                          <li key={s.key}>
                            <span className={classes.number}>{s.number}</span>
                            {titleText(s.title, lang)}
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                ))}
              </ol>
              <Button mt="xs" size="compact-sm" variant="outline" onClick={() => (setItems(itemsOf(theirs)), save.dropTheirs(), setDirty(false))}>
                {t('meetings.agenda.loadTheirs')}
              </Button>
            </Alert>
          ) : null}
          {save.error instanceof ApiProblem && save.error.status === 400 && save.error.errors.length > 0 ? (
            <Alert color="red" variant="light" role="alert" title={problemTitle(save.error)}>
              {t('meetings.form.fixFields')}
            </Alert>
          ) : null}
          <VisuallyHidden role="status">{moved?.message ?? ''}</VisuallyHidden>
          <ol className={classes.list}>
            {items.map((item, n) => (
              <li key={item.uid} className={classes.agendaItem} data-agenda-item={n}>
                <fieldset className={ui.localized} style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend>
                    <Text component="span" fw={600}>
                      {t('meetings.agenda.itemN', { n: n + 1 })}
                    </Text>
                  </legend>
                  <LocalizedFields
                    label={t('meetings.agenda.itemTitle')}
                    value={item.title}
                    onChange={(title) => change((xs) => xs.map((x, j) => (j === n ? { ...x, title } : x)))}
                    error={errors[`items.${n}.title`]}
                    folded
                  />
                  <MultiSelect
                    label={t('meetings.agenda.elementsLabel')}
                    description={t('meetings.agenda.elementsHelp')}
                    data={elementOptions}
                    value={item.elements}
                    onChange={(elements) => change((xs) => xs.map((x, j) => (j === n ? { ...x, elements } : x)))}
                    searchable
                    clearable
                    error={errors[`items.${n}.elements`]}
                    nothingFoundMessage={t('meetings.agenda.noElement')}
                    limit={30}
                  />
                  <div className={classes.subItems}>
                    {item.items.map((sub, k) => (
                      <fieldset key={sub.uid} className={classes.agendaItem} data-sub-item={k}>
                        <legend>
                          <Text component="span" fw={600} size="sm">
                            {t('meetings.agenda.subItemN', { n: n + 1, letter: String.fromCharCode(97 + k) })}
                          </Text>
                        </legend>
                        <LocalizedFields
                          label={t('meetings.agenda.itemTitle')}
                          value={sub.title}
                          onChange={(title) => change((xs) => xs.map((x, j) => (j === n ? { ...x, items: x.items.map((s, q) => (q === k ? { ...s, title } : s)) } : x)))}
                          error={errors[`items.${n}.items.${k}.title`]}
                          folded
                        />
                        <MultiSelect
                          label={t('meetings.agenda.elementsLabel')}
                          data={elementOptions}
                          value={sub.elements}
                          onChange={(elements) => change((xs) => xs.map((x, j) => (j === n ? { ...x, items: x.items.map((s, q) => (q === k ? { ...s, elements } : s)) } : x)))}
                          searchable
                          clearable
                          error={errors[`items.${n}.items.${k}.elements`]}
                          nothingFoundMessage={t('meetings.agenda.noElement')}
                          limit={30}
                          mt="xs"
                        />
                        <Group gap="xs" mt="xs">
                          <Button size="compact-sm" variant="subtle" disabled={k === 0} onClick={() => moveSubItem(n, k, k - 1)} data-move={`${sub.uid}-up`}>
                            {t('meetings.agenda.moveUp')}
                          </Button>
                          <Button size="compact-sm" variant="subtle" disabled={k === item.items.length - 1} onClick={() => moveSubItem(n, k, k + 1)} data-move={`${sub.uid}-down`}>
                            {t('meetings.agenda.moveDown')}
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="#a51d1d" onClick={() => change((xs) => xs.map((x, j) => (j === n ? { ...x, items: x.items.filter((_, q) => q !== k) } : x)))}>
                            {t('meetings.agenda.removeSubItem')}
                          </Button>
                        </Group>
                      </fieldset>
                    ))}
                  </div>
                  <Group gap="xs" mt="xs">
                    <Button size="compact-sm" variant="outline" onClick={() => change((xs) => xs.map((x, j) => (j === n ? { ...x, items: [...x.items, { uid: uid(), title: {}, elements: [] }] } : x)))} disabled={item.items.length >= 26}>
                      {t('meetings.agenda.addSubItem', { n: n + 1 })}
                    </Button>
                    <Button size="compact-sm" variant="subtle" disabled={n === 0} onClick={() => moveItem(n, n - 1)} data-move={`${item.uid}-up`}>
                      {t('meetings.agenda.moveUp')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" disabled={n === items.length - 1} onClick={() => moveItem(n, n + 1)} data-move={`${item.uid}-down`}>
                      {t('meetings.agenda.moveDown')}
                    </Button>
                    {items.length > 1 ? (
                      <Button size="compact-sm" variant="subtle" color="#a51d1d" onClick={() => change((xs) => xs.filter((_, j) => j !== n))}>
                        {t('meetings.agenda.removeItem')}
                      </Button>
                    ) : null}
                  </Group>
                </fieldset>
              </li>
            ))}
          </ol>
          <div>
            <Button variant="outline" onClick={() => change((xs) => [...xs, { uid: uid(), title: {}, elements: [], items: [] }])} disabled={items.length >= 60}>
              {t('meetings.agenda.addItem')}
            </Button>
          </div>
          {agendaDocs.length ? (
            <NativeSelect
              label={t('meetings.agenda.document')}
              description={t('meetings.optional')}
              value={documentId}
              onChange={(e) => (setDocumentId(e.currentTarget.value), setDirty(true))}
              data={[{ value: '', label: '—' }, ...agendaDocs.map((d) => ({ value: d.id, label: `${d.symbol} ${titleText(d.title, lang)}` }))]}
              error={errors.documentId}
            />
          ) : null}
          <Textarea label={t('meetings.agenda.note')} description={t('meetings.optional')} value={note} onChange={(e) => (setNote(e.currentTarget.value), setDirty(true))} autosize minRows={2} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('meetings.agenda.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {agenda.can.adopt ? (
        <Paper withBorder p="lg" component="section" aria-labelledby="agenda-adopt">
          <Title order={2} size="h3" id="agenda-adopt" mb="xs">
            {t('meetings.agenda.adoptTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {dirty ? t('meetings.agenda.saveBeforeAdopt') : t('meetings.agenda.adoptHelp', { version: agenda.versions[0]?.version ?? 1 })}
          </Text>
          <ProblemAlert error={adopt.error} />
          <Button onClick={() => setAdopting(true)} disabled={dirty}>
            {t('meetings.agenda.adopt')}
          </Button>
        </Paper>
      ) : null}

      <ConfirmDialog
        opened={adopting}
        onClose={() => setAdopting(false)}
        title={t('meetings.agenda.adoptTitle')}
        message={t('meetings.agenda.adoptQuestion', { version: agenda.versions[0]?.version ?? 1 })}
        confirmLabel={t('meetings.agenda.adopt')}
        onConfirm={() => adopt.mutate()}
        loading={adopt.isPending}
      />
    </>
  );
}
