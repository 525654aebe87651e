import { useTranslation } from '../../app/i18n';
import { api, unwrap, unwrapResponse, type paths } from '../../api/client';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type GroupList = Json<'/api/v1/groups', 'get'>;
export type GroupItem = GroupList['items'][number];
export type GroupPage = Json<'/api/v1/groups/{id}', 'get'>;
export type GroupMeeting = GroupPage['meetings'][number];
export type ChairRole = GroupPage['chairs'][number]['role'];
export type GroupStatus = GroupItem['status'];
export type MeetingStatus = GroupMeeting['status'];

export const isGroupStatus = (value: string | null): value is GroupStatus => value === 'active' || value === 'closed';

export const groupsQuery = ({ q, status }: { q: string; status: GroupStatus | undefined }) => ({
  queryKey: ['groups', 'list', q, status ?? ''] as const,
  queryFn: () => unwrap(api.GET('/api/v1/groups', { params: { query: { ...(q ? { q } : {}), ...(status ? { status } : {}) } } })),
  staleTime: 30_000,
});

/** Every working group: one cache entry for all the pages that name or list groups. */
export const allGroupsQuery = () => groupsQuery({ q: '', status: undefined });

export const groupKey = (id: string) => ['groups', 'one', id] as const;

/** A group's page, with its ETag for the Secretariat's changes (If-Match). */
export const groupQuery = (id: string) => ({
  queryKey: groupKey(id),
  queryFn: async () => {
    const { data, response } = await unwrapResponse(api.GET('/api/v1/groups/{id}', { params: { path: { id } } }));
    return { group: data, etag: response.headers.get('etag') };
  },
  staleTime: 30_000,
});

const CHAIR_KEYS = {
  chair: 'groups.chairRoles.chair',
  'co-facilitator': 'groups.chairRoles.co-facilitator',
  'vice-chair': 'groups.chairRoles.vice-chair',
} as const;

const STATUS_KEYS = {
  active: 'groups.statuses.active',
  closed: 'groups.statuses.closed',
} as const;

const MEETING_STATUS_KEYS = {
  planned: 'groups.meetingStatuses.planned',
  'registration-open': 'groups.meetingStatuses.registration-open',
  'in-session': 'groups.meetingStatuses.in-session',
  closed: 'groups.meetingStatuses.closed',
  // Seen by the Secretariat alone (a draft), or kept in the list once cancelled: the meetings' own words.
  draft: 'meetings.statuses.draft',
  cancelled: 'meetings.statuses.cancelled',
} as const;

const DRAFT_STATUS_KEYS = {
  negotiating: 'groups.draftStatuses.negotiating',
  adopted: 'groups.draftStatuses.adopted',
  withdrawn: 'groups.draftStatuses.withdrawn',
} as const;
const isDraftStatus = (s: string): s is keyof typeof DRAFT_STATUS_KEYS => s in DRAFT_STATUS_KEYS;

export const CHAIR_ROLES: ChairRole[] = ['chair', 'co-facilitator', 'vice-chair'];

export function useGroupLabels() {
  const { t } = useTranslation();
  return {
    chairRole: (role: ChairRole) => t(CHAIR_KEYS[role]),
    status: (status: GroupStatus) => t(STATUS_KEYS[status]),
    meetingStatus: (status: MeetingStatus) => t(MEETING_STATUS_KEYS[status]),
    draftStatus: (status: string) => (isDraftStatus(status) ? t(DRAFT_STATUS_KEYS[status]) : status),
  };
}

