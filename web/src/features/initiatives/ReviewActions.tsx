import { useState } from 'react';
import { Button, Group, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { Initiative } from './queries';

/** The Secretariat publishes a proposed initiative, or declines it with a reason the proposer sees. */
export function ReviewActions({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reviewed, setReviewed] = useState<string | null>(null);
  const done = (message: string) => {
    notifySuccess(message);
    // Said here, and the focus moved to it: the buttons go once the initiative is reviewed.
    setReviewed(message);
    focusDone('review');
    void client.invalidateQueries({ queryKey: ['initiatives'] });
  };
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/initiatives/{id}/publish', { params: { path: { id: initiative.id } } })),
    onSuccess: () => done(t('initiatives.published')),
  });
  const decline = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/initiatives/{id}/decline', { params: { path: { id: initiative.id } }, body: { reason } })),
    onSuccess: () => done(t('initiatives.declined')),
  });
  const said = (
    <DoneMessage name="review" show={reviewed !== null}>
      {reviewed}
    </DoneMessage>
  );
  if (!initiative.can.publish && !initiative.can.decline) return reviewed ? said : null;
  return (
    <div>
      {said}
      {publish.isError ? <ProblemAlert error={publish.error} /> : null}
      {decline.isError ? <ProblemAlert error={decline.error} /> : null}
      {declining ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate();
          }}
        >
          <Textarea label={t('initiatives.declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} />
          <Group mt="xs">
            <Button type="submit" color="red.9" loading={decline.isPending} disabled={!reason.trim()}>
              {t('initiatives.decline')}
            </Button>
            <Button variant="default" onClick={() => setDeclining(false)}>
              {t('initiatives.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group>
          {initiative.can.publish ? (
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              {t('initiatives.publish')}
            </Button>
          ) : null}
          {initiative.can.decline ? (
            <Button variant="outline" color="red.9" onClick={() => setDeclining(true)}>
              {t('initiatives.decline')}
            </Button>
          ) : null}
        </Group>
      )}
    </div>
  );
}
