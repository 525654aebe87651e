import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useHashTarget } from '../../ui/hash-target';
import { ProperName, Sentence } from '../../ui/localized';
import { meetingQuery } from '../meetings';
import { groupInputsQuery, meetingInputsQuery, speakingQuery } from './queries';
import classes from './stakeholders.module.css';

/** The numbers of a meeting's current agenda items and sub-items, by key (the meeting page has it loaded already). */
function useAgendaNumbers(meetingId: string | undefined): Map<string, string> {
  const meeting = useQuery({ ...meetingQuery(meetingId ?? ''), enabled: !!meetingId });
  const items = meeting.data?.meeting.agenda?.items ?? [];
  return new Map(items.flatMap((i) => [[i.key, i.number] as const, ...i.items.map((s) => [s.key, s.number] as const)]));
}

/**
 * The stakeholder section of a meeting's or a working group's page: the written inputs of accredited
 * organisations, each in its language (on a meeting's page, with the number of the agenda item an
 * input concerns, and who asked to speak).
 */
export function StakeholderInputs(props: { meetingId: string } | { groupId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const meetingId = 'meetingId' in props ? props.meetingId : undefined;
  const groupId = 'groupId' in props ? props.groupId : undefined;
  const source = groupId ? groupInputsQuery(groupId) : meetingInputsQuery(meetingId ?? '');
  const inputs = useQuery({ ...source, queryKey: [...source.queryKey] as string[] });
  const speakers = useQuery({ ...speakingQuery(meetingId ?? ''), enabled: !!meetingId });
  const numbers = useAgendaNumbers(meetingId);
  // A link to a written input (`#input-…`, as the search links) lands on it once the inputs are loaded.
  useHashTarget(inputs.isSuccess);
  return (
    <section aria-labelledby="stakeholder-inputs" data-testid="stakeholder-inputs">
      <Title order={2} size="h3" id="stakeholder-inputs" mb="sm">
        {t('stakeholders.inputs.title')}
      </Title>
      {inputs.isError ? (
        <ProblemAlert error={inputs.error} />
      ) : inputs.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : inputs.data.items.length === 0 ? (
        <Text>{t('stakeholders.inputs.none')}</Text>
      ) : (
        <ul className={classes.list}>
          {inputs.data.items.map((i) => (
            <li key={i.id} id={`input-${i.id}`} className={classes.card}>
              <Stack gap="xs">
                <Title order={3} size="h4" lang={i.language} dir={directionOf(i.language)}>
                  {i.title}
                </Title>
                {i.agendaItem ? <Text size="sm">{t('stakeholders.inputs.agendaItem', { number: numbers.get(i.agendaItem) ?? i.agendaItem })}</Text> : null}
                <Text size="sm">
                  {t('stakeholders.inputs.by', { date: formatDay(i.submittedAt, lang) })}{' '}
                  <Anchor component={Link} to={to(`/accreditation/organisations/${i.organisation.id}`)}>
                    <ProperName>{i.organisation.name}</ProperName>
                  </Anchor>
                </Text>
                {i.text ? (
                  <Text className={classes.note} lang={i.language} dir={directionOf(i.language)}>
                    {i.text}
                  </Text>
                ) : null}
                {i.pdf ? (
                  <Anchor href={i.pdf.url} download>
                    {t('stakeholders.inputs.pdf', { name: i.pdf.name })}
                  </Anchor>
                ) : null}
              </Stack>
            </li>
          ))}
        </ul>
      )}
      {meetingId && speakers.data && speakers.data.items.length > 0 ? (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('stakeholders.inputs.speakers')}
          </Title>
          <ul data-testid="stakeholder-speakers">
            {speakers.data.items.map((s) => (
              <li key={s.id}>
                <Sentence i18nKey="stakeholders.inputs.speaker" values={{ speaker: <ProperName>{s.speaker}</ProperName> }} />{' '}
                <Anchor component={Link} to={to(`/accreditation/organisations/${s.organisation.id}`)}>
                  <ProperName>{s.organisation.name}</ProperName>
                </Anchor>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
