import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { NotFound } from '../errors/NotFoundPage';
import { StateName } from '../states/StateName';
import { DraftHeader } from './DraftPage';
import { DecisionAlert, DraftLinks } from './parts';
import { draftQuery, useDraftLabels, type Amendment, type Draft } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';

interface EditedParagraph {
  /** Local identity in this form. */
  id: string;
  /** The key kept from the previous revision; none for a new paragraph. */
  key: string | null;
  kind: 'preambular' | 'operative';
  text: string;
}

/** The chair or the Secretariat issues the next revision, recording which proposals it took up. */
export default function RevisePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(draftQuery(id));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 400)) return <NotFound />;
    return <DecisionAlert error={query.error} />;
  }
  const { draft, etag } = query.data;
  if (!draft.can.issueRevision) {
    return (
      <Stack>
        <DraftHeader draft={draft} />
        <DecisionAlert error={new ApiProblem(403, 'forbidden', '')} />
      </Stack>
    );
  }
  return <ReviseForm key={`${draft.latest.number}-${etag ?? ''}`} draft={draft} etag={etag} />;
}

let counter = 0;
const localId = () => `n${++counter}`;

function ReviseForm({ draft, etag }: { draft: Draft; etag: string | null }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = labels.revision(draft.latest.number + 1);
  const [title, setTitle] = useState(draft.title);
  const [note, setNote] = useState('');
  const [paragraphs, setParagraphs] = useState<EditedParagraph[]>(() => draft.latest.paragraphs.map((p) => ({ id: p.key, key: p.key, kind: p.kind, text: p.text })));
  const [takesUp, setTakesUp] = useState<Set<string>>(new Set());
  const [emptyError, setEmptyError] = useState(false);

  const proposalsOn = (key: string | null) => (key ? [...draft.latest.paragraphs.flatMap((p) => p.amendments)].filter((a) => a.paragraphKey === key) : []);
  const take = (id: string, on: boolean) =>
    setTakesUp((current) => {
      const s = new Set(current);
      if (on) s.add(id);
      else s.delete(id);
      return s;
    });
  const change = (id: string, patch: Partial<EditedParagraph>) => setParagraphs((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  const remove = (id: string) => setParagraphs((ps) => ps.filter((p) => p.id !== id));
  const insertAfter = (afterKey: string | null, kind: EditedParagraph['kind'], text: string) =>
    setParagraphs((ps) => {
      const at = afterKey === null ? 0 : ps.findIndex((p) => p.id === afterKey || p.key === afterKey) + 1;
      const copy = [...ps];
      copy.splice(at, 0, { id: localId(), key: null, kind, text });
      return copy;
    });
  const apply = (a: Amendment) => {
    if (a.action === 'replace' && a.paragraphKey && a.text) setParagraphs((ps) => ps.map((p) => (p.key === a.paragraphKey ? { ...p, text: a.text! } : p)));
    if (a.action === 'delete' && a.paragraphKey) setParagraphs((ps) => ps.filter((p) => p.key !== a.paragraphKey));
    if (a.action === 'add' && a.text) insertAfter(a.paragraphKey, a.paragraphKind ?? 'operative', a.text);
    take(a.id, true);
  };

  const issue = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/drafts/{id}/revisions', {
          params: { path: { id: draft.id } },
          headers: { 'if-match': etag ?? `"${draft.latest.number}"` },
          body: {
            ...(title.trim() !== draft.title ? { title: title.trim() } : {}),
            paragraphs: paragraphs.map((p) => ({ ...(p.key ? { key: p.key } : {}), kind: p.kind, text: p.text.trim() })),
            takesUp: [...takesUp],
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: (r) => {
      notifySuccess(t('drafts.revise.issued', { revision: labels.revision(r.number) }));
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
      void navigate(to(`/drafts/${draft.id}/compare?from=${r.number - 1}&to=${r.number}`));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = paragraphs.length === 0 || paragraphs.some((p) => !p.text.trim()) || !title.trim();
    setEmptyError(empty);
    if (!empty) issue.mutate();
  };
  const stale = issue.error instanceof ApiProblem && issue.error.status === 412;
  const unplaced = draft.unplaced.filter((a) => a.revision <= draft.latest.number);

  return (
    <Stack gap="lg">
      <DraftHeader draft={draft} title={t('drafts.revise.title', { revision: next })} />
      <DraftLinks id={draft.id} />
      <Text className={listing.intro}>{t('drafts.revise.intro', { revision: labels.revision(draft.latest.number) })}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <DecisionAlert error={issue.error} />
          {stale ? (
            <Group>
              <Button variant="outline" onClick={() => void queryClient.invalidateQueries({ queryKey: ['decisions', 'draft', draft.id] })}>
                {t('drafts.revise.reload')}
              </Button>
            </Group>
          ) : null}
          {emptyError ? (
            <Text className={classes.notVerified} role="alert">
              {t('drafts.revise.emptyParagraph')}
            </Text>
          ) : null}
          <TextInput label={t('drafts.revise.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required dir="auto" />
          <ol className={classes.paragraphs} aria-label={t('drafts.paragraphsLabel')}>
            {paragraphs.map((p, i) => (
              <li key={p.id} className={classes.paragraph} data-edit={p.key ?? 'new'}>
                <Stack gap="xs">
                  <Group align="flex-end" grow>
                    <NativeSelect
                      label={t('drafts.revise.kind', { n: i + 1 })}
                      value={p.kind}
                      onChange={(e) => change(p.id, { kind: e.currentTarget.value === 'preambular' ? 'preambular' : 'operative' })}
                      data={(['preambular', 'operative'] as const).map((k) => ({ value: k, label: labels.paragraphKind(k) }))}
                    />
                  </Group>
                  <Textarea label={t('drafts.revise.text', { n: i + 1 })} value={p.text} onChange={(e) => change(p.id, { text: e.currentTarget.value })} autosize minRows={2} required dir="auto" />
                  <Group gap="xs">
                    <Button size="compact-sm" variant="outline" onClick={() => insertAfter(p.id, p.kind, '')}>
                      {t('drafts.revise.addAfter', { n: i + 1 })}
                    </Button>
                    <Button size="compact-sm" variant="outline" color="red.9" onClick={() => remove(p.id)}>
                      {t('drafts.revise.remove', { n: i + 1 })}
                    </Button>
                  </Group>
                </Stack>
                <Proposals proposals={proposalsOn(p.key)} takesUp={takesUp} take={take} apply={apply} />
              </li>
            ))}
          </ol>
          {unplaced.length ? (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('drafts.unplaced')}
              </Title>
              <Proposals proposals={unplaced} takesUp={takesUp} take={take} apply={apply} />
            </Paper>
          ) : null}
          <Textarea label={t('drafts.revise.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button type="submit" loading={issue.isPending}>
              {t('drafts.revise.submit', { revision: next, taken: takesUp.size })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Proposals({ proposals, takesUp, take, apply }: { proposals: Amendment[]; takesUp: Set<string>; take: (id: string, on: boolean) => void; apply: (a: Amendment) => void }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  if (proposals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('drafts.noProposals')}
      </Text>
    );
  return (
    <ul className={classes.proposals}>
      {proposals.map((a) => (
        <li key={a.id} className={classes.proposal} data-amendment={a.id}>
          <Text size="sm" fw={600}>
            {labels.action(a.action)} · <StateName iso3={a.proposerState} />
            {a.sponsors.length > 1 ? ` +${a.sponsors.length - 1}` : ''}
          </Text>
          {a.text ? (
            <Text size="sm" dir="auto">
              {a.text}
            </Text>
          ) : null}
          <Group gap="xs" mt={4}>
            <Checkbox label={t('drafts.revise.takenUp')} checked={takesUp.has(a.id)} onChange={(e) => take(a.id, e.currentTarget.checked)} />
            <Button size="compact-sm" variant="light" onClick={() => apply(a)}>
              {t('drafts.revise.apply')}
            </Button>
          </Group>
        </li>
      ))}
    </ul>
  );
}
