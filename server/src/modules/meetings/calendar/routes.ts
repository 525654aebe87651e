import { z } from 'zod';
import type { App } from '../../../platform/http/server.js';
import type { PlatformContext } from '../../../platform/context.js';
import { guard } from '../../../platform/http/policy.js';
import { issuePrivateFeed, meetingsCalendar, meetingsOfFeed, privateFeedStatus, revokePrivateFeed } from './calendar.js';
import { nextReviewConference } from '../meeting-rules.js';
import { meetingsPolicy } from '../policy.js';
import { listMeetings, toMeetingView } from '../reading.js';
import { Meeting } from '../schemas.js';
import { NoContent } from '../../../platform/http/responses.js';

const ICS = 'text/calendar; charset=utf-8';

export function calendarRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['calendar'];
  const read = { policy: guard(meetingsPolicy.read) };
  const publicFeed = '/api/v1/calendar/meetings.ics';

  app.get(
    '/api/v1/calendar',
    {
      config: read,
      schema: {
        tags,
        summary: 'The calendar: meetings from a date (today by default), and when the next review conference is due',
        querystring: z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() }),
        response: {
          200: z.object({
            items: z.array(Meeting),
            nextReviewConference: z.object({
              number: z.number().int(),
              year: z.number().int(),
              meetingId: z.string().nullable().describe('The review conference scheduled for that year, if any'),
              cadence: z.object({ everyYears: z.number().int(), foundedOn: z.string() }),
            }),
            feeds: z.object({ public: z.string() }),
          }),
        },
      },
    },
    async (request) => {
      const now = new Date();
      const from = request.query.from ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      // Drafts for the Secretariat alone; the public feed below is the public's view for everyone (it is cached publicly).
      const rows = await listMeetings(db, { from, to: request.query.to, limit: 500 }, request.actor);
      const reviews = await listMeetings(db, { kind: 'review-conference', limit: 500 });
      const cadence = ctx.config.reviewConference;
      return {
        items: rows.map((r) => toMeetingView(r, now)),
        nextReviewConference: { ...nextReviewConference(cadence, now, reviews), cadence },
        feeds: { public: `${ctx.config.publicUrl}${publicFeed}` },
      };
    },
  );

  app.get(
    publicFeed,
    { config: read, schema: { tags, summary: 'The public iCalendar feed of all meetings, each in its own time zone' } },
    async (_request, reply) => {
      const rows = await listMeetings(db, { limit: 5000 });
      reply.header('cache-control', 'public, max-age=300');
      reply.header('content-disposition', 'inline; filename="poa-meetings.ics"');
      return reply.type(ICS).send(meetingsCalendar({ name: 'PoA meetings', publicUrl: ctx.config.publicUrl, meetings: rows }));
    },
  );

  app.get(
    '/api/v1/calendar/feeds/:token/meetings.ics',
    {
      // The secret link is the credential: a calendar application cannot sign in.
      config: read,
      schema: { tags, summary: "An account's private iCalendar feed: the meetings it is registered in", params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a feed link') }) },
    },
    async (request, reply) => {
      const rows = await meetingsOfFeed(db, request.params.token);
      reply.header('cache-control', 'private, no-store');
      reply.header('content-disposition', 'inline; filename="my-poa-meetings.ics"');
      return reply.type(ICS).send(meetingsCalendar({ name: 'My PoA meetings', publicUrl: ctx.config.publicUrl, meetings: rows }));
    },
  );

  const FeedStatus = z.object({ active: z.boolean(), createdAt: z.date().nullable() });

  app.get(
    '/api/v1/calendar/private-feed',
    { config: { policy: guard(meetingsPolicy.calendarFeed) }, schema: { tags, summary: 'Whether I have a private calendar feed', response: { 200: FeedStatus } } },
    async (request) => privateFeedStatus(db, request.actor!),
  );

  app.post(
    '/api/v1/calendar/private-feed',
    {
      config: { policy: guard(meetingsPolicy.calendarFeed) },
      schema: {
        tags,
        summary: 'Create my private calendar feed, or replace its link (the old link stops working). The link is shown once.',
        response: { 201: z.object({ url: z.string(), createdAt: z.date() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await issuePrivateFeed(db, { actor: request.actor!, publicUrl: ctx.config.publicUrl }));
    },
  );

  app.delete(
    '/api/v1/calendar/private-feed',
    { config: { policy: guard(meetingsPolicy.calendarFeed) }, schema: { tags, summary: 'Revoke my private calendar feed', response: { 204: NoContent } } },
    async (request, reply) => {
      await revokePrivateFeed(db, { actor: request.actor! });
      return reply.code(204).send();
    },
  );
}
