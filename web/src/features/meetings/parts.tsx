import { Badge, Table } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import type { Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { FallbackMark, isolated, Localized as LocalizedText, LocalizedOption } from '../../ui/localized';
import ui from '../../ui/ui.module.css';
import { localized, useMeetingLabels, type Localized, type Meeting, type MeetingStatus, type ParticipantRole } from './queries';
import classes from './meetings.module.css';
import { formatRangeInZone } from '../../ui/dates';

/** "12 March 2027, 10:00 – 16 March 2027, 18:00 (Eastern Time, time zone America/New_York)": in the meeting's own zone. */
export function MeetingDates({ meeting }: { meeting: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const lang = useLang();
  return <span data-testid="meeting-dates">{formatRangeInZone(meeting.startsAt, meeting.endsAt, meeting.timeZone, lang)}</span>;
}

/** A meeting's status in words (never by colour alone). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const labels = useMeetingLabels();
  const color = status === 'registration-open' ? '#1e6b30' : status === 'in-session' ? 'un.9' : status === 'closed' ? 'gray.8' : status === 'cancelled' ? '#a51d1d' : 'dark';
  return (
    <Badge variant={status === 'planned' || status === 'draft' ? 'outline' : 'filled'} color={color} className={ui.badge} data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}

export { FallbackMark, LocalizedText };

type AgendaItemShown = { key: string; number: string; title: Localized };

/**
 * An agenda item as a native select's option ("2 (a) Points of contact"): a title the page's
 * language does not have yet is the English one, marked as `LocalizedOption` marks it.
 */
export function AgendaItemOption({ item }: { item: AgendaItemShown }) {
  const lang = useLang();
  return <LocalizedOption value={item.key} text={item.title} prefix={`${isolated(item.number, lang)} `} />;
}

/** An agenda item as a line (a heading): its number, then its title in its own language, marked when it is not the page's. */
export function AgendaItemLine({ item }: { item: Omit<AgendaItemShown, 'key'> }) {
  const lang = useLang();
  return (
    <>
      {isolated(item.number, lang)} <LocalizedText text={item.title} />
    </>
  );
}

/** A meeting's title as plain text in the page's language (for document titles and labels). */
export function titleText(text: Localized, lang: Language): string {
  return localized(text, lang).text;
}

/**
 * A participant in a line: the name, then the title and the role, set apart by space and weight
 * (a separator would be punctuation of one language only).
 */
export function ParticipantEntry({ name, title, role }: { name: string; title: string | null | undefined; role: string }) {
  return (
    <span className={ui.parts}>
      <strong>{name}</strong> {title ? <span>{title}</span> : null} <span className={classes.role}>{role}</span>
    </span>
  );
}

/** A delegation in a list of participants: its name, and who is on it. */
export interface ListedDelegation {
  /** The State's ISO code or the organisation's id. */
  id: string;
  name: string;
  participants: readonly { role: ParticipantRole; name: string; title?: string | null | undefined }[];
}

/**
 * The list of participants as a table (delegation, role, name, title), one row group per
 * delegation: on the meeting page, in the preview before registering, and printed.
 */
export function ParticipantsTable({ caption, delegations, empty, testId }: { caption: string; delegations: readonly ListedDelegation[]; empty?: string; testId?: string }) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid={testId} className={classes.participants}>
      <Table.Caption className={classes.caption}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('meetings.registration.delegation')}</Table.Th>
          <Table.Th scope="col">{t('meetings.registration.role')}</Table.Th>
          <Table.Th scope="col">{t('meetings.registration.name')}</Table.Th>
          <Table.Th scope="col">{t('meetings.registration.personTitle')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      {delegations.length === 0 && empty ? (
        <Table.Tbody>
          <Table.Tr>
            <Table.Td colSpan={4}>{empty}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      ) : null}
      {delegations.map((d) => (
        <Table.Tbody key={d.id} data-delegation={d.id}>
          {d.participants.map((p, i) => (
            <Table.Tr key={i}>
              {i === 0 ? (
                <Table.Th scope="rowgroup" rowSpan={d.participants.length}>
                  {d.name}
                </Table.Th>
              ) : null}
              <Table.Td>{labels.role(p.role)}</Table.Td>
              <Table.Th scope="row">{p.name}</Table.Th>
              <Table.Td>{p.title || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
    </Table>
  );
}
