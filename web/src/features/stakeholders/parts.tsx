import { useEffect, useState } from 'react';
import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { useLang } from '../../app/paths';
import { formatInZone, formatInstant, formatTimeLeft } from '../../ui/dates';
import { AsWritten, InLanguage } from '../../ui/localized';
import ui from '../../ui/ui.module.css';
import { nameIn, useStakeholderLabels, type ApplicationStatus, type Names, type ObjectionRecord } from './queries';
import classes from './stakeholders.module.css';

/** An organisation's name in the page's language, or in the language it was given in, marked. */
export function OrgName({ names, name }: { names: Names; name: string }) {
  const lang = useLang();
  const shown = nameIn(names, name, lang);
  return (
    <InLanguage lang={shown.language} mark={shown.fallback}>
      {shown.text}
    </InLanguage>
  );
}

/** The name as a plain string (a page's title, a button's name). */
export function useOrgNameText(names: Names | undefined, name: string | undefined): string {
  const lang = useLang();
  return names && name !== undefined ? nameIn(names, name, lang).text : '';
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const labels = useStakeholderLabels();
  const color = status === 'accredited' ? '#1e6b30' : status === 'not-accredited' ? '#a51d1d' : 'dark';
  return (
    <Badge variant="outline" color={color} className={ui.badge} data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}

function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/** A non-objection period: its end as stated, in its zone, and what is left of it. */
export function Period({ period }: { period: { endsAt: string; zone: string } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow();
  const left = formatTimeLeft(period.endsAt, now, lang);
  return (
    <Text component="div" size="sm">
      {t('stakeholders.period.ends', { end: formatInZone(period.endsAt, period.zone, lang, { seconds: true }) })}{' '}
      <span role="timer" aria-live="off" className={classes.timer} data-testid="period-left">
        {left === null ? t('stakeholders.period.ended') : t('stakeholders.period.left', { time: left })}
      </span>
    </Text>
  );
}

/** The record of objections: the count, the States that agreed to be named, the bases shared. */
export function ObjectionRecordView({ record }: { record: ObjectionRecord }) {
  const { t } = useTranslation();
  return (
    <div data-testid="objection-record">
      <Text>{t('stakeholders.record.count', { count: record.count })}</Text>
      {record.namedStates.length ? <Text>{t('stakeholders.record.named', { states: record.namedStates.join(', ') })}</Text> : null}
      {record.bases.length ? (
        <>
          <Text>{t('stakeholders.record.bases')}</Text>
          <List>
            {record.bases.map((b, i) => (
              <List.Item key={i}>{b}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </div>
  );
}

/** An application's steps, in order, with the notes (questions, answers, the period's end). */
export function Steps({ steps }: { steps: { kind: string; note: string | null; at: string }[] }) {
  const lang = useLang();
  const labels = useStakeholderLabels();
  return (
    <ol className={classes.steps}>
      {steps.map((s, i) => (
        <li key={i}>
          <Text fw={600} component="span">
            {labels.step(s.kind)}
          </Text>{' '}
          <Text component="span" size="sm">
            ({formatInstant(s.at, lang)})
          </Text>
          {s.note ? <Text className={classes.note}>{/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(s.note) ? formatInstant(s.note, lang) : <AsWritten>{s.note}</AsWritten>}</Text> : null}
        </li>
      ))}
    </ol>
  );
}
