import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Burger } from '@mantine/core';
import { useTranslation } from './i18n';
import { useLocation } from 'react-router';
import { directionOf } from './languages';
import { useLang } from './paths';
// Mantine's styles for the button only this menu uses (the shared ones load in src/styles.ts; the drawer's with it).
import '@mantine/core/styles/Burger.css';
import classes from './PhoneMenu.module.css';

const loadDrawer = () => import('./PhoneDrawer');
const PhoneDrawer = lazy(loadDrawer);

/** How the menu's two lists are styled on the drawer's white: the main navigation and the languages. */
export interface MenuClasses {
  nav: { list: string; link: string };
  languages: { list: string; link: string };
}

const MENU: MenuClasses = {
  nav: { list: classes.navList ?? '', link: classes.navLink ?? '' },
  languages: { list: classes.languages ?? '', link: classes.languageLink ?? '' },
};

/**
 * The menu of a narrow screen (below 48em, Mantine's `sm`): a button in the header that opens the
 * main navigation and the choice of language in a drawer from the reading side. Wider screens never
 * show the button: they show the navigation bar and the languages in the top bar instead (the
 * layout hides those below 48em). The drawer keeps the focus while open, Escape and its close button
 * close it and give the focus back to the button; following a link in it closes it and leaves the
 * focus to the new page's heading.
 */
export function PhoneMenu({ children }: { children: (menu: MenuClasses) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rtl = directionOf(lang) === 'rtl';
  const drawerId = useId();
  const { pathname, search } = useLocation();
  const [opened, setOpened] = useState(false);
  // The drawer's code is fetched, and the drawer set up closed, when the button is first pointed at or
  // focused; a click before it arrives opens it as it arrives.
  const [used, setUsed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const prepare = () => {
    void loadDrawer();
    setUsed(true);
  };
  // Closed by a navigation: the new page's heading takes the focus, not the button.
  const [returnFocus, setReturnFocus] = useState(true);
  const where = useRef(pathname + search);

  useEffect(() => {
    if (where.current === pathname + search) return;
    where.current = pathname + search;
    setReturnFocus(false);
    setOpened(false);
  }, [pathname, search]);

  return (
    <>
      <Burger
        hiddenFrom="sm"
        opened={opened}
        ref={button}
        onPointerEnter={prepare}
        onFocus={prepare}
        onClick={() => {
          setReturnFocus(true);
          setUsed(true);
          setOpened((o) => !o);
        }}
        aria-label={t('phone.menu')}
        aria-expanded={opened}
        aria-controls={opened ? drawerId : undefined}
        aria-haspopup="dialog"
        className={classes.burger}
        data-testid="phone-menu-button"
      />
      {used ? (
        <Suspense fallback={null}>
          <PhoneDrawer
            id={drawerId}
            opened={opened}
            onClose={() => {
              setOpened(false);
              // Escape or the close button: the focus goes back to the button (Mantine's own return needs
              // the drawer to have been there, closed, before it opened, which a first quick click skips).
              button.current?.focus();
            }}
            position={rtl ? 'left' : 'right'}
            title={t('phone.menu')}
            closeLabel={t('phone.closeMenu')}
            returnFocus={returnFocus}
            classNames={{ body: classes.body, title: classes.title }}
          >
            {children(MENU)}
          </PhoneDrawer>
        </Suspense>
      ) : null}
    </>
  );
}
