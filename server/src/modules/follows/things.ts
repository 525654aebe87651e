import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language, Localized } from '../../kernel/languages.js';
import { decisionsPolicy, draftWithRecord, silenceProcedureOf } from '../decisions/index.js';
import { meetingRow, meetingsPolicy, toMeetingView } from '../meetings/index.js';
import { groupRow, groupsPolicy } from '../groups/index.js';
import { listCycles, reportingPolicy } from '../reporting/index.js';
import { getState } from '../states/index.js';
import { Problem } from '../../platform/http/problem.js';
import type { FollowKind } from './kinds.js';

/** A thing as a person may see it: its title, and its page under /<lang>/. */
export interface SeenThing {
  title: Localized;
  path: string;
  /** The deadline the thing runs to, while it has one (an open silence procedure, a reporting cycle). */
  deadlineAt: Date | null;
}

type Reader = (db: Executor, actor: Actor | null, id: string) => Promise<SeenThing | null>;

/** The owning module's "not found" (a 404 problem) is "not seen": nothing tells one from the other. */
const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
};

/**
 * What a person sees of a thing, read through the module that owns it, with that module's own read
 * rule and read function: null when the person may not see it (or it does not exist). Asked when a
 * person follows, and again for each notice.
 */
export const readers: Record<FollowKind, Reader> = {
  draft: async (db, actor, id) => {
    if (!decisionsPolicy.read.allows(actor, undefined)) return null;
    const d = await orNull(() => draftWithRecord(db, id, actor));
    return d && { title: { en: d.title }, path: `drafts/${d.id}`, deadlineAt: null };
  },
  'silence-procedure': async (db, actor, id) => {
    if (!decisionsPolicy.read.allows(actor, undefined)) return null;
    const p = await orNull(() => silenceProcedureOf(db, id));
    return p && { title: { en: `${p.title} (${p.revisionLabel})` }, path: `drafts/${p.draftId}`, deadlineAt: p.status === 'open' ? p.deadlineAt : null };
  },
  meeting: async (db, actor, id) => {
    if (!meetingsPolicy.read.allows(actor, undefined)) return null;
    const row = await orNull(() => meetingRow(db, id, actor));
    return row && { title: toMeetingView(row).title, path: `meetings/${row.id}`, deadlineAt: null };
  },
  group: async (db, actor, id) => {
    if (!groupsPolicy.read.allows(actor, undefined)) return null;
    const row = await orNull(() => groupRow(db, id));
    return row && { title: row.name, path: `groups/${row.id}`, deadlineAt: null };
  },
  'reporting-cycle': async (db, actor, id) => {
    if (!reportingPolicy.read.allows(actor, undefined)) return null;
    const cycle = (await listCycles(db, null)).find((c) => c.id === id);
    return cycle ? { title: { en: cycle.title }, path: `reporting/cycles/${cycle.id}/analysis`, deadlineAt: cycle.deadlineAt } : null;
  },
};

/** A State's name in a language, from the six-language reference; its code when the reference has none. */
export async function stateNameIn(db: Executor, iso3: string, lang: Language): Promise<string> {
  try {
    return (await getState(db, iso3)).names[lang] || iso3;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return iso3;
    throw error;
  }
}
