import { Anchor, Group } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { NavLink } from 'react-router';
import { useLocalPath } from '../../app/paths';

/** The parts of capacity-building, one link each, under every list's heading. */
export function CapacityLinks() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const link = (path: string, label: string) => (
    <li>
      <Anchor component={NavLink} to={to(path)} end>
        {label}
      </Anchor>
    </li>
  );
  return (
    <nav aria-label={t('capacity.links.label')}>
      <Group component="ul" gap="lg" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {link('/capacity/needs', t('capacity.links.needs'))}
        {link('/capacity/offers', t('capacity.links.offers'))}
        {link('/capacity/projects', t('capacity.links.projects'))}
        {link('/capacity/analysis', t('capacity.links.analysis'))}
      </Group>
    </nav>
  );
}
