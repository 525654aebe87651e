import { useState, type FormEvent } from 'react';
import { Alert, Button, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { draftOf, LocalizedFields, localizedBody, type LocalizedDraft } from '../../ui/LocalizedFields';
import { Localized } from '../../ui/localized';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';
import { initiativeQuery, KINDS, useInitiativeLabels, type Initiative, type InitiativeKind } from './queries';

const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** One web address a line; an address the initiative had keeps its label. */
function linksOf(text: string, before: Initiative['links']) {
  const labels = new Map(before.map((l) => [l.url, l.label]));
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((url) => ({ label: labels.get(url) ?? url, url }));
}

/**
 * An initiative's fields: proposed by a focal point, an organisation or the Secretariat, or edited (by
 * the Secretariat, or by its proposer until it is decided) on the version it was opened on: when
 * someone else saved first, their version is shown and the next save is made on it.
 */
export function InitiativeForm({ existing }: { existing: Initiative | null }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useInitiativeLabels();
  const [name, setName] = useState<LocalizedDraft>(existing ? draftOf(existing.name) : {});
  const [owner, setOwner] = useState<LocalizedDraft>(existing ? draftOf(existing.owner) : {});
  const [kind, setKind] = useState<InitiativeKind>(existing?.kind ?? 'regional-cbms');
  const [elements, setElements] = useState(existing ? existing.elements.join(', ') : '');
  const [states, setStates] = useState(existing ? existing.states.join(', ') : '');
  const [contact, setContact] = useState(existing?.contact ?? '');
  const [links, setLinks] = useState(existing ? existing.links.map((l) => l.url).join('\n') : '');
  // The version this form was opened on, kept while it lives.
  const [openedOn] = useState(existing ? versionTag(existing.version) : null);

  const body = () => ({
    name: localizedBody(name),
    owner: localizedBody(owner),
    kind,
    // The summary is not edited here: it is kept as it is.
    ...(existing?.summary ? { summary: { ...existing.summary, en: existing.summary.en ?? '' } } : {}),
    elements: listOf(elements),
    states: listOf(states),
    contact: contact.trim() || null,
    links: linksOf(links, existing?.links ?? []),
  });

  const save = useVersionedSave<void, Initiative, Initiative>({
    etag: openedOn,
    send: (ifMatch) =>
      existing
        ? unwrap(api.PUT('/api/v1/initiatives/{id}', { params: { path: { id: existing.id } }, headers: ifMatch, body: body() }))
        : unwrap(api.POST('/api/v1/initiatives', { body: body() })),
    savedEtag: (saved) => versionTag(saved.version),
    onSuccess: (saved) => {
      if (existing) notifySuccess(t('initiatives.saved'));
      void client.invalidateQueries({ queryKey: ['initiatives'] });
      void navigate(to(`/initiatives/${saved.id}`));
    },
    onStale: async () => {
      if (!existing) return;
      const fresh = await client.fetchQuery({ ...initiativeQuery(existing.id), staleTime: 0 });
      return { value: fresh, etag: versionTag(fresh.version) };
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const { theirs } = save;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {theirs ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('initiatives.staleTitle')} data-testid="stale">
            <Text size="sm">{t('initiatives.stale')}</Text>
            <Text size="sm" mt="xs" fw={600}>
              <Localized text={theirs.name} />
            </Text>
          </Alert>
        ) : null}
        <LocalizedFields label={t('initiatives.name')} value={name} onChange={setName} folded />
        <LocalizedFields label={t('initiatives.owner')} value={owner} onChange={setOwner} folded />
        <NativeSelect label={t('initiatives.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as InitiativeKind)} data={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
        <TextInput label={t('initiatives.elementsField')} description={t('initiatives.elementsHelp')} value={elements} onChange={(e) => setElements(e.currentTarget.value)} />
        <TextInput label={t('initiatives.statesField')} description={t('initiatives.statesHelp')} value={states} onChange={(e) => setStates(e.currentTarget.value)} />
        <TextInput label={t('initiatives.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
        <Textarea label={t('initiatives.linksField')} description={t('initiatives.linksHelp')} value={links} onChange={(e) => setLinks(e.currentTarget.value)} autosize minRows={2} dir="ltr" />
        {save.isError && !save.stale ? <ProblemAlert error={save.error} /> : null}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {existing ? t('initiatives.save') : t('initiatives.propose')}
        </Button>
      </Stack>
    </form>
  );
}
