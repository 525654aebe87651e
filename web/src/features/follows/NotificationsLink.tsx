import { Anchor, Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { unreadQuery } from './queries';

/** The header's link to one's notices, with how many are unread (for signed-in people only: the caller renders it so). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const unread = useQuery(unreadQuery()).data?.unread ?? 0;
  return (
    <Anchor component={Link} to={to('/notifications')} size="sm" data-testid="notifications-link" aria-label={unread > 0 ? t('follows.linkUnread', { count: unread }) : t('follows.title')}>
      {t('follows.title')}
      {unread > 0 ? (
        <Badge component="span" ms={6} color="un" variant="filled" aria-hidden="true" data-testid="unread-count">
          {unread}
        </Badge>
      ) : null}
    </Anchor>
  );
}
