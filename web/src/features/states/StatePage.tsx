import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrapResponse, type StateDetail } from '../../api/client';
import { directionOf, LANGUAGES, type Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useGroupLabel, useGroupOfficialName } from './labels';
import { stateQuery } from './StateName';
import classes from './states.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';
import { useVersionedSave } from '../../ui/versioned-save';
import { StateRecord } from './StateRecord';
import { Verbatim } from '../../ui/localized';

export default function StatePage() {
  const { t } = useTranslation();
  const { iso3 = '' } = useParams();
  const lang = useLang();
  const to = useLocalPath();
  const groupLabel = useGroupLabel();
  const groupOfficial = useGroupOfficialName();
  const state = useQuery(stateQuery(iso3));

  if (!state.isSuccess) return <Loaded query={state} />;
  const s = state.data.state;
  const display = new Intl.DisplayNames([lang], { type: 'language' });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={to('/states')} size="sm">
        {t('states.backToAll')}
      </Anchor>
      <div>
        <PageHeading>{s.names[lang]}</PageHeading>
        <Text component="ul" className={`${classes.subtitle} ${ui.inlineList}`}>
          <li>{s.status === 'member' ? t('states.memberLong') : t('states.observerLong')}</li>
          {s.regionalGroup ? <li>{groupLabel(s.regionalGroup)}</li> : null}
        </Text>
      </div>

      <StateRecord iso3={s.iso3} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="state-names">
          <Title order={2} size="h3" id="state-names" mb="md">
            {t('states.namesTitle')}
          </Title>
          <Table withRowBorders verticalSpacing="sm" className={classes.names}>
            <Table.Tbody>
              {LANGUAGES.map((l) => (
                <Table.Tr key={l}>
                  <Table.Th scope="row">{display.of(l) ?? l}</Table.Th>
                  <Table.Td lang={l} dir={directionOf(l)} data-testid={`name-${l}`}>
                    {s.names[l]}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="state-facts">
          <Title order={2} size="h3" id="state-facts" mb="md">
            {t('states.factsTitle')}
          </Title>
          <dl className={ui.facts}>
            <dt>{t('states.iso3')}</dt>
            <dd className={ui.code}>
              <Verbatim>{s.iso3}</Verbatim>
            </dd>
            <dt>{t('states.m49')}</dt>
            <dd className={ui.code}>{s.m49}</dd>
            <dt>{t('states.status')}</dt>
            <dd>{s.status === 'member' ? t('states.member') : t('states.observer')}</dd>
            <dt>{t('states.group')}</dt>
            <dd>{s.regionalGroup ? groupOfficial(s.regionalGroup) : t('groups.none')}</dd>
          </dl>
        </Paper>
      </SimpleGrid>

      {s.can.correctNames ? <CorrectNames key={state.data.etag ?? ''} state={s} etag={state.data.etag} /> : null}
    </Stack>
  );
}

/** For the Secretariat (as the API says in `can.correctNames`): correct a name, never losing another's change. */
function CorrectNames({ state, etag }: { state: StateDetail; etag: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [names, setNames] = useState<Record<Language, string>>({ ...state.names });
  const [errors, setErrors] = useState<Partial<Record<Language, string | null>>>({});
  const display = new Intl.DisplayNames([lang], { type: 'language' });

  const changed = LANGUAGES.filter((l) => names[l].trim() !== state.names[l]);
  const save = useVersionedSave({
    etag,
    send: (ifMatch) =>
      unwrapResponse(
        api.PATCH('/api/v1/states/{iso3}/names', {
          params: { path: { iso3: state.iso3 }, header: ifMatch },
          body: Object.fromEntries(changed.map((l) => [l, names[l].trim()])),
        }),
      ),
    savedEtag: ({ response }) => response.headers.get('etag'),
    onSuccess: ({ data, response }) => {
      queryClient.setQueryData(stateQuery(state.iso3).queryKey, { state: data, etag: response.headers.get('etag') });
      void queryClient.invalidateQueries({ queryKey: ['states'] });
      notifySuccess(t('states.correctionSaved'));
      // The corrected name (the first one changed), in the table of names: the form is rebuilt on the new version.
      const corrected = LANGUAGES.find((l) => data.names[l] !== state.names[l]) ?? LANGUAGES[0];
      focusWhenShown(() => document.querySelector<HTMLElement>(`[data-testid="name-${corrected}"]`)?.closest('tr') ?? null);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = Object.fromEntries(LANGUAGES.map((l) => [l, names[l].trim() ? null : t('forms.required')]));
    setErrors(found);
    if (Object.values(found).some(Boolean) || changed.length === 0) return;
    save.mutate();
  };

  const stale = save.stale;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="state-correct">
      <Title order={2} size="h3" id="state-correct" mb="xs">
        {t('states.correctTitle')}
      </Title>
      <Text size="sm" mb="md">
        {t('states.correctIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {LANGUAGES.map((l) => (
              <TextInput
                key={l}
                label={display.of(l) ?? l}
                value={names[l]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setNames((n) => ({ ...n, [l]: value }));
                }}
                error={errors[l]}
                lang={l}
                dir={directionOf(l)}
                required
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={changed.length === 0}>
              {t('states.correctSubmit')}
            </Button>
            {stale ? (
              <Button
                variant="outline"
                onClick={() => {
                  save.reset();
                  void queryClient.invalidateQueries({ queryKey: stateQuery(state.iso3).queryKey });
                }}
              >
                {t('states.reload')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
