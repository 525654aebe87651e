import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { useSearchParam } from '../../ui/search-params';
import { localized, type Meeting } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { formatDate, formatMonth, formatWeekday } from '../../ui/dates';

const isMonth = (v: string | null): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (y: number, m: number) => `${y}-${pad(m)}`;

/** The days (YYYY-MM-DD) a meeting covers, as local dates in its own time zone. */
function daysOf(m: Meeting): string[] {
  const first = m.local.startsAt.slice(0, 10);
  const last = m.local.endsAt.slice(0, 10);
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last && out.length < 62; d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** One month as a table of weeks (Monday first), each meeting on the days it is held, in its own time zone. */
export function MonthView({ meetings }: { meetings: Meeting[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const [params] = useSearchParam();
  const now = new Date();
  const param = params.get('month');
  const month = isMonth(param) ? param : monthKey(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const prev = m === 1 ? monthKey(y - 1, 12) : monthKey(y, m - 1);
  const next = m === 12 ? monthKey(y + 1, 1) : monthKey(y, m + 1);
  const withMonth = (value: string) => {
    const p = new URLSearchParams(params);
    p.set('month', value);
    return `?${p.toString()}`;
  };

  const label = formatMonth(month, lang);
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => `2024-01-0${1 + i}`);

  const byDay = new Map<string, Meeting[]>();
  for (const meeting of meetings) for (const d of daysOf(meeting)) byDay.set(d, [...(byDay.get(d) ?? []), meeting]);

  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const count = meetings.filter((mt) => daysOf(mt).some((d) => d.startsWith(month))).length;

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Anchor component={Link} to={withMonth(prev)} replace>
          {t('calendar.previousMonth')}
        </Anchor>
        <Text role="status" aria-live="polite" fw={600}>
          {t('calendar.countInMonth', { count, month: label })}
        </Text>
        <Anchor component={Link} to={withMonth(next)} replace>
          {t('calendar.nextMonth')}
        </Anchor>
      </Group>
      <div className={listing.scroll}>
        <table className={classes.monthGrid}>
          <caption className={classes.caption}>{label}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d} scope="col" abbr={formatWeekday(d, lang)}>
                  {formatWeekday(d, lang, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={i}>
                {week.map((day, j) => {
                  if (day === null) return <td key={j} />;
                  const key = `${month}-${pad(day)}`;
                  const here = byDay.get(key) ?? [];
                  return (
                    <td key={j} data-day={key}>
                      <time className={classes.dayNumber} dateTime={key} title={formatDate(key, lang, { weekday: true })}>
                        {day.toLocaleString(lang)}
                      </time>
                      {here.map((mt) => {
                        const title = localized(mt.title, lang);
                        return (
                          <Anchor key={mt.id} component={Link} to={to(`/meetings/${mt.id}`)} className={classes.dayMeeting} lang={title.language}>
                            {title.text}
                          </Anchor>
                        );
                      })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text size="sm" c="dimmed" mt="xs">
        {t('calendar.monthNote')}
      </Text>
    </div>
  );
}
