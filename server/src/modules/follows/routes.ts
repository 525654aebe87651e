import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard, publicRead } from '../../platform/http/policy.js';
import { NoContent } from '../../platform/http/responses.js';
import { follow } from './follow.js';
import { markRead } from './mark-read.js';
import { followsPolicy } from './policy.js';
import { followsOf, followState, notificationsOf, preferenceOf, unreadCount } from './reading.js';
import { FollowList, FollowState, MarkReadBody, NotificationList, NotificationsQuery, Preference, PreferenceBody, ThingParams, UnreadCount } from './schemas.js';
import { setPreference } from './set-preference.js';
import { unfollow } from './unfollow.js';

/** What each person reads here is their own: never kept by a shared cache. */
const privateReply = { 'cache-control': 'private, no-store' };

export function followsRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['follows'];
  const own = { policy: guard(followsPolicy.own) };

  app.get(
    '/api/v1/me/follows',
    { config: own, schema: { tags, summary: 'What I follow (and still may see), newest first', response: { 200: FollowList } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return followsOf(db, request.actor!);
    },
  );

  app.get(
    '/api/v1/me/follows/:kind/:id',
    {
      // Anyone may ask; the public is told it follows nothing and may follow nothing. A thing the caller may not see is not found.
      config: { policy: guard(publicRead) },
      schema: { tags, summary: 'Whether I follow a draft, silence procedure, meeting, working group or reporting cycle, and may', params: ThingParams, response: { 200: FollowState } },
    },
    async (request, reply) => {
      reply.headers(privateReply);
      return followState(db, request.actor, request.params);
    },
  );

  app.put(
    '/api/v1/me/follows/:kind/:id',
    { config: own, schema: { tags, summary: 'Follow a thing I may see (404 otherwise); following again changes nothing', params: ThingParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await follow(db, { actor: request.actor!, thing: request.params });
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/v1/me/follows/:kind/:id',
    { config: own, schema: { tags, summary: 'Stop following a thing', params: ThingParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await unfollow(db, { actor: request.actor!, thing: request.params });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me/notifications',
    { config: own, schema: { tags, summary: 'My notices, newest first, with how many are unread', querystring: NotificationsQuery, response: { 200: NotificationList } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return notificationsOf(db, request.actor!.accountId, request.query.limit);
    },
  );

  app.get(
    '/api/v1/me/notifications/unread',
    { config: own, schema: { tags, summary: 'How many of my notices are unread (for the header)', response: { 200: UnreadCount } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return { unread: await unreadCount(db, request.actor!.accountId) };
    },
  );

  app.post(
    '/api/v1/me/notifications/read',
    { config: own, schema: { tags, summary: 'Mark my notices read: those named, or all', body: MarkReadBody, response: { 200: UnreadCount } } },
    async (request) => {
      await markRead(db, { actor: request.actor!, ids: request.body.ids });
      return { unread: await unreadCount(db, request.actor!.accountId) };
    },
  );

  app.get(
    '/api/v1/me/notification-preference',
    { config: own, schema: { tags, summary: 'How I am told: each notice by email at once, or a daily digest; and my time zone', response: { 200: Preference } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return preferenceOf(db, request.actor!.accountId);
    },
  );

  app.put(
    '/api/v1/me/notification-preference',
    { config: own, schema: { tags, summary: 'Choose how I am told, and the time zone of my deadlines', body: PreferenceBody, response: { 200: Preference } } },
    async (request) => setPreference(db, { actor: request.actor!, ...request.body }),
  );
}
