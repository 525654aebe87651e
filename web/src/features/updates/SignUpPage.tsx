import { useState, type FormEvent } from 'react';
import { Button, Checkbox, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { LANGUAGES, type Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TOPICS, TOPIC_LABELS, type Topic } from './topics';

/** Anyone asks for the PoA's email updates, as on the UN's own sign-up form: the answer is the same for every address. */
export default function SignUpPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [topics, setTopics] = useState<Topic[]>([...TOPICS]);
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/updates/subscriptions', { body: { email, language, topics } })),
    // The form gives way to the message: the focus goes to it.
    onSuccess: () => focusDone('subscription'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  if (send.isSuccess)
    return (
      <Stack gap="md">
        <PageHeading>{t('updates.title')}</PageHeading>
        <DoneMessage name="subscription" show title={t('updates.checkMailTitle')}>
          {t('updates.checkMail')}
        </DoneMessage>
      </Stack>
    );
  return (
    <Stack gap="md" maw={560}>
      <PageHeading>{t('updates.title')}</PageHeading>
      <Text>{t('updates.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput type="email" label={t('updates.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required autoComplete="email" />
          <NativeSelect
            label={t('updates.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
            data={LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }))}
          />
          <Checkbox.Group label={t('updates.topics')} value={topics} onChange={(v) => setTopics(v as Topic[])} required>
            <Stack gap={6} mt={6}>
              {TOPICS.map((topic) => (
                <Checkbox key={topic} value={topic} label={t(TOPIC_LABELS[topic])} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="sm">{t('updates.privacy')}</Text>
          {send.isError ? <ProblemAlert error={send.error} /> : null}
          <Button type="submit" loading={send.isPending} disabled={topics.length === 0} w="fit-content">
            {t('updates.subscribe')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
