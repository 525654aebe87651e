import type { PGlite } from '@electric-sql/pglite';
import { dataVersions } from './tables.js';
import type { Db } from './database.js';

/** The channel the statement triggers of drizzle/0021 NOTIFY on, with `dataset:version`. */
export const DATA_VERSIONS_CHANNEL = 'data_versions';

/**
 * The version of each cached dataset (see `tables.ts`), known in memory: read once, then kept current
 * by LISTEN/NOTIFY, so a cached public read learns that it is still fresh without a query. While the
 * process is not listening (before the first read, after a lost connection) every answer comes from
 * the database: never a stale one.
 */
export interface DataVersions {
  /** The dataset's version: from memory while listening, else read from the database. */
  of(dataset: string): number | Promise<number>;
  /** Starts listening, and resolves once the versions are known (or the attempt failed: reads then go to the database). */
  listen(): Promise<void>;
  /** One token for the versions of several datasets (a read that depends on them all), e.g. `12:4`. */
  token(...datasets: string[]): string | Promise<string>;
  /**
   * Says that this process has just written: its next cached read asks the database for the versions
   * once, so that the writer's own next read sees the change even before the NOTIFY arrives. A write
   * costs nothing more; only the first cached read after it does.
   */
  wrote(): void;
  close(): Promise<void>;
}

type Listen = (onNotify: (payload: string) => void, onLost: () => void) => Promise<() => Promise<void>>;

/** LISTEN on a PostgreSQL server through a connection of its own (not one of the pool's). */
export function listenOnPostgres(url: string): Listen {
  return async (onNotify, onLost) => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    let ended = false;
    const lost = () => {
      if (ended) return;
      ended = true;
      client.removeAllListeners('notification');
      onLost();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (m) => {
      if (m.channel === DATA_VERSIONS_CHANNEL && m.payload) onNotify(m.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_VERSIONS_CHANNEL}`);
    } catch (error) {
      ended = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return async () => {
      ended = true;
      await client.end().catch(() => undefined);
    };
  };
}

/** LISTEN on the embedded database (one session: it hears its own NOTIFYs). */
export function listenOnPglite(client: PGlite): Listen {
  return async (onNotify) => client.listen(DATA_VERSIONS_CHANNEL, onNotify);
}

export function dataVersionsOf(db: Db, listen: Listen, options: { retryMs?: number } = {}): DataVersions {
  const known = new Map<string, number>();
  let listening = false;
  let starting: Promise<void> | null = null;
  let stop: (() => Promise<void>) | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const learn = (dataset: string, version: number) => {
    if (version > (known.get(dataset) ?? -1)) known.set(dataset, version);
  };
  const readAll = async () => {
    for (const row of await db.select().from(dataVersions)) learn(row.dataset, row.version);
  };
  const lost = () => {
    listening = false;
    stop = null;
    if (closed) return;
    retry = setTimeout(() => {
      retry = undefined;
      void start();
    }, options.retryMs ?? 1_000);
    retry.unref();
  };
  const start = (): Promise<void> => {
    starting ??= (async () => {
      try {
        // LISTEN first, then read: a change committed in between is heard or read, never missed.
        const unlisten = await listen((payload) => {
          const at = payload.lastIndexOf(':');
          const version = Number(payload.slice(at + 1));
          if (at > 0 && Number.isSafeInteger(version)) learn(payload.slice(0, at), version);
        }, lost);
        if (closed) {
          await unlisten();
          return;
        }
        stop = unlisten;
        await readAll();
        listening = true;
      } catch {
        const unlisten = stop;
        stop = null;
        await unlisten?.().catch(() => undefined);
        lost();
      } finally {
        starting = null;
      }
    })();
    return starting;
  };

  // Writes of this process, and how many of them a completed read of the versions has seen.
  let writes = 0;
  let writesRead = 0;
  const of = (dataset: string): number | Promise<number> => {
    if (listening && writesRead === writes) {
      const v = known.get(dataset);
      if (v !== undefined) return v;
    } else if (!listening && !starting && !closed && !retry) void start();
    // The writes made so far committed before they were counted: a read started now sees them.
    const seen = writes;
    return readAll().then(() => {
      writesRead = Math.max(writesRead, seen);
      return known.get(dataset) ?? 0;
    });
  };
  return {
    of,
    listen: () => (listening || closed ? Promise.resolve() : start()),
    token(...datasets) {
      const vs = datasets.map(of);
      return vs.every((v) => typeof v === 'number') ? vs.join(':') : Promise.all(vs).then((all) => all.join(':'));
    },
    wrote() {
      writes += 1;
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      listening = false;
      await starting;
      await stop?.();
    },
  };
}
