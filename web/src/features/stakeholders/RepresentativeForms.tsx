import { useState, type FormEvent } from 'react';
import { Anchor, Button, FileInput, NativeSelect, Radio, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { LocalizedOption } from '../../ui/localized';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { focusWhenShown } from '../../ui/focus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { AgendaItemOption, meetingQuery, meetingsQuery } from '../meetings';
import { allGroupsQuery } from '../groups';

/** The meetings open to stakeholders, as options (a title the page's language lacks is marked). */
function MeetingOptions() {
  const { t } = useTranslation();
  const lang = useLang();
  const meetings = useQuery(meetingsQuery({}));
  const open = (meetings.data?.items ?? []).filter((m) => m.stakeholdersMayAttend);
  return (
    <>
      <option value="">{t('stakeholders.participation.chooseMeeting')}</option>
      {open.map((m) => (
        <LocalizedOption key={m.id} value={m.id} text={m.title} suffix={` (${formatDay(m.startsAt, lang)})`} />
      ))}
    </>
  );
}

/** The working groups that admit stakeholders, as options. */
function GroupOptions() {
  const { t } = useTranslation();
  const groups = useQuery(allGroupsQuery());
  const open = (groups.data?.items ?? []).filter((g) => g.stakeholderObservers && g.status === 'active');
  return (
    <>
      <option value="">{t('stakeholders.participation.chooseGroup')}</option>
      {open.map((g) => (
        <LocalizedOption key={g.id} value={g.id} text={g.name} />
      ))}
    </>
  );
}

/** The items and sub-items of a meeting's current agenda. */
function useAgendaItems(meetingId: string) {
  const meeting = useQuery({ ...meetingQuery(meetingId), enabled: !!meetingId });
  return (meeting.data?.meeting.agenda?.items ?? []).flatMap((i) => [i, ...i.items]);
}

/** The file's bytes as base64, for the JSON body. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/**
 * A written input, as text or a PDF, to a meeting open to stakeholders (or one item of its agenda) or
 * to a working group that admits them: published at once in the stakeholder section of that page.
 */
export function SubmitWrittenInput({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const client = useQueryClient();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const [target, setTarget] = useState<'meeting' | 'group'>('meeting');
  const [meetingId, setMeetingId] = useState('');
  const [agendaItem, setAgendaItem] = useState('');
  const [groupId, setGroupId] = useState('');
  const agenda = useAgendaItems(target === 'meeting' ? meetingId : '');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [form, setForm] = useState<'text' | 'pdf'>('text');
  const [text, setText] = useState('');
  const [pdf, setPdf] = useState<File | null>(null);
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(
        api.POST('/api/v1/organisations/{id}/written-inputs', {
          params: { path: { id: organisationId } },
          body: {
            ...(target === 'group' ? { groupId } : { meetingId, ...(agendaItem ? { agendaItem } : {}) }),
            title,
            language,
            ...(form === 'text' ? { text } : pdf ? { pdf: { name: pdf.name, base64: await base64Of(pdf) } } : {}),
          },
        }),
      ),
    onSuccess: (input) => {
      focusDone('written-input');
      setTitle('');
      setText('');
      setPdf(null);
      if (input.meetingId) void client.invalidateQueries({ queryKey: ['stakeholders', 'meeting-inputs', input.meetingId] });
      if (input.groupId) void client.invalidateQueries({ queryKey: ['stakeholders', 'group-inputs', input.groupId] });
    },
  });
  const fieldError = (field: string) => (submit.error instanceof ApiProblem ? (submit.error.fieldError(field)?.message ?? null) : null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  return (
    <section aria-labelledby="organisation-input">
      <Title order={2} size="h3" id="organisation-input" mb="sm">
        {t('stakeholders.participation.inputTitle')}
      </Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={720}>
          <Radio.Group label={t('stakeholders.participation.target')} value={target} onChange={(v) => setTarget(v === 'group' ? 'group' : 'meeting')}>
            <Stack gap="xs" mt="xs">
              <Radio value="meeting" label={t('stakeholders.participation.toMeeting')} />
              <Radio value="group" label={t('stakeholders.participation.toGroup')} />
            </Stack>
          </Radio.Group>
          {target === 'meeting' ? (
            <>
              <NativeSelect
                label={t('stakeholders.participation.meeting')}
                value={meetingId}
                onChange={(e) => {
                  setMeetingId(e.currentTarget.value);
                  setAgendaItem('');
                }}
                required
                error={fieldError('meetingId')}
              >
                <MeetingOptions />
              </NativeSelect>
              {meetingId && agenda.length > 0 ? (
                <NativeSelect label={t('stakeholders.participation.agendaItem')} value={agendaItem} onChange={(e) => setAgendaItem(e.currentTarget.value)} error={fieldError('agendaItem')}>
                  <option value="">{t('stakeholders.participation.wholeMeeting')}</option>
                  {agenda.map((i) => (
                    <AgendaItemOption key={i.key} item={i} />
                  ))}
                </NativeSelect>
              ) : null}
            </>
          ) : (
            <NativeSelect label={t('stakeholders.participation.group')} value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)} required error={fieldError('groupId')}>
              <GroupOptions />
            </NativeSelect>
          )}
          <TextInput label={t('stakeholders.participation.inputName')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={500} />
          <NativeSelect label={t('stakeholders.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)} data={LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }))} />
          <Radio.Group label={t('stakeholders.participation.form')} value={form} onChange={(v) => setForm(v === 'pdf' ? 'pdf' : 'text')}>
            <Stack gap="xs" mt="xs">
              <Radio value="text" label={t('stakeholders.participation.asText')} />
              <Radio value="pdf" label={t('stakeholders.participation.asPdf')} />
            </Stack>
          </Radio.Group>
          {form === 'text' ? (
            <Textarea label={t('stakeholders.participation.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={5} maxLength={50000} lang={language} />
          ) : (
            <FileInput label={t('stakeholders.participation.pdf')} accept="application/pdf" value={pdf} onChange={setPdf} required clearable error={fieldError('pdf.base64')} />
          )}
          {submit.isError ? <ProblemAlert error={submit.error} /> : null}
          {submit.isSuccess ? (
            <DoneMessage name="written-input" show title={submit.data.groupId ? t('stakeholders.participation.publishedGroup') : t('stakeholders.participation.published')}>
              {submit.data.meetingId ? (
                <Anchor component={Link} to={to(`/meetings/${submit.data.meetingId}`)}>
                  {t('stakeholders.participation.seeMeeting')}
                </Anchor>
              ) : submit.data.groupId ? (
                <Anchor component={Link} to={to(`/groups/${submit.data.groupId}`)}>
                  {t('stakeholders.participation.seeGroup')}
                </Anchor>
              ) : null}
            </DoneMessage>
          ) : null}
          <Button type="submit" loading={submit.isPending} w="fit-content">
            {t('stakeholders.participation.submitInput')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

/** A request to speak in a meeting's stakeholder segment. */
export function RequestToSpeak({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [meetingId, setMeetingId] = useState('');
  const [speaker, setSpeaker] = useState('');
  const ask = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/meetings/{id}/speaking-requests/organisations/{organisationId}', { params: { path: { id: meetingId, organisationId } }, body: { speaker } })),
    onSuccess: () => {
      focusDone('speaking-request');
      void client.invalidateQueries({ queryKey: ['stakeholders', 'speaking', meetingId] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <section aria-labelledby="organisation-speak">
      <Title order={2} size="h3" id="organisation-speak" mb="sm">
        {t('stakeholders.participation.speakTitle')}
      </Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={720}>
          <NativeSelect label={t('stakeholders.participation.meeting')} value={meetingId} onChange={(e) => setMeetingId(e.currentTarget.value)} required>
            <MeetingOptions />
          </NativeSelect>
          <TextInput label={t('stakeholders.participation.speaker')} value={speaker} onChange={(e) => setSpeaker(e.currentTarget.value)} required maxLength={200} />
          {ask.isError ? <ProblemAlert error={ask.error} /> : null}
          <DoneMessage name="speaking-request" show={ask.isSuccess} title={t('stakeholders.participation.speakDone')} />
          <Button type="submit" loading={ask.isPending} w="fit-content">
            {t('stakeholders.participation.speak')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

/** The first representative invites the others. */
export function InviteRepresentative({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/organisations/{id}/representatives', { params: { path: { id: organisationId } }, body: { name, email, language: lang } })),
    onSuccess: () => {
      setName('');
      setEmail('');
      focusDone('representative');
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <section aria-labelledby="organisation-invite">
      <Title order={2} size="h3" id="organisation-invite" mb="sm">
        {t('stakeholders.participation.inviteTitle')}
      </Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={720}>
          <TextInput label={t('stakeholders.participation.repName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} />
          <TextInput type="email" label={t('stakeholders.participation.repEmail')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
          {invite.isError ? <ProblemAlert error={invite.error} /> : null}
          {invite.isSuccess ? (
            <DoneMessage
              name="representative"
              show
              title={invite.data.expiresAt ? t('stakeholders.participation.invited', { email: invite.data.email }) : t('stakeholders.participation.granted', { email: invite.data.email })}
            />
          ) : null}
          <Button type="submit" loading={invite.isPending} w="fit-content">
            {t('stakeholders.participation.invite')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

/** The Secretariat withdraws an accreditation by decision, on the record; the organisation is told. */
export function WithdrawAccreditation({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/organisations/{id}/withdrawal', { params: { path: { id: organisationId } }, body: { decision, reason } })),
    onSuccess: () => {
      // The withdrawal on the organisation's record, once shown (this form goes with the accreditation).
      const before = document.querySelectorAll('[data-withdrawal]').length;
      focusWhenShown(() => {
        const shown = document.querySelectorAll<HTMLElement>('[data-withdrawal]');
        return shown.length > before ? shown[shown.length - 1]! : null;
      }, { timeoutMs: 10_000 });
      void client.invalidateQueries({ queryKey: ['stakeholders'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    withdraw.mutate();
  };
  return (
    <section aria-labelledby="organisation-withdraw">
      <Title order={2} size="h3" id="organisation-withdraw" mb="sm">
        {t('stakeholders.withdraw.title')}
      </Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={720}>
          <TextInput label={t('stakeholders.withdraw.decision')} description={t('stakeholders.withdraw.decisionHelp')} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} required maxLength={200} />
          <Textarea label={t('stakeholders.withdraw.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={3} maxLength={5000} />
          {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
          <Button type="submit" color="#a51d1d" loading={withdraw.isPending} w="fit-content">
            {t('stakeholders.withdraw.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
