import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { focusWhenShown } from '../../ui/focus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { Application } from './queries';

/**
 * A focal point objects, for its own State, to an application in its period: privately (no basis) or
 * naming a general basis shared with the organisation; and says whether the State may be named.
 */
export function ObjectForm({ application, orgName }: { application: Application; orgName: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [withBasis, setWithBasis] = useState<'private' | 'basis'>('private');
  const [basis, setBasis] = useState('');
  const [nameShared, setNameShared] = useState(false);
  const object = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/stakeholder-applications/{id}/objections', {
          params: { path: { id: application.id } },
          body: { ...(withBasis === 'basis' ? { basis } : {}), nameShared },
        }),
      ),
    onSuccess: () => {
      // The objection as the application now records it, in place of this form.
      focusWhenShown('[data-testid="own-objection"]', { timeoutMs: 10_000 });
      void client.invalidateQueries({ queryKey: ['stakeholders'] });
    },
  });
  const own = application.ownObjection;
  if (own) {
    return (
      <Alert variant="light" color="un" title={t('stakeholders.object.done')} data-testid="own-objection">
        <Text>{own.basis ? t('stakeholders.object.doneBasis', { basis: own.basis }) : t('stakeholders.object.donePrivate')}</Text>
        <Text>{own.nameShared ? t('stakeholders.object.named') : t('stakeholders.object.notNamed')}</Text>
      </Alert>
    );
  }
  if (!application.can.object) return null;
  if (!open) {
    return (
      <Button variant="outline" color="#a51d1d" w="fit-content" onClick={() => setOpen(true)}>
        {t('stakeholders.object.button', { name: orgName })}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    object.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('stakeholders.object.button', { name: orgName })}>
      <Stack gap="sm">
        <Radio.Group label={t('stakeholders.object.how')} value={withBasis} onChange={(v) => setWithBasis(v === 'basis' ? 'basis' : 'private')}>
          <Stack gap="xs" mt="xs">
            <Radio value="private" label={t('stakeholders.object.private')} />
            <Radio value="basis" label={t('stakeholders.object.withBasis')} />
          </Stack>
        </Radio.Group>
        {withBasis === 'basis' ? (
          <Textarea label={t('stakeholders.object.basis')} description={t('stakeholders.object.basisHelp')} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} required minLength={3} maxLength={5000} autosize minRows={3} />
        ) : null}
        <Checkbox label={t('stakeholders.object.shareName')} checked={nameShared} onChange={(e) => setNameShared(e.currentTarget.checked)} />
        {object.isError ? <ProblemAlert error={object.error} /> : null}
        <Button type="submit" color="#a51d1d" loading={object.isPending} w="fit-content">
          {t('stakeholders.object.submit')}
        </Button>
      </Stack>
    </form>
  );
}
