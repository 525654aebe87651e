import type { Language, Localized } from '../../kernel/languages.js';

/**
 * What needs a person now, as "My PoA" lists it: pure types and the order of the list. Each item
 * comes from the module that owns it, read with that module's own rules (gather.ts).
 */
export const ITEM_KINDS = [
  'silence-procedure',
  'report',
  'registration',
  'amendment',
  'draft-changed',
  'meeting',
  'adoption-proposal',
  'registration-to-confirm',
  'document-to-issue',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What the item's link lets the person do; `open` when there is nothing for them to do but read. */
export const ITEM_ACTIONS = [
  'break-silence',
  'start-report',
  'continue-report',
  'view-report',
  'register',
  'view-registration',
  'cosponsor',
  'review-changes',
  'open',
  'decide',
  'confirm-registration',
  'upload-language-versions',
  'issue-agenda',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export interface Deadline {
  at: Date;
  /** The time zone the deadline was set in (a meeting's zone, a UN deadline's city). */
  zone: string;
}

export interface AgendaItem {
  /** Stable across reloads: kind and the thing's id. */
  key: string;
  kind: ItemKind;
  title: Localized;
  deadline: Deadline | null;
  /** The web app's path, without its language. */
  link: string;
  action: ItemAction;
  detail: ItemDetail;
}

export interface ItemDetail {
  revisionLabel?: string;
  status?: string;
  sectionsLeft?: number;
  sectionsTotal?: number;
  state?: string;
  delegationName?: string;
  changedAt?: Date;
  meetingTitle?: Localized;
  missingLanguages?: Language[];
}

/**
 * The order of the list: the nearest deadline first (one passed is the most urgent of all); then
 * what has no deadline, most recent change first; ties in the order of ITEM_KINDS, then by title.
 */
export function rankItems(items: readonly AgendaItem[]): AgendaItem[] {
  const kindOrder = (k: ItemKind) => ITEM_KINDS.indexOf(k);
  return [...items].sort((a, b) => {
    if (a.deadline && b.deadline) {
      const d = a.deadline.at.getTime() - b.deadline.at.getTime();
      if (d !== 0) return d;
    } else if (a.deadline) return -1;
    else if (b.deadline) return 1;
    else {
      const c = (b.detail.changedAt?.getTime() ?? 0) - (a.detail.changedAt?.getTime() ?? 0);
      if (c !== 0) return c;
    }
    return kindOrder(a.kind) - kindOrder(b.kind) || a.title.en.localeCompare(b.title.en) || a.key.localeCompare(b.key);
  });
}
