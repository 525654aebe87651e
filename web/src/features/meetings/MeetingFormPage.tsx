import { useRef, useState, type FormEvent } from 'react';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { draftOf, LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { isolated, LocalizedOption } from '../../ui/localized';
import { TimeZoneSelect, zoneName } from '../../ui/time-zones';
import ui from '../../ui/ui.module.css';
import { MeetingDates, titleText } from './parts';
import { FORMATS, GROUP_KINDS, KINDS, meetingQuery, meetingsQuery, PLENARY_KINDS, useMeetingLabels, type MeetingFormat, type MeetingKind, type MeetingPage } from './queries';
import { allGroupsQuery } from '../groups';
import { Loaded } from '../../ui/Loaded';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';

interface Draft {
  kind: MeetingKind;
  body: string;
  title: LocalizedDraft;
  sessionNumber: number | '';
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  timeZone: string;
  venue: string;
  format: MeetingFormat;
  stakeholdersMayAttend: boolean;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const draftOfMeeting = (m: MeetingPage): Draft => ({
  kind: m.kind,
  body: m.body.kind === 'plenary' ? 'plenary' : m.body.groupId,
  title: draftOf(m.title),
  sessionNumber: m.sessionNumber ?? '',
  startsAt: m.local.startsAt,
  endsAt: m.local.endsAt,
  registrationDeadline: m.local.registrationDeadline ?? '',
  timeZone: m.timeZone,
  venue: m.venue ?? '',
  format: m.format,
  stakeholdersMayAttend: m.stakeholdersMayAttend,
});

const emptyDraft = (): Draft => ({
  kind: 'annual-meeting',
  body: 'plenary',
  title: {},
  sessionNumber: '',
  startsAt: '',
  endsAt: '',
  registrationDeadline: '',
  timeZone: 'America/New_York',
  venue: '',
  format: 'in-person',
  stakeholdersMayAttend: true,
});

/** Schedule a meeting (`/meetings/new`) or change one (`/meetings/:id/edit`): the Secretariat's form. */
export default function MeetingFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useQuery({ ...meetingQuery(id ?? ''), enabled: !!id });
  const list = useQuery({ ...meetingsQuery({}), enabled: !id });

  // (Signed in: the router's RequireAccount guards this page.)
  if (id ? !meeting.isSuccess : list.isPending) return <Loaded<unknown> query={id ? meeting : list} />;

  const allowed = id ? meeting.data?.meeting.can.manage : list.data?.can.schedule;
  return (
    <Stack gap="md" maw={900}>
      <PageHeading>{id ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}</PageHeading>
      {!allowed ? (
        <Alert color="un" variant="light" title={t('meetings.form.notAllowedTitle')}>
          {t('meetings.form.notAllowed')}
        </Alert>
      ) : id && meeting.data ? (
        <MeetingForm key={meeting.data.meeting.id} existing={meeting.data.meeting} />
      ) : (
        <MeetingForm existing={null} />
      )}
    </Stack>
  );
}

function MeetingForm({ existing }: { existing: MeetingPage | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const labels = useMeetingLabels();
  const queryClient = useQueryClient();
  const groups = useQuery(allGroupsQuery());
  const [d, setD] = useState<Draft>(existing ? draftOfMeeting(existing) : emptyDraft());
  // The version this form was opened on, kept while it lives (the page may fetch a newer one meanwhile).
  const [openedOn] = useState(existing ? versionTag(existing.version) : null);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const set = (change: Partial<Draft>) => setD((x) => ({ ...x, ...change }));
  const isGroup = d.body !== 'plenary';
  // Body and kind are chosen when scheduling, and changed only while the meeting is a draft (the API's `can.editBody`).
  const bodyEditable = !existing || existing.can.editBody;
  const kinds = bodyEditable ? (isGroup ? GROUP_KINDS : PLENARY_KINDS) : KINDS;
  // Which of the two buttons submitted the new meeting: save as a draft, or schedule and announce.
  const asDraft = useRef(false);

  const fields = () => ({
    title: localizedBody(d.title),
    sessionNumber: d.sessionNumber === '' ? null : d.sessionNumber,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    registrationDeadline: d.registrationDeadline || null,
    timeZone: d.timeZone,
    venue: d.venue.trim() || null,
    format: d.format,
  });

  const save = useVersionedSave({
    etag: openedOn,
    send: async (ifMatch) => {
      if (existing) {
        return unwrap(
          api.PATCH('/api/v1/meetings/{id}', {
            params: { path: { id: existing.id } },
            headers: ifMatch,
            body: {
              ...fields(),
              ...(!isGroup ? { stakeholdersMayAttend: d.stakeholdersMayAttend } : {}),
              ...(existing.can.editBody ? { kind: d.kind, groupId: isGroup ? d.body : null } : {}),
            },
          }),
        );
      }
      const draft = asDraft.current;
      if (isGroup) return unwrap(api.POST('/api/v1/groups/{id}/meetings', { params: { path: { id: d.body } }, body: { ...fields(), kind: d.kind as 'twg-meeting' | 'informal-consultation', draft } }));
      return unwrap(api.POST('/api/v1/meetings', { body: { ...fields(), kind: d.kind, stakeholdersMayAttend: d.stakeholdersMayAttend, draft } }));
    },
    onSuccess: (m) => {
      notifySuccess(existing ? t('meetings.form.saved') : asDraft.current ? t('meetings.life.draftSaved') : t('meetings.form.created'));
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void navigate(to(`/meetings/${m.id}`));
    },
    onStale: async () => {
      if (!existing) return;
      const fresh = await queryClient.fetchQuery({ ...meetingQuery(existing.id), staleTime: 0 });
      return { value: fresh.meeting, etag: versionTag(fresh.meeting.version) };
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const found: Record<string, string | null> = {};
      for (const e of error.errors) {
        const field = e.field.replace(/^body\./, '').split('.')[0]!;
        found[field] = /nonexistent|does not exist|skipped/i.test(e.message) ? t('meetings.form.timeSkipped') : /after the start/i.test(e.message) ? t('meetings.form.endBeforeStart') : t('forms.fieldRejected');
      }
      setErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | null> = {
      title: d.title.en?.trim() ? null : t('forms.required'),
      startsAt: LOCAL.test(d.startsAt) ? null : t('meetings.form.timeRequired'),
      endsAt: !LOCAL.test(d.endsAt) ? t('meetings.form.timeRequired') : d.endsAt <= d.startsAt ? t('meetings.form.endBeforeStart') : null,
      registrationDeadline: d.registrationDeadline && !LOCAL.test(d.registrationDeadline) ? t('meetings.form.timeRequired') : d.registrationDeadline && d.registrationDeadline > d.startsAt ? t('meetings.form.deadlineAfterStart') : null,
      timeZone: d.timeZone ? null : t('forms.required'),
    };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) save.mutate();
  };

  const problem = save.stale || (save.error instanceof ApiProblem && save.error.status === 400 && save.error.errors.length > 0) ? null : save.error;
  const { theirs } = save;
  const zone = d.timeZone ? zoneName(d.timeZone, lang) : '';

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert error={problem} />
        {save.error instanceof ApiProblem && save.error.status === 400 && save.error.errors.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={problemTitle(save.error)}>
            {t('meetings.form.fixFields')}
          </Alert>
        ) : null}
        {theirs ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('meetings.form.staleTitle')} data-testid="stale">
            <Text size="sm">{t('meetings.form.stale')}</Text>
            <Text size="sm" mt="xs" fw={600}>
              {titleText(theirs.title, lang)}
            </Text>
            <Text size="sm">
              <MeetingDates meeting={theirs} />
            </Text>
            <Text component="ul" size="sm" className={ui.inlineList}>
              <li>{labels.format(theirs.format)}</li>
              {theirs.venue ? <li>{theirs.venue}</li> : null}
            </Text>
            <Button mt="xs" size="compact-sm" variant="outline" onClick={() => (setD(draftOfMeeting(theirs)), save.dropTheirs())}>
              {t('meetings.form.takeTheirs')}
            </Button>
          </Alert>
        ) : null}

        {bodyEditable ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('meetings.body')}
              value={d.body}
              onChange={(e) => {
                const body = e.currentTarget.value;
                set({ body, kind: body === 'plenary' ? (PLENARY_KINDS.includes(d.kind) ? d.kind : 'annual-meeting') : GROUP_KINDS.includes(d.kind) ? d.kind : 'twg-meeting' });
              }}
            >
              <option value="plenary">{t('meetings.plenary')}</option>
              {(groups.data?.items ?? [])
                .filter((g) => g.status === 'active' || g.id === d.body)
                .map((g) => (
                  <LocalizedOption key={g.id} value={g.id} text={g.name} />
                ))}
            </NativeSelect>
            <NativeSelect label={t('meetings.form.kind')} value={d.kind} onChange={(e) => set({ kind: e.currentTarget.value as MeetingKind })} data={kinds.map((k) => ({ value: k, label: labels.kind(k) }))} />
          </SimpleGrid>
        ) : (
          <Text component="ul" className={ui.inlineList}>
            <li>{labels.kind(existing!.kind)}</li>
            <li>
              {existing!.body.kind === 'plenary' ? (
                t('meetings.plenary')
              ) : (
                <Anchor component={Link} to={to(`/groups/${existing!.body.groupId}`)}>
                  {t('meetings.workingGroup')}
                </Anchor>
              )}
            </li>
          </Text>
        )}

        <LocalizedFields label={t('meetings.form.title')} value={d.title} onChange={(title) => set({ title })} error={errors.title} folded />
        <NumberInput
          label={t('meetings.form.sessionNumber')}
          description={t('meetings.optional')}
          min={1}
          max={1000}
          allowDecimal={false}
          value={d.sessionNumber}
          onChange={(v) => set({ sessionNumber: typeof v === 'number' ? v : '' })}
          error={errors.sessionNumber}
          maw={240}
        />

        <TimeZoneSelect label={t('meetings.form.timeZone')} description={t('meetings.form.timeZoneHelp')} value={d.timeZone} onChange={(timeZone) => set({ timeZone })} error={errors.timeZone} />
        <Text size="sm" id="times-help">
          {t('meetings.form.timesHelp', { zone, id: d.timeZone ? isolated(d.timeZone, lang) : '—' })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="datetime-local" label={t('meetings.form.startsAt')} required value={d.startsAt} onChange={(e) => set({ startsAt: e.currentTarget.value.slice(0, 16) })} error={errors.startsAt} aria-describedby="times-help" />
          <TextInput type="datetime-local" label={t('meetings.form.endsAt')} required value={d.endsAt} onChange={(e) => set({ endsAt: e.currentTarget.value.slice(0, 16) })} error={errors.endsAt} aria-describedby="times-help" />
          <TextInput
            type="datetime-local"
            label={t('meetings.form.registrationDeadline')}
            description={t('meetings.optional')}
            value={d.registrationDeadline}
            onChange={(e) => set({ registrationDeadline: e.currentTarget.value.slice(0, 16) })}
            error={errors.registrationDeadline}
          />
        </SimpleGrid>

        <TextInput label={t('meetings.venue')} description={t('meetings.optional')} value={d.venue} onChange={(e) => set({ venue: e.currentTarget.value })} error={errors.venue} />
        <NativeSelect label={t('meetings.format')} value={d.format} onChange={(e) => set({ format: e.currentTarget.value as MeetingFormat })} data={FORMATS.map((f) => ({ value: f, label: labels.format(f) }))} maw={320} />
        {!isGroup ? (
          <Checkbox label={t('meetings.form.stakeholdersMayAttend')} checked={d.stakeholdersMayAttend} onChange={(e) => set({ stakeholdersMayAttend: e.currentTarget.checked })} />
        ) : (
          <Text size="sm">{t('meetings.form.groupStakeholders')}</Text>
        )}

        <Group>
          {existing ? (
            <Button type="submit" loading={save.isPending}>
              {t('meetings.form.save')}
            </Button>
          ) : (
            <>
              <Button type="submit" loading={save.isPending && !asDraft.current} disabled={save.isPending} onClick={() => (asDraft.current = false)} data-action="announce">
                {t('meetings.life.scheduleAndAnnounce')}
              </Button>
              <Button type="submit" variant="outline" loading={save.isPending && asDraft.current} disabled={save.isPending} onClick={() => (asDraft.current = true)} data-action="draft">
                {t('meetings.life.saveAsDraft')}
              </Button>
            </>
          )}
          <Anchor component={Link} to={existing ? to(`/meetings/${existing.id}`) : to('/meetings')}>
            {t('meetings.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
