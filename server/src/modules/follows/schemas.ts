import { z } from 'zod';
import { LocalizedOut } from '../../kernel/languages.js';
import { isTimeZone } from '../../kernel/local-time.js';
import { DELIVERIES, FOLLOW_KINDS, WHATS } from './kinds.js';

const Id = z.string().uuid();
export const Kind = z.enum(FOLLOW_KINDS);

export const ThingParams = z.object({ kind: Kind, id: Id }).strict();
export const IdParams = z.object({ id: Id }).strict();

export const FollowState = z.object({
  kind: Kind,
  id: z.string(),
  following: z.boolean(),
  can: z.object({ follow: z.boolean() }),
});

export const FollowList = z.object({
  items: z.array(z.object({ kind: Kind, id: z.string(), title: LocalizedOut, path: z.string(), since: z.date() })),
});

export const Notification = z.object({
  id: z.string(),
  kind: Kind,
  targetId: z.string(),
  what: z.enum(WHATS),
  title: LocalizedOut,
  path: z.string(),
  label: z.string().nullable(),
  deadlineAt: z.date().nullable(),
  at: z.date(),
  read: z.boolean(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const UnreadCount = z.object({ unread: z.number().int() });

export const NotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

export const MarkReadBody = z
  .object({
    /** The notices to mark read; all of the caller's when left out. */
    ids: z.array(Id).min(1).max(200).optional(),
  })
  .strict();

export const Preference = z.object({ delivery: z.enum(DELIVERIES), timeZone: z.string() });
export const PreferenceBody = z
  .object({
    delivery: z.enum(DELIVERIES),
    timeZone: z.string().min(1).max(60).refine(isTimeZone, 'an IANA time zone, e.g. Europe/Zurich'),
  })
  .strict();
