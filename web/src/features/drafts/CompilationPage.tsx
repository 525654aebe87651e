import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useParams } from 'react-router';
import { Loaded } from '../../ui/Loaded';
import { useHashTarget } from '../../ui/hash-target';
import { StateName } from '../states';
import { DecisionAlert, DraftHeader, StateNames } from './parts';
import { draftQuery, useDraftLabels, type Amendment, type Draft } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';

/** The chair's compilation: every proposal, paragraph by paragraph, with its sponsors and whether a revision took it up. */
export default function CompilationPage() {
  const { id = '' } = useParams();
  const query = useQuery(draftQuery(id));
  return (
    <Loaded query={query} problem={(error) => <DecisionAlert error={error} />}>
      {({ draft }) => <Compilation draft={draft} />}
    </Loaded>
  );
}

function Compilation({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  // A link to an amendment (`#amendment-…`, as the search links) lands on its row once the compilation is shown.
  useHashTarget(true);
  const total = draft.latest.paragraphs.reduce((n, p) => n + p.amendments.length, 0) + draft.unplaced.length;
  return (
    <Stack gap="lg">
      <DraftHeader draft={draft} title={t('drafts.compilation.title')} />
      <Text className={listing.intro}>{t('drafts.compilation.intro', { revision: labels.revision(draft.latest.number) })}</Text>
      <Text role="status">{t('drafts.compilation.count', { count: total })}</Text>
      {draft.latest.paragraphs.map((p) => (
        <section key={p.key} aria-labelledby={`comp-${p.key}`} data-paragraph={p.label}>
          <Title order={2} size="h4" id={`comp-${p.key}`}>
            {p.label} · {labels.paragraphKind(p.kind)}
          </Title>
          <Text dir="auto" className={classes.paragraphText} mb="xs">
            {p.text}
          </Text>
          <ProposalTable caption={t('drafts.proposalsOn', { label: p.label })} proposals={p.amendments} />
        </section>
      ))}
      {draft.unplaced.length ? (
        <section aria-labelledby="comp-unplaced">
          <Title order={2} size="h4" id="comp-unplaced">
            {t('drafts.unplaced')}
          </Title>
          <ProposalTable caption={t('drafts.unplaced')} proposals={draft.unplaced} />
        </section>
      ) : null}
    </Stack>
  );
}

function ProposalTable({ caption, proposals }: { caption: string; proposals: Amendment[] }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  if (proposals.length === 0) return <Text size="sm">{t('drafts.noProposals')}</Text>;
  return (
    <div className={listing.scroll}>
      <Table withTableBorder verticalSpacing="xs">
        <caption className={classes.visuallyHidden}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('drafts.compilation.proposer')}</Table.Th>
            <Table.Th scope="col">{t('drafts.compilation.cosponsors')}</Table.Th>
            <Table.Th scope="col">{t('drafts.compilation.proposal')}</Table.Th>
            <Table.Th scope="col">{t('drafts.compilation.reason')}</Table.Th>
            <Table.Th scope="col">{t('drafts.compilation.fate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((a) => (
            <Table.Tr key={a.id} id={`amendment-${a.id}`} data-amendment={a.id}>
              <Table.Th scope="row" fw={500}>
                <StateName iso3={a.proposerState} />
              </Table.Th>
              <Table.Td>{a.sponsors.length > 1 ? <StateNames codes={a.sponsors.filter((s) => s !== a.proposerState)} /> : '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {labels.action(a.action)}
                  {a.paragraphKind ? ` (${labels.paragraphKind(a.paragraphKind)})` : ''}
                </Text>
                {a.text ? (
                  <Text size="sm" dir="auto">
                    {a.text}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td dir="auto">{a.reason}</Table.Td>
              <Table.Td>
                {t('drafts.amend.against', { revision: labels.revision(a.revision) })}
                <br />
                {a.takenUpIn !== null ? t('drafts.amend.takenUpIn', { revision: labels.revision(a.takenUpIn) }) : t('drafts.compilation.pending')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
