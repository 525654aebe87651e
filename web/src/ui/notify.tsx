import { notifications } from '@mantine/notifications';
import { i18n } from '../app/i18n';
import { problemMessage, problemTitle } from './problems';

const closeButtonProps = () => ({ 'aria-label': i18n.t('common.closeNotification') });

/** A short confirmation, read out by screen readers (role="status" is set by Mantine's notifications). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, closeButtonProps: closeButtonProps() });
}

export function notifyError(error: unknown): void {
  notifications.show({
    title: problemTitle(error),
    message: problemMessage(error),
    color: 'red',
    withBorder: true,
    autoClose: 10_000,
    closeButtonProps: closeButtonProps(),
  });
}
