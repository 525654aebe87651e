import { lazy, Suspense, useState } from 'react';
import { useNotifications } from '@mantine/notifications';

const NotificationsHost = lazy(() => import('./NotificationsHost'));

/**
 * Where notifications show (ui/notify), its code fetched with the first one: Mantine's notifications
 * bring their transitions and gestures, which a page that never shows one does not need. A
 * notification shown meanwhile waits in the store and appears as the code arrives. Once there, the
 * container stays (it hides the last notification with its own transition).
 */
export function Notices() {
  const count = useNotifications().notifications.length;
  const [needed, setNeeded] = useState(false);
  if (count > 0 && !needed) setNeeded(true);
  if (!needed && count === 0) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  );
}
