import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { decisionsPolicy } from './policy.js';
import { amendments, amendmentSponsors, draftRevisions, drafts } from './tables.js';

export interface AmendmentOfState {
  id: string;
  draftId: string;
  draftTitle: string;
  draftStatus: 'negotiating' | 'adopted' | 'withdrawn';
  /** The number of the revision it was proposed against: 0 for the zero draft, 1 for Rev.1 … */
  revision: number;
  action: 'add' | 'delete' | 'replace';
  status: 'proposed' | 'withdrawn';
  /** Proposed by the State, or joined as a co-sponsor. */
  role: 'proposer' | 'co-sponsor';
  /** When proposed, or when the State joined. */
  at: Date;
}

/**
 * The amendments a State proposed and those it co-sponsored, newest first, for the State's page.
 * The negotiation record is public (decisionsPolicy.read), so the public sees them all.
 */
export async function amendmentsOfState(db: Executor, state: string): Promise<AmendmentOfState[]> {
  if (!decisionsPolicy.read.allows(null, undefined)) return [];
  const columns = {
    id: amendments.id,
    draftId: amendments.draftId,
    draftTitle: drafts.title,
    draftStatus: drafts.status,
    revisionNumber: draftRevisions.number,
    action: amendments.action,
    status: amendments.status,
    createdAt: amendments.createdAt,
  };
  const proposed = await db
    .select(columns)
    .from(amendments)
    .innerJoin(drafts, eq(drafts.id, amendments.draftId))
    .innerJoin(draftRevisions, eq(draftRevisions.id, amendments.revisionId))
    .where(eq(amendments.proposerState, state));
  const joined = await db
    .select({ ...columns, joinedAt: amendmentSponsors.joinedAt })
    .from(amendmentSponsors)
    .innerJoin(amendments, eq(amendments.id, amendmentSponsors.amendmentId))
    .innerJoin(drafts, eq(drafts.id, amendments.draftId))
    .innerJoin(draftRevisions, eq(draftRevisions.id, amendments.revisionId))
    .where(eq(amendmentSponsors.state, state))
    .orderBy(desc(amendmentSponsors.joinedAt));
  const view = (r: (typeof proposed)[number], role: AmendmentOfState['role'], at: Date): AmendmentOfState => ({
    id: r.id,
    draftId: r.draftId,
    draftTitle: r.draftTitle,
    draftStatus: r.draftStatus,
    revision: r.revisionNumber,
    action: r.action,
    status: r.status,
    role,
    at,
  });
  return [...proposed.map((r) => view(r, 'proposer', r.createdAt)), ...joined.filter((r) => r.id && !proposed.some((p) => p.id === r.id)).map((r) => view(r, 'co-sponsor', r.joinedAt))].sort(
    (a, b) => b.at.getTime() - a.at.getTime(),
  );
}
