import { useCallback, useMemo, useState } from 'react';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { Alert, Anchor, Button, Checkbox, Group, MultiSelect, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { problemMessage } from '../../ui/problems';
import { useSearchParam } from '../../ui/search-params';
import { stateQuery } from '../states';
import { AnswerView, FrameworkTexts, SectionTitle, VisibilityBadge } from './parts';
import {
  cycleQuery,
  narrowerThan,
  PARTS,
  reportQuery,
  STATUSES,
  textIn,
  useReportingLabels,
  useSectionTitle,
  VISIBILITIES,
  type CycleDetail,
  type ImplementationStatus,
  type Report,
  type Section,
  type Visibility,
} from './queries';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatInstant, formatInZone, formatTime } from '../../ui/dates';
import { cleaned, useSectionAutosave, type SavedSection, type SaveState } from './autosave';

export default function EditReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useQuery(reportQuery(id));
  const cycleId = report.data?.cycleId;
  const cycle = useQuery({ ...cycleQuery(cycleId ?? ''), enabled: !!cycleId });

  if (!report.isSuccess || !cycle.isSuccess) return <Loaded query={[report, cycle]} />;
  if (!report.data.can.edit || !report.data.draft) {
    return (
      <Stack>
        <PageHeading>{t('reporting.edit.notYoursTitle')}</PageHeading>
        <Alert color="un" variant="light">
          {t('reporting.edit.notYours')}
        </Alert>
      </Stack>
    );
  }
  return <Editor report={report.data} cycle={cycle.data} />;
}

function Editor({ report, cycle }: { report: Report; cycle: CycleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useReportingLabels();
  const sectionTitle = useSectionTitle();
  const [params, setParam] = useSearchParam();
  const narrow = useMediaQuery('(max-width: 60em)', false, { getInitialValueInEffect: false });
  const sections = cycle.questionnaire.sections;
  // A search result links to a drafted section as `#section-<key>`: that section is opened, unless the address names one.
  const { hash } = useLocation();
  const linked = hash.startsWith('#section-') ? safeDecode(hash.slice('#section-'.length)) : null;
  const current = sections.find((s) => s.key === (params.get('section') ?? linked)) ?? sections[0]!;
  const index = sections.indexOf(current);
  const state = useQuery(stateQuery(report.state));
  const stateName = state.data?.state.names[lang] || report.state;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [dirtyKeys, setDirtyKeys] = useState<Set<string>>(new Set());
  // The report in the cache holds each section as last saved (the autosave puts it there).
  const draftOf = (key: string): SavedSection | null => {
    const fetched = report.draft!.find((d) => d.key === key);
    return fetched ? { answer: fetched.answer, visibility: fetched.visibility, version: fetched.version } : null;
  };
  const answered = (key: string) => {
    const d = draftOf(key);
    return !!d && Object.values(d.answer).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
  };
  const go = (key: string) => {
    setParam('section', key);
    // The new section's heading, once it has replaced the old section (not the old heading on its way out).
    focusWhenShown(`${byAttribute('data-section', key)} #section-heading`);
  };
  const markDirty = useCallback((key: string, dirty: boolean) => {
    setDirtyKeys((prev) => {
      if (prev.has(key) === dirty) return prev;
      const next = new Set(prev);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const links = (
    <Group gap="md" mt="xs">
      <Anchor component={Link} to={to(`/reporting/reports/${report.id}`)}>
        {t('reporting.edit.viewReport')}
      </Anchor>
      <Anchor component={Link} to={to('/reporting')}>
        {t('reporting.edit.backToCycles')}
      </Anchor>
    </Group>
  );

  return (
    <Stack gap={narrow ? 'sm' : 'lg'}>
      <div>
        <Text size="sm">{cycle.title}</Text>
        <PageHeading>{t('reporting.report.heading', { state: stateName })}</PageHeading>
        <Text size="sm">{t('reporting.edit.deadline', { deadline: formatInZone(cycle.deadlineAt, cycle.deadlineZone, lang) })}</Text>
        {narrow ? (
          // On a narrow screen the form's explanation is folded, so that the form starts on the first screen.
          <details className={classes.frameworkFold} data-testid="intro-fold">
            <summary>{t('phone.aboutForm')}</summary>
            <Text size="sm">{t('reporting.edit.intro')}</Text>
            {report.basedOn ? <Text size="sm">{t('reporting.edit.basedOnPrevious')}</Text> : null}
          </details>
        ) : (
          <>
            <Text size="sm" className={listing.intro}>
              {t('reporting.edit.intro')}
            </Text>
            {report.basedOn ? <Text size="sm">{t('reporting.edit.basedOnPrevious')}</Text> : null}
          </>
        )}
        {narrow ? null : links}
      </div>

      <Paper withBorder p="sm">
        <div role="status" className={classes.saveStatus} data-testid="save-status" data-state={saveState.kind}>
          {saveState.kind === 'saving'
            ? t('reporting.edit.saving')
            : saveState.kind === 'saved'
              ? t('reporting.edit.savedAt', { time: formatTime(saveState.at, lang) })
              : saveState.kind === 'conflict'
                ? t('reporting.edit.conflictStatus')
                : saveState.kind === 'error'
                  ? t('reporting.edit.saveFailed', { reason: problemMessage(saveState.error) })
                  : t('reporting.edit.savesAsYouGo')}
        </div>
      </Paper>

      <div className={classes.editor}>
        {/* A narrow screen chooses the section from a list, so that the form starts on the first screen (the steps' list is hidden there). */}
        <NativeSelect
          className={classes.stepsSelect}
          label={t('phone.section')}
          value={current.key}
          onChange={(e) => setParam('section', e.currentTarget.value)}
          data={PARTS.flatMap((part) => {
            const inPart = sections.filter((s) => s.part === part);
            if (inPart.length === 0) return [];
            const items = inPart.map((s) => ({ value: s.key, label: `${answered(s.key) ? '✓' : '○'} ${sectionTitle(s).title} (${t(answered(s.key) ? 'reporting.edit.answered' : 'reporting.edit.notAnswered')})` }));
            return [{ group: labels.part(part), items }];
          })}
          data-testid="section-select"
        />
        <nav aria-label={t('reporting.edit.steps')} className={classes.steps}>
          <ol>
            {PARTS.map((part) => {
              const inPart = sections.filter((s) => s.part === part);
              if (inPart.length === 0) return null;
              return (
                <li key={part}>
                  <div className={classes.partName} id={`part-${part}`}>
                    {labels.part(part)}
                  </div>
                  <ol aria-labelledby={`part-${part}`}>
                    {inPart.map((s) => {
                      const title = sectionTitle(s);
                      const done = answered(s.key);
                      return (
                        <li key={s.key}>
                          <button type="button" className={classes.step} aria-current={s.key === current.key ? 'step' : undefined} onClick={() => go(s.key)} data-key={s.key}>
                            <span aria-hidden="true" className={classes.mark}>
                              {done ? '✓' : '○'}
                            </span>
                            <span lang={title.language}>{title.title}</span>
                            <span className={classes.visuallyHidden}>{done ? ` (${t('reporting.edit.answered')})` : ` (${t('reporting.edit.notAnswered')})`}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ol>
                </li>
              );
            })}
          </ol>
        </nav>

        <Stack gap="md">
          <Text size="sm">{t('reporting.edit.stepOf', { n: index + 1, total: sections.length, part: labels.part(current.part) })}</Text>
          <SectionEditor
            key={current.key}
            report={report}
            section={current}
            initial={draftOf(current.key)}
            onState={setSaveState}
            onDirty={(d) => markDirty(current.key, d)}
          />
          <Group justify="space-between">
            {index > 0 ? (
              <Button variant="outline" onClick={() => go(sections[index - 1]!.key)}>
                {t('reporting.edit.previous')}
              </Button>
            ) : (
              <span />
            )}
            {index < sections.length - 1 ? <Button onClick={() => go(sections[index + 1]!.key)}>{t('reporting.edit.next')}</Button> : null}
          </Group>
        </Stack>
      </div>

      <ReportVisibility report={report} />
      <Submissions report={report} busy={dirtyKeys.size > 0 || saveState.kind === 'saving' || saveState.kind === 'conflict'} />
      {/* On a narrow screen the links come after the form, which starts on the first screen. */}
      {narrow ? links : null}
    </Stack>
  );
}

function SectionEditor({
  report,
  section,
  initial,
  onState,
  onDirty,
}: {
  report: Report;
  section: Section;
  initial: SavedSection | null;
  onState: (s: SaveState) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useReportingLabels();
  const narrow = useMediaQuery('(max-width: 60em)', false, { getInitialValueInEffect: false });
  const queryClient = useQueryClient();
  const { answer, visibility, change, set, conflict, keepMine, takeTheirs } = useSectionAutosave({ report, sectionKey: section.key, initial, onState, onDirty });

  const codeOptions = useMemo(() => {
    const seen = new Map<string, string>();
    const add = (code: string, title: string) => seen.set(code, `${code} — ${title}`);
    for (const e of section.elements) add(e.code, textIn(e.texts, lang).title);
    for (const r of section.recommendations) add(r.code, textIn(r.texts, lang).title);
    for (const n of answer.needs ?? []) for (const c of n.codes) if (!seen.has(c)) seen.set(c, c);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [section, lang, answer.needs]);

  const reportVisibility = report.visibility ?? 'public';
  const narrower = narrowerThan(reportVisibility);
  const effective = visibility ?? reportVisibility;
  const history = (report.history ?? []).filter((h) => h.key === section.key).reverse();
  const isContacts = section.part === 'contacts';
  const needs = answer.needs ?? [];

  return (
    <section aria-labelledby="section-heading" data-section={section.key}>
      <div id="section-heading" tabIndex={-1}>
        <SectionTitle section={section} />
      </div>
      <Stack gap="md" mt="sm">
        {narrow ? (
          // On a narrow screen the framework's text (thousands of pixels for some sections) is folded, so that the form starts on the first screen.
          <details className={classes.frameworkFold} data-testid="framework-fold">
            <summary>{t('phone.frameworkText')}</summary>
            <FrameworkTexts section={section} />
          </details>
        ) : (
          <FrameworkTexts section={section} />
        )}

        {conflict ? (
          <Alert color="orange" variant="light" title={t('reporting.edit.conflictTitle')} role="alert" data-testid="conflict">
            <Stack gap="sm">
              <Text>
                {conflict.name && conflict.updatedAt
                  ? t('reporting.edit.conflictBy', { name: conflict.name, time: formatInstant(conflict.updatedAt, lang) })
                  : t('reporting.edit.conflictSomeone')}
              </Text>
              <Paper withBorder p="sm">
                <Title order={3} size="h5" mb="xs">
                  {t('reporting.edit.theirVersion')}
                </Title>
                <AnswerView answer={conflict.answer} />
              </Paper>
              <Paper withBorder p="sm">
                <Title order={3} size="h5" mb="xs">
                  {t('reporting.edit.yourVersion')}
                </Title>
                <AnswerView answer={cleaned(answer)} />
              </Paper>
              <Group>
                <Button onClick={keepMine}>{t('reporting.edit.keepMine')}</Button>
                <Button variant="outline" onClick={takeTheirs}>
                  {t('reporting.edit.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        {report.basedOn && !isContacts ? (
          <Checkbox
            label={t('reporting.edit.noChange')}
            description={t('reporting.edit.noChangeHelp')}
            checked={!!answer.noChangeSinceLastReport}
            onChange={(e) => set('noChangeSinceLastReport', e.currentTarget.checked)}
          />
        ) : null}

        {isContacts ? (
          <Textarea
            label={t('reporting.fields.contacts')}
            description={t('reporting.edit.contactsHelp')}
            autosize
            minRows={4}
            maxLength={20000}
            value={answer.contacts ?? ''}
            onChange={(e) => set('contacts', e.currentTarget.value)}
          />
        ) : (
          <>
            <Radio.Group
              label={t('reporting.fields.status')}
              description={t('reporting.edit.statusHelp')}
              value={answer.status ?? ''}
              onChange={(v) => set('status', v ? (v as ImplementationStatus) : undefined)}
            >
              <Stack gap={6} mt={6}>
                <Radio value="" label={t('reporting.edit.noStatus')} />
                {STATUSES.map((s) => (
                  <Radio key={s} value={s} label={labels.status(s)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('reporting.fields.measures')}
              description={t('reporting.edit.measuresHelp')}
              autosize
              minRows={3}
              maxLength={20000}
              value={answer.measures ?? ''}
              onChange={(e) => set('measures', e.currentTarget.value)}
            />
            <Textarea
              label={t('reporting.fields.challenges')}
              description={t('reporting.edit.challengesHelp')}
              autosize
              minRows={2}
              maxLength={20000}
              value={answer.challenges ?? ''}
              onChange={(e) => set('challenges', e.currentTarget.value)}
            />
            <fieldset className={classes.need}>
              <legend>{t('reporting.fields.needs')}</legend>
              <Text size="sm" mb="xs">
                {t('reporting.edit.needsHelp')}
              </Text>
              <Stack gap="sm">
                {needs.map((n, i) => (
                  <Paper key={i} withBorder p="sm">
                    <Stack gap="xs">
                      <Textarea
                        label={t('reporting.edit.needDescription', { n: i + 1 })}
                        autosize
                        minRows={2}
                        maxLength={5000}
                        value={n.description}
                        onChange={(e) => set('needs', needs.map((x, j) => (j === i ? { ...x, description: e.currentTarget.value } : x)))}
                      />
                      <MultiSelect
                        label={t('reporting.edit.needCodes', { n: i + 1 })}
                        data={codeOptions}
                        value={n.codes}
                        maxValues={20}
                        searchable
                        onChange={(codes) => set('needs', needs.map((x, j) => (j === i ? { ...x, codes } : x)))}
                      />
                      <Group>
                        <Button variant="subtle" color="red" size="compact-sm" onClick={() => set('needs', needs.filter((_, j) => j !== i))}>
                          {t('reporting.edit.removeNeed', { n: i + 1 })}
                        </Button>
                      </Group>
                    </Stack>
                  </Paper>
                ))}
                <Group>
                  <Button variant="outline" size="compact-sm" onClick={() => set('needs', [...needs, { description: '', codes: section.elements[0] ? [section.elements[0].code] : [] }])}>
                    {t('reporting.edit.addNeed')}
                  </Button>
                </Group>
              </Stack>
            </fieldset>
          </>
        )}

        <Radio.Group
          label={t('reporting.edit.sectionVisibility')}
          description={t('reporting.edit.sectionVisibilityHelp', { visibility: labels.visibility(reportVisibility) })}
          value={visibility ?? ''}
          onChange={(v) => change({ visibility: v ? (v as Visibility) : null })}
        >
          <Stack gap={6} mt={6}>
            <Radio value="" label={t('reporting.edit.sameAsReport', { visibility: labels.visibility(reportVisibility) })} description={labels.visibilityHelp(reportVisibility)} />
            {narrower.map((v) => (
              <Radio key={v} value={v} label={labels.visibility(v)} description={labels.visibilityHelp(v)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group gap="xs">
          <Text size="sm">{t('reporting.edit.sectionSeenBy')}</Text>
          <VisibilityBadge visibility={effective} />
        </Group>

        {/* The history is the server's record: opened after a save, it is read again. */}
        <details onToggle={(e) => e.currentTarget.open && void queryClient.refetchQueries({ queryKey: reportQuery(report.id).queryKey, stale: true })}>
          <summary>{t('reporting.edit.history', { n: history.length })}</summary>
          {history.length === 0 ? (
            <Text size="sm">{t('reporting.edit.noHistory')}</Text>
          ) : (
            <ol className={classes.history} data-testid="history">
              {history.map((h) => (
                <li key={h.version}>
                  {t('reporting.edit.historyEntry', {
                    version: h.version,
                    name: h.editedByName || t('reporting.edit.someone'),
                    time: formatInstant(h.editedAt, lang),
                    fields: h.changed.length ? h.changed.map(labels.field).join(', ') : t('reporting.edit.nothingChanged'),
                  })}
                </li>
              ))}
            </ol>
          )}
        </details>
      </Stack>
    </section>
  );
}

function ReportVisibility({ report }: { report: Report }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const queryClient = useQueryClient();
  const current = report.visibility ?? 'public';
  const update = useMutation({
    mutationFn: (visibility: Visibility) => unwrap(api.PATCH('/api/v1/reporting/reports/{id}', { params: { path: { id: report.id } }, body: { visibility } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reporting', 'report', report.id] }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-visibility">
      <Title order={2} size="h3" id="report-visibility" mb="xs">
        {t('reporting.edit.reportVisibility')}
      </Title>
      {report.can.submit ? (
        <Radio.Group label={t('reporting.edit.reportVisibilityLabel')} description={t('reporting.edit.reportVisibilityHelp')} value={current} onChange={(v) => update.mutate(v as Visibility)}>
          <Stack gap={6} mt={6}>
            {VISIBILITIES.map((v) => (
              <Radio key={v} value={v} label={labels.visibility(v)} description={labels.visibilityHelp(v)} disabled={update.isPending} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Text>
          {t('reporting.edit.reportVisibilityIs', { visibility: labels.visibility(current) })} {labels.visibilityHelp(current)} {t('reporting.edit.onlyFocalPointChooses')}
        </Text>
      )}
      <ProblemAlert error={update.error} />
    </Paper>
  );
}

function Submissions({ report, busy }: { report: Report; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/reporting/reports/{id}/submissions', { params: { path: { id: report.id } } })),
    onSuccess: async () => {
      setConfirming(false);
      // The receipt (its number, time and content hash), not the button of the dialog that closed.
      focusWhenShown('[data-testid="receipt"]');
      await queryClient.invalidateQueries({ queryKey: ['reporting'] });
    },
  });
  const receipt = submit.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="submission">
      <Title order={2} size="h3" id="submission" mb="xs">
        {t('reporting.edit.submission')}
      </Title>
      {report.submissions.length ? (
        <ul>
          {report.submissions.map((s) => (
            <li key={s.number}>
              {t('reporting.report.receipt', { number: s.number, time: formatInstant(s.submittedAt, lang) })} <span className={ui.code}>{s.contentHash}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Text>{t('reporting.edit.notSubmittedYet')}</Text>
      )}
      {receipt ? (
        <Alert color="green" variant="light" title={t('reporting.edit.receiptTitle')} role="status" data-testid="receipt" mt="sm">
          <dl className={ui.facts}>
            <dt>{t('reporting.report.version')}</dt>
            <dd>{receipt.number}</dd>
            <dt>{t('reporting.edit.receivedAt')}</dt>
            <dd>{formatInstant(receipt.submittedAt, lang)}</dd>
            <dt>{t('reporting.edit.contentHash')}</dt>
            <dd className={ui.code} data-testid="receipt-hash">
              {receipt.contentHash}
            </dd>
          </dl>
        </Alert>
      ) : null}
      {report.can.submit ? (
        <>
          <Text size="sm" mt="sm" className={listing.intro}>
            {t('reporting.edit.submitHelp')}
          </Text>
          <Group mt="sm">
            <Button onClick={() => setConfirming(true)} disabled={busy}>
              {report.submissions.length ? t('reporting.edit.submitCorrected') : t('reporting.edit.submit')}
            </Button>
            {busy ? <Text size="sm">{t('reporting.edit.waitForSave')}</Text> : null}
          </Group>
          <ConfirmDialog
            opened={confirming}
            onClose={() => setConfirming(false)}
            title={t('reporting.edit.confirmTitle')}
            message={t('reporting.edit.confirmText')}
            confirmLabel={t('reporting.edit.confirmSubmit')}
            loading={submit.isPending}
            onConfirm={() => submit.mutate()}
          >
            <ProblemAlert error={submit.error} />
          </ConfirmDialog>
        </>
      ) : (
        <Text size="sm" mt="sm">
          {t('reporting.edit.onlyFocalPointSubmits')}
        </Text>
      )}
    </Paper>
  );
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
