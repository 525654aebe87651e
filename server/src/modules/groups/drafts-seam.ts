import type { Executor } from '../../platform/db/database.js';

/**
 * The seam for drafts on a group's page. Drafts belong to the decisions module, which this module
 * does not know: app.ts hands `groupsRoutes` a source of them, e.g.
 * `groupsRoutes(app, ctx, { draftsOf: (db, groupId) => draftsOfBody(db, { groupId }) })`.
 * Without one, a group's page lists none.
 */
export interface GroupDraft {
  id: string;
  title: string;
  /** `Zero draft`, `Rev.1` … */
  revision: string;
  status: string;
  /** Where the web app shows it. */
  url: string;
}

export type DraftsOfGroup = (db: Executor, groupId: string) => Promise<GroupDraft[]>;

export interface GroupPageSources {
  draftsOf?: DraftsOfGroup;
}

export const noDrafts: DraftsOfGroup = async () => [];
