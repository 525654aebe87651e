import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { InLanguage, LocalizedOption, Sentence } from '../../ui/localized';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { viewerZone } from '../../ui/zones';
import { StateName } from '../states';
import { DecisionAlert, useStateNameOf } from './parts';
import { meetingsInSessionQuery, useBodyName, useDraftLabels, type AdoptionProposal, type Draft } from './queries';
import { formatInZone } from '../../ui/dates';

/**
 * Adoption in a meeting: the chair proposes adoption of the latest revision in a meeting in session;
 * States present may object, with a reason; with no objection the chair declares consensus.
 */
export function AdoptionPanel({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const proposals = [...draft.adoptionProposals].reverse();
  if (!draft.can.proposeAdoption && proposals.length === 0) return null;
  return (
    <section aria-labelledby="adoption-title">
      <Title order={2} size="h3" id="adoption-title" mb="sm">
        {t('drafts.adoption.title')}
      </Title>
      <Stack>
        {draft.can.proposeAdoption ? <ProposeAdoption draft={draft} /> : null}
        {proposals.map((p) => (
          <ProposalCard key={p.id} draft={draft} proposal={p} />
        ))}
      </Stack>
    </section>
  );
}

function ProposeAdoption({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const meetings = useQuery(meetingsInSessionQuery());
  const bodyName = useBodyName();
  const [meetingId, setMeetingId] = useState('');
  const propose = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/drafts/{id}/adoption-proposals', { params: { path: { id: draft.id } }, body: { meetingId: id } })),
    onSuccess: (proposed) => {
      notifySuccess(t('drafts.adoption.proposedDone'));
      // The new proposal, at its heading, once the page lists it.
      focusWhenShown(`${byAttribute('data-proposal', proposed.id)} h3`, { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  if (meetings.isPending) return <Loader aria-label={t('common.loading')} />;
  if (meetings.isError) return <DecisionAlert error={meetings.error} />;
  // Only the meetings of the body the draft is before: a group's draft reaches the plenary by transmission.
  const items = meetings.data.items.filter((m) => (m.body.kind === 'plenary' ? 'plenary' : m.body.groupId) === draft.body);
  const chosen = meetingId || items[0]?.id || '';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>{t('drafts.adoption.proposeIntro', { revision: labels.revision(draft.latest.number) })}</Text>
        {items.length === 0 ? (
          <Text>
            <Sentence i18nKey="drafts.adoption.noMeetingOfBody" values={{ body: bodyName(draft.body) }} />
          </Text>
        ) : (
          <Group align="flex-end">
            <NativeSelect
              label={t('drafts.adoption.meeting')}
              value={chosen}
              onChange={(e) => setMeetingId(e.currentTarget.value)}
            >
              {items.map((m) => (
                <LocalizedOption key={m.id} value={m.id} text={m.title} suffix={` (${formatInZone(m.startsAt, m.timeZone, lang, { named: false })})`} />
              ))}
            </NativeSelect>
            <Button onClick={() => propose.mutate(chosen)} loading={propose.isPending}>
              {t('drafts.adoption.propose', { revision: labels.revision(draft.latest.number) })}
            </Button>
          </Group>
        )}
        <DecisionAlert error={propose.error} />
      </Stack>
    </Paper>
  );
}

function ProposalCard({ draft, proposal: p }: { draft: Draft; proposal: AdoptionProposal }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const state = useStateNameOf(draft.actingFor);
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['decisions'] });
  const object = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/adoption-proposals/{id}/objections', { params: { path: { id: p.id } }, body: { reason: reason.trim() } })),
    onSuccess: () => {
      setObjecting(false);
      notifySuccess(t('drafts.adoption.objected'));
      // The objection as the proposal now records it, not the button of the dialog that closed.
      if (draft.actingFor) focusWhenShown(`${byAttribute('data-proposal', p.id)} ${byAttribute('data-objection', draft.actingFor)}`, { timeoutMs: 10_000 });
      void refresh();
    },
  });
  const declare = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/adoption-proposals/{id}/consensus', { params: { path: { id: p.id } } })),
    onSuccess: (result) => {
      // The proposal's outcome (adopted, or not), once the page shows it.
      focusWhenShown(`${byAttribute('data-proposal', p.id)}:not([data-status="open"]) [data-testid="proposal-status"]`, { timeoutMs: 10_000 });
      notifySuccess(result.status === 'adopted' ? t('drafts.adoption.adoptedDone', { symbol: result.outcome?.symbol ?? '' }) : t('drafts.adoption.notAdopted'));
      void refresh();
    },
    onError: () => void refresh(),
  });
  const standing = p.objections.length > 0;
  const zone = viewerZone();

  return (
    <Paper withBorder p="md" data-proposal={p.id} data-status={p.status}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('drafts.adoption.proposalOf', { revision: labels.revision(p.revision), time: formatInZone(p.proposedAt, zone, lang) })}
        </Title>
        <Text fw={600} role="status" data-testid="proposal-status">
          {labels.proposalStatus(p.status)}
        </Text>
        {p.objections.length ? (
          <ul>
            {p.objections.map((o) => (
              <li key={o.state} data-objection={o.state}>
                {t('drafts.adoption.objectionBy')} <StateName iso3={o.state} /> — <InLanguage lang="en" mark={false}>
                  {o.reason}
                </InLanguage>
              </li>
            ))}
          </ul>
        ) : p.status === 'open' ? (
          <Text size="sm">{t('drafts.adoption.noObjection')}</Text>
        ) : null}
        {p.status === 'adopted' && draft.outcome ? (
          <Anchor component={Link} to={to(`/outcomes/${draft.outcome.id}`)}>
            {t('drafts.adoption.seeOutcome', { symbol: draft.outcome.symbol })}
          </Anchor>
        ) : null}
        <Group>
          {p.can.object && draft.actingFor ? (
            <Button color="red.9" variant="outline" onClick={() => setObjecting(true)}>
              {t('drafts.adoption.objectFor', { state })}
            </Button>
          ) : null}
          {p.can.declareConsensus || (decisionsChair(draft) && standing && p.status !== 'adopted') ? (
            <Button onClick={() => declare.mutate()} loading={declare.isPending} disabled={standing} aria-describedby={standing ? `standing-${p.id}` : undefined}>
              {t('drafts.adoption.declare')}
            </Button>
          ) : null}
        </Group>
        {standing && decisionsChair(draft) ? (
          <Alert color="red.9" variant="light" id={`standing-${p.id}`}>
            {t('drafts.adoption.objectionStands')}
          </Alert>
        ) : null}
        <DecisionAlert error={declare.error} />
      </Stack>
      <ConfirmDialog
        opened={objecting}
        onClose={() => setObjecting(false)}
        title={t('drafts.adoption.objectTitle', { state })}
        message={t('drafts.adoption.objectWarning')}
        confirmLabel={t('drafts.adoption.objectConfirm', { state })}
        danger
        loading={object.isPending}
        onConfirm={() => {
          if (reason.trim().length < 3) return setReasonError(t('drafts.amend.reasonRequired'));
          setReasonError(null);
          object.mutate();
        }}
      >
        <Textarea label={t('drafts.adoption.objectReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} required autosize minRows={3} data-autofocus />
        <DecisionAlert error={object.error} />
      </ConfirmDialog>
    </Paper>
  );
}

/** The chair's view: the API says the caller may run adoption (proposing it, or having proposed it). */
const decisionsChair = (draft: Draft) => draft.can.issueRevision;
