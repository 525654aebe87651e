import { Anchor, Table } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { LANGUAGES } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { useDocumentLabels, useLanguageName, type DocumentItem } from './queries';
import { FallbackMark, Localized, Verbatim } from '../../ui/localized';
import classes from './documents.module.css';
import listing from '../../ui/listing.module.css';
import { formatDate } from '../../ui/dates';

export { FallbackMark, Localized };


/** The six languages, in the UN's order, with those that exist said in words (not by colour alone). */
export function LanguageList({ languages }: { languages: DocumentItem['languages'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLanguageName(lang);
  const present = LANGUAGES.filter((l) => languages[l]);
  if (present.length === 0) return <span className={classes.none}>{t('documents.noFileYet')}</span>;
  return (
    <ul className={classes.languages} aria-label={t('documents.languagesAvailable')}>
      {present.map((l) => (
        <li key={l}>
          <abbr title={name(l)} className={classes.languageCode}>
            <Verbatim>{l.toUpperCase()}</Verbatim>
          </abbr>
        </li>
      ))}
    </ul>
  );
}

/** Documents as a table: symbol (a link to the document's page), title, type, date, languages. */
export function DocumentsTable({ items, caption }: { items: DocumentItem[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDocumentLabels();
  return (
    <div className={listing.scroll}>
      <Table withTableBorder verticalSpacing="sm" className={listing.table}>
        <caption className={listing.caption}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('documents.symbol')}</Table.Th>
            <Table.Th scope="col">{t('documents.titleColumn')}</Table.Th>
            <Table.Th scope="col">{t('documents.type')}</Table.Th>
            <Table.Th scope="col">{t('documents.date')}</Table.Th>
            <Table.Th scope="col">{t('documents.languages')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-symbol={d.symbol}>
              <Table.Th scope="row" className={classes.symbolCell}>
                <Anchor component={Link} to={to(`/documents/${d.id}`)} className={classes.symbol} dir="ltr">
                  <Verbatim>{d.symbol}</Verbatim>
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Localized text={d.title} />
              </Table.Td>
              <Table.Td>{labels.type(d.type)}</Table.Td>
              <Table.Td className={classes.nowrap}>{formatDate(d.date, lang)}</Table.Td>
              <Table.Td>
                <LanguageList languages={d.languages} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
