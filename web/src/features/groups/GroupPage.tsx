import { useState } from 'react';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { FollowButton } from '../follows';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { FallbackMark, InLanguage, inLanguage, Localized, ProperName } from '../../ui/localized';
import { DocumentsTable } from '../documents';
import { StateName } from '../states';
import { StakeholderInputs } from '../stakeholders';
import { groupKey, groupQuery, useGroupLabels, type GroupPage as GroupPageData } from './queries';
import classes from './groups.module.css';
import listing from '../../ui/listing.module.css';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatDay, formatInZone } from '../../ui/dates';

export default function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useGroupLabels();
  const group = useQuery({ ...groupQuery(id), retry: (n, e) => !(e instanceof ApiProblem && e.status < 500) && n < 2 });

  if (!group.isSuccess) return <Loaded query={group} />;
  const g = group.data.group;
  const name = inLanguage(g.name, lang);
  const mandate = inLanguage(g.mandate, lang);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={to('/groups')} size="sm">
          {t('groups.backToList')}
        </Anchor>
        <PageHeading title={name.text}>
          <Localized text={g.name} />
        </PageHeading>
        <Group gap="xs" mt="xs">
          <Badge variant={g.status === 'active' ? 'light' : 'outline'} color={g.status === 'active' ? 'un' : 'dark'} className={ui.badge} data-status={g.status}>
            {labels.status(g.status)}
          </Badge>
          <Text size="sm">{g.stakeholderObservers ? t('groups.modalities.observersAdmitted') : t('groups.modalities.observersNotAdmitted')}</Text>
          {g.can.manage ? (
            <>
              <Button component={Link} to={to(`/groups/${g.id}/edit`)} variant="outline" size="compact-sm">
                {t('groups.form.editLink')}
              </Button>
              <Button component={Link} to={`${to('/documents/new')}?group=${g.id}`} variant="outline" size="compact-sm">
                {t('groups.issueDocument')}
              </Button>
            </>
          ) : null}
        </Group>
      </div>
      <FollowButton kind="group" id={g.id} />

      <Participation group={g} />

      <section aria-labelledby="group-mandate">
        <Title order={2} size="h3" id="group-mandate" mb="sm">
          {t('groups.mandate')}
        </Title>
        <p className={classes.mandate} lang={mandate.language} dir={directionOf(mandate.language)}>
          {mandate.text}
        </p>
        {mandate.fallback ? <FallbackMark show /> : null}
        <dl className={ui.facts} style={{ marginBlockStart: 'var(--mantine-spacing-sm)' }}>
          {g.mandateSource ? (
            <>
              <dt>{t('groups.mandateSource')}</dt>
              <dd>
                <cite lang="en" dir="ltr">
                  {g.mandateSource}
                </cite>
              </dd>
            </>
          ) : null}
          {g.mandateOutcomeId ? (
            <>
              <dt>{t('groups.mandateOutcome')}</dt>
              <dd>
                <Anchor component={Link} to={to(`/outcomes/${g.mandateOutcomeId}`)}>
                  {t('groups.mandateOutcomeLink')}
                </Anchor>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="group-chairs">
        <Title order={2} size="h3" id="group-chairs" mb="sm">
          {t('groups.chairs')}
        </Title>
        {g.chairs.length === 0 ? (
          <Text>{t('groups.noChairs')}</Text>
        ) : (
          <ul className={classes.plain}>
            {g.chairs.map((c, i) => (
              <li key={`${c.name}-${i}`}>
                <span className={ui.parts}>
                  <strong>
                    <ProperName>{c.name}</ProperName>
                  </strong>{' '}
                  <span>{labels.chairRole(c.role)}</span>{' '}
                  {c.state ? (
                    <span className={classes.dimmed}>
                      <StateName iso3={c.state} />
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="group-programme">
        <Title order={2} size="h3" id="group-programme" mb="sm">
          {t('groups.workProgramme')}
        </Title>
        {g.workProgramme.length === 0 ? (
          <Text>{t('groups.noWorkProgramme')}</Text>
        ) : (
          <ol className={classes.list}>
            {g.workProgramme.map((w, i) => (
              <li key={i}>
                <span className={ui.parts}>
                  <Localized text={w.title} />{' '}
                  {w.period ? (
                    <Text span c="dimmed" size="sm">
                      <InLanguage lang="en" mark={false}>
                        {w.period}
                      </InLanguage>
                    </Text>
                  ) : null}
                </span>
                {w.description ? (
                  <Text size="sm" lang="en">
                    {w.description}
                  </Text>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <Members group={g} />

      <section aria-labelledby="group-meetings">
        <Title order={2} size="h3" id="group-meetings" mb="sm">
          {t('groups.meetings')}
        </Title>
        {g.meetings.length === 0 ? (
          <Text>{t('groups.noMeetings')}</Text>
        ) : (
          <div className={listing.scroll}>
            <Table withTableBorder verticalSpacing="sm" className={listing.table}>
              <caption className={listing.caption}>{t('groups.meetingsCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('groups.meeting')}</Table.Th>
                  <Table.Th scope="col">{t('groups.meetingStarts')}</Table.Th>
                  <Table.Th scope="col">{t('groups.venue')}</Table.Th>
                  <Table.Th scope="col">{t('groups.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.meetings.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" className={classes.nameCell}>
                      <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
                        <Localized text={m.title} />
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{formatInZone(m.startsAt, m.timeZone, lang)}</Table.Td>
                    <Table.Td lang="en">{m.venue ?? '—'}</Table.Td>
                    <Table.Td>{labels.meetingStatus(m.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="group-documents">
        <Title order={2} size="h3" id="group-documents" mb="sm">
          {t('groups.documents')}
        </Title>
        {g.documents.length === 0 ? <Text>{t('groups.noDocuments')}</Text> : <DocumentsTable items={g.documents} caption={t('groups.documentsCaption')} />}
      </section>

      <section aria-labelledby="group-drafts">
        <Title order={2} size="h3" id="group-drafts" mb="sm">
          {t('groups.drafts')}
        </Title>
        {g.drafts.length === 0 ? (
          <Text>{t('groups.noDrafts')}</Text>
        ) : (
          <ul className={classes.plain}>
            {g.drafts.map((d) => (
              <li key={d.id}>
                <span className={ui.parts}>
                  <Anchor component={Link} to={to(`/drafts/${d.id}`)}>
                    <InLanguage lang="en">{d.title}</InLanguage>
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    <InLanguage lang="en" mark={false}>
                      {d.revision}
                    </InLanguage>
                  </Text>{' '}
                  <Text span size="sm" c="dimmed">
                    {labels.draftStatus(d.status)}
                  </Text>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <StakeholderInputs groupId={g.id} />
    </Stack>
  );
}

/** Who takes part now: member States (names in the page's language) and observer organisations. */
function Members({ group }: { group: GroupPageData }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const collator = new Intl.Collator(lang);
  const states = [...group.members.states]
    .map((s) => ({ ...s, name: s.names[lang] || s.names.en || s.iso3 }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section aria-labelledby="group-members">
      <Title order={2} size="h3" id="group-members" mb="sm">
        {t('groups.members')}
      </Title>
      <Text mb="sm" role="status" aria-live="polite" data-testid="member-count">
        {t('groups.memberCount', { count: states.length })}
      </Text>
      {states.length === 0 ? null : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="xs" className={listing.table} data-testid="member-states">
            <caption className={listing.caption}>{t('groups.membersCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('groups.state')}</Table.Th>
                <Table.Th scope="col">{t('groups.joinedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {states.map((s) => (
                <Table.Tr key={s.iso3} data-iso3={s.iso3}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={to(`/states/${s.iso3}`)}>
                      {s.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatDay(s.joinedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Title order={3} size="h4" mt="md" mb="xs">
        {t('groups.observerOrganisations')}
      </Title>
      {group.members.observers.length === 0 ? (
        <Text>{t('groups.noObservers')}</Text>
      ) : (
        <ul className={classes.plain} data-testid="observers">
          {group.members.observers.map((o) => (
            <li key={o.organisationId}>
              <InLanguage lang="en">{o.name}</InLanguage>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * What the caller may do, as the API says in `can`: a State joins or leaves by itself (no approval),
 * an accredited organisation observes when the modalities allow.
 */
function Participation({ group }: { group: GroupPageData }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const me = useMe();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'leave' | 'stopObserving' | null>(null);
  const account = me.data?.account ?? null;
  const can = group.can;

  const applied = async (page: GroupPageData, message: string) => {
    queryClient.setQueryData(groupKey(group.id), (old: { etag: string | null } | undefined) => ({ group: page, etag: old?.etag ?? null }));
    await queryClient.invalidateQueries({ queryKey: ['groups', 'list'] });
    notifySuccess(message);
  };

  const messages = {
    join: t('groups.join.joined'),
    leave: t('groups.join.left'),
    observe: t('groups.join.observing'),
    stopObserving: t('groups.join.stoppedObserving'),
  };
  const act = useMutation({
    mutationFn: async (action: 'join' | 'leave' | 'observe' | 'stopObserving') => {
      const path = { id: group.id };
      switch (action) {
        case 'join':
          return unwrap(api.POST('/api/v1/groups/{id}/members', { params: { path }, body: { state: account!.state! } }));
        case 'leave':
          return unwrap(api.DELETE('/api/v1/groups/{id}/members/{iso3}', { params: { path: { ...path, iso3: account!.state! } } }));
        case 'observe':
          return unwrap(api.POST('/api/v1/groups/{id}/observers', { params: { path }, body: { organisationId: account!.organisation!.id } }));
        case 'stopObserving':
          return unwrap(api.DELETE('/api/v1/groups/{id}/observers/{organisationId}', { params: { path: { ...path, organisationId: account!.organisation!.id } } }));
      }
    },
    onSuccess: async (page, action) => {
      setConfirm(null);
      // The message that says what was done: the button pressed gives way to its opposite (Join to Leave).
      focusDone('participation');
      await applied(page, messages[action]);
    },
    onError: () => {
      setConfirm(null);
      // What the caller may do may have changed meanwhile: ask the API again.
      void queryClient.invalidateQueries({ queryKey: groupKey(group.id) });
    },
  });

  const stateName = account?.state ? <StateName iso3={account.state} /> : null;
  const isMember = !!account?.state && group.members.states.some((s) => s.iso3 === account.state);

  let body;
  if (!account) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('groups.join.anonymous')}</Text>
        <Button component={Link} to={`${to('/sign-in')}?next=${encodeURIComponent(to(`/groups/${group.id}`))}`} variant="outline">
          {t('groups.join.signIn')}
        </Button>
      </Stack>
    );
  } else if (can.join) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('groups.join.mayJoin')}</Text>
        <Button onClick={() => act.mutate('join')} loading={act.isPending} data-action="join">
          {t('groups.join.join')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('groups.join.onBehalfOf')} {stateName}
        </Text>
      </Stack>
    );
  } else if (can.leave) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>
          {t('groups.join.isMember')} {stateName}
        </Text>
        <Button variant="outline" color="red.9" onClick={() => setConfirm('leave')} data-action="leave">
          {t('groups.join.leave')}
        </Button>
      </Stack>
    );
  } else if (can.observe) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('groups.join.mayObserve')}</Text>
        <Button onClick={() => act.mutate('observe')} loading={act.isPending} data-action="observe">
          {t('groups.join.observe')}
        </Button>
        <Text size="sm" c="dimmed" lang="en">
          {account.organisation?.name}
        </Text>
      </Stack>
    );
  } else if (can.stopObserving) {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('groups.join.isObserver')}</Text>
        <Button variant="outline" color="red.9" onClick={() => setConfirm('stopObserving')} data-action="stop-observing">
          {t('groups.join.stopObserving')}
        </Button>
      </Stack>
    );
  } else if (account.organisation) {
    body = (
      <Text>
        {t('groups.join.stakeholderNotMember')}{' '}
        {group.status === 'closed' ? t('groups.join.closed') : !group.stakeholderObservers ? t('groups.join.observersNotAdmitted') : t('groups.join.notAccredited')}
      </Text>
    );
  } else if (account.state) {
    body = <Text>{group.status === 'closed' ? t('groups.join.closed') : isMember ? t('groups.join.memberNoRight') : t('groups.join.noRight')}</Text>;
  } else {
    body = <Text>{t('groups.join.notForYou')}</Text>;
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-participation" className={classes.participation}>
      <Title order={2} size="h3" id="group-participation" mb="xs">
        {t('groups.join.title')}
      </Title>
      <Stack gap="sm">
        {act.error ? (
          act.error instanceof ApiProblem && act.error.status === 409 ? (
            <Alert color="red" variant="light" title={problemTitle(act.error)} role="alert">
              {t('groups.join.conflict')}
            </Alert>
          ) : (
            <ProblemAlert error={act.error} />
          )
        ) : null}
        <DoneMessage name="participation" show={act.isSuccess && !!act.variables}>
          {act.variables ? messages[act.variables] : null}
        </DoneMessage>
        {body}
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'leave' ? t('groups.join.leaveConfirmTitle') : t('groups.join.stopObservingConfirmTitle')}
        message={confirm === 'leave' ? t('groups.join.leaveConfirm') : t('groups.join.stopObservingConfirm')}
        confirmLabel={confirm === 'leave' ? t('groups.join.leaveConfirmButton') : t('groups.join.stopObservingConfirmButton')}
        danger
        loading={act.isPending}
        onConfirm={() => confirm && act.mutate(confirm)}
      />
    </Paper>
  );
}
