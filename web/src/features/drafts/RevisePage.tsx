import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { Loaded } from '../../ui/Loaded';
import { StateName } from '../states';
import { DecisionAlert, DraftHeader } from './parts';
import { insertParagraph, newParagraph, ParagraphsEditor, paragraphsBody, paragraphsComplete, type EditedParagraph } from './ParagraphsEditor';
import { draftQuery, useDraftLabels, type Amendment, type Draft } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';

/** The chair or the Secretariat issues the next revision, recording which proposals it took up. */
export default function RevisePage() {
  const { id = '' } = useParams();
  const query = useQuery(draftQuery(id));
  return (
    <Loaded query={query} problem={(error) => <DecisionAlert error={error} />}>
      {({ draft, etag }) =>
        draft.can.issueRevision ? (
          <ReviseForm key={`${draft.latest.number}-${etag ?? ''}`} draft={draft} etag={etag} />
        ) : (
          <Stack>
            <DraftHeader draft={draft} links={false} />
            <DecisionAlert error={new ApiProblem(403, 'forbidden', '')} />
          </Stack>
        )
      }
    </Loaded>
  );
}

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
  const apply = (a: Amendment) => {
    if (a.action === 'replace' && a.paragraphKey && a.text) setParagraphs((ps) => ps.map((p) => (p.key === a.paragraphKey ? { ...p, text: a.text! } : p)));
    if (a.action === 'delete' && a.paragraphKey) setParagraphs((ps) => ps.filter((p) => p.key !== a.paragraphKey));
    if (a.action === 'add' && a.text) setParagraphs((ps) => insertParagraph(ps, a.paragraphKey, newParagraph(a.paragraphKind ?? 'operative', a.text!)));
    take(a.id, true);
  };

  const issue = useVersionedSave({
    etag: etag ?? versionTag(draft.latest.number),
    send: (ifMatch) =>
      unwrap(
        api.POST('/api/v1/drafts/{id}/revisions', {
          params: { path: { id: draft.id } },
          headers: ifMatch,
          body: {
            ...(title.trim() !== draft.title ? { title: title.trim() } : {}),
            paragraphs: paragraphsBody(paragraphs),
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
    const empty = !paragraphsComplete(paragraphs) || !title.trim();
    setEmptyError(empty);
    if (!empty) issue.mutate();
  };
  const stale = issue.stale;
  const unplaced = draft.unplaced.filter((a) => a.revision <= draft.latest.number);

  return (
    <Stack gap="lg">
      <DraftHeader draft={draft} title={t('drafts.revise.title', { revision: next })} />
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
          <ParagraphsEditor paragraphs={paragraphs} onChange={setParagraphs} aside={(p) => <Proposals proposals={proposalsOn(p.key)} takesUp={takesUp} take={take} apply={apply} />} />
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
