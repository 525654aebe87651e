/**
 * The strings loaded with the app in every language, before any page (scripts/locale-parts.ts): the
 * layout's (header, navigation, footer, the header's search and notifications, the phone menu) and
 * those every page may show (loading, problems, an unexpected error, a page not found). Key paths: a
 * whole top-level key, or one string of a part that a page loads with its route (`capacity.nav`).
 * `test/locale-parts.test.ts` fails when the layout shows a string that is not here.
 */
export const SHELL_STRINGS: readonly string[] = [
  'layout',
  'nav',
  'common',
  'problems',
  'errors',
  'notFound',
  'phone',
  'signInLimits',
  'capacity.nav',
  'contacts.directory.title',
  'follows.linkUnread',
  'follows.title',
  'initiatives.nav',
  'my.nav',
  'search.header',
  'search.kinds',
  'stakeholders.nav',
  'updates.nav',
];
