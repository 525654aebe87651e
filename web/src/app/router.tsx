import { isValidElement, lazy, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, Navigate, useLocation, useRoutes, type Params, type RouteObject } from 'react-router';
import { analysisFirstData } from '../features/reporting';
import { loadParts, type LocalePart } from './i18n';
import { LanguageRoot } from './LanguageRoot';
import { Layout } from './Layout';
import { preferredLanguage } from './languages';
import { RequireAccount } from './RequireAccount';
import { RouteErrorBoundary } from './RouteError';

/**
 * A page in its own chunk, with the parts of the strings it shows (test/locale-parts.test.ts checks
 * the list), both fetched before it renders; both can be fetched before React asks for the page.
 */
function page(load: () => Promise<{ default: ComponentType }>, parts: readonly LocalePart[] = [], data?: FirstData) {
  const withStrings = () => Promise.all([load(), loadParts(parts)]).then(([module]) => module);
  return Object.assign(lazy(withStrings), { preload: withStrings, data });
}

/** A query a page reads (the feature's own definition, key and fetch). */
type Query = { queryKey: readonly unknown[]; queryFn: () => Promise<unknown> };
/**
 * The data a page needs for its first view, from its address: asked for as the app starts, beside the
 * page's code and strings, instead of once they have come and the page renders (a round trip less on a
 * slow connection). The page reads it with a short staleTime, so as not to fetch it again at once.
 */
type FirstData = (params: Params) => readonly Query[];

// One chunk per feature: the home page loads none of the others.
const HomePage = page(() => import('../features/home/HomePage'), ['home', 'my']);
const SignInPage = page(() => import('../features/accounts/SignInPage'), ['forms', 'signIn']);
const AcceptInvitationPage = page(() => import('../features/accounts/AcceptInvitationPage'), ['account', 'contacts', 'forms', 'invitation', 'recovery', 'roles']);
const RequestResetPage = page(() => import('../features/accounts/RequestResetPage'), ['forms', 'reset']);
const SetNewPasswordPage = page(() => import('../features/accounts/SetNewPasswordPage'), ['forms', 'reset']);
const AccountPage = page(() => import('../features/accounts/AccountPage'), ['account', 'contacts', 'forms', 'recovery', 'roles']);
const MyPage = page(() => import('../features/my/MyPage'), ['my']);
const InvitePage = page(() => import('../features/accounts/InvitePage'), ['account', 'contacts', 'forms', 'invite', 'roles', 'states']);
const StatesPage = page(() => import('../features/states/StatesPage'), ['groups', 'states']);
const StatePage = page(() => import('../features/states/StatePage'), ['capacity', 'forms', 'groups', 'meetings', 'states']);
const FrameworkPage = page(() => import('../features/framework/FrameworkPage'), ['framework']);
const FrameworkElementPage = page(() => import('../features/framework/ElementPage'), ['forms', 'framework', 'initiatives']);
const FrameworkTimelinePage = page(() => import('../features/framework/TimelinePage'), ['framework']);
const FrameworkSearchPage = page(() => import('../features/framework/SearchPage'), ['framework']);
const InitiativesPage = page(() => import('../features/initiatives/InitiativesPage'), ['initiatives']);
const InitiativePage = page(() => import('../features/initiatives/InitiativePage'), ['initiatives']);
const ProposeInitiativePage = page(() => import('../features/initiatives/ProposePage'), ['initiatives']);
const EditInitiativePage = page(() => import('../features/initiatives/EditPage'), ['initiatives']);
const SearchPage = page(() => import('../features/search/SearchPage'), ['search']);
const UpdatesSignUpPage = page(() => import('../features/updates/SignUpPage'), ['updates']);
const UpdatesConfirmPage = page(() => import('../features/updates/ConfirmPage'), ['updates']);
const UpdatesUnsubscribePage = page(() => import('../features/updates/UnsubscribePage'), ['updates']);
const GroupsPage = page(() => import('../features/groups/GroupsPage'), ['groups', 'meetings']);
const GroupPage = page(() => import('../features/groups/GroupPage'), ['documents', 'follows', 'groups', 'meetings', 'stakeholders']);
const GroupFormPage = page(() => import('../features/groups/GroupFormPage'), ['forms', 'groups', 'meetings']);
const DocumentsPage = page(() => import('../features/documents/DocumentsPage'), ['documents']);
const DocumentPage = page(() => import('../features/documents/DocumentPage'), ['documents']);
const NewDocumentPage = page(() => import('../features/documents/NewDocumentPage'), ['documents', 'forms']);
const CalendarPage = page(() => import('../features/meetings/CalendarPage'), ['calendar', 'meetings']);
const MeetingPage = page(() => import('../features/meetings/MeetingPage'), ['calendar', 'documents', 'follows', 'forms', 'meetings', 'stakeholders']);
const MeetingFormPage = page(() => import('../features/meetings/MeetingFormPage'), ['forms', 'meetings']);
const MeetingRegistrationPage = page(() => import('../features/meetings/RegistrationPage'), ['forms', 'meetings']);
const MeetingAgendaPage = page(() => import('../features/meetings/AgendaPage'), ['forms', 'meetings']);
const DraftsPage = page(() => import('../features/drafts/DraftsPage'), ['drafts', 'outcomes', 'silence']);
const DraftPage = page(() => import('../features/drafts/DraftPage'), ['drafts', 'follows', 'forms', 'outcomes', 'silence']);
const NewDraftPage = page(() => import('../features/drafts/NewDraftPage'), ['drafts', 'framework', 'outcomes', 'silence']);
const DraftComparePage = page(() => import('../features/drafts/ComparePage'), ['drafts', 'outcomes', 'silence']);
const DraftCompilationPage = page(() => import('../features/drafts/CompilationPage'), ['drafts', 'outcomes', 'silence']);
const DraftRevisePage = page(() => import('../features/drafts/RevisePage'), ['drafts', 'outcomes', 'silence']);
const SilenceProceduresPage = page(() => import('../features/drafts/SilenceProceduresPage'), ['drafts', 'follows', 'silence']);
const OutcomesPage = page(() => import('../features/drafts/OutcomesPage'), ['drafts', 'outcomes', 'silence']);
const OutcomePage = page(() => import('../features/drafts/OutcomePage'), ['drafts', 'forms', 'outcomes', 'silence']);
const ReportingCyclesPage = page(() => import('../features/reporting/CyclesPage'), ['follows', 'forms', 'reporting']);
const ReportingEditPage = page(() => import('../features/reporting/EditReportPage'), ['framework', 'reporting']);
const ReportingReportPage = page(() => import('../features/reporting/ReportPage'), ['reporting']);
const ReportingAnalysisPage = page(() => import('../features/reporting/AnalysisPage'), ['groups', 'reporting'], ({ id = '' }) => analysisFirstData(id));
const ReportingComparePage = page(() => import('../features/reporting/ComparePage'), ['reporting']);
const OpenDataPage = page(() => import('../features/open-data/OpenDataPage'), ['openData']);
const ContactsAcknowledgePage = page(() => import('../features/contacts/AcknowledgePage'), ['contacts']);
const ContactsDirectoryPage = page(() => import('../features/contacts/DirectoryPage'), ['contacts']);
const ContactsThreadsPage = page(() => import('../features/contacts/ThreadsPage'), ['contacts']);
const ContactsThreadPage = page(() => import('../features/contacts/ThreadPage'), ['contacts']);
const ContactsNominatePage = page(() => import('../features/contacts/NominatePage'), ['contacts']);
const ContactsChangePocPage = page(() => import('../features/contacts/ChangePocPage'), ['contacts']);
const ContactsWithdrawPocPage = page(() => import('../features/contacts/WithdrawPocPage'), ['contacts']);
const ContactsHistoryPage = page(() => import('../features/contacts/HistoryPage'), ['contacts']);
const ContactsChecksPage = page(() => import('../features/contacts/ChecksPage'), ['contacts', 'groups']);
const ContactsCheckPage = page(() => import('../features/contacts/CheckPage'), ['contacts', 'groups']);
const ContactsReadsPage = page(() => import('../features/contacts/ReadsPage'), ['contacts', 'roles']);
const CapacityNeedsPage = page(() => import('../features/capacity/NeedsPage'), ['capacity']);
const CapacityNeedFormPage = page(() => import('../features/capacity/NeedFormPage'), ['capacity']);
const CapacityNeedPage = page(() => import('../features/capacity/NeedPage'), ['capacity', 'groups']);
const CapacityOffersPage = page(() => import('../features/capacity/OffersPage'), ['capacity']);
const CapacityOfferFormPage = page(() => import('../features/capacity/OfferFormPage'), ['capacity', 'groups']);
const CapacityOfferPage = page(() => import('../features/capacity/OfferPage'), ['capacity', 'groups']);
const CapacityProjectsPage = page(() => import('../features/capacity/ProjectsPage'), ['capacity']);
const CapacityProjectPage = page(() => import('../features/capacity/ProjectPage'), ['capacity', 'forms']);
const CapacityAnalysisPage = page(() => import('../features/capacity/AnalysisPage'), ['capacity', 'groups']);
const CapacityCataloguePage = page(() => import('../features/capacity/CataloguePage'), ['capacity']);
const OrganisationsPage = page(() => import('../features/stakeholders/OrganisationsPage'), ['stakeholders']);
const OrganisationPage = page(() => import('../features/stakeholders/OrganisationPage'), ['stakeholders']);
const ApplyPage = page(() => import('../features/stakeholders/ApplyPage'), ['stakeholders']);
const TrackApplicationPage = page(() => import('../features/stakeholders/TrackPage'), ['stakeholders']);
const ApplicationsPage = page(() => import('../features/stakeholders/ApplicationsPage'), ['stakeholders']);
const ApplicationPage = page(() => import('../features/stakeholders/ApplicationPage'), ['stakeholders']);
const BatchesPage = page(() => import('../features/stakeholders/BatchesPage'), ['stakeholders']);
const BatchPage = page(() => import('../features/stakeholders/BatchPage'), ['stakeholders']);
const NotificationsPage = page(() => import('../features/follows/NotificationsPage'), ['follows']);
const NotFoundPage = page(() => import('../features/errors/NotFoundPage'));

/**
 * Starts fetching the first page's chunk at once, beside the language's strings, instead of after
 * them: on a slow connection that saves a round trip before anything is shown. The page is found by
 * the routes themselves (below); the data its first view needs, when its route names it, is asked for
 * at the same time.
 */
export function preloadPage(pathname: string, queryClient: QueryClient): void {
  const match = matchRoutes(routes, pathname)?.at(-1);
  const element: unknown = match?.route.element;
  const type = isValidElement(element) ? (element.type as { preload?: () => Promise<unknown>; data?: FirstData }) : null;
  const data = type?.data?.(match?.params ?? {}) ?? [];
  for (const query of data) void queryClient.prefetchQuery(query);
  // The data first: its requests leave a moment after (the API client's own promises), and over
  // HTTP/1.1 (six connections) they would otherwise wait behind the page's code files.
  if (data.length) setTimeout(() => void type?.preload?.(), 0);
  else void type?.preload?.();
}

/** `/` and any path without a language go to the same path in the browser's preferred language. */
function ToPreferredLanguage() {
  const { pathname, search, hash } = useLocation();
  const lang = preferredLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const rest = pathname === '/' ? '' : pathname.replace(/\/+$/, '');
  return <Navigate replace to={`/${lang}${rest}${search}${hash}`} />;
}

const routes: RouteObject[] = [
  { path: '/', element: <ToPreferredLanguage /> },
  {
    path: '/:lang',
    element: <LanguageRoot fallback={<ToPreferredLanguage />} />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomePage /> },
          // The pages only for the signed-in: one guard, here (RequireAccount), not one per page.
          {
            element: <RequireAccount />,
            children: [
              { path: 'account', element: <AccountPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'invite', element: <InvitePage /> },
              { path: 'groups/new', element: <GroupFormPage /> },
              { path: 'groups/:id/edit', element: <GroupFormPage /> },
              { path: 'documents/new', element: <NewDocumentPage /> },
              { path: 'meetings/new', element: <MeetingFormPage /> },
              { path: 'meetings/:id/edit', element: <MeetingFormPage /> },
              { path: 'meetings/:id/registration', element: <MeetingRegistrationPage /> },
              { path: 'meetings/:id/agenda', element: <MeetingAgendaPage /> },
            ],
          },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'invitation/:token', element: <AcceptInvitationPage /> },
          { path: 'reset-password', element: <RequestResetPage /> },
          { path: 'reset-password/:token', element: <SetNewPasswordPage /> },
          { path: 'contacts/acknowledge/:token', element: <ContactsAcknowledgePage /> },
          { path: 'contacts', element: <ContactsDirectoryPage /> },
          { path: 'contacts/nominate', element: <ContactsNominatePage /> },
          { path: 'contacts/threads', element: <ContactsThreadsPage /> },
          { path: 'contacts/threads/:id', element: <ContactsThreadPage /> },
          { path: 'contacts/pocs/:id/change', element: <ContactsChangePocPage /> },
          { path: 'contacts/pocs/:id/withdraw', element: <ContactsWithdrawPocPage /> },
          { path: 'contacts/pocs/:id/history', element: <ContactsHistoryPage /> },
          { path: 'contacts/checks', element: <ContactsChecksPage /> },
          { path: 'contacts/checks/:id', element: <ContactsCheckPage /> },
          { path: 'contacts/reads', element: <ContactsReadsPage /> },
          { path: 'my', element: <MyPage /> },
          { path: 'states', element: <StatesPage /> },
          { path: 'states/:iso3', element: <StatePage /> },
          { path: 'framework', element: <FrameworkPage /> },
          { path: 'framework/timeline', element: <FrameworkTimelinePage /> },
          { path: 'framework/search', element: <FrameworkSearchPage /> },
          { path: 'framework/:code', element: <FrameworkElementPage /> },
          { path: 'framework/:code/v/:n', element: <FrameworkElementPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'documents/:id', element: <DocumentPage /> },
          { path: 'meetings', element: <CalendarPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'drafts', element: <DraftsPage /> },
          { path: 'drafts/new', element: <NewDraftPage /> },
          { path: 'drafts/:id', element: <DraftPage /> },
          { path: 'drafts/:id/compare', element: <DraftComparePage /> },
          { path: 'drafts/:id/compilation', element: <DraftCompilationPage /> },
          { path: 'drafts/:id/revise', element: <DraftRevisePage /> },
          { path: 'silence-procedures', element: <SilenceProceduresPage /> },
          { path: 'outcomes', element: <OutcomesPage /> },
          { path: 'outcomes/:id', element: <OutcomePage /> },
          { path: 'open-data', element: <OpenDataPage /> },
          { path: 'reporting', element: <ReportingCyclesPage /> },
          { path: 'reporting/reports/:id/edit', element: <ReportingEditPage /> },
          { path: 'reporting/reports/:id', element: <ReportingReportPage /> },
          { path: 'reporting/cycles/:id/analysis', element: <ReportingAnalysisPage /> },
          { path: 'reporting/cycles/:id/compare', element: <ReportingComparePage /> },
          { path: 'initiatives', element: <InitiativesPage /> },
          { path: 'initiatives/propose', element: <ProposeInitiativePage /> },
          { path: 'initiatives/:id/edit', element: <EditInitiativePage /> },
          { path: 'initiatives/:id', element: <InitiativePage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'updates', element: <UpdatesSignUpPage /> },
          { path: 'updates/confirm/:token', element: <UpdatesConfirmPage /> },
          { path: 'updates/unsubscribe/:token', element: <UpdatesUnsubscribePage /> },
          { path: 'capacity', element: <Navigate replace to="needs" /> },
          { path: 'capacity/needs', element: <CapacityNeedsPage /> },
          { path: 'capacity/needs/new', element: <CapacityNeedFormPage /> },
          { path: 'capacity/needs/:id', element: <CapacityNeedPage /> },
          { path: 'capacity/offers', element: <CapacityOffersPage /> },
          { path: 'capacity/offers/new', element: <CapacityOfferFormPage /> },
          { path: 'capacity/offers/:id', element: <CapacityOfferPage /> },
          { path: 'capacity/projects', element: <CapacityProjectsPage /> },
          { path: 'capacity/projects/:id', element: <CapacityProjectPage /> },
          { path: 'capacity/analysis', element: <CapacityAnalysisPage /> },
          { path: 'capacity/catalogue', element: <CapacityCataloguePage /> },
          { path: 'accreditation', element: <OrganisationsPage /> },
          { path: 'accreditation/apply', element: <ApplyPage /> },
          { path: 'accreditation/track', element: <TrackApplicationPage /> },
          { path: 'accreditation/track/:token', element: <TrackApplicationPage /> },
          { path: 'accreditation/applications', element: <ApplicationsPage /> },
          { path: 'accreditation/applications/:id', element: <ApplicationPage /> },
          { path: 'accreditation/batches', element: <BatchesPage /> },
          { path: 'accreditation/batches/:id', element: <BatchPage /> },
          { path: 'accreditation/organisations/:id', element: <OrganisationPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * The app's routes, in main.tsx's BrowserRouter. A declarative router, not a data router
 * (createBrowserRouter): the app uses no loader, action or fetcher, and the data router's code is
 * half of React Router's weight (about 17 KB gzip on every page). A page that fails to render, or
 * whose code fails to load, shows RouteError until the next navigation.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  const element = useRoutes(routes);
  return <RouteErrorBoundary pathname={pathname}>{element}</RouteErrorBoundary>;
}
