import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database.js';
import type { Datasets } from '../../platform/http/conditional.js';
import { DATASET_CHANGES, DATASET_ROUTES, type DatasetKind } from './datasets.js';

/**
 * When a dataset last changed: the time of the newest audit event among the actions that change it.
 * One index probe per action (`audit_events_action_idx`, newest first), whatever the chain's length.
 */
export async function lastChange(db: Executor, kinds: readonly DatasetKind[]): Promise<Date | null> {
  const actions = [...new Set(kinds.flatMap((k) => DATASET_CHANGES[k]))];
  if (actions.length === 0) return null;
  const result = await db.execute(sql`
    SELECT max(e.at) AS at
    FROM unnest(ARRAY[${sql.join(actions.map((a) => sql`${a}`), sql`, `)}]::text[]) AS a(action)
    CROSS JOIN LATERAL (SELECT at FROM audit_events WHERE action = a.action ORDER BY seq DESC LIMIT 1) e`);
  const at = rowsOf<{ at: string | Date | null }>(result)[0]?.at ?? null;
  return at === null ? null : new Date(at);
}

/**
 * The datasets whose every change also bumps a data version (drizzle/0021: a trigger on their tables):
 * when they last changed is read once per version, not on every request.
 */
const VERSIONED: Partial<Record<DatasetKind, string>> = { states: 'states' };

/** The versions of the cached datasets (the platform's `DataVersions`, as the entry gives them). */
interface Versions {
  token(...datasets: string[]): string | Promise<string>;
}

/** The platform's datasets, for its HTTP shell's conditional answers. */
export function openDatasets(db: Executor, versions?: Versions): Datasets {
  const known = new Map<string, { token: string; at: Promise<Date | null> }>();
  return {
    serves: (route) => route in DATASET_ROUTES,
    lastModified: async (route) => {
      const dataset = DATASET_ROUTES[route];
      if (!dataset?.timeless) return null;
      const tracked = dataset.kinds.map((k) => VERSIONED[k]);
      if (!versions || tracked.some((t) => t === undefined)) return lastChange(db, dataset.kinds);
      const token = await versions.token(...(tracked as string[]));
      const kept = known.get(route);
      if (kept?.token === token) return kept.at;
      const at = lastChange(db, dataset.kinds);
      known.set(route, { token, at });
      at.catch(() => known.delete(route));
      return at;
    },
  };
}
