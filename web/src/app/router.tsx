import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { LanguageRoot } from './LanguageRoot';
import { Layout } from './Layout';
import { preferredLanguage } from './languages';
import { RouteError } from './RouteError';

/** A page in its own chunk, which can also be fetched before React asks for it. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return Object.assign(lazy(load), { preload: load });
}

// One chunk per feature: the home page loads none of the others.
const HomePage = page(() => import('../features/home/HomePage'));
const SignInPage = page(() => import('../features/accounts/SignInPage'));
const AcceptInvitationPage = page(() => import('../features/accounts/AcceptInvitationPage'));
const RequestResetPage = page(() => import('../features/accounts/RequestResetPage'));
const SetNewPasswordPage = page(() => import('../features/accounts/SetNewPasswordPage'));
const AccountPage = page(() => import('../features/accounts/AccountPage'));
const MyPage = page(() => import('../features/my/MyPage'));
const InvitePage = page(() => import('../features/accounts/InvitePage'));
const StatesPage = page(() => import('../features/states/StatesPage'));
const StatePage = page(() => import('../features/states/StatePage'));
const FrameworkPage = page(() => import('../features/framework/FrameworkPage'));
const FrameworkElementPage = page(() => import('../features/framework/ElementPage'));
const FrameworkTimelinePage = page(() => import('../features/framework/TimelinePage'));
const FrameworkSearchPage = page(() => import('../features/framework/SearchPage'));
const InitiativesPage = page(() => import('../features/initiatives/InitiativesPage'));
const InitiativePage = page(() => import('../features/initiatives/InitiativePage'));
const ProposeInitiativePage = page(() => import('../features/initiatives/ProposePage'));
const EditInitiativePage = page(() => import('../features/initiatives/EditPage'));
const SearchPage = page(() => import('../features/search/SearchPage'));
const UpdatesSignUpPage = page(() => import('../features/updates/SignUpPage'));
const UpdatesConfirmPage = page(() => import('../features/updates/ConfirmPage'));
const UpdatesUnsubscribePage = page(() => import('../features/updates/UnsubscribePage'));
const GroupsPage = page(() => import('../features/groups/GroupsPage'));
const GroupPage = page(() => import('../features/groups/GroupPage'));
const GroupFormPage = page(() => import('../features/groups/GroupFormPage'));
const DocumentsPage = page(() => import('../features/documents/DocumentsPage'));
const DocumentPage = page(() => import('../features/documents/DocumentPage'));
const NewDocumentPage = page(() => import('../features/documents/NewDocumentPage'));
const CalendarPage = page(() => import('../features/meetings/CalendarPage'));
const MeetingPage = page(() => import('../features/meetings/MeetingPage'));
const MeetingFormPage = page(() => import('../features/meetings/MeetingFormPage'));
const MeetingRegistrationPage = page(() => import('../features/meetings/RegistrationPage'));
const MeetingAgendaPage = page(() => import('../features/meetings/AgendaPage'));
const DraftsPage = page(() => import('../features/drafts/DraftsPage'));
const DraftPage = page(() => import('../features/drafts/DraftPage'));
const NewDraftPage = page(() => import('../features/drafts/NewDraftPage'));
const DraftComparePage = page(() => import('../features/drafts/ComparePage'));
const DraftCompilationPage = page(() => import('../features/drafts/CompilationPage'));
const DraftRevisePage = page(() => import('../features/drafts/RevisePage'));
const SilenceProceduresPage = page(() => import('../features/drafts/SilenceProceduresPage'));
const OutcomesPage = page(() => import('../features/drafts/OutcomesPage'));
const OutcomePage = page(() => import('../features/drafts/OutcomePage'));
const ReportingCyclesPage = page(() => import('../features/reporting/CyclesPage'));
const ReportingEditPage = page(() => import('../features/reporting/EditReportPage'));
const ReportingReportPage = page(() => import('../features/reporting/ReportPage'));
const ReportingAnalysisPage = page(() => import('../features/reporting/AnalysisPage'));
const ReportingComparePage = page(() => import('../features/reporting/ComparePage'));
const OpenDataPage = page(() => import('../features/open-data/OpenDataPage'));
const ContactsAcknowledgePage = page(() => import('../features/contacts/AcknowledgePage'));
const ContactsDirectoryPage = page(() => import('../features/contacts/DirectoryPage'));
const ContactsThreadsPage = page(() => import('../features/contacts/ThreadsPage'));
const ContactsThreadPage = page(() => import('../features/contacts/ThreadPage'));
const ContactsNominatePage = page(() => import('../features/contacts/NominatePage'));
const ContactsChangePocPage = page(() => import('../features/contacts/ChangePocPage'));
const ContactsWithdrawPocPage = page(() => import('../features/contacts/WithdrawPocPage'));
const ContactsHistoryPage = page(() => import('../features/contacts/HistoryPage'));
const ContactsChecksPage = page(() => import('../features/contacts/ChecksPage'));
const ContactsCheckPage = page(() => import('../features/contacts/CheckPage'));
const ContactsReadsPage = page(() => import('../features/contacts/ReadsPage'));
const CapacityNeedsPage = page(() => import('../features/capacity/NeedsPage'));
const CapacityNeedFormPage = page(() => import('../features/capacity/NeedFormPage'));
const CapacityNeedPage = page(() => import('../features/capacity/NeedPage'));
const CapacityOffersPage = page(() => import('../features/capacity/OffersPage'));
const CapacityOfferFormPage = page(() => import('../features/capacity/OfferFormPage'));
const CapacityOfferPage = page(() => import('../features/capacity/OfferPage'));
const CapacityProjectsPage = page(() => import('../features/capacity/ProjectsPage'));
const CapacityProjectPage = page(() => import('../features/capacity/ProjectPage'));
const CapacityAnalysisPage = page(() => import('../features/capacity/AnalysisPage'));
const CapacityCataloguePage = page(() => import('../features/capacity/CataloguePage'));
const OrganisationsPage = page(() => import('../features/stakeholders/OrganisationsPage'));
const OrganisationPage = page(() => import('../features/stakeholders/OrganisationPage'));
const ApplyPage = page(() => import('../features/stakeholders/ApplyPage'));
const TrackApplicationPage = page(() => import('../features/stakeholders/TrackPage'));
const ApplicationsPage = page(() => import('../features/stakeholders/ApplicationsPage'));
const ApplicationPage = page(() => import('../features/stakeholders/ApplicationPage'));
const BatchesPage = page(() => import('../features/stakeholders/BatchesPage'));
const BatchPage = page(() => import('../features/stakeholders/BatchPage'));
const NotificationsPage = page(() => import('../features/follows/NotificationsPage'));
const NotFoundPage = page(() => import('../features/errors/NotFoundPage'));

const PRELOAD: [RegExp, { preload: () => Promise<unknown> }][] = [
  [/^$/, HomePage],
  [/^sign-in$/, SignInPage],
  [/^invitation\/[^/]+$/, AcceptInvitationPage],
  [/^reset-password$/, RequestResetPage],
  [/^reset-password\/[^/]+$/, SetNewPasswordPage],
  [/^account$/, AccountPage],
  [/^my$/, MyPage],
  [/^notifications$/, NotificationsPage],
  [/^invite$/, InvitePage],
  [/^states$/, StatesPage],
  [/^states\/[^/]+$/, StatePage],
  [/^framework$/, FrameworkPage],
  [/^framework\/timeline$/, FrameworkTimelinePage],
  [/^framework\/search$/, FrameworkSearchPage],
  [/^framework\/[^/]+(\/v\/\d+)?$/, FrameworkElementPage],
  [/^reporting$/, ReportingCyclesPage],
  [/^reporting\/reports\/[^/]+\/edit$/, ReportingEditPage],
  [/^reporting\/reports\/[^/]+$/, ReportingReportPage],
  [/^reporting\/cycles\/[^/]+\/analysis$/, ReportingAnalysisPage],
  [/^reporting\/cycles\/[^/]+\/compare$/, ReportingComparePage],
  [/^drafts$/, DraftsPage],
  [/^drafts\/new$/, NewDraftPage],
  [/^drafts\/[^/]+$/, DraftPage],
  [/^drafts\/[^/]+\/compare$/, DraftComparePage],
  [/^drafts\/[^/]+\/compilation$/, DraftCompilationPage],
  [/^drafts\/[^/]+\/revise$/, DraftRevisePage],
  [/^silence-procedures$/, SilenceProceduresPage],
  [/^outcomes$/, OutcomesPage],
  [/^outcomes\/[^/]+$/, OutcomePage],
  [/^open-data$/, OpenDataPage],
  [/^meetings$/, CalendarPage],
  [/^meetings\/new$/, MeetingFormPage],
  [/^meetings\/[^/]+\/edit$/, MeetingFormPage],
  [/^meetings\/[^/]+\/registration$/, MeetingRegistrationPage],
  [/^meetings\/[^/]+\/agenda$/, MeetingAgendaPage],
  [/^meetings\/[^/]+$/, MeetingPage],
  [/^groups$/, GroupsPage],
  [/^groups\/new$/, GroupFormPage],
  [/^groups\/[^/]+\/edit$/, GroupFormPage],
  [/^groups\/[^/]+$/, GroupPage],
  [/^documents$/, DocumentsPage],
  [/^documents\/new$/, NewDocumentPage],
  [/^documents\/[^/]+$/, DocumentPage],
  [/^initiatives$/, InitiativesPage],
  [/^initiatives\/propose$/, ProposeInitiativePage],
  [/^initiatives\/[^/]+\/edit$/, EditInitiativePage],
  [/^initiatives\/[^/]+$/, InitiativePage],
  [/^search$/, SearchPage],
  [/^updates$/, UpdatesSignUpPage],
  [/^updates\/confirm\/[^/]+$/, UpdatesConfirmPage],
  [/^updates\/unsubscribe\/[^/]+$/, UpdatesUnsubscribePage],
  [/^accreditation$/, OrganisationsPage],
  [/^accreditation\/apply$/, ApplyPage],
  [/^accreditation\/track(\/[^/]+)?$/, TrackApplicationPage],
  [/^accreditation\/applications$/, ApplicationsPage],
  [/^accreditation\/applications\/[^/]+$/, ApplicationPage],
  [/^accreditation\/batches$/, BatchesPage],
  [/^accreditation\/batches\/[^/]+$/, BatchPage],
  [/^accreditation\/organisations\/[^/]+$/, OrganisationPage],
  [/^contacts\/acknowledge\/[^/]+$/, ContactsAcknowledgePage],
  [/^contacts$/, ContactsDirectoryPage],
  [/^contacts\/nominate$/, ContactsNominatePage],
  [/^contacts\/threads$/, ContactsThreadsPage],
  [/^contacts\/threads\/[^/]+$/, ContactsThreadPage],
  [/^contacts\/pocs\/[^/]+\/change$/, ContactsChangePocPage],
  [/^contacts\/pocs\/[^/]+\/withdraw$/, ContactsWithdrawPocPage],
  [/^contacts\/pocs\/[^/]+\/history$/, ContactsHistoryPage],
  [/^contacts\/checks$/, ContactsChecksPage],
  [/^contacts\/checks\/[^/]+$/, ContactsCheckPage],
  [/^contacts\/reads$/, ContactsReadsPage],
  [/^capacity(\/needs)?$/, CapacityNeedsPage],
  [/^capacity\/needs\/new$/, CapacityNeedFormPage],
  [/^capacity\/needs\/[^/]+$/, CapacityNeedPage],
  [/^capacity\/offers$/, CapacityOffersPage],
  [/^capacity\/offers\/new$/, CapacityOfferFormPage],
  [/^capacity\/offers\/[^/]+$/, CapacityOfferPage],
  [/^capacity\/projects$/, CapacityProjectsPage],
  [/^capacity\/projects\/[^/]+$/, CapacityProjectPage],
  [/^capacity\/analysis$/, CapacityAnalysisPage],
  [/^capacity\/catalogue$/, CapacityCataloguePage],
];

/**
 * Starts fetching the first page's chunk at once, beside the language's strings, instead of after
 * them: on a slow connection that saves a round trip before anything is shown.
 */
export function preloadPage(pathname: string): void {
  const rest = pathname.split('/').slice(2).join('/').replace(/\/+$/, '');
  const found = PRELOAD.find(([pattern]) => pattern.test(rest));
  void (found ? found[1] : NotFoundPage).preload();
}

/** `/` and any path without a language go to the same path in the browser's preferred language. */
function ToPreferredLanguage() {
  const { pathname, search, hash } = useLocation();
  const lang = preferredLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const rest = pathname === '/' ? '' : pathname.replace(/\/+$/, '');
  return <Navigate replace to={`/${lang}${rest}${search}${hash}`} />;
}

export const router = createBrowserRouter([
  { path: '/', element: <ToPreferredLanguage />, errorElement: <RouteError /> },
  {
    path: '/:lang',
    element: <LanguageRoot fallback={<ToPreferredLanguage />} />,
    errorElement: <RouteError />,
    children: [
      {
        element: <Layout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
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
          { path: 'account', element: <AccountPage /> },
          { path: 'my', element: <MyPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'invite', element: <InvitePage /> },
          { path: 'states', element: <StatesPage /> },
          { path: 'states/:iso3', element: <StatePage /> },
          { path: 'framework', element: <FrameworkPage /> },
          { path: 'framework/timeline', element: <FrameworkTimelinePage /> },
          { path: 'framework/search', element: <FrameworkSearchPage /> },
          { path: 'framework/:code', element: <FrameworkElementPage /> },
          { path: 'framework/:code/v/:n', element: <FrameworkElementPage /> },
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/new', element: <GroupFormPage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'groups/:id/edit', element: <GroupFormPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'documents/new', element: <NewDocumentPage /> },
          { path: 'documents/:id', element: <DocumentPage /> },
          { path: 'meetings', element: <CalendarPage /> },
          { path: 'meetings/new', element: <MeetingFormPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'meetings/:id/edit', element: <MeetingFormPage /> },
          { path: 'meetings/:id/registration', element: <MeetingRegistrationPage /> },
          { path: 'meetings/:id/agenda', element: <MeetingAgendaPage /> },
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
]);
