import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useGroupLabel } from '../states';
import { BUCKET_LABEL, ROLE_LABEL, SCOPE_LABEL } from './labels';
import { checksQuery } from './queries';
import { ScopeText } from './ScopeText';
import { TrendChart } from './TrendChart';

const BUCKETS = ['1h', '24h', '72h', 'never'] as const;
const SCOPES = ['all', 'group', 'states', 'role'] as const;
const GROUPS = ['AG', 'APG', 'EEG', 'GRULAC', 'WEOG'] as const;
const ROLES = ['diplomatic', 'technical'] as const;

/** The Secretariat schedules a check of every point of contact, a regional group's, some States' or one role's. */
function ScheduleForm() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groupLabel = useGroupLabel();
  const [kind, setKind] = useState<(typeof SCOPES)[number]>('all');
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('AG');
  const [states, setStates] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('technical');
  const [remind, setRemind] = useState<number | string>(24);
  const [escalate, setEscalate] = useState<number | string>(48);
  const scope = () =>
    kind === 'group'
      ? { kind, group }
      : kind === 'states'
        ? { kind, states: states.toUpperCase().split(/[\s,;]+/).filter(Boolean) }
        : kind === 'role'
          ? { kind, role }
          : { kind };
  const schedule = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/contacts/checks', { body: { scope: scope(), remindAfterHours: Number(remind), escalateAfterHours: Number(escalate) } })),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to(`/contacts/checks/${id}`));
    },
  });
  // The server's complaint about the scope or the hours, in the page's language.
  const complaint = (prefix: string) => (schedule.error instanceof ApiProblem ? schedule.error.errors.some((e) => e.field.startsWith(prefix)) : false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} maw="40rem">
      <Stack>
        <Title order={2} size="h3">
          {t('contacts.checks.schedule')}
        </Title>
        <ProblemAlert error={schedule.error} />
        <Select label={t('contacts.checks.scopeLabel')} data={SCOPES.map((s) => ({ value: s, label: t(SCOPE_LABEL[s]) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
        {kind === 'group' ? (
          <Select label={t('contacts.checks.group')} data={GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))} value={group} onChange={(v) => v && setGroup(v as typeof group)} allowDeselect={false} />
        ) : null}
        {kind === 'states' ? (
          <TextInput label={t('contacts.checks.states')} description={t('contacts.checks.statesHelp')} value={states} onChange={(e) => setStates(e.currentTarget.value)} required dir="ltr" error={complaint('body.scope') ? t('contacts.checks.statesRejected') : undefined} />
        ) : null}
        {kind === 'role' ? (
          <Select label={t('contacts.nominate.role')} data={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} value={role} onChange={(v) => v && setRole(v as typeof role)} allowDeselect={false} />
        ) : null}
        <Group grow>
          <NumberInput label={t('contacts.checks.remindAfter')} min={1} max={168} value={remind} onChange={setRemind} error={complaint('body.remindAfterHours') ? t('contacts.checks.hoursRejected') : undefined} />
          <NumberInput label={t('contacts.checks.escalateAfter')} min={2} max={336} value={escalate} onChange={setEscalate} error={complaint('body.escalateAfterHours') ? t('contacts.checks.escalateRejected') : undefined} />
        </Group>
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            {t('contacts.checks.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Reachability checks: trends over checks, each check's results (a State: its own POCs'), and the Secretariat's form to run one. */
export default function ChecksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const query = useQuery(checksQuery());
  return (
    <Stack gap="lg">
      <PageHeading>{t('contacts.checks.title')}</PageHeading>
      <Text>{t('contacts.checks.intro')}</Text>
      <Anchor component={Link} to={to('/contacts')}>
        {t('contacts.directory.title')}
      </Anchor>
      <Loaded query={query}>
        {(data) => (
          <>
            {data.can.schedule ? <ScheduleForm /> : null}
            <section aria-labelledby="check-trends">
              <Title order={2} size="h3" id="check-trends" mb="sm">
                {t('contacts.checks.trends')}
              </Title>
              {data.items.length === 0 ? <Text>{t('contacts.checks.none')}</Text> : <TrendChart checks={data.items} />}
            </section>
            {data.items.length > 0 ? (
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <caption>{t('contacts.checks.tableCaption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('contacts.checks.date')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.checks.scopeLabel')}</Table.Th>
                      {BUCKETS.map((b) => (
                        <Table.Th scope="col" key={b}>
                          {t(BUCKET_LABEL[b])}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('contacts.checks.total')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Th scope="row" fw="normal">
                          <Anchor component={Link} to={to(`/contacts/checks/${c.id}`)}>
                            {formatInstant(c.createdAt, lang)}
                          </Anchor>
                          {c.completed ? null : <Text size="xs">{t('contacts.checks.running')}</Text>}
                        </Table.Th>
                        <Table.Td>
                          <ScopeText scope={c.scope} />
                        </Table.Td>
                        {BUCKETS.map((b) => (
                          <Table.Td key={b}>{c.tally[b]}</Table.Td>
                        ))}
                        <Table.Td>{c.tally.total}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </>
        )}
      </Loaded>
    </Stack>
  );
}
