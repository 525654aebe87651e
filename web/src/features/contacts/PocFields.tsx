import { Checkbox, FileInput, Group, TextInput } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { ApiProblem } from '../../api/client';
import { base64Of } from '../../ui/file-base64';
import { WEEKDAY_LABEL } from './labels';
import type { Poc } from './queries';

/** What the nomination form edits: the fields of a nomination but its role, as the person types them. */
export interface PocDraft {
  name: string;
  title: string;
  organisation: string;
  email: string;
  phone: string;
  languages: string;
  timeZone: string;
  from: string;
  to: string;
  days: number[];
}

export const emptyDraft = (): PocDraft => ({
  name: '',
  title: '',
  organisation: '',
  email: '',
  phone: '',
  languages: 'en',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  from: '09:00',
  to: '18:00',
  days: [1, 2, 3, 4, 5],
});

export const draftOf = (p: Poc): PocDraft => ({
  name: p.name,
  title: p.title,
  organisation: p.organisation,
  email: p.email,
  phone: p.phone,
  languages: p.languages.join(', '),
  timeZone: p.timeZone,
  from: p.workingHours.from,
  to: p.workingHours.to,
  days: [...p.workingHours.days],
});

/** The body the API takes for a draft (the role and the code apart). */
export const nominationOf = (d: PocDraft, otherChannels: { kind: string; value: string }[] = []) => ({
  name: d.name,
  title: d.title,
  organisation: d.organisation,
  email: d.email,
  phone: d.phone,
  otherChannels,
  languages: d.languages.split(/[\s,]+/).filter(Boolean),
  timeZone: d.timeZone,
  workingHours: { days: d.days, from: d.from, to: d.to },
});

/** The message the API gave a field, beside it. */
export const fieldErrorOf = (error: unknown) => (name: string) => (error instanceof ApiProblem ? error.fieldError(name)?.message : undefined);

/** The fields of a nomination, shared by nominating and changing one. */
export function PocFields({ draft, onChange, error }: { draft: PocDraft; onChange: (d: PocDraft) => void; error: unknown }) {
  const { t } = useTranslation();
  const fieldError = fieldErrorOf(error);
  const set = (key: Exclude<keyof PocDraft, 'days'>) => (e: { currentTarget: { value: string } }) => onChange({ ...draft, [key]: e.currentTarget.value });
  return (
    <>
      <TextInput label={t('contacts.nominate.name')} value={draft.name} onChange={set('name')} required error={fieldError('name')} />
      <TextInput label={t('contacts.nominate.jobTitle')} value={draft.title} onChange={set('title')} error={fieldError('title')} />
      <TextInput label={t('contacts.nominate.organisation')} value={draft.organisation} onChange={set('organisation')} required error={fieldError('organisation')} />
      <TextInput label={t('contacts.nominate.email')} type="email" value={draft.email} onChange={set('email')} required dir="ltr" error={fieldError('email')} />
      <TextInput label={t('contacts.nominate.phone')} type="tel" value={draft.phone} onChange={set('phone')} required dir="ltr" error={fieldError('phone')} />
      <TextInput label={t('contacts.nominate.languages')} description={t('contacts.nominate.languagesHelp')} value={draft.languages} onChange={set('languages')} required dir="ltr" error={fieldError('languages')} />
      <TextInput label={t('contacts.nominate.timeZone')} description={t('contacts.nominate.timeZoneHelp')} value={draft.timeZone} onChange={set('timeZone')} required dir="ltr" error={fieldError('timeZone')} />
      <Checkbox.Group label={t('contacts.nominate.days')} value={draft.days.map(String)} onChange={(v) => onChange({ ...draft, days: v.map(Number).sort() })}>
        <Group mt="xs">
          {([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (
            <Checkbox key={d} value={String(d)} label={t(WEEKDAY_LABEL[d])} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow>
        <TextInput label={t('contacts.nominate.from')} type="time" value={draft.from} onChange={set('from')} required dir="ltr" />
        <TextInput label={t('contacts.nominate.to')} type="time" value={draft.to} onChange={set('to')} required dir="ltr" />
      </Group>
    </>
  );
}

/** The code of the authenticator app: each change to the directory asks for a fresh one. */
export function OtpField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: unknown }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('contacts.nominate.otp')}
      description={t('contacts.nominate.otpHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      dir="ltr"
      error={fieldErrorOf(error)('otp')}
    />
  );
}

/** The largest PDF the form sends: its base64 must stay within what the API takes in a JSON body. */
export const TRANSMISSION_MAX_BYTES = 700 * 1024;

/** The body's `transmission` for a chosen PDF, or nothing. */
export const transmissionOf = async (file: File | null) => (file ? { name: file.name, base64: await base64Of(file) } : undefined);

/** The optional official transmission (a note verbale) of a nomination or a change, as a PDF. */
export function TransmissionField({ value, onChange, error }: { value: File | null; onChange: (f: File | null) => void; error: unknown }) {
  const { t } = useTranslation();
  const tooLarge = value && value.size > TRANSMISSION_MAX_BYTES ? t('contacts.nominate.transmissionTooLarge') : undefined;
  return (
    <FileInput
      label={t('contacts.nominate.transmission')}
      description={t('contacts.nominate.transmissionHelp')}
      placeholder={t('contacts.nominate.chooseFile')}
      accept="application/pdf"
      value={value}
      onChange={onChange}
      error={tooLarge ?? fieldErrorOf(error)('transmission.base64')}
      clearable
      clearButtonProps={{ 'aria-label': t('contacts.nominate.clearFile') }}
    />
  );
}
