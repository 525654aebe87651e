import { Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { DecisionAlert } from './parts';
import { outcomesQuery, useDraftLabels } from './queries';
import classes from './drafts.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { formatDay } from '../../ui/dates';
import { InLanguage, Verbatim } from '../../ui/localized';

/** The public record of adopted outcomes. */
export default function OutcomesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const query = useQuery(outcomesQuery());
  return (
    <Stack gap="lg">
      <PageHeading>{t('outcomes.title')}</PageHeading>
      <Text className={listing.intro}>{t('outcomes.intro')}</Text>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <DecisionAlert error={query.error} />
      ) : (
        <>
          <Text role="status">{t('outcomes.count', { count: query.data.items.length })}</Text>
          {query.data.items.length ? (
            <div className={listing.scroll}>
              <Table withTableBorder verticalSpacing="sm">
                <caption className={classes.visuallyHidden}>{t('outcomes.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('outcomes.symbol')}</Table.Th>
                    <Table.Th scope="col">{t('outcomes.kind')}</Table.Th>
                    <Table.Th scope="col">{t('outcomes.titleColumn')}</Table.Th>
                    <Table.Th scope="col">{t('outcomes.adoptedOn')}</Table.Th>
                    <Table.Th scope="col">{t('outcomes.how')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((o) => (
                    <Table.Tr key={o.id} data-outcome={o.symbol}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={to(`/outcomes/${o.id}`)} className={ui.code}>
                          <Verbatim>{o.symbol}</Verbatim>
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{labels.kind(o.kind)}</Table.Td>
                      <Table.Td>
                        <InLanguage lang="en">{o.title}</InLanguage>
                        {o.supersededBy ? (
                          <Text size="sm">
                            {t('outcomes.supersededBy')}{' '}
                            <Anchor component={Link} to={to(`/outcomes/${o.supersededBy.id}`)} className={ui.code}>
                              <Verbatim>{o.supersededBy.symbol}</Verbatim>
                            </Anchor>
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{formatDay(o.adoptedAt, lang)}</Table.Td>
                      <Table.Td>{labels.via(o.adoptedVia)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : (
            <Text>{t('outcomes.none')}</Text>
          )}
        </>
      )}
    </Stack>
  );
}
