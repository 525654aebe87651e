import { useEffect, useState } from 'react';
import { FrameworkCode } from '../framework';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { Loaded } from '../../ui/Loaded';
import { useHashTarget } from '../../ui/hash-target';
import { StateName } from '../states';
import { contentHashInBrowser } from './hash';
import { DecisionAlert, StateNames, useStateNameOf } from './parts';
import { viewerZone } from '../../ui/zones';
import { outcomeQuery, useBodyName, useDraftLabels, type Outcome } from './queries';
import classes from './drafts.module.css';
import ui from '../../ui/ui.module.css';
import { formatDay, formatInZone, isolated } from '../../ui/dates';
import { InLanguage, LocalizedList, Sentence, Verbatim } from '../../ui/localized';

export default function OutcomePage() {
  const { id = '' } = useParams();
  const query = useQuery(outcomeQuery(id));
  return (
    <Loaded query={query} problem={(error) => <DecisionAlert error={error} />}>
      {(outcome) => <OutcomeView outcome={outcome} />}
    </Loaded>
  );
}

function OutcomeView({ outcome: o }: { outcome: Outcome }) {
  const { t } = useTranslation();
  // A link to a paragraph (`#para-…`, as the search links) lands on it once the text is shown.
  useHashTarget(true);
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const bodyName = useBodyName();
  return (
    <Stack gap="lg">
      <div>
        <Group gap="xs">
          <Anchor component={Link} to={to('/outcomes')} size="sm">
            {t('outcomes.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {labels.kind(o.kind)}
          </Text>
        </Group>
        <PageHeading title={`${o.symbol} · ${o.title}`}>
          <span className={ui.code}>
            <Verbatim>{o.symbol}</Verbatim>
          </span>
          <Text component="span" display="block" size="xl" fw={600}>
            <InLanguage lang="en">{o.title}</InLanguage>
          </Text>
        </PageHeading>
        <Text>{t('outcomes.adoptedVia', { date: formatDay(o.adoptedAt, lang), how: labels.via(o.adoptedVia) })}</Text>
        {o.transmission ? (
          <Text data-testid="prepared-by">
            <Sentence i18nKey="outcomes.preparedBy" values={{
              group: bodyName(o.transmission.group),
              revision: o.transmission.revision ? labels.revision(o.transmission.revision.number) : '—',
              date: formatDay(o.transmission.transmittedAt, lang),
            }} />
          </Text>
        ) : null}
      </div>

      {o.supersededBy ? (
        <Alert color="un" variant="light" title={t('outcomes.superseded')}>
          <Anchor component={Link} to={to(`/outcomes/${o.supersededBy.id}`)} className={ui.code}>
            <Verbatim>{o.supersededBy.symbol}</Verbatim>
          </Anchor>
        </Alert>
      ) : null}

      <section aria-labelledby="outcome-text">
        <Title order={2} size="h3" id="outcome-text" mb="xs">
          {t('outcomes.text')}
        </Title>
        <Text size="sm" mb="sm">
          {t('outcomes.frozen')}
        </Text>
        <ol className={classes.paragraphs}>
          {o.paragraphs.map((p) => (
            <li key={p.key} id={`para-${p.key}`} data-paragraph={p.label}>
              <p className={classes.paragraphText} dir="auto">
                <span className={classes.paragraphLabel}>
                  <Verbatim>{p.label}</Verbatim>
                </span>
                <InLanguage lang="en" mark={false}>
                  {p.text}
                </InLanguage>
              </p>
            </li>
          ))}
        </ol>
      </section>

      <Verify outcome={o} />

      <dl className={ui.facts}>
        {o.supersedes ? (
          <>
            <dt>{t('outcomes.supersedes')}</dt>
            <dd>
              <Anchor component={Link} to={to(`/outcomes/${o.supersedes.id}`)} className={ui.code}>
                <Verbatim>{o.supersedes.symbol}</Verbatim>
              </Anchor>
            </dd>
          </>
        ) : null}
        {o.implementsCodes.length ? (
          <>
            <dt>{t('outcomes.implements')}</dt>
            <dd>
              <LocalizedList
                items={o.implementsCodes.map((c) => (
                  <FrameworkCode key={c} code={c} />
                ))}
              />
            </dd>
          </>
        ) : null}
        <dt>{t('outcomes.draft')}</dt>
        <dd>
          <Anchor component={Link} to={to(`/drafts/${o.draftId}`)}>
            {t('outcomes.seeDraft')}
          </Anchor>
        </dd>
      </dl>

      <History outcome={o} />
      {o.can.explain ? <Explain outcome={o} /> : null}
    </Stack>
  );
}

/** Recomputes the SHA-256 of the text here, in the browser, and compares it with the published hash. */
function Verify({ outcome: o }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ hash: string } | { error: true } | null>(null);
  const run = () => {
    setResult(null);
    contentHashInBrowser(o.title, o.paragraphs).then(
      (hash) => setResult({ hash }),
      () => setResult({ error: true }),
    );
  };
  useEffect(run, [o]);
  const matches = result && 'hash' in result && result.hash === o.contentHash;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcome-verify">
      <Title order={2} size="h3" id="outcome-verify" mb="xs">
        {t('outcomes.verify.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('outcomes.verify.intro')}
      </Text>
      <dl className={ui.facts}>
        <dt>{t('outcomes.verify.published')}</dt>
        <dd className={ui.code} data-testid="published-hash">
          <Verbatim>{o.contentHash}</Verbatim>
        </dd>
        <dt>{t('outcomes.verify.computed')}</dt>
        <dd className={ui.code} data-testid="computed-hash">
          {result && 'hash' in result ? <Verbatim>{result.hash}</Verbatim> : '…'}
        </dd>
        <dt>{t('outcomes.verify.chain')}</dt>
        <dd>
          {o.verification.intact
            ? t('outcomes.verify.chainIntact', { event: o.verification.auditEvent ?? '—' })
            : o.verification.provenanceIntact
              ? t('outcomes.verify.chainBroken')
              : t('outcomes.verify.provenanceBroken')}
        </dd>
      </dl>
      <div role="status" data-testid="verification">
        {result === null ? null : 'error' in result ? (
          <Text className={classes.notVerified}>
            {t('outcomes.verify.unavailable')}
          </Text>
        ) : matches ? (
          <Text className={classes.verified} data-verified="true">
            ✓ {t('outcomes.verify.verified')}
          </Text>
        ) : (
          <Text className={classes.notVerified} data-verified="false">
            ✗ {t('outcomes.verify.mismatch')}
          </Text>
        )}
      </div>
      <Group mt="sm">
        <Button variant="outline" onClick={run}>
          {t('outcomes.verify.again')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Who proposed, co-sponsored, objected, broke silence and explained what: States only. */
function History({ outcome: o }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useDraftLabels();
  const zone = viewerZone();
  return (
    <section aria-labelledby="outcome-history">
      <Title order={2} size="h3" id="outcome-history" mb="xs">
        {t('outcomes.history.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('outcomes.history.intro')}
      </Text>

      <Title order={3} size="h4" mt="md">
        {t('outcomes.history.revisions')}
      </Title>
      <ul>
        {o.revisions.map((r) => (
          <li key={r.number}>
            {labels.revision(r.number)} — {formatDay(r.issuedAt, lang)}
            {r.takesUp.length ? ` · ${t('outcomes.history.tookUp', { count: r.takesUp.length })}` : ''}
          </li>
        ))}
      </ul>

      <Title order={3} size="h4" mt="md">
        {t('outcomes.history.amendments')}
      </Title>
      {o.amendments.length ? (
        <ul>
          {o.amendments.map((a) => (
            <li key={a.id} data-amendment={a.id}>
              {labels.action(a.action)} — <StateName iso3={a.proposerState} />
              {a.sponsors.length > 1 ? (
                <>
                  {' '}
                  ({t('drafts.amend.cosponsors')} <StateNames codes={a.sponsors.filter((s) => s !== a.proposerState)} />)
                </>
              ) : null}
              {' · '}
              {a.takenUpIn !== null ? t('drafts.amend.takenUpIn', { revision: labels.revision(a.takenUpIn) }) : t('drafts.compilation.pending')}
              <Text size="sm">
                {t('drafts.amend.reason')} <InLanguage lang="en" mark={false}>{a.reason}</InLanguage>
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm">{t('outcomes.history.noAmendments')}</Text>
      )}

      {o.adoptionProposals.length ? (
        <>
          <Title order={3} size="h4" mt="md">
            {t('outcomes.history.meetings')}
          </Title>
          <ul>
            {o.adoptionProposals.map((p) => (
              <li key={p.id} data-proposal={p.id}>
                {t('drafts.adoption.proposalOf', { revision: labels.revision(p.revision), time: formatInZone(p.proposedAt, zone, lang) })} — {labels.proposalStatus(p.status)}
                {p.objections.map((ob) => (
                  <Text size="sm" key={ob.state} data-objection={ob.state}>
                    {t('drafts.adoption.objectionBy')} <StateName iso3={ob.state} /> — <InLanguage lang="en" mark={false}>{ob.reason}</InLanguage>
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {o.silenceProcedures.length ? (
        <>
          <Title order={3} size="h4" mt="md">
            {t('outcomes.history.silence')}
          </Title>
          <ul>
            {o.silenceProcedures.map((p) => (
              <li key={p.id}>
                {t('silence.procedureOn', { revision: labels.revision(p.revision) })} — {labels.silenceStatus(p.status)} ·{' '}
                {t('silence.deadlineIn', { time: formatInZone(p.deadlineAt, p.deadlineZone, lang, { named: false, weekday: true }), zone: isolated(p.deadlineZone, lang) })}
                {p.breaks.map((b) => (
                  <Text size="sm" key={b.state} data-break-by={b.state}>
                    {t('silence.brokenBy')} <StateName iso3={b.state} /> — <InLanguage lang="en" mark={false}>{b.reason}</InLanguage>
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Title order={3} size="h4" mt="md">
        {t('outcomes.history.explanations')}
      </Title>
      {o.explanations.length ? (
        <ul>
          {o.explanations.map((e, i) => (
            <li key={i} data-explanation={e.state}>
              <StateName iso3={e.state} /> ({formatDay(e.at, lang)}):{' '}
              <InLanguage lang="en" mark={false}>
                {e.text}
              </InLanguage>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm">{t('outcomes.history.noExplanations')}</Text>
      )}
    </section>
  );
}

function Explain({ outcome: o }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useStateNameOf(o.actingFor);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const explain = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/outcomes/{id}/explanations', { params: { path: { id: o.id } }, body: { text: text.trim() } })),
    onSuccess: () => {
      setText('');
      notifySuccess(t('outcomes.explain.done'));
      // The explanation just given: one more of this State's in the history, once it is read again.
      const before = document.querySelectorAll(byAttribute('data-explanation', o.actingFor ?? '')).length;
      focusWhenShown(
        () => {
          const given = document.querySelectorAll<HTMLElement>(byAttribute('data-explanation', o.actingFor ?? ''));
          return given.length > before ? given[given.length - 1]! : null;
        },
        { timeoutMs: 10_000 },
      );
      void queryClient.invalidateQueries({ queryKey: ['decisions', 'outcome', o.id] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="explain-title">
      <Title order={2} size="h3" id="explain-title" mb="xs">
        {t('outcomes.explain.title', { state })}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim().length < 3) return setError(t('forms.required'));
          setError(null);
          explain.mutate();
        }}
      >
        <Stack>
          <Textarea label={t('outcomes.explain.field')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} required autosize minRows={3} />
          <DecisionAlert error={explain.error} />
          <Group>
            <Button type="submit" loading={explain.isPending}>
              {t('outcomes.explain.submit', { state })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
