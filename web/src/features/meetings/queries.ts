import { useTranslation } from '../../app/i18n';
import { api, unwrap, unwrapResponse, type paths } from '../../api/client';
import { inLanguage as localized } from '../../ui/localized';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Meeting = Json<'/api/v1/meetings', 'get'>['items'][number];
export type MeetingPage = Json<'/api/v1/meetings/{id}', 'get'>;
export type MeetingCan = MeetingPage['can'];
/** The delegation the caller acts for, as the server names it, with the roles it may list. */
export type OwnDelegation = NonNullable<MeetingPage['delegation']>;
export type CalendarData = Json<'/api/v1/calendar', 'get'>;
export type AgendaData = Json<'/api/v1/meetings/{id}/agenda', 'get'>;
export type AgendaVersion = NonNullable<AgendaData['current']>;
export type AgendaItem = AgendaVersion['items'][number];
export type MeetingDocument = MeetingPage['documents'][number];
export type Registration = Json<'/api/v1/meetings/{id}/registrations', 'get'>['items'][number];
export type ParticipantsList = Json<'/api/v1/meetings/{id}/participants', 'get'>;
export type Statements = Json<'/api/v1/meetings/{id}/statements', 'get'>;
export type Statement = Statements['states'][number];
export type Group = Json<'/api/v1/groups', 'get'>['items'][number];
export type Localized = Meeting['title'];

export type MeetingKind = Meeting['kind'];
export type MeetingStatus = Meeting['status'];
export type MeetingFormat = Meeting['format'];
export type ParticipantRole = Registration['participants'][number]['role'];
export type DocumentType = MeetingDocument['type'];

export const KINDS: MeetingKind[] = ['annual-meeting', 'review-conference', 'twg-meeting', 'founding-conference', 'organizational-session', 'informal-consultation'];
export const GROUP_KINDS: MeetingKind[] = ['twg-meeting', 'informal-consultation'];
export const PLENARY_KINDS: MeetingKind[] = KINDS.filter((k) => k !== 'twg-meeting');
export const STATUSES: MeetingStatus[] = ['draft', 'planned', 'registration-open', 'in-session', 'closed', 'cancelled'];
export const FORMATS: MeetingFormat[] = ['in-person', 'hybrid', 'virtual'];

export const isKind = (v: string | null): v is MeetingKind => KINDS.includes(v as MeetingKind);
export const isStatus = (v: string | null): v is MeetingStatus => STATUSES.includes(v as MeetingStatus);

export const meetingsQuery = (filter: { kind?: MeetingKind | undefined; group?: string | undefined; status?: MeetingStatus | undefined; q?: string | undefined }) => ({
  queryKey: ['meetings', 'list', filter] as const,
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/meetings', {
        params: {
          query: {
            limit: 500,
            ...(filter.kind ? { kind: filter.kind } : {}),
            ...(filter.group ? { group: filter.group } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.q ? { q: filter.q } : {}),
          },
        },
      }),
    ),
  staleTime: 30_000,
});

export const calendarQuery = () => ({
  queryKey: ['meetings', 'calendar'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/calendar', {})),
  staleTime: 60_000,
});

export const meetingQuery = (id: string) => ({
  queryKey: ['meetings', 'one', id] as const,
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/meetings/{id}', { params: { path: { id } } }));
    return { meeting: data, etag: response.headers.get('etag') };
  },
});

export const agendaQuery = (id: string) => ({
  queryKey: ['meetings', 'agenda', id] as const,
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/meetings/{id}/agenda', { params: { path: { id }, query: {} } }));
    return { agenda: data, etag: response.headers.get('etag') };
  },
});

export const registrationsQuery = (id: string) => ({
  queryKey: ['meetings', 'registrations', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/registrations', { params: { path: { id } } })),
});

export const participantsQuery = (id: string) => ({
  queryKey: ['meetings', 'participants', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/participants', { params: { path: { id }, query: { format: 'json' } } })),
});

export const statementsQuery = (id: string) => ({
  queryKey: ['meetings', 'statements', id] as const,
  queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/statements', { params: { path: { id }, query: {} } })),
});

export const privateFeedQuery = () => ({
  queryKey: ['meetings', 'private-feed'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/calendar/private-feed', {})),
});

export { localized };

/** Every agenda item and sub-item, in order, with its number. */
export function flattenAgenda(items: readonly AgendaItem[]): { key: string; number: string; title: Localized; elements: string[]; depth: 0 | 1 }[] {
  return items.flatMap((i) => [
    { key: i.key, number: i.number, title: i.title, elements: i.elements, depth: 0 as const },
    ...i.items.map((s) => ({ key: s.key, number: s.number, title: s.title, elements: s.elements, depth: 1 as const })),
  ]);
}

const KIND_KEYS = {
  'annual-meeting': 'meetings.kinds.annual-meeting',
  'review-conference': 'meetings.kinds.review-conference',
  'twg-meeting': 'meetings.kinds.twg-meeting',
  'founding-conference': 'meetings.kinds.founding-conference',
  'organizational-session': 'meetings.kinds.organizational-session',
  'informal-consultation': 'meetings.kinds.informal-consultation',
} as const;

const STATUS_KEYS = {
  draft: 'meetings.statuses.draft',
  cancelled: 'meetings.statuses.cancelled',
  planned: 'meetings.statuses.planned',
  'registration-open': 'meetings.statuses.registration-open',
  'in-session': 'meetings.statuses.in-session',
  closed: 'meetings.statuses.closed',
} as const;

// A draft is announced and a meeting cancelled by their own actions (MeetingLife), never by a move of status.
const MOVE_KEYS = {
  planned: 'meetings.manage.moveTo.planned',
  'registration-open': 'meetings.manage.moveTo.registration-open',
  'in-session': 'meetings.manage.moveTo.in-session',
  closed: 'meetings.manage.moveTo.closed',
} as const;

const FORMAT_KEYS = {
  'in-person': 'meetings.formats.in-person',
  hybrid: 'meetings.formats.hybrid',
  virtual: 'meetings.formats.virtual',
} as const;

const ROLE_KEYS = {
  head: 'meetings.roles.head',
  representative: 'meetings.roles.representative',
  adviser: 'meetings.roles.adviser',
} as const;

const REGISTRATION_STATUS_KEYS = {
  submitted: 'meetings.registration.statuses.submitted',
  confirmed: 'meetings.registration.statuses.confirmed',
  withdrawn: 'meetings.registration.statuses.withdrawn',
} as const;

export function useMeetingLabels() {
  const { t } = useTranslation();
  return {
    kind: (k: MeetingKind) => t(KIND_KEYS[k]),
    status: (s: MeetingStatus) => t(STATUS_KEYS[s]),
    moveTo: (s: MeetingStatus) => (s in MOVE_KEYS ? t(MOVE_KEYS[s as keyof typeof MOVE_KEYS]) : t(STATUS_KEYS[s])),
    format: (f: MeetingFormat) => t(FORMAT_KEYS[f]),
    role: (r: ParticipantRole) => t(ROLE_KEYS[r]),
    registrationStatus: (s: Registration['status']) => t(REGISTRATION_STATUS_KEYS[s]),
  };
}
