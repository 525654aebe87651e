import { Suspense, useRef } from 'react';
import { Anchor, Box, Button, Container, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from './i18n';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { notifyError } from '../ui/notify';
import { HeaderSearch } from '../features/search';
import { NotificationsLink } from '../features/follows';
import { LanguageSwitcher } from './LanguageSwitcher';
import { PhoneMenu } from './PhoneMenu';
import { markNavigation } from './navigation';
import { useLocalPath } from './paths';
import { forgetMe, useMe } from './session';
import classes from './Layout.module.css';

export function Layout() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const location = useLocation();
  const lastPath = useRef(location.pathname);

  // After a navigation inside the app, the new page's heading takes the focus (see PageHeading).
  // Noted while rendering, so that the new page's own effects already know it.
  if (lastPath.current !== location.pathname) {
    lastPath.current = location.pathname;
    markNavigation();
  }

  const skipToMain = (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <div className={classes.page}>
      <a href="#main" className={classes.skipLink} onClick={skipToMain}>
        {t('layout.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.topBar}>
          <Container size="lg" className={classes.topBarInner}>
            <Text span size="sm" className={classes.topBarText}>
              {t('layout.unitedNations')}
            </Text>
            <Box visibleFrom="sm">
              <LanguageSwitcher />
            </Box>
          </Container>
        </div>
        <Container size="lg" className={classes.brandRow}>
          <Anchor component={Link} to={to('/')} underline="never" className={classes.brand}>
            <svg aria-hidden="true" viewBox="0 0 32 32" width="40" height="40" className={classes.logo}>
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2" />
              <path d="M7 16h18M16 7c-4 5-4 13 0 18M16 7c4 5 4 13 0 18" fill="none" stroke="#fff" strokeWidth="1.6" />
            </svg>
            <span>
              <span className={classes.brandName}>{t('layout.platformName')}</span>
              <span className={classes.brandTagline}>{t('layout.tagline')}</span>
            </span>
          </Anchor>
          <PhoneMenu>
            {(menu) => (
              <>
                <MainNavigation menu={menu.nav} />
                <LanguageSwitcher classNames={menu.languages} />
              </>
            )}
          </PhoneMenu>
          <HeaderSearch />
          <SessionArea />
        </Container>
      </header>
      <MainNavigation />
      <main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg" py="xl">
          <Suspense
            fallback={
              <Group justify="center" py="xl">
                <Loader aria-label={t('common.loading')} />
              </Group>
            }
          >
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <Footer />
    </div>
  );
}

/** The main navigation: a bar under the header on a wide screen, or (`menu`) a list in the phone menu. */
function MainNavigation({ menu }: { menu?: { list: string; link: string } }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const me = useMe();
  const account = me.data?.account ?? null;
  const can = me.data?.can;
  const item = (path: string, label: string, end = false) => (
    <li>
      <NavLink to={to(path)} end={end} className={menu?.link ?? classes.navLink}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <nav aria-label={t('layout.mainNavigation')} className={menu ? undefined : classes.nav}>
      <Container size="lg" px={menu ? 0 : undefined}>
        <ul className={menu?.list ?? classes.navList}>
          {item('/', t('nav.home'), true)}
          {item('/states', t('nav.states'))}
          {item('/framework', t('nav.framework'))}
          {item('/meetings', t('nav.meetings'))}
          {item('/groups', t('nav.groups'))}
          {item('/documents', t('nav.documents'))}
          {item('/drafts', t('nav.drafts'))}
          {item('/outcomes', t('nav.outcomes'))}
          {item('/reporting', t('nav.reporting'))}
          {item('/initiatives', t('initiatives.nav'))}
          {item('/capacity', t('capacity.nav'))}
          {item('/accreditation', t('stakeholders.nav'))}
          {account?.roles.some((r) => r === 'secretariat' || r === 'focal_point' || r === 'poc') ? item('/contacts', t('contacts.directory.title')) : null}
          {can?.invite ? item('/invite', t('nav.invite')) : null}
          {account ? item('/account', t('nav.account')) : null}
        </ul>
      </Container>
    </nav>
  );
}

function SessionArea() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const account = me.data?.account ?? null;

  const signOut = async () => {
    try {
      await unwrap(api.DELETE('/api/v1/session'));
      await forgetMe(queryClient);
      void navigate(to('/'));
    } catch (error) {
      notifyError(error);
    }
  };

  if (me.isPending) return <div className={classes.session} />;
  if (!account) {
    const next = location.pathname.endsWith('/sign-in') ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <div className={classes.session}>
        <Button component={Link} to={`${to('/sign-in')}${next}`} variant="outline">
          {t('nav.signIn')}
        </Button>
      </div>
    );
  }
  return (
    <div className={classes.session}>
      <Anchor component={Link} to={to('/my')} size="sm" fw={700}>
        {t('my.nav')}
      </Anchor>
      <Text size="sm" className={classes.signedInAs}>
        <VisuallyHidden>{t('layout.signedInAs')} </VisuallyHidden>
        <Anchor component={Link} to={to('/account')}>
          {account.name}
        </Anchor>
      </Text>
      <NotificationsLink />
      <Button variant="outline" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </Button>
    </div>
  );
}

function Footer() {
  const { t } = useTranslation();
  const to = useLocalPath();
  return (
    <footer className={classes.footer}>
      <Container size="lg">
        <Box className={classes.footerGrid}>
          <div>
            <Text fw={600}>{t('layout.platformName')}</Text>
            <Text size="sm">{t('layout.footerAbout')}</Text>
          </div>
          <ul className={classes.footerLinks}>
            <li>
              <Anchor component={Link} to={to('/states')} c="white" className={classes.footerLink}>
                {t('nav.states')}
              </Anchor>
            </li>
            <li>
              <Anchor component={Link} to={to('/framework')} c="white" className={classes.footerLink}>
                {t('nav.framework')}
              </Anchor>
            </li>
            <li>
              <Anchor component={Link} to={to('/open-data')} c="white" className={classes.footerLink}>
                {t('nav.openData')}
              </Anchor>
            </li>
            <li>
              <Anchor component={Link} to={to('/updates')} c="white" className={classes.footerLink}>
                {t('updates.nav')}
              </Anchor>
            </li>
            <li>
              <Anchor href="/api/docs" c="white" className={classes.footerLink}>
                {t('layout.apiDocs')}
              </Anchor>
            </li>
          </ul>
        </Box>
      </Container>
    </footer>
  );
}
