/** What a person may follow. */
export const FOLLOW_KINDS = ['draft', 'silence-procedure', 'meeting', 'group', 'reporting-cycle'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

/** What happened to a thing followed: each has its sentence in the six languages (mail and web). */
export const WHATS = [
  'revision-issued',
  'amendment-proposed',
  'silence-opened',
  'silence-broken',
  'adoption-proposed',
  'transmitted',
  'adopted',
  'meeting-changed',
  'meeting-status',
  'agenda-revised',
  'agenda-adopted',
  'publication-changed',
  'group-changed',
  'meeting-scheduled',
  'draft-tabled',
  'deadline-near',
  'report-submitted',
  'cycle-closed',
] as const;
export type What = (typeof WHATS)[number];

/** Each notice by email at once, or one email a day with what is new. */
export const DELIVERIES = ['immediate', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Until a person chooses: one digest a day, deadlines in UTC. */
export const DEFAULT_PREFERENCE = { delivery: 'digest' as Delivery, timeZone: 'UTC' };

/** Followers are reminded this many days before a deadline they follow (a silence procedure's, a reporting cycle's). */
export const REMIND_DAYS_BEFORE = [3];

/** The digest leaves once a day at this hour (UTC). */
export const DIGEST_HOUR_UTC = 7;

/** The next digest time strictly after `now`. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

export interface Thing {
  kind: FollowKind;
  id: string;
}

/**
 * A thing followed, or what leads to one: an adopted outcome whose draft is looked up (the adoption's
 * event names only the outcome), a State's report whose cycle is looked up.
 */
export type ThingRef = Thing | { kind: 'outcome'; id: string } | { kind: 'report'; id: string };

export interface NoticeFacts {
  what: What;
  things: ThingRef[];
  /** A revision number, when the change is about one. */
  revision?: number;
  deadlineAt?: string;
  /**
   * The State's report a notice is about (a submission): each follower is told only if they may see
   * that report now, by the reporting module's own rule, and is sent to the report's page.
   */
  report?: string;
}

/** An audit event as this rule reads it. */
export interface ChangeEvent {
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const thing = (kind: FollowKind, id: unknown): Thing[] => (typeof id === 'string' && UUID.test(id) ? [{ kind, id }] : []);

/**
 * Which things followed a recorded change concerns, and what it is to them: read from the audit
 * event each module already writes in its change's transaction. Pure; null for a change nobody is
 * told about (a registration, a saved section of a report: what concerns only one State or person).
 */
export function noticeOf(e: ChangeEvent): NoticeFacts | null {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const deadline = str(d.deadlineAt) ?? (d.deadlineAt instanceof Date ? d.deadlineAt.toISOString() : undefined);
  const facts = (what: What, things: ThingRef[], extra: Partial<NoticeFacts> = {}): NoticeFacts | null => (things.length ? { what, things, ...extra } : null);
  const withRevision = (n: number | undefined) => (n === undefined ? {} : { revision: n });
  switch (e.action) {
    case 'decisions.issue-revision':
      return facts('revision-issued', thing('draft', e.subjectId), withRevision(num(d.number)));
    case 'decisions.propose-amendment':
      return facts('amendment-proposed', thing('draft', d.draftId), withRevision(num(d.revision)));
    case 'decisions.open-silence':
      return facts('silence-opened', thing('draft', d.draftId), { ...withRevision(num(d.revision)), ...(deadline ? { deadlineAt: deadline } : {}) });
    case 'decisions.break-silence':
      return facts('silence-broken', thing('silence-procedure', e.subjectId));
    case 'decisions.propose-adoption':
      return facts('adoption-proposed', thing('draft', d.draftId), withRevision(num(d.revision)));
    case 'decisions.transmit-draft':
      return facts('transmitted', thing('draft', e.subjectId), withRevision(num(d.revision)));
    case 'decisions.adopt': {
      const things: ThingRef[] = [...(UUID.test(e.subjectId) ? [{ kind: 'outcome' as const, id: e.subjectId }] : []), ...(d.via === 'silence' ? thing('silence-procedure', d.adoptedBy) : [])];
      return facts('adopted', things, withRevision(num(d.revision)));
    }
    case 'decisions.create-draft':
      return facts('draft-tabled', thing('group', d.body));
    case 'meetings.update':
      return facts('meeting-changed', thing('meeting', e.subjectId));
    case 'meetings.change-status':
      return facts('meeting-status', thing('meeting', e.subjectId));
    case 'meetings.revise-agenda':
      return facts('agenda-revised', thing('meeting', e.subjectId));
    case 'meetings.adopt-agenda':
      return facts('agenda-adopted', thing('meeting', e.subjectId));
    case 'meetings.set-publication':
      return facts('publication-changed', thing('meeting', e.subjectId));
    case 'meetings.schedule':
      return facts('meeting-scheduled', thing('group', d.groupId));
    case 'reporting.submit':
      // The cycle is looked up from the report; whether a follower may see the report is asked per person.
      return UUID.test(e.subjectId) ? { what: 'report-submitted', things: [{ kind: 'report', id: e.subjectId }], report: e.subjectId } : null;
    case 'groups.update':
      return facts('group-changed', thing('group', e.subjectId));
    default:
      return null;
  }
}
