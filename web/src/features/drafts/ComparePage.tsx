import { Anchor, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useParams } from 'react-router';
import { Loaded } from '../../ui/Loaded';
import { useSearchParam } from '../../ui/search-params';
import { AmendmentCard } from './AmendmentCard';
import { DecisionAlert, DraftHeader } from './parts';
import { compareQuery, draftQuery, useDraftLabels, type Amendment, type Comparison, type Draft } from './queries';
import classes from './drafts.module.css';

const revisionParam = (value: string | null, fallback: number, max: number) => {
  const n = value !== null && /^\d+$/.test(value) ? Number(value) : fallback;
  return Math.min(Math.max(n, 0), max);
};

/** Any two revisions compared paragraph by paragraph, word by word, with the proposals on each paragraph beside it. */
export default function ComparePage() {
  const { id = '' } = useParams();
  const query = useQuery(draftQuery(id));
  return (
    <Loaded query={query} problem={(error) => <DecisionAlert error={error} />}>
      {({ draft }) => <Compare draft={draft} />}
    </Loaded>
  );
}

function Compare({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const [params, update] = useSearchParam();
  const last = draft.latest.number;
  const to = revisionParam(params.get('to'), last, last);
  const from = revisionParam(params.get('from'), Math.max(0, to - 1), last);
  const comparison = useQuery({ ...compareQuery(draft.id, from, to), enabled: true });
  const options = draft.revisions.map((r) => ({ value: String(r.number), label: labels.revision(r.number) }));

  const byKey = new Map<string, Amendment[]>();
  for (const a of [...draft.latest.paragraphs.flatMap((p) => p.amendments), ...draft.unplaced]) {
    if (a.paragraphKey) byKey.set(a.paragraphKey, [...(byKey.get(a.paragraphKey) ?? []), a]);
  }

  return (
    <Stack gap="lg">
      <DraftHeader draft={draft} title={t('drafts.compare.title')} />
      <Group align="flex-end">
        <NativeSelect label={t('drafts.compare.from')} value={String(from)} onChange={(e) => update('from', e.currentTarget.value)} data={options} />
        <NativeSelect label={t('drafts.compare.to')} value={String(to)} onChange={(e) => update('to', e.currentTarget.value)} data={options} />
      </Group>
      <Text size="sm">{t('drafts.compare.legend')}</Text>
      {comparison.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : comparison.isError ? (
        <DecisionAlert error={comparison.error} />
      ) : (
        <Paragraphs comparison={comparison.data} proposals={byKey} actingFor={draft.actingFor} />
      )}
    </Stack>
  );
}

function Paragraphs({ comparison, proposals, actingFor }: { comparison: Comparison; proposals: Map<string, Amendment[]>; actingFor: string | null }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const items = comparison.paragraphs;
  const changed = items.filter((p) => p.change !== 'unchanged').length;
  return (
    <>
      <Text role="status">{t('drafts.compare.summary', { count: changed, from: labels.revision(comparison.from.number), to: labels.revision(comparison.to.number) })}</Text>
      <ol className={classes.paragraphs}>
        {items.map((p, i) => {
          const label = p.to?.label ?? p.from?.label ?? '';
          const headingId = `cmp-${p.key}`;
          const beside = proposals.get(p.key) ?? [];
          return (
            <li key={p.key} id={`c-${p.key}`} className={classes.paragraph} data-change={p.change} aria-labelledby={headingId}>
              <div>
                <Title order={2} size="h5" id={headingId}>
                  {p.from && p.to && p.from.label !== p.to.label ? `${p.from.label} → ${p.to.label}` : label} · {labels.change(p.change)}
                </Title>
                <p className={`${classes.paragraphText} ${classes.words}`} dir="auto" data-testid="words">
                  {p.words.map((w, j) =>
                    w.added ? (
                      <ins key={j}>
                        <span className={classes.visuallyHidden}>{t('drafts.compare.insStart')}</span>
                        {w.text}
                        <span className={classes.visuallyHidden}>{t('drafts.compare.insEnd')}</span>
                      </ins>
                    ) : w.removed ? (
                      <del key={j}>
                        <span className={classes.visuallyHidden}>{t('drafts.compare.delStart')}</span>
                        {w.text}
                        <span className={classes.visuallyHidden}>{t('drafts.compare.delEnd')}</span>
                      </del>
                    ) : (
                      <span key={j}>{w.text}</span>
                    ),
                  )}
                </p>
                <Group gap="md" mt="xs">
                  {i > 0 ? (
                    <Anchor href={`#c-${items[i - 1]!.key}`} size="sm">
                      {t('drafts.compare.previous')}
                    </Anchor>
                  ) : null}
                  {i < items.length - 1 ? (
                    <Anchor href={`#c-${items[i + 1]!.key}`} size="sm">
                      {t('drafts.compare.next')}
                    </Anchor>
                  ) : null}
                </Group>
              </div>
              <div>
                {beside.length ? (
                  <ul className={classes.proposals} aria-label={t('drafts.proposalsOn', { label })}>
                    {beside.map((a) => (
                      <AmendmentCard key={a.id} amendment={a} actingFor={actingFor} headingLevel="h3" />
                    ))}
                  </ul>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('drafts.noProposals')}
                  </Text>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
