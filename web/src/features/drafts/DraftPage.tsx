import { useState } from 'react';
import { FrameworkCode } from '../framework';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { useHashTarget } from '../../ui/hash-target';
import { Loaded } from '../../ui/Loaded';
import { AdoptionPanel } from './AdoptionPanel';
import { AmendmentCard } from './AmendmentCard';
import { AmendmentForm } from './AmendmentForm';
import { DecisionAlert, DraftHeader } from './parts';
import { draftQuery, useBodyName, useDraftLabels, type Draft } from './queries';
import { SilencePanel } from './SilencePanel';
import { FollowButton } from '../follows';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';
import { formatDay } from '../../ui/dates';
import { InLanguage, LocalizedList, Sentence, Verbatim } from '../../ui/localized';

export default function DraftPage() {
  const { id = '' } = useParams();
  const query = useQuery({ ...draftQuery(id), refetchInterval: (q) => (q.state.data?.draft.adoptionProposals.some((p) => p.status === 'open') ? 5000 : false) });
  return (
    <Loaded query={query} problem={(error) => <DecisionAlert error={error} />}>
      {({ draft }) => <DraftView draft={draft} />}
    </Loaded>
  );
}

function DraftView({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  // A link to a paragraph (`#para-…`, as the search links) lands on it once the text is shown.
  useHashTarget(true);
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const bodyName = useBodyName();
  return (
    <Stack gap="lg">
      <DraftHeader draft={draft} />
      <FollowButton kind="draft" id={draft.id} />
      {draft.transmission ? (
        <Text data-testid="transmission">
          <Sentence
            i18nKey="drafts.transmittedBy"
            values={{
              date: formatDay(draft.transmission.transmittedAt, lang),
              group: bodyName(draft.transmission.group),
              revision: draft.transmission.revision ? labels.revision(draft.transmission.revision.number) : '—',
            }}
          />
        </Text>
      ) : draft.transmittedAt ? (
        <Text data-testid="transmitted-on">{t('drafts.transmittedOn', { date: formatDay(draft.transmittedAt, lang) })}</Text>
      ) : null}
      {draft.implementsCodes.length ? (
        <Text>
          {t('drafts.implements')}{' '}
          <LocalizedList
            items={draft.implementsCodes.map((c) => (
              <FrameworkCode key={c} code={c} />
            ))}
          />
        </Text>
      ) : null}

      {draft.can.issueRevision || draft.can.transmit ? <ChairTools draft={draft} /> : null}

      <section aria-labelledby="text-title">
        <Title order={2} size="h3" id="text-title" mb="xs">
          {t('drafts.textOf', { revision: labels.revision(draft.latest.number) })}
        </Title>
        <Text size="sm" mb="sm">
          {t('drafts.textHelp')}
        </Text>
        <ol className={classes.paragraphs} aria-label={t('drafts.paragraphsLabel')}>
          {draft.latest.paragraphs.map((p) => (
            <li key={p.key} id={`para-${p.key}`} className={classes.paragraph} data-paragraph={p.label}>
              <div>
                <Text size="xs" c="dimmed">
                  {labels.paragraphKind(p.kind)}
                </Text>
                <p className={classes.paragraphText} dir="auto">
                  <span className={classes.paragraphLabel}>
                    <Verbatim>{p.label}</Verbatim>
                  </span>
                  <InLanguage lang="en" mark={false}>
                    {p.text}
                  </InLanguage>
                </p>
              </div>
              <div>
                {p.amendments.length ? (
                  <ul className={classes.proposals} aria-label={t('drafts.proposalsOn', { label: p.label })}>
                    {p.amendments.map((a) => (
                      <AmendmentCard key={a.id} amendment={a} actingFor={draft.actingFor} headingLevel="h3" />
                    ))}
                  </ul>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('drafts.noProposals')}
                  </Text>
                )}
              </div>
            </li>
          ))}
        </ol>
        {draft.unplaced.length ? (
          <>
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('drafts.unplaced')}
            </Title>
            <ul className={classes.proposals}>
              {draft.unplaced.map((a) => (
                <AmendmentCard key={a.id} amendment={a} actingFor={draft.actingFor} headingLevel="h4" />
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {draft.can.proposeAmendment ? <AmendmentForm draft={draft} /> : null}

      <section aria-labelledby="revisions-title">
        <Title order={2} size="h3" id="revisions-title" mb="sm">
          {t('drafts.revisions')}
        </Title>
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="sm">
            <caption className={classes.visuallyHidden}>{t('drafts.revisionsCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('drafts.revision')}</Table.Th>
                <Table.Th scope="col">{t('drafts.issuedOn')}</Table.Th>
                <Table.Th scope="col">{t('drafts.takesUp')}</Table.Th>
                <Table.Th scope="col">{t('drafts.note')}</Table.Th>
                <Table.Th scope="col">{t('drafts.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.revisions.map((r) => (
                <Table.Tr key={r.number} data-revision={r.number}>
                  <Table.Th scope="row">{labels.revision(r.number)}</Table.Th>
                  <Table.Td>{formatDay(r.issuedAt, lang)}</Table.Td>
                  <Table.Td>{r.takesUp.length}</Table.Td>
                  <Table.Td dir="auto">{r.note ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.number > 0 ? (
                      <Anchor component={Link} to={to(`/drafts/${draft.id}/compare?from=${r.number - 1}&to=${r.number}`)}>
                        {t('drafts.compareWith', { from: labels.revision(r.number - 1), to: labels.revision(r.number) })}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>

      <AdoptionPanel draft={draft} />
      <SilencePanel draft={draft} />
      <Text size="sm" c="dimmed">
        <Sentence i18nKey="drafts.bodyIs" values={{ body: bodyName(draft.body) }} />
      </Text>
    </Stack>
  );
}

function ChairTools({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const transmit = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/drafts/{id}/transmit', { params: { path: { id: draft.id } } })),
    onSuccess: () => {
      setConfirm(false);
      notifySuccess(t('drafts.transmitted'));
      // The line that now says when it was transmitted: the button that asked has gone.
      focusWhenShown('[data-testid="transmitted-on"]', { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chair-title">
      <Title order={2} size="h3" id="chair-title" mb="sm">
        {t('drafts.chairTools')}
      </Title>
      <Group>
        {draft.can.issueRevision ? (
          <Button component={Link} to={to(`/drafts/${draft.id}/revise`)}>
            {t('drafts.issueNext', { revision: labels.revision(draft.latest.number + 1) })}
          </Button>
        ) : null}
        <Button component={Link} variant="outline" to={to(`/drafts/${draft.id}/compilation`)}>
          {t('drafts.links.compilation')}
        </Button>
        {draft.can.transmit ? (
          <Button variant="outline" onClick={() => setConfirm(true)}>
            {t('drafts.transmit')}
          </Button>
        ) : null}
      </Group>
      <ConfirmDialog
        opened={confirm}
        onClose={() => setConfirm(false)}
        title={t('drafts.transmit')}
        message={t('drafts.transmitConfirm', { revision: labels.revision(draft.latest.number) })}
        confirmLabel={t('drafts.transmitSend')}
        onConfirm={() => transmit.mutate()}
        loading={transmit.isPending}
      >
        <DecisionAlert error={transmit.error} />
      </ConfirmDialog>
    </Paper>
  );
}
