import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap } from '../../api/client';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { DecisionAlert, useStateNameOf } from './parts';
import { useDraftLabels, type Draft } from './queries';

type Action = 'add' | 'delete' | 'replace';
type Kind = 'preambular' | 'operative';

/** A State's delegate or focal point proposes to add, delete or replace a paragraph (or words in it), with a reason. */
export function AmendmentForm({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const state = useStateNameOf(draft.actingFor);
  const paragraphs = draft.latest.paragraphs;
  const [action, setAction] = useState<Action>('replace');
  const [key, setKey] = useState(paragraphs[0]?.key ?? '');
  const [kind, setKind] = useState<Kind>('operative');
  const [text, setText] = useState(paragraphs[0]?.text ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ text?: string | null; reason?: string | null }>({});

  const paragraphText = (k: string) => paragraphs.find((p) => p.key === k)?.text ?? '';
  const choose = (next: Action, nextKey: string) => {
    setAction(next);
    setKey(nextKey);
    // Replacing words starts from the paragraph's text, so the proposal changes only what it means to.
    if (next === 'replace') setText(paragraphText(nextKey));
    if (next === 'add' && action !== 'add') setText('');
  };

  const propose = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/drafts/{id}/amendments', {
          params: { path: { id: draft.id } },
          body: {
            revision: draft.latest.number,
            action,
            paragraphKey: key === '' ? null : key,
            ...(action === 'add' ? { paragraphKind: kind } : {}),
            ...(action === 'delete' ? {} : { text: text.trim() }),
            reason: reason.trim(),
          },
        }),
      ),
    onSuccess: (proposed) => {
      notifySuccess(t('drafts.amend.proposed'));
      // The new amendment among the proposals, once the draft is read again with it.
      focusWhenShown(byAttribute('data-amendment', proposed.id), { timeoutMs: 10_000 });
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      text: action !== 'delete' && !text.trim() ? t('forms.required') : action === 'replace' && text.trim() === paragraphText(key).trim() ? t('drafts.amend.unchanged') : null,
      reason: reason.trim().length < 3 ? t('drafts.amend.reasonRequired') : null,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    propose.mutate();
  };

  const serverError = (field: string) => (propose.error instanceof ApiProblem ? propose.error.fieldError(field)?.message : undefined);
  const paragraphOptions = paragraphs.map((p) => ({ value: p.key, label: `${p.label} — ${p.text.slice(0, 60)}${p.text.length > 60 ? '…' : ''}` }));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="amend-title">
      <Title order={2} size="h3" id="amend-title" mb="xs">
        {t('drafts.amend.title', { state })}
      </Title>
      <Text size="sm" mb="md">
        {t('drafts.amend.intro', { revision: labels.revision(draft.latest.number) })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <DecisionAlert error={propose.error} />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('drafts.amend.action')}
              value={action}
              onChange={(e) => choose(e.currentTarget.value as Action, e.currentTarget.value === 'add' ? (paragraphs[paragraphs.length - 1]?.key ?? '') : key || (paragraphs[0]?.key ?? ''))}
              data={(['replace', 'delete', 'add'] as const).map((a) => ({ value: a, label: labels.action(a) }))}
            />
            <NativeSelect
              label={action === 'add' ? t('drafts.amend.after') : t('drafts.amend.paragraph')}
              value={key}
              onChange={(e) => choose(action, e.currentTarget.value)}
              data={action === 'add' ? [{ value: '', label: t('drafts.amend.atStart') }, ...paragraphOptions] : paragraphOptions}
              error={serverError('paragraphKey')}
            />
            {action === 'add' ? (
              <NativeSelect
                label={t('drafts.amend.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value === 'preambular' ? 'preambular' : 'operative')}
                data={(['preambular', 'operative'] as const).map((k) => ({ value: k, label: labels.paragraphKind(k) }))}
              />
            ) : null}
          </Group>
          {action !== 'delete' ? (
            <Textarea
              label={action === 'add' ? t('drafts.amend.newText') : t('drafts.amend.replacementText')}
              description={action === 'replace' ? t('drafts.amend.replacementHelp') : undefined}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text ?? serverError('text')}
              required
              autosize
              minRows={3}
              dir="auto"
            />
          ) : null}
          <Textarea
            label={t('drafts.amend.reasonField')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ?? serverError('reason')}
            required
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={propose.isPending}>
              {t('drafts.amend.submit', { state })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
