import { Badge, Group, Text, Title } from '@mantine/core';
import { FrameworkCode } from '../framework';
import { useTranslation } from '../../app/i18n';
import { useLang } from '../../app/paths';
import { directionOf } from '../../app/languages';
import { FallbackMark, InLanguage, LocalizedList } from '../../ui/localized';
import { ElementText } from '../framework';
import { textIn, useReportingLabels, useSectionTitle, type Answer, type Section, type Visibility } from './queries';
import classes from './reporting.module.css';
import ui from '../../ui/ui.module.css';

/** Who may read something, in words. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const labels = useReportingLabels();
  return (
    <Badge variant="outline" color={visibility === 'public' ? 'un' : 'dark'} className={ui.badge} data-visibility={visibility}>
      {labels.visibility(visibility)}
    </Badge>
  );
}

/** A section's title, in the page's language or in English with the fallback mark. */
export function SectionTitle({ section, order = 2 }: { section: Section; order?: 2 | 3 }) {
  const title = useSectionTitle()(section);
  return (
    <Group gap="xs" align="baseline">
      <Title order={order} size={order === 2 ? 'h3' : 'h4'}>
        <span lang={title.language} dir={directionOf(title.language)}>
          {title.title}
        </span>
      </Title>
      <FallbackMark show={title.fallback} />
    </Group>
  );
}

/** The framework texts a section asks about, with the recommendations that implement a norm. */
export function FrameworkTexts({ section }: { section: Section }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (section.elements.length === 0 && section.recommendations.length === 0) return null;
  return (
    <div className={classes.framework}>
      {section.elements.map((e) => {
        const display = textIn(e.texts, lang);
        return (
          <div key={e.code} data-code={e.code}>
            {section.elements.length > 1 ? (
              <Text fw={600} lang={display.language} dir={directionOf(display.language)}>
                {display.title}
              </Text>
            ) : null}
            <FallbackMark show={display.fallback} />
            <ElementText display={display} />
            <Text size="xs" lang="en" dir="ltr">
              <cite>{e.citation}</cite>
            </Text>
          </div>
        );
      })}
      {section.recommendations.length > 0 ? (
        <>
          <Text fw={600} mt="sm">
            {t('reporting.edit.recommendations')}
          </Text>
          <ul>
            {section.recommendations.map((r) => {
              const display = textIn(r.texts, lang);
              return (
                <li key={r.code} data-code={r.code}>
                  <span lang={display.language} dir={directionOf(display.language)}>
                    {display.title}
                  </span>{' '}
                  <FallbackMark show={display.fallback} />{' '}
                  <Text span size="xs" lang="en" dir="ltr">
                    (<cite>{r.citation}</cite>)
                  </Text>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** An answer as read: status, measures, challenges, needs, contacts. */
export function AnswerView({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  // Empty when no field holds anything: no text, no choice, no need (whatever fields an answer has).
  const empty = Object.values(answer).every((v) => (Array.isArray(v) ? v.length === 0 : !v));
  if (empty) return <Text c="dimmed">{t('reporting.report.noAnswer')}</Text>;
  return (
    <dl className={ui.facts}>
      {answer.noChangeSinceLastReport ? (
        <>
          <dt>{t('reporting.fields.noChange')}</dt>
          <dd>{t('reporting.report.yes')}</dd>
        </>
      ) : null}
      {answer.status ? (
        <>
          <dt>{t('reporting.fields.status')}</dt>
          <dd data-field="status">{labels.status(answer.status)}</dd>
        </>
      ) : null}
      {answer.measures ? (
        <>
          <dt>{t('reporting.fields.measures')}</dt>
          <dd>
            <p className={classes.answerText} data-field="measures">
              <InLanguage lang="en" mark={false}>
                {answer.measures}
              </InLanguage>
            </p>
          </dd>
        </>
      ) : null}
      {answer.challenges ? (
        <>
          <dt>{t('reporting.fields.challenges')}</dt>
          <dd>
            <p className={classes.answerText} data-field="challenges">
              <InLanguage lang="en" mark={false}>
                {answer.challenges}
              </InLanguage>
            </p>
          </dd>
        </>
      ) : null}
      {answer.needs?.length ? (
        <>
          <dt>{t('reporting.fields.needs')}</dt>
          <dd>
            <ul>
              {answer.needs.map((n, i) => (
                <li key={i}>
                  <span className={classes.answerText}>
                    <InLanguage lang="en" mark={false}>
                      {n.description}
                    </InLanguage>
                  </span>
                  {n.codes.length ? (
                    <>
                      {' '}
                      (<LocalizedList type="unit" items={n.codes.map((c) => <FrameworkCode key={c} code={c} link={false} />)} />)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {answer.contacts ? (
        <>
          <dt>{t('reporting.fields.contacts')}</dt>
          <dd>
            <p className={classes.answerText} data-field="contacts">
              <InLanguage lang="en" mark={false}>
                {answer.contacts}
              </InLanguage>
            </p>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
