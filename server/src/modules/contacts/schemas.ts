import { z } from 'zod';
import { isTimeZone } from '../../kernel/local-time.js';
import { BUCKETS } from './reachability.js';
import { THREAD_STATUSES } from './thread-status.js';
import { MESSAGE_KINDS, POC_ROLES, URGENCIES } from './tables.js';

/** Requests and answers of the contacts routes: the contract the web app's client is generated from. */

export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');
/** The current code of the focal point's authenticator app: every change to the directory asks for it afresh. */
const Otp = z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, 'the 6-digit code of your authenticator app').describe('A current TOTP code: every change asks for a fresh one');

export const Nomination = z
  .object({
    role: z.enum(POC_ROLES),
    name: z.string().trim().min(1).max(200),
    title: z.string().trim().max(200).default(''),
    organisation: z.string().trim().min(1).max(300),
    email: z.string().trim().toLowerCase().email().max(254),
    phone: z.string().trim().regex(/^\+?[0-9 ()./-]{4,40}$/, 'a telephone number'),
    otherChannels: z
      .array(z.object({ kind: z.string().trim().min(1).max(50), value: z.string().trim().min(1).max(300) }).strict())
      .max(10)
      .default([]),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code (BCP 47), e.g. en, fr, pt-BR'))
      .min(1)
      .max(10),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Paris'),
    workingHours: z
      .object({ days: z.array(z.number().int().min(1).max(7)).max(7), from: HHMM, to: HHMM })
      .strict()
      .describe('ISO weekdays (1 = Monday) and hours in the POC’s own zone'),
  })
  .strict();

/** An optional official transmission (e.g. a note verbale), a PDF in base64, kept with the version it comes with. */
const TransmissionIn = z
  .object({ name: z.string().trim().min(1).max(200), base64: z.string().max(1_000_000).regex(/^[A-Za-z0-9+/]+=*$/, 'base64') })
  .strict()
  .optional()
  .describe('An official transmission of the nomination (a note verbale), as PDF');

export const NominateBody = Nomination.extend({
  otp: Otp,
  transmission: TransmissionIn,
  invite: z.boolean().default(false).describe('Also invite the POC to an account of role `poc`'),
}).strict();
export const ChangeBody = Nomination.omit({ role: true }).extend({ otp: Otp, transmission: TransmissionIn }).strict();
export const WithdrawBody = z.object({ otp: Otp, reason: z.string().trim().max(2000).default('') }).strict();

const TransmissionOut = z.object({ version: z.number().int(), filename: z.string(), size: z.number().int(), url: z.string() });
const Channel = z.object({ kind: z.string(), value: z.string() });
const WorkingHoursOut = z.object({ days: z.array(z.number().int()), from: z.string(), to: z.string() });

export const PocOut = z.object({
  id: z.string(),
  state: z.string(),
  role: z.enum(POC_ROLES),
  name: z.string(),
  title: z.string(),
  organisation: z.string(),
  email: z.string(),
  phone: z.string(),
  otherChannels: z.array(Channel),
  languages: z.array(z.string()),
  timeZone: z.string(),
  workingHours: WorkingHoursOut,
  inWorkingHoursNow: z.boolean().describe('Now falls inside the POC’s working hours, in its own zone'),
  hasAccount: z.boolean(),
  transmission: TransmissionOut.nullable().describe('The official transmission that stands: the one of the latest version that carried one'),
  version: z.number().int(),
  nominatedAt: z.date(),
  updatedAt: z.date(),
  can: z.object({ change: z.boolean(), history: z.boolean().describe('Its history: its State’s own side and the Secretariat') }),
});
export const Directory = z.object({ items: z.array(PocOut), can: z.object({ nominate: z.boolean(), scheduleCheck: z.boolean() }) });
export const Nominated = z.object({ id: z.string(), version: z.number().int(), invited: z.boolean().describe('An account of role `poc` was invited') });
export const Changed = z.object({ id: z.string(), version: z.number().int(), status: z.enum(['current', 'withdrawn']) });
export const History = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      change: z.enum(['nominate', 'update', 'withdraw']),
      record: z.record(z.string(), z.unknown()),
      transmission: TransmissionOut.nullable().describe('The official transmission that came with this version'),
      byAccount: z.string(),
      at: z.date(),
    }),
  ),
});
export const Reads = z.object({
  items: z.array(
    z.object({ pocId: z.string(), pocState: z.string(), pocName: z.string().describe('The entry read, as it is now'), pocRole: z.enum(POC_ROLES), readerName: z.string(), readerState: z.string().nullable().describe('null: the Secretariat'), readerRole: z.string(), at: z.date() }),
  ),
});

// ---- reachability checks ----------------------------------------------------------------------

export const CheckScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('group'), group: z.string().regex(/^[A-Za-z-]{2,20}$/) }).strict(),
  z.object({ kind: z.literal('states'), states: z.array(Iso3).min(1).max(200) }).strict(),
  z.object({ kind: z.literal('role'), role: z.enum(POC_ROLES) }).strict(),
]);
export const ScheduleCheckBody = z
  .object({
    scope: CheckScope,
    remindAfterHours: z.number().int().min(1).max(168).default(24),
    escalateAfterHours: z.number().int().min(1).max(336).default(48),
    expiresAfterHours: z.number().int().min(72).max(720).default(168).describe('How long the links work; at least 72 hours, the last bucket of the results'),
  })
  .strict();

const TallyOut = z.object({ '1h': z.number().int(), '24h': z.number().int(), '72h': z.number().int(), never: z.number().int(), total: z.number().int() });
export const CheckSummary = z.object({
  id: z.string(),
  scope: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  expiresAt: z.date(),
  completed: z.boolean().describe('The links have expired: who has not answered never did'),
  tally: TallyOut.describe('For a State: its own POCs only'),
});
export const CheckList = z.object({ items: z.array(CheckSummary), can: z.object({ schedule: z.boolean() }) });
export const CheckDetail = CheckSummary.extend({
  buckets: z.array(z.enum(BUCKETS)),
  byState: z.array(z.object({ key: z.string(), tally: TallyOut })),
  byGroup: z.array(z.object({ key: z.string(), tally: TallyOut })).describe('The Secretariat only; empty for a State'),
  targets: z.array(
    z.object({
      pocId: z.string(),
      state: z.string(),
      role: z.enum(POC_ROLES),
      sentAt: z.date().nullable(),
      remindedAt: z.date().nullable(),
      escalatedAt: z.date().nullable(),
      answeredAt: z.date().nullable(),
      responseMinutes: z.number().int().nullable(),
      bucket: z.enum(BUCKETS),
    }),
  ),
});
export const CheckScheduled = z.object({ id: z.string(), targets: z.number().int() });
export const Acknowledged = z.object({ acknowledgedAt: z.date() });

// ---- messages -----------------------------------------------------------------------------------

const MessageText = z.string().trim().min(1).max(20_000);
export const StartThreadBody = z
  .object({
    toState: Iso3,
    kind: z.enum(['incident-notification', 'request-for-information', 'request-for-assistance']),
    urgency: z.enum(URGENCIES),
    respondWithinHours: z.number().int().min(1).max(720).nullable().default(null),
    text: MessageText,
    secretariatMayRead: z.boolean().default(false),
    exercise: z.boolean().default(false).describe('A table-top exercise: every message of the thread is marked so'),
  })
  .strict();
export const AnswerBody = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    urgency: z.enum(URGENCIES).default('routine'),
    respondWithinHours: z.number().int().min(1).max(720).nullable().default(null),
    text: MessageText,
  })
  .strict();

const MessageOut = z.object({
  id: z.string(),
  position: z.number().int(),
  fromState: z.string(),
  fromName: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  urgency: z.enum(URGENCIES),
  respondWithinHours: z.number().int().nullable(),
  text: z.string(),
  exercise: z.boolean(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
  readAt: z.date().nullable(),
});
const ThreadBase = z.object({
  id: z.string(),
  fromState: z.string(),
  toState: z.string(),
  exercise: z.boolean(),
  secretariatMayRead: z.boolean(),
  status: z.enum(THREAD_STATUSES),
  firstResponseMinutes: z.number().int().nullable(),
  createdAt: z.date(),
  lastMessageAt: z.date(),
  kind: z.enum(MESSAGE_KINDS).describe('The kind of the opening message'),
  urgency: z.enum(URGENCIES),
});
export const ThreadList = z.object({ items: z.array(ThreadBase) });
export const ThreadDetail = ThreadBase.extend({ messages: z.array(MessageOut), can: z.object({ answer: z.boolean() }) });
export const ThreadStarted = z.object({ id: z.string() });
export const MessageAdded = z.object({ id: z.string(), position: z.number().int() });
