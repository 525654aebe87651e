import { useMemo, useState, type FormEvent } from 'react';
import { Button, Fieldset, Group, Loader, MultiSelect, NativeSelect, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { isolated, LocalizedOption } from '../../ui/localized';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { frameworkQuery, today, useFrameworkLabels, type ElementKind } from '../framework';
import { allGroupsQuery } from '../groups';
import { newParagraph, ParagraphsEditor, paragraphsBody, paragraphsComplete, type EditedParagraph } from './ParagraphsEditor';
import { DecisionAlert } from './parts';
import { draftsQuery, outcomesQuery, useDraftLabels, type DraftKind } from './queries';
import listing from '../../ui/listing.module.css';
import classes from './drafts.module.css';

const DRAFT_KINDS: DraftKind[] = ['decision', 'recommendation', 'framework-change'];
/** The kinds of element a framework change may add: a recommendation comes from its own kind of draft. */
const ADDABLE_KINDS: Exclude<ElementKind, 'recommendation'>[] = ['international-law', 'norm', 'cbm', 'cbm-tool', 'capacity-building-principle', 'threat'];
const CODE = /^[a-z0-9][a-z0-9-]{0,79}$/;
const KIND_HELP = { decision: 'drafts.new.kindHelp.decision', recommendation: 'drafts.new.kindHelp.recommendation', 'framework-change': 'drafts.new.kindHelp.framework-change' } as const;

/** A change the draft makes to the framework once adopted: an element added (from one of its paragraphs), or one superseded. */
type Effect =
  | { id: string; action: 'add'; code: string; kind: Exclude<ElementKind, 'recommendation'>; title: string; paragraph: string }
  | { id: string; action: 'supersede'; code: string; replacedBy: string };

let effectCounter = 0;
const nextEffectId = () => `effect-${++effectCounter}`;

/** The chair or the Secretariat tables a zero draft, before the plenary or a working group. */
export default function NewDraftPage() {
  const { t } = useTranslation();
  const list = useQuery(draftsQuery({}));
  return (
    <Stack gap="lg">
      <PageHeading>{t('drafts.new.title')}</PageHeading>
      <Text className={listing.intro}>{t('drafts.new.intro')}</Text>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <DecisionAlert error={list.error} />
      ) : list.data.can.table ? (
        <NewDraftForm />
      ) : (
        <DecisionAlert error={new ApiProblem(403, 'forbidden', '')} />
      )}
    </Stack>
  );
}

function NewDraftForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useDraftLabels();
  const frameworkLabels = useFrameworkLabels();
  const [search] = useSearchParams();
  const groups = useQuery(allGroupsQuery());
  const framework = useQuery(frameworkQuery(today(), lang));
  const outcomes = useQuery(outcomesQuery());

  const [title, setTitle] = useState('');
  const [body, setBody] = useState(search.get('body') ?? 'plenary');
  const [kind, setKind] = useState<DraftKind>('decision');
  const [implementsCodes, setImplementsCodes] = useState<string[]>([]);
  const [effects, setEffects] = useState<Effect[]>([]);
  const [supersedes, setSupersedes] = useState('');
  const [paragraphs, setParagraphs] = useState<EditedParagraph[]>(() => [newParagraph('preambular'), newParagraph('operative')]);
  const [problems, setProblems] = useState<string[]>([]);
  // One key for this form: a request repeated after a lost answer tables the draft once, not twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const activeGroups = (groups.data?.items ?? []).filter((g) => g.status === 'active');
  const elements = useMemo(
    () => (framework.data?.items ?? []).filter((e) => e.kind !== 'threat').map((e) => ({ value: e.code, label: `${e.code} — ${e.display.title}` })),
    [framework.data],
  );
  const addedCodes = effects.flatMap((e) => (e.action === 'add' && CODE.test(e.code) ? [e.code] : []));
  const paragraphChoices = paragraphs.map((p, i) => ({ value: String(i + 1), label: t('drafts.new.paragraphN', { n: i + 1, kind: labels.paragraphKind(p.kind) }) }));

  const table = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/drafts', {
          headers: { 'idempotency-key': idempotencyKey },
          body: {
            title: title.trim(),
            body,
            kind,
            implementsCodes: kind === 'recommendation' ? implementsCodes : [],
            frameworkEffects:
              kind === 'framework-change'
                ? effects.map((e) =>
                    e.action === 'add'
                      ? { action: 'add' as const, code: e.code, kind: e.kind, title: e.title.trim(), paragraphKey: e.paragraph }
                      : { action: 'supersede' as const, code: e.code, replacedBy: e.replacedBy || null },
                  )
                : [],
            ...(supersedes ? { supersedesOutcome: supersedes } : {}),
            paragraphs: paragraphsBody(paragraphs),
          },
        }),
      ),
    onSuccess: (created) => {
      notifySuccess(t('drafts.new.tabled'));
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      void navigate(to(`/drafts/${created.id}`));
    },
  });

  const check = (): string[] => {
    const found: string[] = [];
    if (!title.trim()) found.push(t('drafts.new.problems.title'));
    if (!paragraphsComplete(paragraphs)) found.push(t('drafts.new.problems.paragraphs'));
    if (kind === 'recommendation' && implementsCodes.length === 0) found.push(t('drafts.new.problems.implements'));
    if (kind === 'framework-change') {
      if (effects.length === 0) found.push(t('drafts.new.problems.noEffect'));
      for (const e of effects) {
        if (!CODE.test(e.code)) found.push(t('drafts.new.problems.code', { code: e.code || '…' }));
        if (e.action === 'add' && !e.title.trim()) found.push(t('drafts.new.problems.elementTitle', { code: e.code || '…' }));
        if (e.action === 'add' && Number(e.paragraph) > paragraphs.length) found.push(t('drafts.new.problems.paragraph', { code: e.code || '…' }));
      }
    }
    return found;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.length === 0) table.mutate();
  };

  const changeEffect = (id: string, patch: Partial<Effect>) => setEffects((es) => es.map((e) => (e.id === id ? ({ ...e, ...patch } as Effect) : e)));

  return (
    <form onSubmit={submit} noValidate aria-busy={table.isPending}>
      <Stack gap="md">
        <DecisionAlert error={table.error} />
        {problems.length ? (
          <div role="alert" className={classes.notVerified}>
            <Text fw={600}>{t('drafts.new.problems.heading')}</Text>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextInput label={t('drafts.new.titleField')} description={t('drafts.new.titleHelp')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={500} dir="auto" />
        <NativeSelect
          label={t('drafts.new.body')}
          description={t('drafts.new.bodyHelp')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        >
          <option value="plenary">{t('drafts.plenary')}</option>
          {activeGroups.map((g) => (
            <LocalizedOption key={g.id} value={g.id} text={g.name} />
          ))}
          {body === 'plenary' || activeGroups.some((g) => g.id === body) ? null : <option value={body}>{groups.isPending ? t('common.loading') : t('drafts.workingGroup')}</option>}
        </NativeSelect>
        <Radio.Group label={t('drafts.new.kind')} value={kind} onChange={(v) => setKind(DRAFT_KINDS.find((k) => k === v) ?? 'decision')}>
          <Stack gap="xs" mt="xs">
            {DRAFT_KINDS.map((k) => (
              <Radio key={k} value={k} label={labels.kind(k)} description={t(KIND_HELP[k])} />
            ))}
          </Stack>
        </Radio.Group>

        {kind === 'recommendation' ? (
          <MultiSelect
            label={t('drafts.new.implements')}
            description={t('drafts.new.implementsHelp')}
            data={elements}
            value={implementsCodes}
            onChange={setImplementsCodes}
            searchable
            required
            maxValues={50}
            nothingFoundMessage={framework.isPending ? t('common.loading') : t('drafts.new.noElement')}
          />
        ) : null}

        {kind === 'framework-change' ? (
          <Fieldset legend={t('drafts.new.effects')}>
            <Stack gap="sm">
              <Text size="sm">{t('drafts.new.effectsHelp')}</Text>
              {effects.map((e, i) => (
                <Paper key={e.id} withBorder p="sm" data-effect={e.action}>
                  <Stack gap="xs">
                    <Text fw={600}>{e.action === 'add' ? t('drafts.new.addElementN', { n: i + 1 }) : t('drafts.new.supersedeElementN', { n: i + 1 })}</Text>
                    {e.action === 'add' ? (
                      <>
                        <Group grow align="flex-start">
                          <TextInput
                            label={t('drafts.new.code', { n: i + 1 })}
                            description={t('drafts.new.codeHelp')}
                            value={e.code}
                            onChange={(ev) => changeEffect(e.id, { code: ev.currentTarget.value.trim().toLowerCase() })}
                            required
                            maxLength={80}
                            dir="ltr"
                          />
                          <NativeSelect
                            label={t('drafts.new.elementKind', { n: i + 1 })}
                            value={e.kind}
                            onChange={(ev) => changeEffect(e.id, { kind: ADDABLE_KINDS.find((k) => k === ev.currentTarget.value) ?? 'norm' })}
                            data={ADDABLE_KINDS.map((k) => ({ value: k, label: frameworkLabels.kind(k) }))}
                          />
                        </Group>
                        <TextInput label={t('drafts.new.elementTitle', { n: i + 1 })} value={e.title} onChange={(ev) => changeEffect(e.id, { title: ev.currentTarget.value })} required maxLength={500} dir="auto" />
                        <NativeSelect
                          label={t('drafts.new.fromParagraph', { n: i + 1 })}
                          description={t('drafts.new.fromParagraphHelp')}
                          value={e.paragraph}
                          onChange={(ev) => changeEffect(e.id, { paragraph: ev.currentTarget.value })}
                          data={paragraphChoices}
                        />
                      </>
                    ) : (
                      <Group grow align="flex-start">
                        <NativeSelect
                          label={t('drafts.new.superseded', { n: i + 1 })}
                          value={e.code}
                          onChange={(ev) => changeEffect(e.id, { code: ev.currentTarget.value })}
                          data={[{ value: '', label: t('drafts.new.chooseElement') }, ...elements]}
                          required
                        />
                        <NativeSelect
                          label={t('drafts.new.replacedBy', { n: i + 1 })}
                          value={e.replacedBy}
                          onChange={(ev) => changeEffect(e.id, { replacedBy: ev.currentTarget.value })}
                          data={[{ value: '', label: t('drafts.new.replacedByNone') }, ...addedCodes.map((c) => ({ value: c, label: c })), ...elements.filter((x) => x.value !== e.code)]}
                        />
                      </Group>
                    )}
                    <Group>
                      <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setEffects((es) => es.filter((x) => x.id !== e.id))}>
                        {t('drafts.new.removeEffect', { n: i + 1 })}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button variant="outline" onClick={() => setEffects((es) => [...es, { id: nextEffectId(), action: 'add', code: '', kind: 'norm', title: '', paragraph: String(paragraphs.length) }])}>
                  {t('drafts.new.addElement')}
                </Button>
                <Button variant="outline" onClick={() => setEffects((es) => [...es, { id: nextEffectId(), action: 'supersede', code: '', replacedBy: '' }])}>
                  {t('drafts.new.supersedeElement')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ) : null}

        <NativeSelect
          label={t('drafts.new.supersedes')}
          description={t('drafts.new.supersedesHelp')}
          value={supersedes}
          onChange={(e) => setSupersedes(e.currentTarget.value)}
        >
          <option value="">{t('drafts.new.supersedesNone')}</option>
          {(outcomes.data?.items ?? []).map((o) => (
            <LocalizedOption key={o.id} value={o.id} text={{ en: o.title }} prefix={`${isolated(o.symbol, lang as Language)} — `} />
          ))}
        </NativeSelect>

        <Fieldset legend={t('drafts.new.text')}>
          <Text size="sm" mb="sm">
            {t('drafts.new.textHelp')}
          </Text>
          <ParagraphsEditor paragraphs={paragraphs} onChange={setParagraphs} />
        </Fieldset>

        <Group>
          <Button type="submit" loading={table.isPending}>
            {t('drafts.new.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
