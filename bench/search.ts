/**
 * `npm run bench` (third part, issue #16): the one search over generated data of realistic size and
 * vocabulary, on PGlite and on PostgreSQL, beside the floor in the same run.
 *
 * Data (`generate.ts`, `corpus.ts`): framework elements with versions, each in English and one other
 * language, and 193 States' national reports over several cycles, each in its State's language: over
 * 100,000 paragraphs in the six languages, drawn from 6,000 words per language with a long-tail
 * distribution. Indexes are built after the load and the tables analysed, as an import would.
 *
 * Every query is new (cold): no cache of the platform's, and no page the database has kept for that
 * query, can serve it. Queries are typed as people type them (one or two content words, the last one
 * often cut short), in the reports' language mix. Each row sends its own queries, one after another
 * (`BENCH_SEARCH_CONCURRENCY`, default 1: the latency a person waits for), and reports p50/p95/p99 and
 * how many results a query found, so the reader can see the queries are selective, as real ones are.
 *
 * Environment: BENCH_DATABASE_URL (default the local server), BENCH_SEARCH_QUERIES (per row, default 300),
 * BENCH_SEARCH_SIZE ("elements,versions,cycles", default the domain bench's), BENCH_SEARCH_DATABASES
 * ("pglite,postgres").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { corpus, type CorpusLanguage } from './corpus.js';
import { DOMAIN_SIZE, generateDomain, type DomainSize } from './generate.js';
import {
  describeMachine,
  formatMb,
  formatMs,
  formatNumber,
  formatRatio,
  freePort,
  machineInfo,
  markdownTable,
  repoRoot,
  sampleRss,
  startServer,
  stopAllServers,
  watchCpu,
  writeSection,
  BENCH_SERVER_URL,
  withDatabase,
  type ChildServer,
  platformArgs,
} from './lib.js';

const DB = 'poa_bench_search';
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_SEARCH_CONCURRENCY ?? 1);
const SIZE: DomainSize = (() => {
  const given = process.env.BENCH_SEARCH_SIZE?.split(',').map(Number);
  return given?.length === 3 && given.every((n) => n > 0) ? { elements: given[0]!, versions: given[1]!, cycles: given[2]! } : DOMAIN_SIZE;
})();
const DATABASES = (process.env.BENCH_SEARCH_DATABASES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
/** The share of queries in each language: the reports' mix (generate.ts), the framework's texts alike. */
const QUERY_LANGUAGES: CorpusLanguage[] = ['en', 'en', 'en', 'fr', 'es', 'en', 'fr', 'ar', 'es', 'ru', 'en', 'zh', 'ar', 'en', 'es'];
const TARGETS = { pglite: 150, postgres: 50 } as const;
const AS_OF_TARGET = 150;

const log = (message: string) => console.log(`[bench:search] ${message}`);

interface Row {
  name: string;
  /** Requests, their latencies sorted (ms). */
  latencies: number[];
  seconds: number;
  /** Results per query (the search's `total`, or the number of items), when the answer has them. */
  found: number[];
  failures: string[];
  otherCpuShare: number;
  peakRssBytes: number;
  target?: number;
}

const quantile = (sorted: number[], q: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : Number.NaN;

/** Sends every path once, `CONCURRENCY` at a time, and times each answer to its last byte. */
async function timeRequests(server: ChildServer, name: string, paths: string[], benchPids: number[], target?: number): Promise<Row> {
  const latencies: number[] = [];
  const found: number[] = [];
  const failures: string[] = [];
  const rss = sampleRss(server.pid);
  // A query's parallel workers are ours too (`postgres: parallel worker for PID …`, no database named).
  const cpu = watchCpu([process.pid, ...benchPids], (cmd) => cmd.includes(DB) || cmd.includes('parallel worker'));
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++]!;
      const t = performance.now();
      try {
        const res = await fetch(server.baseUrl + p, { signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        latencies.push(performance.now() - t);
        if (res.status !== 200) failures.push(`${res.status} ${p}`);
        else if (body.startsWith('{')) {
          const json = JSON.parse(body) as { total?: number; items?: unknown[] };
          if (typeof json.total === 'number') found.push(json.total);
          else if (Array.isArray(json.items)) found.push(json.items.length);
        }
      } catch (error) {
        failures.push(`${p}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const row: Row = {
    name,
    latencies: latencies.sort((a, b) => a - b),
    seconds,
    found: found.sort((a, b) => a - b),
    failures,
    otherCpuShare: cpu.stop().otherShare,
    peakRssBytes: rss.stop(),
    target,
  };
  log(`${name}: p50 ${formatMs(quantile(row.latencies, 0.5))} ms, p95 ${formatMs(quantile(row.latencies, 0.95))} ms, ${failures.length} failed, other CPU ${Math.round(row.otherCpuShare * 100)}%`);
  return row;
}

/** `count` distinct queries (none sent before in this run), URL-encoded. */
function newQueries(seen: Set<string>, count: number, seed: number): string[] {
  const texts = corpus(seed);
  const out: string[] = [];
  for (let i = 0; out.length < count && i < count * 100; i++) {
    const q = texts.query(QUERY_LANGUAGES[i % QUERY_LANGUAGES.length]!);
    if (seen.has(q)) continue;
    seen.add(q);
    out.push(encodeURIComponent(q));
  }
  return out;
}

interface Section {
  kind: 'pglite' | 'postgres';
  title: string;
  generatedSeconds?: number;
  paragraphs?: number;
  startSeconds?: number;
  rows: Row[];
  skipped?: string;
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<Section> {
  const section: Section = { kind, title: kind === 'pglite' ? 'PGlite (embedded, a fresh data folder)' : 'PostgreSQL (local server, a fresh database)', rows: [] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `poa-bench-search-${kind}-`));
  let admin: pg.Client | undefined;
  let url: string | undefined;
  try {
    if (kind === 'postgres') {
      admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
      try {
        await admin.connect();
      } catch (error) {
        section.skipped = `PostgreSQL unreachable at ${BENCH_SERVER_URL} (${String(error)})`;
        return section;
      }
      section.title = `PostgreSQL ${(await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version} (local server, fresh database \`${DB}\`)`;
      await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DB}`);
      url = withDatabase(BENCH_SERVER_URL, DB);
    }
    log(`${kind}: generating ${SIZE.elements} × ${SIZE.versions} framework versions and 193 × ${SIZE.cycles} reports…`);
    const started = Date.now();
    const generated = await generateDomain(url ? { kind: 'postgres', url, poolSize: 4 } : { kind: 'pglite', dataDir: path.join(dataDir, 'db') }, SIZE);
    section.generatedSeconds = (Date.now() - started) / 1000;
    section.paragraphs = generated.paragraphs;
    log(`${kind}: ${generated.paragraphs} paragraphs in ${Math.round(section.generatedSeconds)} s`);

    const port = await freePort();
    const startedAt = Date.now();
    const platform = await startServer({
      name: `platform (${kind})`,
      args: await platformArgs(),
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      port,
      healthPath: '/api/health',
      startTimeoutMs: 300_000,
    });
    section.startSeconds = (Date.now() - startedAt) / 1000;
    const floorPort = await freePort();
    const floor = await startServer({
      name: `floor (${kind})`,
      args: ['--import', 'tsx', 'bench/floor.ts'],
      env: { PORT: String(floorPort), FLOOR_DATABASE_URL: url, FLOOR_STATES_URL: url ? undefined : `${platform.baseUrl}/api/v1/states` },
      port: floorPort,
      healthPath: '/floor/states/FRA',
      startTimeoutMs: 60_000,
    });
    const pids = [platform.pid, floor.pid];
    const floorPaths = Array.from({ length: QUERIES }, (_, i) => `/floor/states/${['FRA', 'BOL', 'CHN', 'KEN', 'RUS', 'EGY'][i % 6]}`);
    // Warm the connections and the code paths (not the queries: those are new in every row).
    for (const p of ['/api/v1/search?q=warm', '/api/v1/framework/search?q=warm', '/api/v1/search/suggestions?q=war']) await fetch(platform.baseUrl + p).then((r) => r.arrayBuffer());

    const seen = new Set<string>(['warm', 'war']);
    const target = TARGETS[kind];
    section.rows.push(await timeRequests(floor, 'floor: bare Fastify + one PK SELECT (before)', floorPaths, pids));
    section.rows.push(await timeRequests(platform, 'GET /api/v1/search?q= (everything the public may see; a new query each time)', newQueries(seen, QUERIES, 1).map((q) => `/api/v1/search?q=${q}`), pids, target));
    section.rows.push(await timeRequests(platform, 'GET /api/v1/search/suggestions?q= (the header box as one types; new queries)', newQueries(seen, QUERIES, 2).map((q) => `/api/v1/search/suggestions?q=${q}`), pids, target));
    section.rows.push(await timeRequests(platform, 'GET /api/v1/framework/search?q= (in force today; new queries)', newQueries(seen, QUERIES, 3).map((q) => `/api/v1/framework/search?q=${q}`), pids, target));
    section.rows.push(await timeRequests(platform, 'GET /api/v1/framework/search?q=&asOf=2018-06-30 (as of a past date; new queries)', newQueries(seen, QUERIES, 4).map((q) => `/api/v1/framework/search?q=${q}&asOf=2018-06-30`), pids, AS_OF_TARGET));
    section.rows.push(await timeRequests(floor, 'floor: bare Fastify + one PK SELECT (after)', floorPaths, pids));
    return section;
  } finally {
    await stopAllServers();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function render(sections: Section[]): string {
  const m = machineInfo();
  const parts: string[] = [
    `## One search, cold queries over ${formatNumber(sections.find((s) => s.paragraphs)?.paragraphs ?? 0)} paragraphs (\`npm run bench\`, third part; issue #16)`,
    '',
    `Machine: ${describeMachine(m)}.`,
    '',
    `Data: ${formatNumber(SIZE.elements)} framework elements × ${SIZE.versions} versions (each in English and one other language) and 193 States × ${SIZE.cycles} reporting cycles, each report answering every section in its State's language (en, fr, es, ar, ru, zh in about the shares of the UN's membership), 70% of reports public: paragraphs drawn from 6,000 words per language with a Zipf (long-tail) distribution (\`bench/corpus.ts\`); the search's GIN indexes built after the load, then VACUUM ANALYZE on PostgreSQL (what autovacuum does after a bulk load) and ANALYZE on PGlite (which has no autovacuum), as an import would. Each row sends ${QUERIES} queries it alone sends (cold: none was asked before, so no cache serves it), ${CONCURRENCY === 1 ? 'one after another (the time a person waits)' : `${CONCURRENCY} at a time`}, as the public; a query is one or two content words, the last often cut short as typed. Latency is to the answer's last byte; "found" is the search's own count of results per query (the framework search: the items returned, at most 20).`,
  ];
  for (const s of sections) {
    parts.push('', `### ${s.title}`, '');
    if (s.skipped) {
      parts.push(`Skipped: ${s.skipped}.`);
      continue;
    }
    parts.push(`Generated ${formatNumber(s.paragraphs ?? 0)} paragraphs in ${Math.round(s.generatedSeconds ?? 0)} s; the platform answered its first health check ${(s.startSeconds ?? 0).toFixed(1)} s after start on that database.`, '');
    const floors = s.rows.filter((r) => r.name.startsWith('floor'));
    const floorP95 = floors.reduce((a, r) => a + quantile(r.latencies, 0.95), 0) / Math.max(1, floors.length);
    parts.push(
      markdownTable(
        ['request', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 × floor', 'target p95', 'found per query (median; share with none)', 'failed', 'other CPU', 'peak RSS'],
        s.rows.map((r) => {
          const p95 = quantile(r.latencies, 0.95);
          const none = r.found.filter((n) => n === 0).length;
          return [
            r.name,
            formatNumber(r.latencies.length),
            formatNumber(r.latencies.length / r.seconds),
            formatMs(quantile(r.latencies, 0.5)),
            formatMs(p95),
            formatMs(quantile(r.latencies, 0.99)),
            formatRatio(p95 / floorP95),
            r.target ? `< ${r.target} ms: ${p95 < r.target ? 'met' : '**missed**'}` : '',
            r.found.length ? `${formatNumber(quantile(r.found, 0.5))}; ${Math.round((100 * none) / r.found.length)}%` : '',
            formatNumber(r.failures.length),
            `${Math.round(r.otherCpuShare * 100)}%`,
            formatMb(r.peakRssBytes),
          ];
        }),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
    const failures = s.rows.flatMap((r) => r.failures.slice(0, 3));
    if (failures.length) parts.push('', 'First failures:', '', ...failures.map((f) => `- \`${f}\``));
    const busy = s.rows.filter((r) => r.otherCpuShare >= 0.1);
    if (busy.length) parts.push('', `⚠ Other processes took 10% or more of the CPU during ${busy.length} of ${s.rows.length} rows: those latencies carry that load.`);
  }
  return parts.join('\n');
}

async function main(): Promise<void> {
  const sections: Section[] = [];
  for (const kind of DATABASES) sections.push(await benchDatabase(kind));
  writeSection(path.join(repoRoot, 'bench/RESULTS.md'), 'search', render(sections));
  log('written to bench/RESULTS.md (search section)');
  if (sections.some((s) => s.rows.some((r) => r.failures.length > 0))) process.exitCode = 1;
}

process.on('SIGINT', () => void stopAllServers().then(() => process.exit(130)));
main().catch(async (error: unknown) => {
  console.error(error);
  await stopAllServers();
  process.exit(1);
});

