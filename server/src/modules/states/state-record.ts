import type { Executor } from '../../platform/db/database.js';
import type { Localized } from '../../kernel/languages.js';
import { getState } from './directory.js';
import { publicationsOfState } from './publications.js';

/**
 * What a State's page gathers from the modules that own it, each through its own public read
 * function and with its own visibility rule applied for the public: the page is the same for
 * everyone (only the `can` of its national publications depends on the caller), so nothing a
 * signed-in viewer may see elsewhere leaks onto it. Given by the application (app.ts), so that the
 * states module, which every other module asks for names, imports none of them.
 */
export interface StateRecordSources {
  reports: (db: Executor, state: string) => Promise<{ reportId: string; cycleId: string; cycleTitle: string; periodStart: string; periodEnd: string; number: number; submittedAt: Date; publicSections: number }[]>;
  statements: (
    db: Executor,
    state: string,
  ) => Promise<{ id: string; meetingId: string; meetingTitle: Localized; meetingStartsAt: Date; agendaItem: { key: string; number: string | null; title: Localized | null }; language: string; title: string | null; hasFile: boolean; submittedAt: Date }[]>;
  amendments: (
    db: Executor,
    state: string,
  ) => Promise<{ id: string; draftId: string; draftTitle: string; draftStatus: 'negotiating' | 'adopted' | 'withdrawn'; revision: number; action: 'add' | 'delete' | 'replace'; status: 'proposed' | 'withdrawn'; role: 'proposer' | 'co-sponsor'; at: Date }[]>;
  groups: (db: Executor, state: string) => Promise<{ id: string; name: Localized; status: 'active' | 'closed'; joinedAt: Date }[]>;
  delegations: (
    db: Executor,
    state: string,
  ) => Promise<{ meetingId: string; meetingTitle: Localized; startsAt: Date; endsAt: Date; timeZone: string; participants: { role: 'head' | 'representative' | 'adviser'; name: string; title: string | null }[] }[]>;
  capacity: (
    db: Executor,
    state: string,
  ) => Promise<{
    needs: { id: string; title: Localized; status: 'open' | 'in-discussion' | 'matched' | 'met' | 'withdrawn'; codes: string[]; publishedAt: Date }[];
    offers: { id: string; title: Localized; status: 'open' | 'closed' | 'withdrawn'; codes: string[]; publishedAt: Date }[];
  }>;
}

/** A State's page: what it made public across the platform, and what it publishes itself. */
export async function stateRecord(db: Executor, sources: StateRecordSources, iso3: string) {
  const state = await getState(db, iso3);
  const [reports, statements, amendments, groups, delegations, capacity, publications] = await Promise.all([
    sources.reports(db, state.iso3),
    sources.statements(db, state.iso3),
    sources.amendments(db, state.iso3),
    sources.groups(db, state.iso3),
    sources.delegations(db, state.iso3),
    sources.capacity(db, state.iso3),
    publicationsOfState(db, state.iso3),
  ]);
  return { iso3: state.iso3, reports, statements, amendments, groups, delegations, capacity, publications };
}
