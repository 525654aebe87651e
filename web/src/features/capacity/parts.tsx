import { useState } from 'react';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { LANGUAGES } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog, DANGER_COLOR } from '../../ui/ConfirmDialog';
import { formatDate, formatInstant } from '../../ui/dates';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Localized, LocalizedList, ProperName, Sentence, Verbatim, type LocalizedText } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StateName } from '../states';
import { CapacityLinks } from './CapacityLinks';
import { sendStep, useCapacityLabels, useReasonText, VISIBILITIES, type Match, type MatchStep, type Offeror, type Reason, type Visibility } from './queries';

/**
 * The head of a need's or an offer's page: whose it is, its title, the section's links, its status
 * and who sees it, and its description (each text in the page's language, or marked as another).
 */
export function RecordHead(props: {
  owner: React.ReactNode;
  title: LocalizedText;
  description: LocalizedText;
  status: string;
  statusTestId: string;
  visibility: Visibility;
}) {
  const labels = useCapacityLabels();
  return (
    <>
      <div>
        <Text size="sm">{props.owner}</Text>
        <PageHeading title={props.title.en}>
          <Localized text={props.title} />
        </PageHeading>
        <CapacityLinks />
      </div>
      <Group gap="xs">
        <Badge variant="outline" color="dark" data-testid={props.statusTestId}>
          {props.status}
        </Badge>
        <Badge variant="light" color="dark" data-testid="record-visibility">
          {labels.visibility(props.visibility)}
        </Badge>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>
        <Localized text={props.description} />
      </Text>
    </>
  );
}

/** Framework codes, each a link to its element of the framework. */
export function FrameworkCodes({ codes }: { codes: readonly string[] }) {
  const to = useLocalPath();
  return (
    <LocalizedList
      items={codes.map((c) => (
        <Anchor key={c} component={Link} to={to(`/framework/${c}`)}>
          <Verbatim>{c}</Verbatim>
        </Anchor>
      ))}
    />
  );
}

/** Who makes an offer: a State, an organisation, or the Secretariat for a programme. */
export function OfferorName({ offeror }: { offeror: Offeror }) {
  const { t } = useTranslation();
  if (offeror.kind === 'state' && offeror.state) return <StateName iso3={offeror.state} />;
  if (offeror.kind === 'organisation') return offeror.organisationName ? <ProperName>{offeror.organisationName}</ProperName> : <>{t('capacity.offeror.organisation')}</>;
  return offeror.programme ? <Sentence i18nKey="capacity.offeror.programme" values={{ programme: <ProperName>{offeror.programme}</ProperName> }} /> : <>{t('capacity.offeror.secretariat')}</>;
}

/** The reasons of a rank, each with its points. */
export function Reasons({ reasons, score }: { reasons: Reason[]; score: number }) {
  const { t } = useTranslation();
  const say = useReasonText();
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('capacity.rank.score', { score })}
      </Text>
      <List size="sm" aria-label={t('capacity.rank.reasons')}>
        {reasons.map((r, i) => (
          <List.Item key={`${r.code}-${i}`}>
            {r.code === 'state-served' && typeof r.params.state === 'string' ? (
              <Sentence i18nKey="capacity.reasons.stateServed" values={{ state: <StateName iso3={r.params.state} />, points: Number(r.params.points ?? 0) }} />
            ) : (
              say(r)
            )}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** A period of calendar dates, either end open. */
export function PeriodText({ start, end }: { start: string | null; end: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!start && !end) return <>{t('capacity.fields.anyTime')}</>;
  return <>{t('capacity.fields.periodRange', { start: start ? formatDate(start, lang) : '…', end: end ? formatDate(end, lang) : '…' })}</>;
}

/** Pick some of the six languages. */
export function LanguagesPicker({ value, onChange, label }: { value: string[]; onChange: (v: string[]) => void; label: string }) {
  const labels = useCapacityLabels();
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} withAsterisk>
      <Group gap="md" mt="xs">
        {LANGUAGES.map((l) => (
          <Checkbox key={l} value={l} label={labels.languageName(l)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/**
 * The matches on a need or an offer that the viewer is a party to, each with the steps the API's `can`
 * allows: accept or decline (the offeror), confirm (the requesting State), withdraw (either side),
 * each with a message for the other side.
 */
export function MatchSteps({ matches, show }: { matches: Match[]; show: 'offer' | 'need' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useCapacityLabels();
  const client = useQueryClient();
  const [open, setOpen] = useState<{ match: Match; step: MatchStep } | null>(null);
  const [message, setMessage] = useState('');
  const step = useMutation({
    mutationFn: ({ match, step }: { match: Match; step: MatchStep }) => sendStep(match.id, step, message.trim()),
    onSuccess: async (_, { match, step }) => {
      setOpen(null);
      setMessage('');
      notifySuccess(t('capacity.steps.done', { step: labels.step(step) }));
      // The match's new status, once the page shows it: the step's button (and its dialog) are gone.
      focusWhenShown(() => {
        const card = document.querySelector<HTMLElement>(byAttribute('data-match', match.id));
        return card && card.dataset.status !== match.status ? card.querySelector<HTMLElement>('[data-testid="match-status"]') : null;
      }, { timeoutMs: 10_000 });
      await client.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
  if (matches.length === 0) return <Text>{t('capacity.match.none')}</Text>;
  const STEPS: MatchStep[] = ['accept', 'decline', 'confirm', 'withdraw'];
  return (
    <Stack gap="sm">
      {matches.map((m) => (
        <Paper key={m.id} withBorder p="md" data-match={m.id} data-status={m.status}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Text fw={600}>
                {show === 'offer' ? (
                  <Anchor component={Link} to={to(`/capacity/offers/${m.offerId}`)}>
                    {t('capacity.match.offerBy')} <OfferorName offeror={m.offeror} />
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={to(`/capacity/needs/${m.needId}`)}>
                    {t('capacity.match.needOf')} <StateName iso3={m.needState} />
                  </Anchor>
                )}
              </Text>
              <Badge variant="outline" color="dark" data-testid="match-status">
                {labels.matchStatus(m.status)}
              </Badge>
            </Group>
            <Text size="sm">{t('capacity.match.invitedAt', { at: formatInstant(m.invitedAt, lang) })}</Text>
            {m.inviteMessage ? <Text size="sm">{t('capacity.match.inviteMessage', { message: m.inviteMessage })}</Text> : null}
            {m.responseMessage ? <Text size="sm">{t('capacity.match.responseMessage', { message: m.responseMessage })}</Text> : null}
            {m.withdrawnBy ? <Text size="sm">{t('capacity.match.withdrawnBy', { side: labels.side(m.withdrawnBy), message: m.withdrawMessage ?? '' })}</Text> : null}
            {m.projectId ? (
              <Anchor component={Link} to={to(`/capacity/projects/${m.projectId}`)}>
                {t('capacity.match.project')}
              </Anchor>
            ) : null}
            <Group gap="sm">
              {STEPS.filter((s) => m.can[s]).map((s) => (
                <Button key={s} variant={s === 'withdraw' || s === 'decline' ? 'outline' : 'filled'} color={s === 'withdraw' || s === 'decline' ? DANGER_COLOR : undefined} onClick={() => setOpen({ match: m, step: s })}>
                  {labels.step(s)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>
      ))}
      <ConfirmDialog
        opened={open !== null}
        onClose={() => {
          setOpen(null);
          step.reset();
        }}
        title={open ? labels.stepTitle(open.step) : ''}
        confirmLabel={open ? labels.step(open.step) : ''}
        danger={open?.step === 'withdraw' || open?.step === 'decline'}
        loading={step.isPending}
        onConfirm={() => open && step.mutate(open)}
      >
        <Textarea label={t('capacity.match.message')} description={t('capacity.match.messageHelp')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-autofocus />
        {step.isError ? <CapacityProblem error={step.error} /> : null}
      </ConfirmDialog>
    </Stack>
  );
}

/** A section with its h2. */
export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

// Each refusal of the capacity-building rules, in the page's language (the server words them in English only).
const PROBLEMS = {
  'no-report': 'capacity.problems.noReport',
  'need-matched': 'capacity.problems.needMatched',
  'need-closed': 'capacity.problems.needClosed',
  'offer-full': 'capacity.problems.offerFull',
  'offer-closed': 'capacity.problems.offerClosed',
  'already-invited': 'capacity.problems.alreadyInvited',
  'match-status': 'capacity.problems.matchStatus',
  'own-offer': 'capacity.problems.ownOffer',
  'project-running': 'capacity.problems.projectRunning',
} as const;

/** A refusal of a capacity-building step: said by its rule where it has one, as any other problem otherwise. */
export function CapacityProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const kind = error instanceof ApiProblem ? error.kind : '';
  if (kind in PROBLEMS) {
    return (
      <Alert color="red" variant="light" title={problemTitle(error)} role="alert">
        {t(PROBLEMS[kind as keyof typeof PROBLEMS])}
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

const NEED_MOVE_LABELS = {
  open: 'capacity.manage.needTo.open',
  met: 'capacity.manage.needTo.met',
  withdrawn: 'capacity.manage.needTo.withdrawn',
} as const;
const OFFER_MOVE_LABELS = {
  open: 'capacity.manage.offerTo.open',
  closed: 'capacity.manage.offerTo.closed',
  withdrawn: 'capacity.manage.offerTo.withdrawn',
} as const;

/**
 * Its owner's part of a need's or an offer's page: the status moves the API's `can.moveTo` lists, each
 * asked first, and who sees it (where `can.edit` says).
 */
export function Manage({ kind, id, moveTo, edit, visibility }: { kind: 'need' | 'offer'; id: string; moveTo: string[]; edit: boolean; visibility: Visibility }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const client = useQueryClient();
  const [asked, setAsked] = useState<string | null>(null);
  const [seenBy, setSeenBy] = useState<Visibility>(visibility);
  const change = useMutation({
    mutationFn: (body: { status?: string; visibility?: Visibility }) =>
      kind === 'need'
        ? unwrap(api.PATCH('/api/v1/capacity/needs/{id}', { params: { path: { id } }, body: body as { status?: 'open' | 'met' | 'withdrawn'; visibility?: Visibility } }))
        : unwrap(api.PATCH('/api/v1/capacity/offers/{id}', { params: { path: { id } }, body: body as { status?: 'open' | 'closed' | 'withdrawn'; visibility?: Visibility } })),
    onSuccess: async (_, body) => {
      setAsked(null);
      notifySuccess(t('capacity.manage.saved'));
      // What changed, at the head of the page once it shows it: the status (its button has gone), or who sees it.
      const changed = body.status ? `[data-testid="${kind}-status"]` : '[data-testid="record-visibility"]';
      const before = document.querySelector(changed)?.textContent;
      focusWhenShown(() => {
        const badge = document.querySelector<HTMLElement>(changed);
        return badge && badge.textContent !== before ? badge : null;
      }, { timeoutMs: 10_000 });
      await client.invalidateQueries({ queryKey: ['capacity'] });
    },
  });
  if (!edit && moveTo.length === 0) return null;
  const label = (m: string) => (kind === 'need' ? t(NEED_MOVE_LABELS[m as keyof typeof NEED_MOVE_LABELS]) : t(OFFER_MOVE_LABELS[m as keyof typeof OFFER_MOVE_LABELS]));
  return (
    <Section id={`manage-${kind}`} title={t('capacity.manage.title')}>
      <Stack gap="sm">
        {moveTo.length ? (
          <Group gap="sm">
            {moveTo.map((m) => (
              <Button key={m} variant="outline" color={m === 'withdrawn' ? DANGER_COLOR : undefined} onClick={() => setAsked(m)} data-move={m}>
                {label(m)}
              </Button>
            ))}
          </Group>
        ) : null}
        {edit ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              change.mutate({ visibility: seenBy });
            }}
          >
            <Group align="flex-end" gap="sm">
              <Radio.Group label={t('capacity.fields.visibility')} value={seenBy} onChange={(v) => setSeenBy(v as Visibility)}>
                <Group gap="md" mt="xs">
                  {VISIBILITIES.map((v) => (
                    <Radio key={v} value={v} label={labels.visibility(v)} />
                  ))}
                </Group>
              </Radio.Group>
              <Button type="submit" variant="light" disabled={seenBy === visibility} loading={change.isPending && asked === null}>
                {t('capacity.manage.saveVisibility')}
              </Button>
            </Group>
          </form>
        ) : null}
        {change.isError && asked === null ? <CapacityProblem error={change.error} /> : null}
      </Stack>
      <ConfirmDialog
        opened={asked !== null}
        onClose={() => {
          setAsked(null);
          change.reset();
        }}
        title={asked ? t('capacity.manage.ask', { action: label(asked) }) : ''}
        confirmLabel={asked ? label(asked) : ''}
        danger={asked === 'withdrawn'}
        loading={change.isPending}
        onConfirm={() => asked && change.mutate({ status: asked })}
      >
        {change.isError ? <CapacityProblem error={change.error} /> : null}
      </ConfirmDialog>
    </Section>
  );
}
