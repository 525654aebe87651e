import { z } from 'zod';
import { DocumentSchema } from '../documents/index.js';
import { AGENDA_KEY } from './agenda/agenda.js';
import { PARTICIPANT_ROLES } from './registration/delegations.js';
import { MEETING_FORMATS, MEETING_KINDS, MEETING_STATUSES } from './meeting-rules.js';
import { LOCAL_DATE_TIME } from '../../kernel/local-time.js';
import { LanguageSchema, LocalizedOut, LocalizedSchema } from '../../kernel/languages.js';

export const MeetingId = z.string().uuid('a meeting id');
export const Iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((s) => s.toUpperCase());
export const OrganisationId = z.string().uuid('an organisation id');
const LocalTime = z.string().regex(LOCAL_DATE_TIME, 'a local time as YYYY-MM-DDTHH:mm');

export const MeetingFieldsBody = z
  .object({
    title: LocalizedSchema,
    sessionNumber: z.number().int().min(1).max(1000).nullable().optional(),
    startsAt: LocalTime.describe('Wall-clock time in timeZone'),
    endsAt: LocalTime.describe('Wall-clock time in timeZone'),
    registrationDeadline: LocalTime.nullable().optional().describe('Wall-clock time in timeZone'),
    timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. America/New_York'),
    venue: z.string().trim().min(1).max(300).nullable().optional(),
    format: z.enum(MEETING_FORMATS),
    stakeholdersMayAttend: z.boolean().optional(),
  })
  .strict();

export const CreateMeetingBody = MeetingFieldsBody.extend({
  kind: z.enum(MEETING_KINDS),
  draft: z.boolean().optional().describe('Save as a draft, seen by the Secretariat alone until announced; without it the meeting is announced at once'),
}).strict();
export const MeetingChangesBody = MeetingFieldsBody.extend({
  kind: z.enum(MEETING_KINDS).describe('Only before the meeting is announced (can.editBody)'),
  groupId: z.string().uuid().nullable().describe('The working group, or null for the plenary; only before the meeting is announced (can.editBody)'),
})
  .partial()
  .strict();

const Reason = z.string().trim().min(1).max(2000).describe('Told to the registered delegations and shown on the meeting');
export const PostponeBody = z
  .object({
    startsAt: LocalTime.describe("Wall-clock time in the meeting's time zone"),
    endsAt: LocalTime.describe("Wall-clock time in the meeting's time zone"),
    registrationDeadline: LocalTime.nullable().optional().describe("Wall-clock time in the meeting's time zone; left out, the current one is kept if it is before the new start"),
    reason: Reason,
  })
  .strict();
export const CancelBody = z.object({ reason: Reason }).strict();

export const Meeting = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: LocalizedOut,
  sessionNumber: z.number().int().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  registrationDeadline: z.date().nullable(),
  timeZone: z.string(),
  local: z.object({ startsAt: z.string(), endsAt: z.string(), registrationDeadline: z.string().nullable() }),
  venue: z.string().nullable(),
  format: z.enum(MEETING_FORMATS),
  status: z.enum(MEETING_STATUSES),
  body: z.union([z.object({ kind: z.literal('plenary') }), z.object({ kind: z.literal('group'), groupId: z.string() })]),
  stakeholdersMayAttend: z.boolean(),
  registrationOpen: z.boolean(),
  participantsPublished: z.boolean(),
  statementsPublished: z.boolean(),
  postponed: z.object({ from: z.date(), reason: z.string() }).nullable().describe('The start it had before its latest postponement, and why'),
  cancelled: z.object({ at: z.date(), reason: z.string() }).nullable(),
  version: z.number().int(),
});

export const MeetingCan = z.object({
  manage: z.boolean(),
  register: z.boolean(),
  submitStatement: z.boolean(),
  readParticipants: z.boolean(),
  publish: z.boolean(),
  moveTo: z.array(z.enum(MEETING_STATUSES)).describe('The statuses the caller may move the meeting to now, in order (none but for the Secretariat)'),
  announce: z.boolean().describe('May announce this draft (make it public)'),
  editBody: z.boolean().describe('May change its body and kind (before it is announced)'),
  editTimes: z.boolean().describe('May change its dates, times and time zone (not once it is cancelled)'),
  postpone: z.boolean(),
  cancel: z.boolean(),
});
export const MeetingWithCan = Meeting.extend({ can: MeetingCan });

const AgendaEntryIn = z
  .object({
    key: z.string().regex(AGENDA_KEY, 'lower-case letters, digits and hyphens').optional(),
    title: LocalizedSchema,
    elements: z.array(z.string().min(1).max(80)).max(50).optional().describe('Framework element codes'),
  })
  .strict();
export const AgendaBody = z
  .object({
    items: z.array(AgendaEntryIn.extend({ items: z.array(AgendaEntryIn).max(26).optional() }).strict()).min(1).max(60),
    documentId: z.string().uuid().optional().describe('The official document (of this meeting) that carries this version'),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

const AgendaSubItem = z.object({ key: z.string(), number: z.string(), title: LocalizedOut, elements: z.array(z.string()) });
export const AgendaVersion = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'adopted']),
  label: z.string(),
  items: z.array(AgendaSubItem.extend({ items: z.array(AgendaSubItem) })),
  documentId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.date(),
  adoptedAt: z.date().nullable(),
});

const Delegation = z.union([
  z.object({ kind: z.literal('state'), state: z.string() }),
  z.object({ kind: z.literal('organisation'), organisationId: z.string() }),
]);

const OwnRegistration = z
  .object({ status: z.enum(['submitted', 'confirmed', 'withdrawn']) })
  .nullable()
  .describe('The delegation’s registration for this meeting, if it ever registered');

export const MeetingPage = MeetingWithCan.extend({
  agenda: AgendaVersion.nullable(),
  documents: z.array(DocumentSchema),
  delegation: z
    .union([
      z.object({ kind: z.literal('state'), state: z.string(), name: z.string(), roles: z.array(z.enum(PARTICIPANT_ROLES)), registration: OwnRegistration }),
      z.object({ kind: z.literal('organisation'), organisationId: z.string(), name: z.string(), roles: z.array(z.enum(PARTICIPANT_ROLES)), registration: OwnRegistration }),
    ])
    .nullable()
    .describe('The delegation the caller acts for (and may register, when `can.register`), named as the list of participants names it, with the roles it may list and where its registration stands; null for none'),
});

export const RegistrationBody = z
  .object({
    contactEmail: z.string().trim().email().max(254).describe('Where the Secretariat reaches the delegation; never public'),
    participants: z
      .array(
        z
          .object({
            id: z.string().uuid().optional().describe('Keep a participant already listed'),
            role: z.enum(PARTICIPANT_ROLES),
            name: z.string().trim().min(1).max(200),
            title: z.string().trim().min(1).max(200).optional(),
            email: z.string().trim().email().max(254).optional().describe('Never public'),
            phone: z.string().trim().regex(/^[+0-9 ()./-]{4,40}$/, 'a phone number').optional().describe('Never public'),
            self: z.boolean().optional().describe('This participant is me: the meeting goes into my private calendar'),
          })
          .strict(),
      )
      .min(1)
      .max(60),
  })
  .strict();

export const Registration = z.object({
  id: z.string(),
  meetingId: z.string(),
  delegation: Delegation,
  delegationName: z.string(),
  status: z.enum(['submitted', 'confirmed', 'withdrawn']),
  contactEmail: z.string(),
  submittedAt: z.date(),
  confirmedAt: z.date().nullable(),
  version: z.number().int(),
  registrationOpen: z.boolean(),
  participants: z.array(
    z.object({
      id: z.string(),
      role: z.enum(PARTICIPANT_ROLES),
      name: z.string(),
      title: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      isMe: z.boolean(),
    }),
  ),
});
export const RegistrationWithCan = Registration.extend({ can: z.object({ change: z.boolean(), withdraw: z.boolean(), confirm: z.boolean() }) });

export const ParticipantsList = z.object({
  meetingId: z.string(),
  published: z.boolean(),
  delegations: z.array(
    z.object({
      kind: z.enum(['state', 'organisation']),
      id: z.string(),
      name: z.string(),
      standing: z.enum(['member', 'observer', 'organisation']),
      participants: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string(), title: z.string().nullable() })),
    }),
  ),
});

export const StatementBody = z
  .object({
    agendaItem: z.string().regex(AGENDA_KEY, 'an agenda item key'),
    language: LanguageSchema,
    title: z.string().trim().min(1).max(300).optional(),
    text: z.string().trim().min(1).max(100_000),
  })
  .strict();
export const StatementFileQuery = z
  .object({
    agendaItem: z.string().regex(AGENDA_KEY, 'an agenda item key'),
    language: LanguageSchema,
    title: z.string().trim().min(1).max(300).optional(),
  })
  .strict();

export const Statement = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItem: z.object({ key: z.string(), number: z.string().nullable() }),
  delegation: Delegation,
  delegationName: z.string(),
  language: LanguageSchema,
  title: z.string().nullable(),
  text: z.string().nullable(),
  file: z.object({ format: z.string(), size: z.number().int(), filename: z.string(), url: z.string() }).nullable(),
  submittedAt: z.date(),
});
