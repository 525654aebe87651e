import { Anchor, Group } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import ui from '../../ui/ui.module.css';

/** The framework's own pages: browse, timeline, search. */
export function FrameworkLinks({ current }: { current: 'browse' | 'timeline' | 'search' | null }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const link = (key: 'browse' | 'timeline' | 'search', path: string, label: string) => (
    <Anchor component={Link} to={to(path)} aria-current={current === key ? 'page' : undefined} fw={current === key ? 700 : 400}>
      {label}
    </Anchor>
  );
  return (
    <Group gap="lg" component="p" className={ui.noPrint}>
      {link('browse', '/framework', t('framework.browse'))}
      {link('timeline', '/framework/timeline', t('framework.timeline.title'))}
      {link('search', '/framework/search', t('framework.search.title'))}
    </Group>
  );
}
