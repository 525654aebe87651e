import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Fieldset, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TimeZoneSelect } from '../../ui/time-zones';
import { Verbatim } from '../../ui/localized';
import listing from '../../ui/listing.module.css';
import { useOrgNameText } from './parts';
import { applicationsQuery, batchesQuery, type Application } from './queries';

function Choice({ application, checked, onChange }: { application: Application; checked: boolean; onChange: (on: boolean) => void }) {
  const name = useOrgNameText(application.organisation.names, application.organisation.name);
  return <Checkbox label={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />;
}

/** The Secretariat circulates complete applications in a batch; each period ends at a stated time in a stated zone. */
function CirculateForm({ complete }: { complete: Application[] }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [zone, setZone] = useState('America/New_York');
  const [endTime, setEndTime] = useState('18:00');
  const [oneEnd, setOneEnd] = useState('');
  const circulate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/stakeholder-batches', { body: { applicationIds: chosen, zone, endTime, ...(oneEnd ? { periodEndLocal: oneEnd } : {}) } })),
    onSuccess: (batch) => {
      void client.invalidateQueries({ queryKey: ['stakeholders'] });
      void navigate(to(`/accreditation/batches/${batch.id}`));
    },
  });
  const fieldError = (field: string) => (circulate.error instanceof ApiProblem ? (circulate.error.fieldError(field)?.message ?? null) : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    circulate.mutate();
  };
  return (
    <section aria-labelledby="batches-circulate">
      <Title order={2} size="h3" id="batches-circulate" mb="sm">
        {t('stakeholders.batches.circulateTitle')}
      </Title>
      {complete.length === 0 ? (
        <Text>{t('stakeholders.batches.noneComplete')}</Text>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm" maw={720}>
            <Fieldset legend={t('stakeholders.batches.choose')}>
              <Stack gap="xs">
                {complete.map((a) => (
                  <Choice key={a.id} application={a} checked={chosen.includes(a.id)} onChange={(on) => setChosen(on ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))} />
                ))}
              </Stack>
            </Fieldset>
            <TimeZoneSelect label={t('stakeholders.batches.zone')} value={zone} onChange={setZone} error={fieldError('zone')} />
            <TextInput type="time" label={t('stakeholders.batches.endTime')} description={t('stakeholders.batches.endTimeHelp')} value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} required error={fieldError('endTime')} />
            <TextInput
              type="datetime-local"
              step={1}
              label={t('stakeholders.batches.oneEnd')}
              description={t('stakeholders.batches.oneEndHelp')}
              value={oneEnd}
              onChange={(e) => setOneEnd(e.currentTarget.value)}
              error={fieldError('periodEndLocal')}
            />
            {circulate.isError ? <ProblemAlert error={circulate.error} /> : null}
            <Button type="submit" loading={circulate.isPending} disabled={chosen.length === 0} w="fit-content">
              {t('stakeholders.batches.circulate', { count: chosen.length })}
            </Button>
          </Stack>
        </form>
      )}
    </section>
  );
}

/** The batches circulated to the States (Secretariat, focal points), and the Secretariat's circulation. */
export default function BatchesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const batches = useQuery(batchesQuery());
  const applications = useQuery(applicationsQuery());
  const complete = (applications.data?.items ?? []).filter((a) => a.can.circulate);
  return (
    <Stack gap="lg">
      <PageHeading>{t('stakeholders.batches.title')}</PageHeading>
      <Anchor component={Link} to={to('/accreditation/applications')}>
        {t('stakeholders.applications.title')}
      </Anchor>
      {applications.data?.can.circulate ? <CirculateForm complete={complete} /> : null}
      <section aria-labelledby="batches-list">
        <Title order={2} size="h3" id="batches-list" mb="sm">
          {t('stakeholders.batches.circulated')}
        </Title>
        {batches.isError ? (
          <ProblemAlert error={batches.error} />
        ) : batches.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : batches.data.items.length === 0 ? (
          <Text>{t('stakeholders.batches.none')}</Text>
        ) : (
          <div className={listing.scroll}>
            <Table withTableBorder verticalSpacing="sm" className={listing.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('stakeholders.batches.number')}</Table.Th>
                  <Table.Th scope="col">{t('stakeholders.batches.circulatedAt')}</Table.Th>
                  <Table.Th scope="col">{t('stakeholders.batches.zone')}</Table.Th>
                  <Table.Th scope="col">{t('stakeholders.batches.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={to(`/accreditation/batches/${b.id}`)}>
                        {t('stakeholders.batch.title', { number: b.number })}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{formatInstant(b.circulatedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Verbatim>{b.zone}</Verbatim>
                    </Table.Td>
                    <Table.Td>{b.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
    </Stack>
  );
}
