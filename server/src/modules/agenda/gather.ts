import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { LANGUAGES } from '../../kernel/languages.js';
import { amendmentsToCosponsor, draftsChangedSinceSeen, openAdoptionProposals, openSilenceProcedures } from '../decisions/index.js';
import { ownReportsInOpenCycles } from '../reporting/index.js';
import { currentAgenda, meetingsAhead, registrationsToConfirm } from '../meetings/index.js';
import { listDocuments } from '../documents/index.js';
import { rankItems, type AgendaItem, type ItemKind } from './items.js';
import { kindsFor } from './policy.js';

const WEEK = 7 * 86_400_000;
/** Meetings shown as coming: those starting within this many weeks. */
export const MEETING_WEEKS = 8;
/** Registrations (to make, or to confirm) and documents are looked for this far ahead: registration opens months before. */
export const REGISTRATION_WEEKS = 26;

/**
 * What needs the actor now, ranked by deadline. Each kind is asked only for the roles it concerns
 * (policy.ts), and each is read through its own module's reading, which applies that module's
 * visibility rules: a State's report only to its own people, registrations only to their delegation
 * and the Secretariat, actions only where the module's `can` rule allows them.
 */
export async function gatherAgenda(db: Executor, actor: Actor, now = new Date()): Promise<AgendaItem[]> {
  const kinds = kindsFor(actor);
  const wants = (k: ItemKind) => kinds.has(k);
  const items: AgendaItem[] = [];

  if (wants('silence-procedure')) {
    for (const p of await openSilenceProcedures(db, actor)) {
      items.push({
        key: `silence-procedure:${p.id}`,
        kind: 'silence-procedure',
        title: { en: p.title },
        deadline: { at: p.deadlineAt, zone: p.deadlineZone },
        link: `/silence-procedures#silence-${p.id}`,
        action: p.can.breakSilence ? 'break-silence' : 'open',
        detail: { revisionLabel: p.revisionLabel },
      });
    }
  }

  if (wants('report')) {
    for (const r of await ownReportsInOpenCycles(db, actor, now)) {
      items.push({
        key: `report:${r.cycle.id}`,
        kind: 'report',
        title: { en: r.cycle.title },
        deadline: { at: r.cycle.deadlineAt, zone: r.cycle.deadlineZone },
        link: !r.report ? '/reporting' : r.status === 'draft' && r.can.edit ? `/reporting/reports/${r.report.id}/edit` : `/reporting/reports/${r.report.id}`,
        action: !r.report ? (r.can.startReport ? 'start-report' : 'open') : r.status === 'draft' && r.can.edit ? 'continue-report' : 'view-report',
        detail: { status: r.status, sectionsLeft: r.sectionsLeft, sectionsTotal: r.sectionsTotal, state: r.state },
      });
    }
  }

  const needMeetings = wants('meeting') || wants('registration') || wants('document-to-issue');
  const ahead = needMeetings ? await meetingsAhead(db, actor, { now, until: new Date(now.getTime() + REGISTRATION_WEEKS * WEEK) }) : [];
  const soon = new Date(now.getTime() + MEETING_WEEKS * WEEK);
  for (const { meeting: m, registration, can } of ahead) {
    const registrationPending = wants('registration') && ((can.register && (!registration || registration.status === 'withdrawn')) || registration?.status === 'submitted');
    if (registrationPending) {
      const toMake = !registration || registration.status === 'withdrawn';
      items.push({
        key: `registration:${m.id}`,
        kind: 'registration',
        title: m.title,
        deadline: toMake && m.registrationDeadline ? { at: m.registrationDeadline, zone: m.timeZone } : { at: m.startsAt, zone: m.timeZone },
        link: `/meetings/${m.id}/registration`,
        action: toMake ? 'register' : 'view-registration',
        detail: { status: registration?.status ?? 'not-registered' },
      });
    } else if (wants('meeting') && m.startsAt <= soon) {
      items.push({
        key: `meeting:${m.id}`,
        kind: 'meeting',
        title: m.title,
        deadline: { at: m.startsAt, zone: m.timeZone },
        link: `/meetings/${m.id}`,
        action: 'open',
        detail: { status: registration?.status ?? m.status },
      });
    }
  }

  if (wants('amendment')) {
    for (const a of await amendmentsToCosponsor(db, actor)) {
      items.push({
        key: `amendment:${a.id}`,
        kind: 'amendment',
        title: { en: a.draftTitle },
        deadline: null,
        link: `/drafts/${a.draftId}`,
        action: 'cosponsor',
        detail: { state: a.proposerState, changedAt: a.createdAt },
      });
    }
  }

  if (wants('draft-changed')) {
    for (const d of await draftsChangedSinceSeen(db, actor.accountId)) {
      items.push({
        key: `draft-changed:${d.draftId}`,
        kind: 'draft-changed',
        title: { en: d.title },
        deadline: null,
        link: `/drafts/${d.draftId}`,
        action: 'review-changes',
        detail: { revisionLabel: d.revisionLabel, changedAt: d.changedAt },
      });
    }
  }

  if (wants('adoption-proposal')) {
    for (const p of await openAdoptionProposals(db, actor)) {
      items.push({
        key: `adoption-proposal:${p.id}`,
        kind: 'adoption-proposal',
        title: { en: p.title },
        deadline: null,
        link: `/drafts/${p.draftId}`,
        action: p.can.declareConsensus ? 'decide' : 'open',
        detail: { revisionLabel: p.revisionLabel, changedAt: p.proposedAt },
      });
    }
  }

  if (wants('registration-to-confirm')) {
    for (const r of await registrationsToConfirm(db, actor, now)) {
      if (!r.can.confirm) continue;
      items.push({
        key: `registration-to-confirm:${r.id}`,
        kind: 'registration-to-confirm',
        title: r.meeting.title,
        deadline: { at: r.meeting.startsAt, zone: r.meeting.timeZone },
        link: `/meetings/${r.meeting.id}`,
        action: 'confirm-registration',
        detail: { delegationName: r.delegationName, changedAt: r.submittedAt },
      });
    }
  }

  if (wants('document-to-issue')) {
    for (const { meeting: m } of ahead) {
      const agenda = await currentAgenda(db, m.id);
      if (agenda && !agenda.documentId) {
        items.push({
          key: `document-to-issue:agenda:${m.id}`,
          kind: 'document-to-issue',
          title: m.title,
          deadline: { at: m.startsAt, zone: m.timeZone },
          link: `/meetings/${m.id}/agenda`,
          action: 'issue-agenda',
          detail: { meetingTitle: m.title },
        });
      }
      const { items: docs } = await listDocuments(db, { meetingId: m.id, limit: 100 });
      for (const d of docs) {
        const missing = LANGUAGES.filter((l) => !d.languages[l]);
        if (missing.length === 0) continue;
        items.push({
          key: `document-to-issue:${d.id}`,
          kind: 'document-to-issue',
          title: d.title,
          deadline: { at: m.startsAt, zone: m.timeZone },
          link: `/documents/${d.id}`,
          action: 'upload-language-versions',
          detail: { meetingTitle: m.title, missingLanguages: missing },
        });
      }
    }
  }

  return rankItems(items);
}
