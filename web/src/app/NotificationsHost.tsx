import { Notifications } from '@mantine/notifications';

/** Mantine's notifications container, in a chunk of its own (see Notices). */
export default function NotificationsHost() {
  return <Notifications position="top-center" />;
}
