import { useState, type FormEvent } from 'react';
import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { KINDS, useInitiativeLabels, type InitiativeKind } from './queries';

const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A focal point, an organisation or the Secretariat proposes an initiative; the Secretariat publishes it. */
export default function ProposePage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useInitiativeLabels();
  const [name, setName] = useState<LocalizedDraft>({});
  const [owner, setOwner] = useState<LocalizedDraft>({});
  const [kind, setKind] = useState<InitiativeKind>('regional-cbms');
  const [elements, setElements] = useState('');
  const [states, setStates] = useState('');
  const [contact, setContact] = useState('');
  const [link, setLink] = useState('');
  const propose = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/initiatives', {
          body: {
            name: localizedBody(name),
            owner: localizedBody(owner),
            kind,
            elements: listOf(elements),
            states: listOf(states),
            contact: contact.trim() || null,
            links: link.trim() ? [{ label: link.trim(), url: link.trim() }] : [],
          },
        }),
      ),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['initiatives'] });
      void navigate(to(`/initiatives/${created.id}`));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate();
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeading>{t('initiatives.proposeTitle')}</PageHeading>
      <Text>{t('initiatives.proposeIntro')}</Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <LocalizedFields label={t('initiatives.name')} value={name} onChange={setName} folded />
          <LocalizedFields label={t('initiatives.owner')} value={owner} onChange={setOwner} folded />
          <NativeSelect label={t('initiatives.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as InitiativeKind)} data={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
          <TextInput label={t('initiatives.elementsField')} description={t('initiatives.elementsHelp')} value={elements} onChange={(e) => setElements(e.currentTarget.value)} />
          <TextInput label={t('initiatives.statesField')} description={t('initiatives.statesHelp')} value={states} onChange={(e) => setStates(e.currentTarget.value)} />
          <TextInput label={t('initiatives.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
          <TextInput type="url" label={t('initiatives.link')} value={link} onChange={(e) => setLink(e.currentTarget.value)} />
          {propose.isError ? <ProblemAlert error={propose.error} /> : null}
          <Button type="submit" loading={propose.isPending} w="fit-content">
            {t('initiatives.propose')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
