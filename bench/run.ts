/**
 * `npm run bench`: the platform's public reads against a floor route, on PGlite and on PostgreSQL.
 *
 * For each database: start the real platform (server/src/main.ts) in its own process on a fresh
 * database, start the floor (bench/floor.ts: bare Fastify + one primary-key SELECT) in another,
 * load each endpoint in turn with autocannon from this process, sample the server's memory, and
 * write the tables to bench/RESULTS.md between `<!-- bench:api:start -->` and `<!-- bench:api:end -->`.
 *
 * Environment: BENCH_SECONDS (measured seconds per endpoint, default 10), BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (50), BENCH_QUIET_WAIT_SECONDS (15), BENCH_DATABASE_URL (a PostgreSQL server; default
 * postgres://postgres@127.0.0.1:5432/test; the bench creates and drops a database `poa_bench` on it),
 * BENCH_DATABASES (`pglite,postgres`: which to measure), BENCH_ONLY=startup (only the start on a fresh
 * database and the restarts, no load, nothing written to RESULTS.md), BENCH_RESTARTS (3: restarts timed,
 * the median reported), BENCH_PLATFORM=source (run the sources through tsx instead, as before they were
 * compiled, to compare).
 *
 * The platform runs as `npm start` runs it: compiled to server/dist (scripts/build-server.mjs), on plain
 * node with the options of scripts/server-node-options.mjs, and with bench/memory-probe.mjs preloaded,
 * which logs where its memory goes (V8's heap, external buffers, the embedded engine's WebAssembly memory).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  describeMachine,
  formatMb,
  formatMs,
  formatNumber,
  formatRatio,
  freePort,
  judgedFigures,
  loadEndpoints,
  machineInfo,
  waitForQuietMachine,
  markdownTable,
  procStatusBytes,
  repoRoot,
  startServer,
  stopAllServers,
  writeSection,
  type Align,
  type ChildServer,
  type Endpoint,
  type EndpointResult,
  type JudgedFigures,
  type LoadOptions,
  platformArgs,
} from './lib.js';

const positive = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return n;
};

const load: LoadOptions = {
  connections: positive('BENCH_CONNECTIONS', 50),
  seconds: positive('BENCH_SECONDS', 10),
  warmupSeconds: positive('BENCH_WARMUP_SECONDS', 2, 0),
};
/** Before each row, wait up to this long for other processes to leave the CPU (0: don't wait). */
const quietWaitSeconds = positive('BENCH_QUIET_WAIT_SECONDS', 15, 0);
const only = process.env.BENCH_ONLY ?? '';
if (only !== '' && only !== 'startup') throw new Error(`BENCH_ONLY must be "startup" or unset (got "${only}")`);
const restarts = positive('BENCH_RESTARTS', 3);
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((d) => d.trim());
for (const d of databases) if (d !== 'pglite' && d !== 'postgres') throw new Error(`BENCH_DATABASES: unknown database "${d}"`);
const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'poa_bench';
const RESULTS = path.join(repoRoot, 'bench', 'RESULTS.md');

/** The detail route rotates over these (every region, both observer States, long and short names). */
const ISO3 = ['FRA', 'BOL', 'CHN', 'RUS', 'EGY', 'USA', 'BRA', 'IND', 'VAT', 'PSE', 'TUR', 'NZL'];
const FLOOR = 'floor: bare Fastify + one PK SELECT';
const LIST_FLOOR = 'list floor: bare Fastify, the same 195 States (42 KB) from one SELECT';
const LIST_TARGET = { throughput: 1.5, p99: 1.5 };
/** What a browser sends: the platform answers the list in brotli (made once per version of the data). */
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };
const CONDITIONAL = 'GET /api/v1/states + If-None-Match';
const MB = 1024 * 1024;
/** Issue #18: the platform under the bench's load, below 200 MB on PostgreSQL and 300 MB on the embedded database. */
const TARGET = { throughput: 1, p99: 1.5, rssBytes: { postgres: 200 * MB, pglite: 300 * MB } };
/** A measured second is quiet when other processes took less than this share of the machine's CPU in it. */
const QUIET = 0.1;
/** A row is judged on its quiet seconds when it has at least this many of them (and this share of all). */
const MIN_QUIET_SECONDS = 3;
const MIN_QUIET_SHARE = 0.3;
const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

/** One sample of the platform's own account of its memory (bench/memory-probe.mjs), in bytes. */
interface MemorySample {
  t: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  wasm: number;
}

function readMemoryLog(file: string, from = 0, to = Infinity): MemorySample[] {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as MemorySample)
      .filter((m) => m.t >= from && m.t <= to);
  } catch {
    return [];
  }
}

/** The sample at the highest RSS of a stretch, and the highest heap and buffers seen in it. */
function memoryAtPeak(samples: MemorySample[]): { peak: MemorySample; heapUsedMax: number; arrayBuffersMax: number } | undefined {
  if (samples.length === 0) return undefined;
  const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
  return { peak, heapUsedMax: Math.max(...samples.map((m) => m.heapUsed)), arrayBuffersMax: Math.max(...samples.map((m) => m.arrayBuffers)) };
}

const describeMemory = (m: ReturnType<typeof memoryAtPeak>): string =>
  m
    ? `RSS ${formatMb(m.peak.rss)}: V8 heap ${formatMb(m.peak.heapTotal)} (${formatMb(m.peak.heapUsed)} used), ` +
      `external ${formatMb(m.peak.external)} (of which buffers ${formatMb(m.peak.arrayBuffers)}` +
      (m.peak.wasm > 1024 * 1024 ? `, the engine's WebAssembly memory ${formatMb(m.peak.wasm)} reserved` : '') +
      `); over the row, heap used up to ${formatMb(m.heapUsedMax)}, buffers up to ${formatMb(m.arrayBuffersMax)}`
    : 'no samples';

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Row extends EndpointResult {
  /** 'conditional': a revalidation that should get 304; shown, but not judged against the targets. */
  /** 'list floor': the like-for-like floor of the list (the same 42 KB from one SELECT), not in the mean of the PK floors. */
  kind: 'floor' | 'list floor' | 'public read' | 'conditional' | 'health';
  /** Where the platform's memory was at its highest RSS over the row (not for the floor rows). */
  memory?: ReturnType<typeof memoryAtPeak>;
}

interface DatabaseSection {
  title: string;
  /** Why the database was not measured, when it was not. */
  skipped?: string;
  /** Why the run stopped half-way, when it did. */
  failed?: string;
  startSeconds?: number;
  idleRssBytes?: number;
  lifetimePeakRssBytes?: number;
  /** A second start on the same, already set-up database (nothing to migrate or load): to the first health answer. */
  restartSeconds?: number;
  /** Every restart timed (the median is restartSeconds). */
  restartTimes?: number[];
  restartIdleRssBytes?: number;
  /** The load average when the restarts began. */
  restartLoad?: number[];
  checks: string[];
  rows: Row[];
  /** What the platform wrote (at LOG_LEVEL=warn, so warnings and errors only), the last lines. */
  platformLog?: string;
}

// ---------------------------------------------------------------------------------------------

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function packageVersion(name: string): string {
  for (const dir of [path.join(repoRoot, 'server', 'node_modules'), path.join(repoRoot, 'node_modules')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { version?: string };
      if (pkg.version) return pkg.version;
    } catch {
      // try the next folder
    }
  }
  return '?';
}

/** Creates a fresh `poa_bench` database on the server; undefined (with the reason) when the server does not answer. */
async function createBenchDatabase(): Promise<{ url: string; version: string } | { skip: string }> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    return { skip: `PostgreSQL at ${redact(serverUrl)} is unreachable (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${BENCH_DB}`);
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const url = new URL(serverUrl);
    url.pathname = `/${BENCH_DB}`;
    return { url: url.toString(), version: rows[0]?.server_version ?? '?' };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropBenchDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  } catch (error) {
    log(`could not drop ${BENCH_DB}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** One request to each endpoint before loading it: does it answer what it should? */
async function checkEndpoints(platform: ChildServer, floor: ChildServer): Promise<string[]> {
  const problems: string[] = [];
  const get = async (server: ChildServer, p: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(server.baseUrl + p, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  };
  const expect = async (server: ChildServer, p: string, ok: (body: unknown) => string | undefined) => {
    try {
      const { status, body } = await get(server, p);
      const problem = status !== 200 ? `HTTP ${status}: ${JSON.stringify(body).slice(0, 200)}` : ok(body);
      if (problem) problems.push(`GET ${p}: ${problem}`);
    } catch (error) {
      problems.push(`GET ${p}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const items = (body: unknown): { iso3?: unknown }[] | undefined => {
    const list = (body as { items?: unknown } | null)?.items;
    return Array.isArray(list) ? (list as { iso3?: unknown }[]) : undefined;
  };
  await expect(platform, '/api/v1/states', (b) => {
    const list = items(b);
    return list?.length === 195 ? undefined : `expected 195 States, got ${list?.length ?? 'no list'}`;
  });
  await expect(platform, '/api/v1/states?q=bol', (b) => {
    const list = items(b);
    return list?.some((s) => s.iso3 === 'BOL') ? undefined : `expected Bolivia among ${JSON.stringify(list?.map((s) => s.iso3))}`;
  });
  for (const iso3 of ISO3) {
    await expect(platform, `/api/v1/states/${iso3}`, (b) =>
      (b as { iso3?: unknown } | null)?.iso3 === iso3 ? undefined : `expected ${iso3}, got ${JSON.stringify(b).slice(0, 200)}`,
    );
    await expect(floor, `/floor/states/${iso3}`, (b) =>
      (b as { iso3?: unknown } | null)?.iso3 === iso3 ? undefined : `expected ${iso3}, got ${JSON.stringify(b).slice(0, 200)}`,
    );
  }
  await expect(platform, '/api/health', (b) =>
    (b as { status?: unknown } | null)?.status === 'ok' ? undefined : `expected status ok, got ${JSON.stringify(b)}`,
  );
  return problems;
}

/**
 * Starts again on the database now set up, as a restart of an existing installation does (the issue's
 * "start-up on a database that is already set up"): the same command, data folder and database, to the
 * first health answer, BENCH_RESTARTS times; the median is reported. Stops `running` first.
 */
async function restartTimes(section: DatabaseSection, kind: string, dataDir: string, databaseUrl: string | undefined, running: ChildServer): Promise<void> {
  await running.stop();
  section.restartTimes = [];
  section.restartLoad = os.loadavg();
  for (let i = 0; i < restarts; i++) {
    const restartPort = await freePort();
    const restarted = Date.now();
    const platform = await startServer({
      name: `platform (${kind}, restarted)`,
      args: await platformArgs(),
      env: { PORT: String(restartPort), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      port: restartPort,
      healthPath: '/api/health',
      startTimeoutMs: 180_000,
    });
    section.restartTimes.push((Date.now() - restarted) / 1000);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      section.restartIdleRssBytes = procStatusBytes(platform.pid, 'VmRSS');
    } finally {
      await platform.stop();
    }
    log(`${kind}: restarted on the set-up database in ${section.restartTimes.at(-1)!.toFixed(2)} s, RSS ${formatMb(section.restartIdleRssBytes ?? 0)}`);
  }
  section.restartSeconds = median(section.restartTimes);
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<DatabaseSection> {
  let title = `PGlite ${packageVersion('@electric-sql/pglite')} (embedded, in a fresh data folder)`;
  const section: DatabaseSection = { title, checks: [], rows: [] };
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const created = await createBenchDatabase();
    if ('skip' in created) {
      section.title = 'PostgreSQL';
      section.skipped = created.skip;
      return section;
    }
    databaseUrl = created.url;
    title = `PostgreSQL ${created.version} (local server, fresh database \`${BENCH_DB}\`)`;
    section.title = title;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `poa-bench-${kind}-`));
  let platform: ChildServer | undefined;
  let floor: ChildServer | undefined;
  let second: ChildServer | undefined;
  try {
    const port = await freePort();
    log(`${kind}: starting the platform on port ${port} (data in ${dataDir})`);
    const started = Date.now();
    const memoryLog = `${dataDir}.memory.jsonl`;
    platform = await startServer({
      name: `platform (${kind})`,
      args: await platformArgs(),
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', BENCH_MEMORY_LOG: memoryLog },
      port,
      healthPath: '/api/health',
      startTimeoutMs: 180_000,
    });
    section.startSeconds = (Date.now() - started) / 1000;
    section.idleRssBytes = procStatusBytes(platform.pid, 'VmRSS');
    log(`${kind}: platform answered after ${section.startSeconds.toFixed(1)} s, RSS ${formatMb(section.idleRssBytes ?? 0)}`);
    if (only === 'startup') {
      await restartTimes(section, kind, dataDir, databaseUrl, platform);
      return section;
    }

    const floorPort = await freePort();
    floor = await startServer({
      name: `floor (${kind})`,
      args: ['--import', 'tsx', 'bench/floor.ts'],
      env: {
        PORT: String(floorPort),
        FLOOR_DATABASE_URL: databaseUrl,
        FLOOR_STATES_URL: databaseUrl ? undefined : `${platform.baseUrl}/api/v1/states`,
      },
      port: floorPort,
      healthPath: '/floor/states/FRA',
      startTimeoutMs: 60_000,
    });

    if (databaseUrl) {
      // A second platform process on the same database: does it add throughput on these 2 cores?
      const secondPort = await freePort();
      second = await startServer({
        name: `second platform (${kind})`,
        args: await platformArgs(),
        env: { PORT: String(secondPort), HOST: '127.0.0.1', DATA_DIR: `${dataDir}-2`, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
        port: secondPort,
        healthPath: '/api/health',
        startTimeoutMs: 180_000,
      });
    }

    section.checks = await checkEndpoints(platform, floor);
    for (const problem of section.checks) log(`${kind}: check failed: ${problem}`);

    const floorEndpoint = (when: string): Endpoint => ({
      name: `${FLOOR} (${when})`,
      paths: ISO3.map((c) => `/floor/states/${c}`),
      server: floor,
    });
    // A client that already holds the list revalidates it: when the platform gives an ETag, measure that too.
    const etag = await fetch(`${platform.baseUrl}/api/v1/states`, { signal: AbortSignal.timeout(10_000) })
      .then(async (r) => {
        await r.arrayBuffer();
        return r.headers.get('etag');
      })
      .catch(() => null);
    const plan: { endpoint: Endpoint; kind: Row['kind'] }[] = [
      { endpoint: floorEndpoint('before'), kind: 'floor' },
      { endpoint: { name: 'GET /api/v1/states', paths: ['/api/v1/states'] }, kind: 'public read' },
      ...(etag
        ? [
            {
              endpoint: { name: `${CONDITIONAL} (304)`, paths: ['/api/v1/states'], headers: { 'if-none-match': etag } },
              kind: 'conditional' as const,
            },
          ]
        : []),
      { endpoint: { name: LIST_FLOOR, paths: ['/floor/states'], server: floor }, kind: 'list floor' },
      { endpoint: { name: 'GET /api/v1/states (brotli, as a browser asks)', paths: ['/api/v1/states'], headers: BROWSER_ENCODING }, kind: 'public read' },
      { endpoint: { name: 'GET /api/v1/states/{iso3}', paths: ISO3.map((c) => `/api/v1/states/${c}`) }, kind: 'public read' },
      ...(second
        ? [
            { endpoint: { name: 'GET /api/v1/states, two processes', paths: ['/api/v1/states'], alsoOn: [second] }, kind: 'public read' as const },
            { endpoint: { name: 'GET /api/v1/states/{iso3}, two processes', paths: ISO3.map((c) => `/api/v1/states/${c}`), alsoOn: [second] }, kind: 'public read' as const },
          ]
        : []),
      { endpoint: { name: 'GET /api/v1/states?q=bol', paths: ['/api/v1/states?q=bol'] }, kind: 'public read' },
      { endpoint: { name: 'GET /api/health', paths: ['/api/health'] }, kind: 'health' },
      { endpoint: floorEndpoint('after'), kind: 'floor' },
    ];
    for (const { endpoint, kind: rowKind } of plan) {
      const benchPids = [platform.pid, floor.pid, ...(second ? [second.pid] : [])];
      // The PostgreSQL backends serving the bench's database do the bench's work too.
      const benchProcesses = (cmdline: string) => cmdline.startsWith('postgres: ') && cmdline.includes(` ${BENCH_DB} `);
      if (quietWaitSeconds > 0) {
        const started = Date.now();
        const busy = await waitForQuietMachine(quietWaitSeconds * 1000, QUIET, [process.pid, ...benchPids], benchProcesses);
        const waited = (Date.now() - started) / 1000;
        if (waited > 1.5) log(`${kind}: waited ${waited.toFixed(0)} s for a quiet machine (other processes now at ${formatPercent(busy)} of the CPU)`);
      }
      log(`${kind}: ${endpoint.name} (${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.seconds} s)`);
      const rowStarted = Date.now();
      const [result] = await loadEndpoints(platform, [endpoint], { ...load, benchPids, benchProcesses });
      if (!result) continue;
      const onPlatform = !endpoint.server;
      const memory = onPlatform ? memoryAtPeak(readMemoryLog(memoryLog, rowStarted, Date.now())) : undefined;
      if (memory) log(`${kind}:   memory at the row's peak: ${describeMemory(memory)}`);
      section.rows.push({ ...result, kind: rowKind, memory });
      log(
        `${kind}:   ${formatNumber(result.reqPerSec)} req/s, p50 ${formatMs(result.latencyP50Ms)} ms, p99 ${formatMs(result.latencyP99Ms)} ms, ` +
          `non-2xx ${result.non2xx}, errors ${result.errors}, peak RSS ${formatMb(result.peakRssBytes)}, ` +
          `CPU taken by other processes ${formatPercent(result.otherCpuShare)}; over the ${result.quiet.seconds} quiet of ` +
          `${result.measuredSeconds} s: ${formatNumber(result.quiet.reqPerSec)} req/s, p99 ${formatMs(result.quiet.latencyP99Ms)} ms`,
      );
      for (const server of [platform, floor]) {
        if (server.exited()) throw new Error(`${server.name} died during the run:\n${server.output()}`);
      }
    }
    section.lifetimePeakRssBytes = procStatusBytes(platform.pid, 'VmHWM');
    await floor.stop();
    await second?.stop();
    await restartTimes(section, kind, dataDir, databaseUrl, platform);
  } catch (error) {
    section.failed = error instanceof Error ? error.message : String(error);
    log(`${kind}: FAILED: ${section.failed}`);
  } finally {
    await floor?.stop();
    await second?.stop();
    await platform?.stop();
    const output = platform?.output();
    if (output) section.platformLog = output.slice(-1500);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-2`, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.memory.jsonl`, { force: true });
    if (kind === 'postgres') await dropBenchDatabase();
  }
  return section;
}

// ---------------------------------------------------------------------------------------------
// RESULTS.md

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

type Figures = JudgedFigures;
const figures = (r: Row): Figures => judgedFigures(r, MIN_QUIET_SECONDS, MIN_QUIET_SHARE);

function floorOf(section: DatabaseSection): { reqPerSec: number; p99: number } {
  const floors = section.rows.filter((r) => r.kind === 'floor').map(figures);
  return { reqPerSec: mean(floors.map((f) => f.reqPerSec)), p99: mean(floors.map((f) => f.p99)) };
}

function renderSection(section: DatabaseSection): string {
  const fence = '```';
  const out = [`### ${section.title}`, ''];
  if (section.skipped) return [...out, `Not measured: ${section.skipped}.`].join('\n');
  if (section.failed) out.push('**The run failed:**', '', fence, section.failed.slice(0, 2000), fence, '');
  if (section.startSeconds !== undefined) {
    out.push(
      `Platform start-up (migrations, 195 States, first health answer): ${section.startSeconds.toFixed(1)} s; ` +
        `RSS when idle after start ${formatMb(section.idleRssBytes ?? 0)}, highest over its life ${formatMb(section.lifetimePeakRssBytes ?? 0)}.`,
      '',
    );
  }
  if (section.restartSeconds !== undefined) {
    out.push(
      `Restart on the database already set up (the same command; nothing to migrate or load), to the first health answer: ` +
        `${section.restartSeconds.toFixed(2)} s, the median of ${section.restartTimes?.length ?? 1} (${(section.restartTimes ?? []).map((t) => t.toFixed(2)).join(', ')} s; ` +
        `load average ${(section.restartLoad ?? []).map((l) => l.toFixed(2)).join(', ')}); RSS 1 s later ${formatMb(section.restartIdleRssBytes ?? 0)}.`,
      '',
    );
  }
  if (section.checks.length) out.push('Answers that were wrong before the load (reported, not fixed):', '', ...section.checks.map((c) => `- ${c}`), '');
  if (section.platformLog) {
    out.push('The platform logged (warnings and errors; last lines):', '', fence, section.platformLog.split(fence).join("'''"), fence, '');
  }
  if (section.rows.length === 0) return out.join('\n');
  const floor = floorOf(section);
  const rows = section.rows.map((r) => {
    const f = figures(r);
    const errors = r.errors + r.timeouts > 0 ? `${r.errors}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''}` : '0';
    const codes =
      r.non2xx > 0 && unexpected(r) === 0
        ? ' (all 304, as expected)'
        : r.non2xx > 0
        ? ` (${Object.entries(r.statusCodes)
            .filter(([c]) => !c.startsWith('2'))
            .map(([c, n]) => `${n}× ${c}`)
            .join(', ')})`
        : '';
    return [
      r.name,
      formatNumber(f.reqPerSec),
      formatRatio(f.reqPerSec / floor.reqPerSec),
      formatMs(f.p50),
      formatMs(f.p99),
      formatRatio(f.p99 / floor.p99),
      `${r.quiet.seconds}/${r.measuredSeconds}${f.quiet ? '' : ' ⚠'}`,
      formatPercent(r.otherCpuShare),
      formatNumber(r.reqPerSec),
      formatNumber(r.bytesPerResponse),
      `${r.non2xx}${codes}`,
      errors,
      formatMb(r.peakRssBytes) + (r.kind === 'floor' || r.kind === 'list floor' ? ' ¹' : ''),
    ];
  });
  out.push(
    markdownTable(
      ['endpoint', 'req/s', '× floor', 'p50 ms', 'p99 ms', 'p99 × floor', 'quiet s ²', 'other CPU ²', 'req/s, all s', 'bytes/resp', 'non-2xx', 'errors', 'peak RSS'],
      rows,
      ['left', ...Array<Align>(12).fill('right')],
    ),
    '',
    ...(() => {
      const measured = section.rows.filter((r) => r.memory);
      if (!measured.length) return [];
      const top = measured.reduce((a, b) => (b.memory!.peak.rss > a.memory!.peak.rss ? b : a));
      return [`Where the platform's memory was at its highest (bench/memory-probe.mjs, during "${top.name}"): ${describeMemory(top.memory)}.`, ''];
    })(),
    `¹ the floor process's own memory. "× floor" compares with the mean of the two floor runs ` +
      `(${formatNumber(floor.reqPerSec)} req/s, p99 ${formatMs(floor.p99)} ms); the spread between them shows the run's noise.`,
    '',
    `² "quiet s": of the measured seconds, how many had other processes under ${formatPercent(QUIET)} of the machine's CPU; ` +
      `req/s, p50 and p99 are over those seconds. ⚠: too few quiet seconds, so they are over every second and carry the other ` +
      `processes' load. "other CPU": their mean share over the row. "req/s, all s": autocannon's own mean over every second.`,
  );
  return out.join('\n');
}

/** Responses with a status the row did not expect (2xx, or 304 for a revalidation). */
function unexpected(r: Row): number {
  return Object.entries(r.statusCodes)
    .filter(([code]) => !(code.startsWith('2') || (r.kind === 'conditional' && code === '304')))
    .reduce((n, [, count]) => n + count, 0);
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function renderReading(sections: DatabaseSection[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    if (section.skipped || section.rows.length === 0) continue;
    const floor = floorOf(section);
    const name = section.title.split(' (')[0];
    const reads = section.rows.filter((r) => r.kind === 'public read');
    const parts = reads.map((r) => {
      const f = figures(r);
      const ratio = f.reqPerSec / floor.reqPerSec;
      const p99 = f.p99 / floor.p99;
      return `\`${r.name.replace('GET ', '')}\` ${formatRatio(ratio)} the floor's req/s (${verdict(ratio >= TARGET.throughput)}), p99 ${formatRatio(p99)} (${verdict(p99 <= TARGET.p99)})`;
    });
    lines.push(`- **${name}**: ${parts.join('; ')}.`);
    const listFloor = section.rows.find((r) => r.kind === 'list floor');
    const list = section.rows.find((r) => r.name === 'GET /api/v1/states');
    if (listFloor && list) {
      const lf = figures(listFloor);
      const f = figures(list);
      const ratio = f.reqPerSec / lf.reqPerSec;
      const p99 = f.p99 / lf.p99;
      lines.push(
        `  Like for like, \`/api/v1/states\` against the list floor (the same ~42 KB from one SELECT, ${formatNumber(lf.reqPerSec)} req/s, p99 ${formatMs(lf.p99)} ms): ` +
          `${formatRatio(ratio)} its req/s (target ≥ ${LIST_TARGET.throughput}×: ${verdict(ratio >= LIST_TARGET.throughput)}), p99 ${formatRatio(p99)} (≤ ${LIST_TARGET.p99}×: ${verdict(p99 <= LIST_TARGET.p99)}).`,
      );
    }
    const pair = (one: string, two: string) => {
      const a = section.rows.find((r) => r.name === one);
      const b = section.rows.find((r) => r.name === two);
      return a && b ? `\`${one.replace('GET ', '')}\` ${formatRatio(figures(b).reqPerSec / figures(a).reqPerSec)}` : null;
    };
    const twos = [pair('GET /api/v1/states', 'GET /api/v1/states, two processes'), pair('GET /api/v1/states/{iso3}', 'GET /api/v1/states/{iso3}, two processes')].filter(Boolean);
    if (twos.length) lines.push(`  Two platform processes on one database against one, on the same 2 cores shared with the load generator: ${twos.join('; ')} the throughput of one.`);
    const isFloor = (r: Row) => r.kind === 'floor' || r.kind === 'list floor';
    const peak = Math.max(...section.rows.filter((r) => !isFloor(r)).map((r) => r.peakRssBytes));
    const floorPeak = Math.max(...section.rows.filter(isFloor).map((r) => r.peakRssBytes));
    const rssTarget = section.title.startsWith('PGlite') ? TARGET.rssBytes.pglite : TARGET.rssBytes.postgres;
    lines.push(
      `  Peak platform RSS under load ${formatMb(peak)} (target < ${formatMb(rssTarget)}: ${verdict(peak < rssTarget)}); ` +
        `the floor process peaked at ${formatMb(floorPeak)}` +
        (floorPeak >= rssTarget
          ? ` although it holds nothing but 195 rows: most of this memory is the database engine in the process, not the platform's code.`
          : '.'),
    );
    const health = section.rows.find((r) => r.kind === 'health');
    if (health) {
      lines.push(
        `  \`/api/health\` (one \`SELECT 1\`, a tiny body, through the platform's whole request path) runs at ` +
          `${formatRatio(figures(health).reqPerSec / floor.reqPerSec)} the floor.`,
      );
    }
    const conditional = section.rows.find((r) => r.kind === 'conditional');
    if (conditional) {
      const f = figures(conditional);
      lines.push(
        `  A client revalidating the list it holds (\`If-None-Match\`, 304 and no body) gets ${formatRatio(f.reqPerSec / floor.reqPerSec)} ` +
          `the floor's req/s, p99 ${formatRatio(f.p99 / floor.p99)} (not judged: a different exchange from a full read).`,
      );
    }
    const bad = section.rows.filter((r) => unexpected(r) > 0 || r.errors > 0 || r.timeouts > 0);
    if (bad.length) {
      lines.push(`  Failed responses under load: ${bad.map((r) => `${r.name} (${unexpected(r)} unexpected statuses, ${r.errors} errors)`).join('; ')}.`);
    }
    if (section.checks.length) lines.push(`  Some answers were wrong before the load (listed above): their numbers do not measure the intended work.`);
    if (section.failed) lines.push(`  The run stopped early: ${section.failed.split('\n')[0]}`);
  }
  const list = sections.flatMap((s) => s.rows).find((r) => r.name === 'GET /api/v1/states');
  const floorRow = sections.flatMap((s) => s.rows).find((r) => r.kind === 'floor');
  if (list && floorRow) {
    lines.push(
      `- The whole list (195 States, six names each: ~${formatNumber(list.bytesPerResponse / 1024)} KB per response) is compared with a floor ` +
        `that serves one row (~${formatNumber(floorRow.bytesPerResponse)} bytes): at that size, moving the bytes (written by the server, ` +
        `parsed by the load generator on the same cores) weighs on the ratio whatever the request path costs. ` +
        `The list floor row (the same 42 KB from one SELECT) is its like-for-like comparison, and \`/states/{iso3}\` the PK floor's.`,
    );
  }
  const all = sections.flatMap((s) => s.rows);
  const flagged = all.filter((r) => !figures(r).quiet);
  const busiest = Math.max(0, ...all.map((r) => r.otherCpuShare));
  const spread = Math.max(
    1,
    ...sections.map((s) => {
      const rates = s.rows.filter((r) => r.kind === 'floor').map((r) => figures(r).reqPerSec);
      return rates.length === 2 ? Math.max(...rates) / Math.min(...rates) : 1;
    }),
  );
  if (flagged.length) {
    lines.push(
      `- **Other processes were busy during this run** (up to ${formatPercent(busiest)} of the machine's CPU over a row): ` +
        `${flagged.length} of ${all.length} rows had too few quiet seconds (⚠) and their figures carry that load; the floor's ` +
        `two runs differ by up to ${formatRatio(spread)} in req/s. Read any ratio within that factor of a target as noise, ` +
        `and re-run on a quiet machine before drawing conclusions from it.`,
    );
  } else if (busiest > QUIET) {
    lines.push(
      `- Other processes took up to ${formatPercent(busiest)} of the machine's CPU over a row; every row had enough quiet seconds, ` +
        `and the figures are over those.`,
    );
  }
  lines.push(
    `- The load generator shares the same ${machineInfo().cores} cores with the server under test, so every number is a lower bound and ` +
      `only the ratios within one run mean anything.`,
  );
  return lines.join('\n');
}

/** Which code was measured: the commit, and whether the server's working tree differed from it. */
function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'server', 'package-lock.json') !== '';
    return `commit ${commit}${dirty ? ' with uncommitted changes in server/' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

function render(sections: DatabaseSection[], loadAtStart: number[], code: string): string {
  const machine = machineInfo();
  return [
    '## API reads against the floor (`npm run bench`)',
    '',
    `Machine: ${describeMachine(machine)}. Load average when the bench started: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}.`,
    '',
    `Code measured: ${code} (read when the bench started).`,
    '',
    '### Method',
    '',
    `- For each database, \`bench/run.ts\` starts the real platform as \`npm start\` runs it (compiled to \`server/dist\`, on plain node with the options of \`scripts/server-node-options.mjs\`, \`LOG_LEVEL=warn\`) ` +
      `in its own process on a fresh database (a new PGlite data folder; a new database \`${BENCH_DB}\` on the ` +
      `PostgreSQL server, dropped afterwards); it migrates and loads the 195 States itself. Requests are anonymous (the public).`,
    `- The floor runs in a second process (\`bench/floor.ts\`): bare Fastify 5, no plugins, no schemas, one route doing ` +
      `\`SELECT iso3, names FROM states WHERE iso3 = $1\` and returning the row as JSON. On PostgreSQL it queries the platform's own ` +
      `database through a \`pg.Pool\` of 10 (the platform's pool size); on PGlite, which opens a data folder from one process only, it ` +
      `uses an in-memory PGlite with the same \`states\` table filled with the 195 rows read from the platform's \`GET /api/v1/states\`.`,
    `- autocannon ${packageVersion('autocannon')} runs in the bench's own process: ${load.connections} connections, ` +
      `${load.warmupSeconds} s warm-up then ${load.seconds} s measured per endpoint, one endpoint at a time. ` +
      `The floor and \`/states/{iso3}\` rotate over ${ISO3.length} codes (${ISO3.join(', ')}). The floor is measured first and last; ` +
      `ratios are to the mean of the two.`,
    `- The machine may be shared (other sessions run tests on it). Each measured second, the bench reads from /proc how much CPU ` +
      `processes outside the bench took (everything but this process, the platform, the floor and the PostgreSQL backends of ` +
      `\`${BENCH_DB}\`); req/s and latency percentiles are computed over the quiet seconds (others under ${formatPercent(QUIET)}) ` +
      `when there are at least ${MIN_QUIET_SECONDS} and ${formatPercent(MIN_QUIET_SHARE)} of them, else over every second (flagged ⚠). ` +
      `Before each row the bench waits up to ${quietWaitSeconds} s for a quiet second.`,
    `- bytes/resp includes headers. Peak RSS is the highest \`VmRSS\` of the server process, sampled every 100 ms during warm-up and measurement.`,
    `- Before loading, one request per endpoint checks the answer (195 States, Bolivia found by \`q=bol\`, the right State per code).`,
    '',
    ...sections.flatMap((s) => [renderSection(s), '']),
    '### Reading, against DESIGN.md',
    '',
    'Targets: public reads at least as fast as the floor (≥ 1×), p99 within 1.5× of it, memory under 200 MB under load.',
    '',
    renderReading(sections),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  // Bound the whole run: two databases, seven loads each, start-ups, slack.
  const budgetMs = 2 * (7 * (load.seconds + load.warmupSeconds + quietWaitSeconds + 10) + 300) * 1000;
  const watchdog = setTimeout(() => {
    log(`the bench took longer than ${Math.round(budgetMs / 1000)} s: stopping everything`);
    void stopAllServers().finally(() => void dropBenchDatabase().finally(() => process.exit(2)));
  }, budgetMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers`);
      void stopAllServers().finally(() => void dropBenchDatabase().finally(() => process.exit(130)));
    });
  }

  const loadAtStart = os.loadavg();
  const code = codeVersion();
  const sections: DatabaseSection[] = [];
  try {
    for (const kind of ['pglite', 'postgres'] as const) if (databases.includes(kind)) sections.push(await benchDatabase(kind));
  } finally {
    await stopAllServers();
  }
  const markdown = render(sections, loadAtStart, code);
  if (only === 'startup') {
    process.stdout.write(`${sections.map(renderSection).join('\n\n')}\n`);
    process.exit(sections.some((s) => s.failed) ? 1 : 0);
  }
  writeSection(RESULTS, 'api', markdown);
  process.stdout.write(`${markdown}\n\nWritten to ${path.relative(process.cwd(), RESULTS) || RESULTS}\n`);
  clearTimeout(watchdog);
  const failed = sections.some((s) => s.failed);
  process.exit(failed ? 1 : 0);
}

main().catch(async (error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await stopAllServers();
  process.exit(1);
});
