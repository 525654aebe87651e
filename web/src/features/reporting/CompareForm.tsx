import { useMemo, useState } from 'react';
import { Button, Group, MultiSelect, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../app/i18n';
import { useLang, useLocalPath } from '../../app/paths';
import type { StateRow } from './AnalysisPage';

/**
 * The analysis's last form: up to three States to compare. In a chunk of its own, fetched as the page
 * draws: Mantine's MultiSelect brings its combobox, scroll area, portal and focus trap (about 35 KB
 * gzip in nine files), which the page's first view does not need.
 */
export default function CompareForm({ cycleId, states }: { cycleId: string; states: StateRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>([]);
  const options = useMemo(() => states.map((s) => ({ value: s.iso3, label: s.names[lang] || s.names.en })), [states, lang]);
  return (
    <section aria-labelledby="compare">
      <Title order={2} size="h3" id="compare" mb="xs">
        {t('reporting.analysis.compare')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length) void navigate(to(`/reporting/cycles/${cycleId}/compare?states=${chosen.join(',')}`));
        }}
      >
        <Group align="flex-end">
          <MultiSelect label={t('reporting.analysis.compareStates')} description={t('reporting.analysis.compareHelp')} data={options} value={chosen} onChange={setChosen} maxValues={3} searchable miw="20rem" />
          <Button type="submit" disabled={chosen.length === 0}>
            {t('reporting.analysis.compareGo')}
          </Button>
        </Group>
      </form>
    </section>
  );
}
