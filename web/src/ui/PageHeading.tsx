import { useEffect, useRef, type ReactNode } from 'react';
import { Title } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { hasNavigated } from '../app/navigation';
import classes from './ui.module.css';

/**
 * The page's one h1. It names the page in the browser's title and, after a navigation inside the
 * app, takes the focus so that screen reader and keyboard users start from the new page's top.
 */
export function PageHeading({ children, title, id }: { children: ReactNode; title?: string; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? `${text} · ${t('layout.platformName')}` : t('layout.platformName');
  }, [text, t]);

  useEffect(() => {
    if (hasNavigated()) ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Title order={1} ref={ref} id={id} tabIndex={-1} className={classes.pageHeading}>
      {children}
    </Title>
  );
}
