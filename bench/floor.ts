/**
 * The floor: a bare Fastify 5 app (no plugins) with one route doing one primary-key SELECT and
 * returning the row as JSON. It is what a public read costs on this engine with nothing else around it.
 *
 * Environment:
 *   PORT               where to listen (127.0.0.1)
 *   FLOOR_DATABASE_URL PostgreSQL: query the platform's own database through a pg.Pool
 *   FLOOR_STATES_URL   PGlite: copy the States from this URL (the platform's GET /api/v1/states) into
 *                      a fresh in-memory PGlite with the same `states` table (the platform holds its
 *                      data folder, and PGlite opens a folder from one process only)
 * Routes: GET /floor/states/:iso3, and GET /floor/states: the like-for-like floor of the platform's list,
 * the same 195 States (~42 KB of JSON, the same fields) from one SELECT, serialized on every request.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

interface StateRow {
  iso3: string;
  names: Record<string, string>;
}
type SelectOne = (iso3: string) => Promise<StateRow | undefined>;
type SelectAll = () => Promise<ListedState[]>;

interface ListedState {
  iso3: string;
  m49: string;
  status: string;
  regionalGroup: string | null;
  names: Record<string, string>;
}

const SELECT = 'SELECT iso3, names FROM states WHERE iso3 = $1';
const SELECT_ALL = 'SELECT iso3, m49, status, regional_group AS "regionalGroup", names FROM states ORDER BY iso3';

/** The platform's `states` table (server/drizzle), without its foreign key to regional_groups. */
const CREATE_STATES = `
CREATE TABLE states (
  iso3 text PRIMARY KEY NOT NULL,
  m49 text NOT NULL,
  status text NOT NULL,
  regional_group text,
  names jsonb NOT NULL,
  search_text text NOT NULL,
  corrected_languages text[] DEFAULT '{}' NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  updated_at timestamp (3) with time zone DEFAULT now() NOT NULL,
  CONSTRAINT states_m49_unique UNIQUE (m49)
)`;

async function openPostgres(url: string): Promise<{ select: SelectOne; selectAll: SelectAll; close: () => Promise<void> }> {
  // The same pool size as the platform's (server/src/platform/db/database.ts).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  return {
    select: async (iso3) => (await pool.query<StateRow>(SELECT, [iso3])).rows[0],
    selectAll: async () => (await pool.query<ListedState>(SELECT_ALL)).rows,
    close: () => pool.end(),
  };
}

async function openPglite(statesUrl: string): Promise<{ select: SelectOne; selectAll: SelectAll; close: () => Promise<void> }> {
  const response = await fetch(statesUrl, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`GET ${statesUrl} answered ${response.status}`);
  const body = (await response.json()) as { items?: ListedState[] };
  const items = body.items ?? [];
  if (items.length === 0) throw new Error(`GET ${statesUrl} gave no States`);
  const db = await PGlite.create();
  await db.exec(CREATE_STATES);
  await db.transaction(async (tx) => {
    for (const s of items) {
      await tx.query(
        'INSERT INTO states (iso3, m49, status, regional_group, names, search_text) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
        [s.iso3, s.m49, s.status, s.regionalGroup, JSON.stringify(s.names), Object.values(s.names).join('\n').toLowerCase()],
      );
    }
  });
  await db.exec('ANALYZE states');
  return {
    select: async (iso3) => (await db.query<StateRow>(SELECT, [iso3])).rows[0],
    selectAll: async () => (await db.query<ListedState>(SELECT_ALL)).rows,
    close: () => db.close(),
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? '0');
  const databaseUrl = process.env.FLOOR_DATABASE_URL;
  const statesUrl = process.env.FLOOR_STATES_URL;
  if (!databaseUrl && !statesUrl) throw new Error('Set FLOOR_DATABASE_URL (PostgreSQL) or FLOOR_STATES_URL (PGlite).');
  const store = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(statesUrl!);

  const app = Fastify({ logger: false });
  app.get<{ Params: { iso3: string } }>('/floor/states/:iso3', async (request, reply) => {
    const row = await store.select(request.params.iso3);
    if (!row) return reply.code(404).send({ status: 404 });
    return row;
  });
  app.get('/floor/states', async () => {
    const items = await store.selectAll();
    return { items, total: items.length };
  });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // The bench that started us may die without stopping us: leave when our parent is gone.
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void stop();
    }
  }, 2000).unref();
  await app.listen({ port, host: '127.0.0.1' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
