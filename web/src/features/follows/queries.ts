import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';

export type FollowKind = paths['/api/v1/me/follows/{kind}/{id}']['get']['parameters']['path']['kind'];
export type NotificationList = paths['/api/v1/me/notifications']['get']['responses'][200]['content']['application/json'];
export type Notice = NotificationList['items'][number];
export type What = Notice['what'];
export type Preference = paths['/api/v1/me/notification-preference']['get']['responses'][200]['content']['application/json'];

/** Everything of this feature is the signed-in person's own: forgotten at sign-out with the rest (see session). */
export const FOLLOWS_KEY = 'follows';

export const followStateQuery = (kind: FollowKind, id: string) =>
  queryOptions({
    queryKey: [FOLLOWS_KEY, 'state', kind, id],
    queryFn: () => unwrap(api.GET('/api/v1/me/follows/{kind}/{id}', { params: { path: { kind, id } } })),
  });

export const followingQuery = () =>
  queryOptions({ queryKey: [FOLLOWS_KEY, 'following'], queryFn: () => unwrap(api.GET('/api/v1/me/follows')) });

export const notificationsQuery = () =>
  queryOptions({ queryKey: [FOLLOWS_KEY, 'notifications'], queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 100 } } })) });

/** The header's count: asked again each minute, and whenever a notice is marked read. */
export const unreadQuery = () =>
  queryOptions({
    queryKey: [FOLLOWS_KEY, 'unread'],
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications/unread')),
    refetchInterval: 60_000,
  });

export const preferenceQuery = () =>
  queryOptions({ queryKey: [FOLLOWS_KEY, 'preference'], queryFn: () => unwrap(api.GET('/api/v1/me/notification-preference')) });

/** The translation key of each kind of notice (a literal each, so the locale check finds them). */
export const WHAT_KEYS = {
  'revision-issued': 'follows.what.revisionIssued',
  'amendment-proposed': 'follows.what.amendmentProposed',
  'silence-opened': 'follows.what.silenceOpened',
  'silence-broken': 'follows.what.silenceBroken',
  'adoption-proposed': 'follows.what.adoptionProposed',
  transmitted: 'follows.what.transmitted',
  adopted: 'follows.what.adopted',
  'meeting-changed': 'follows.what.meetingChanged',
  'meeting-status': 'follows.what.meetingStatus',
  'agenda-revised': 'follows.what.agendaRevised',
  'agenda-adopted': 'follows.what.agendaAdopted',
  'publication-changed': 'follows.what.publicationChanged',
  'group-changed': 'follows.what.groupChanged',
  'meeting-scheduled': 'follows.what.meetingScheduled',
  'draft-tabled': 'follows.what.draftTabled',
  'deadline-near': 'follows.what.deadlineNear',
  'report-submitted': 'follows.what.reportSubmitted',
  'cycle-closed': 'follows.what.cycleClosed',
} as const satisfies Record<What, string>;

export const KIND_KEYS = {
  draft: 'follows.kind.draft',
  'silence-procedure': 'follows.kind.silenceProcedure',
  meeting: 'follows.kind.meeting',
  group: 'follows.kind.group',
  'reporting-cycle': 'follows.kind.reportingCycle',
} as const satisfies Record<FollowKind, string>;
