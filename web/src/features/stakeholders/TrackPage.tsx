import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ObjectionRecordView, OrgName, Period, StatusBadge, Steps, useOrgNameText } from './parts';
import { trackingQuery } from './queries';

/** Without a token (the link in a later email): where to find the private link, or paste it. */
function FindLink() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const [link, setLink] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const token = link.trim().split('/').filter(Boolean).pop() ?? '';
    if (token) void navigate(to(`/accreditation/track/${token}`));
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeading>{t('stakeholders.track.title')}</PageHeading>
      <Text>{t('stakeholders.track.useLink')}</Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('stakeholders.track.link')} value={link} onChange={(e) => setLink(e.currentTarget.value)} required />
          <Button type="submit" w="fit-content">
            {t('stakeholders.track.open')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** The applicant follows its application with its private link, and answers a request for more information. */
export default function TrackPage() {
  const { token } = useParams();
  if (!token) return <FindLink />;
  return <Tracked token={token} />;
}

function Tracked({ token }: { token: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery(trackingQuery(token));
  const [answer, setAnswer] = useState('');
  const give = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/stakeholder-applications/track/{token}/information', { params: { path: { token } }, body: { answer } })),
    onSuccess: () => {
      setAnswer('');
      focusDone('answer');
      void client.invalidateQueries({ queryKey: ['stakeholders', 'track', token] });
    },
  });
  const title = useOrgNameText(query.data?.organisation.names, query.data?.organisation.name);
  if (!query.isSuccess) return <Loaded query={query} />;
  const a = query.data;
  const question = a.status === 'information-requested' ? [...a.steps].reverse().find((s) => s.kind === 'information-requested') : undefined;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeading title={t('stakeholders.track.titleOf', { name: title })}>{t('stakeholders.track.titleOf', { name: title })}</PageHeading>
      <Group gap="sm">
        <Text>
          <OrgName names={a.organisation.names} name={a.organisation.name} />
        </Text>
        <StatusBadge status={a.status} />
      </Group>
      {a.period && a.status === 'circulated' ? <Period period={a.period} /> : null}
      {question ? (
        <section aria-labelledby="track-answer">
          <Title order={2} size="h3" id="track-answer" mb="sm">
            {t('stakeholders.track.answerTitle')}
          </Title>
          <Alert variant="light" color="un" title={t('stakeholders.track.question')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{question.note}</Text>
          </Alert>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              give.mutate();
            }}
          >
            <Stack gap="sm" mt="sm">
              <Textarea label={t('stakeholders.track.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} required autosize minRows={4} maxLength={10000} />
              {give.isError ? <ProblemAlert error={give.error} /> : null}
              <Button type="submit" loading={give.isPending} w="fit-content">
                {t('stakeholders.track.send')}
              </Button>
            </Stack>
          </form>
        </section>
      ) : null}
      <DoneMessage name="answer" show={give.isSuccess} title={t('stakeholders.track.answered')} />
      {a.objections ? (
        <section aria-labelledby="track-outcome">
          <Title order={2} size="h3" id="track-outcome" mb="sm">
            {t('stakeholders.outcome')}
          </Title>
          <ObjectionRecordView record={a.objections} />
        </section>
      ) : null}
      <section aria-labelledby="track-steps">
        <Title order={2} size="h3" id="track-steps" mb="sm">
          {t('stakeholders.stepsTitle')}
        </Title>
        <Steps steps={a.steps} />
      </section>
    </Stack>
  );
}
