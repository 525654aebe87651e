import { useMemo } from 'react';
import { Anchor, Loader, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchParam } from '../../ui/search-params';
import { AnswerView } from './parts';
import { codeOf, compareQuery, cycleQuery, useSectionTitle } from './queries';
import { statesQuery } from '../states';
import './styles';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';

/** Up to three States side by side, section by section, from what the viewer may see. */
export default function ComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const { id = '' } = useParams();
  const [params, setParam] = useSearchParam();
  const chosen = (params.get('states') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => /^[A-Z]{3}$/.test(s))
    .slice(0, 3);
  const cycle = useQuery(cycleQuery(id));
  const states = useQuery(statesQuery({}));
  const comparison = useQuery({ ...compareQuery(id, chosen), enabled: chosen.length > 0 });
  const sectionTitle = useSectionTitle();
  const names = useMemo(() => new Map((states.data?.items ?? []).map((s) => [s.iso3, s.names[lang] || s.names.en])), [states.data, lang]);
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return [...names.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label));
  }, [names, lang]);

  if (!cycle.isSuccess || !states.isSuccess) return <Loaded query={[cycle, states]} />;
  const rows = (comparison.data?.sections ?? []).filter((s) => s.states.some((x) => x.answer));

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">{cycle.data.title}</Text>
        <PageHeading>{t('reporting.compare.title')}</PageHeading>
        <Text className={listing.intro}>{t('reporting.compare.intro')}</Text>
        <Anchor component={Link} to={to(`/reporting/cycles/${id}/analysis`)}>
          {t('reporting.compare.backToAnalysis')}
        </Anchor>
      </div>
      <MultiSelect
        label={t('reporting.analysis.compareStates')}
        description={t('reporting.analysis.compareHelp')}
        data={options}
        value={chosen}
        onChange={(v) => setParam('states', v.join(','))}
        maxValues={3}
        searchable
        maw="40rem"
      />
      {comparison.isError ? <ProblemAlert error={comparison.error} /> : null}
      {chosen.length > 0 && comparison.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {comparison.data ? (
        <>
          <Text role="status">{t('reporting.compare.sectionsShown', { n: rows.length })}</Text>
          {rows.length > 0 ? (
            <div className={listing.scroll}>
              <Table withTableBorder verticalSpacing="sm" data-testid="compare-table">
                <caption>{t('reporting.compare.caption', { states: chosen.map((c) => names.get(c) ?? c).join(', ') })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reporting.analysis.element')}</Table.Th>
                    {chosen.map((c) => (
                      <Table.Th scope="col" key={c}>
                        {names.get(c) ?? c}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const section = cycle.data.questionnaire.sections.find((s) => s.key === row.key);
                    return (
                      <Table.Tr key={row.key}>
                        <Table.Th scope="row">
                          <span className={ui.code}>{codeOf(row.key)}</span> {section ? sectionTitle(section).title : ''}
                        </Table.Th>
                        {row.states.map((s) => (
                          <Table.Td key={s.iso3} data-state={s.iso3}>
                            {s.answer ? <AnswerView answer={s.answer} /> : <Text c="dimmed">{t('reporting.compare.noVisibleAnswer')}</Text>}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
