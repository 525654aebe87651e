import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useHashTarget } from '../../ui/hash-target';
import { meetingInputsQuery, speakingQuery } from './queries';
import classes from './stakeholders.module.css';

/** A meeting page's stakeholder section: the written inputs of accredited organisations, each in its language. */
export function StakeholderInputs({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const inputs = useQuery(meetingInputsQuery(meetingId));
  const speakers = useQuery(speakingQuery(meetingId));
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
                <Text size="sm">
                  {t('stakeholders.inputs.by', { date: formatDay(i.submittedAt, lang) })}{' '}
                  <Anchor component={Link} to={to(`/accreditation/organisations/${i.organisation.id}`)}>
                    {i.organisation.name}
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
      {speakers.data && speakers.data.items.length > 0 ? (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('stakeholders.inputs.speakers')}
          </Title>
          <ul data-testid="stakeholder-speakers">
            {speakers.data.items.map((s) => (
              <li key={s.id}>
                {t('stakeholders.inputs.speaker', { speaker: s.speaker })}{' '}
                <Anchor component={Link} to={to(`/accreditation/organisations/${s.organisation.id}`)}>
                  {s.organisation.name}
                </Anchor>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
