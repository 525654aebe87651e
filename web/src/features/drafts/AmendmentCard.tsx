import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { StateName } from '../states';
import { DecisionAlert, StateNames, useStateNameOf } from './parts';
import { useDraftLabels, type Amendment } from './queries';
import classes from './drafts.module.css';
import { InLanguage } from '../../ui/localized';

/** One amendment proposal: who proposed and co-sponsors it, what it does and why; one click to co-sponsor. */
export function AmendmentCard({ amendment: a, actingFor, headingLevel = 'h4' }: { amendment: Amendment; actingFor: string | null; headingLevel?: 'h3' | 'h4' }) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const cosponsor = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/amendments/{id}/sponsors', { params: { path: { id: a.id } } })),
    onSuccess: () => {
      notifySuccess(t('drafts.amend.cosponsored'));
      // The co-sponsors as the amendment now lists them, with the State (the button has gone).
      const line = `${byAttribute('data-amendment', a.id)} [data-testid="cosponsors"]`;
      const before = document.querySelector(line)?.textContent ?? null;
      focusWhenShown(() => {
        const shown = document.querySelector<HTMLElement>(line);
        return shown && shown.textContent !== before ? shown : null;
      }, { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  const stateName = useStateNameOf(actingFor);
  const Heading = headingLevel;
  const cosponsors = a.sponsors.filter((s) => s !== a.proposerState);
  return (
    <li className={classes.proposal} data-amendment={a.id}>
      <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        {labels.action(a.action)} · <StateName iso3={a.proposerState} />
      </Heading>
      {cosponsors.length ? (
        <Text size="sm" data-testid="cosponsors">
          {t('drafts.amend.cosponsors')} <StateNames codes={cosponsors} />
        </Text>
      ) : null}
      {a.text ? (
        <Text size="sm" dir="auto" className={classes.paragraphText}>
          <InLanguage lang="en" mark={false}>
            {a.text}
          </InLanguage>
        </Text>
      ) : null}
      <Text size="sm">
        {t('drafts.amend.reason')} <InLanguage lang="en" mark={false}>
          {a.reason}
        </InLanguage>
      </Text>
      <Text size="xs" c="dimmed">
        {t('drafts.amend.against', { revision: labels.revision(a.revision) })}
        {a.takenUpIn !== null ? ` · ${t('drafts.amend.takenUpIn', { revision: labels.revision(a.takenUpIn) })}` : ''}
      </Text>
      {a.can.cosponsor && actingFor ? (
        <Group mt={4}>
          <Button size="compact-sm" variant="outline" loading={cosponsor.isPending} onClick={() => cosponsor.mutate()}>
            {t('drafts.amend.cosponsorFor', { state: stateName })}
          </Button>
        </Group>
      ) : null}
      <DecisionAlert error={cosponsor.error} />
    </li>
  );
}
