/**
 * Reusable pieces for the benches: start a server in its own process and wait for it to answer,
 * load it with autocannon, sample its memory and how busy the rest of the machine was, and write
 * markdown. Nothing here knows the PoA.
 *
 *   const server = await startServer({ name: 'platform', args: await platformArgs(),
 *     env: { PORT: String(port) }, port, healthPath: '/api/health' });
 *   try {
 *     const results = await loadEndpoints(server, [{ name: 'GET /x', paths: ['/x'] }], { connections: 50, seconds: 10, warmupSeconds: 2 });
 *     writeSection('bench/RESULTS.md', 'mine', resultsTable(results, results[0]));
 *   } finally {
 *     await stopAllServers();
 *   }
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
// @ts-expect-error: plain JavaScript scripts, typed by their JSDoc
import { buildServer } from '../scripts/build-server.mjs';
// @ts-expect-error: plain JavaScript scripts, typed by their JSDoc
import { NODE_OPTIONS_FOR_SERVER } from '../scripts/server-node-options.mjs';

/** The repository root (/work/main): the benches start servers from here. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects when `promise` has not settled after `ms`; `onTimeout` can stop the work it waits for. */
export async function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** BENCH_PORTS=3921-3929: the bench's servers take ports from this range only (a shared machine). */
const portRange = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
let nextInRange = portRange ? Number(portRange[1]) : 0;

/** A TCP port nobody listens on right now (from BENCH_PORTS when set, in turn). */
export async function freePort(): Promise<number> {
  if (portRange) {
    for (let tries = 0; tries <= Number(portRange[2]) - Number(portRange[1]); tries++) {
      const port = nextInRange;
      nextInRange = port >= Number(portRange[2]) ? Number(portRange[1]) : port + 1;
      if (await portFree(port)) return port;
    }
    throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
  }
  return listenOn(0);
}

const portFree = (port: number) => listenOn(port).then(() => true, () => false);

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Child servers

export interface ChildServerOptions {
  /** A name for messages ("platform (PGlite)"). */
  name: string;
  /** The executable and its arguments; defaults to this Node. */
  command?: string;
  args: string[];
  cwd?: string;
  /** Added to this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  port: number;
  /** Answers 200 once the server is ready. */
  healthPath: string;
  /** How long start-up may take; 90 s by default. */
  startTimeoutMs?: number;
}

export interface ChildServer {
  readonly name: string;
  readonly pid: number;
  readonly baseUrl: string;
  /** The last lines the server wrote (stdout and stderr), for error messages. */
  output(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildServer>();

/** Stops every child server still running: call it in `finally` and on signals. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

/** Starts a server in its own process and resolves once `healthPath` answers 200. */
export async function startServer(options: ChildServerOptions): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child: ChildProcess = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    });
    child.once('error', (error) => {
      keep(Buffer.from(`\n${error.message}\n`));
      exitCode = -1;
      resolve();
    });
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server: ChildServer = {
    name: options.name,
    pid: child.pid ?? -1,
    baseUrl,
    output: () => log.trim(),
    exited: () => exitCode !== undefined,
    stop: async (graceMs = 5000) => {
      running.delete(server);
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await Promise.race([exit, sleep(2000)]);
      }
    },
  };
  running.add(server);

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      running.delete(server);
      throw new Error(`${options.name} exited (code ${exitCode}) before answering:\n${server.output()}`);
    }
    try {
      const response = await fetch(baseUrl + options.healthPath, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`${options.name} did not answer ${options.healthPath} with 200 in time (${last}):\n${server.output()}`);
}

// ---------------------------------------------------------------------------------------------
// Memory

/** A field of /proc/<pid>/status in bytes (VmRSS: resident now; VmHWM: the peak since start), or undefined. */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface RssSampler {
  /** Stops sampling and returns the highest resident set size seen, in bytes (0 if never read). */
  stop(): number;
}

/** Samples the resident set size of a process every `intervalMs` (Linux /proc). */
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let peak = procStatusBytes(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => {
    const rss = procStatusBytes(pid, 'VmRSS');
    if (rss !== undefined && rss > peak) peak = rss;
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const rss = procStatusBytes(pid, 'VmRSS');
      if (rss !== undefined && rss > peak) peak = rss;
      return peak;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU: was the machine ours?

/** utime + stime of a process, in clock ticks, or undefined when it is gone. */
function processTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** All CPUs' busy and total clock ticks since boot (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - (n[3] ?? 0) - (n[4] ?? 0), total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

function matchingPids(test: (cmdline: string) => boolean): number[] {
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (test(cmdline)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuWatch {
  /** The share of the whole machine's CPU used by processes outside the bench since the start (0–1). */
  stop(): { otherShare: number; benchShare: number };
}

/**
 * Measures how much CPU other processes took while the bench ran: the machine's busy time minus that of
 * `pids` and of processes whose command line `alsoOurs` accepts (e.g. PostgreSQL backends of the bench's database).
 */
export function watchCpu(pids: number[], alsoOurs?: (cmdline: string) => boolean): CpuWatch {
  const ourTicks = (): Map<number, number> => {
    const all = new Set([...pids, ...(alsoOurs ? matchingPids(alsoOurs) : [])]);
    const ticks = new Map<number, number>();
    for (const pid of all) {
      const t = processTicks(pid);
      if (t !== undefined) ticks.set(pid, t);
    }
    return ticks;
  };
  const machineStart = machineTicks();
  const oursStart = ourTicks();
  return {
    stop: () => {
      const machineEnd = machineTicks();
      const oursEnd = ourTicks();
      let ours = 0;
      for (const [pid, t] of oursEnd) ours += t - (oursStart.get(pid) ?? 0);
      const total = machineEnd.total - machineStart.total;
      const busy = machineEnd.busy - machineStart.busy;
      if (total <= 0) return { otherShare: 0, benchShare: 0 };
      return { otherShare: Math.max(0, busy - ours) / total, benchShare: Math.min(ours, busy) / total };
    },
  };
}

/**
 * Waits (at most `maxWaitMs`) until, over a one-second window, processes outside the bench use less than
 * `threshold` of the machine's CPU; the bench's servers should be idle meanwhile. Resolves with the last share seen.
 */
export async function waitForQuietMachine(
  maxWaitMs: number,
  threshold = 0.1,
  pids: number[] = [process.pid],
  alsoOurs?: (cmdline: string) => boolean,
): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let share = 1;
  do {
    const watch = watchCpu(pids, alsoOurs);
    await sleep(1000);
    share = watch.stop().otherShare;
    if (share < threshold) break;
  } while (Date.now() < deadline);
  return share;
}

// ---------------------------------------------------------------------------------------------
// Load

export interface Endpoint {
  /** The row label in the table, e.g. "GET /api/v1/states/{iso3}". */
  name: string;
  /** One path, or several that each connection cycles through (e.g. different iso3 codes). */
  paths: string[];
  /** The server under load, when it is not the default one (the floor runs in its own process). */
  server?: ChildServer;
  /** More processes serving the same (on one database): the connections are spread over them all. */
  alsoOn?: ChildServer[];
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  /** Measured seconds. */
  seconds: number;
  /** Seconds of load before measuring (not counted). */
  warmupSeconds: number;
  /** Per-request timeout in seconds (autocannon's default is 10). */
  timeoutSeconds?: number;
  /** Processes that belong to the bench besides this one and the server under load (for the CPU account). */
  benchPids?: number[];
  /** Other processes of the bench, by command line (e.g. the PostgreSQL backends of its database). */
  benchProcesses?: (cmdline: string) => boolean;
  /** A measured second is "quiet" when other processes used less than this share of the machine's CPU in it (default 0.1). */
  quietThreshold?: number;
}

/** Throughput and latency over a set of measured seconds. */
export interface LoadFigures {
  /** How many one-second samples these figures cover. */
  seconds: number;
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export interface EndpointResult {
  name: string;
  paths: string[];
  /** Mean of the per-second request counts (autocannon's own figure, every measured second). */
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response size (headers included), in bytes. */
  bytesPerResponse: number;
  /** Highest resident set size of the server process during warm-up and measurement, in bytes. */
  peakRssBytes: number;
  /** Share of the machine's CPU that processes outside the bench used during the measured seconds (0–1): noise. */
  otherCpuShare: number;
  /** The same figures over the measured seconds in which other processes stayed under `quietThreshold`. */
  quiet: LoadFigures;
  /** How many one-second samples were measured in all. */
  measuredSeconds: number;
  statusCodes: Record<string, number>;
}

/** The value at quantile q (0–1) of an ascending array. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

interface Second {
  latencies: number[];
  otherShare: number;
}

/**
 * Loads one endpoint with autocannon while sampling the server's memory and, second by second, how much
 * CPU other processes took: on a shared machine, the quiet seconds give the fairer figures.
 */
export async function loadEndpoint(server: ChildServer, endpoint: Endpoint, options: LoadOptions): Promise<EndpointResult> {
  if (server.exited()) throw new Error(`${server.name} is not running:\n${server.output()}`);
  const also = endpoint.alsoOn ?? [];
  const pids = [process.pid, server.pid, ...also.map((s) => s.pid), ...(options.benchPids ?? [])];
  const sampler = sampleRss(server.pid);
  const requests = endpoint.paths.map((p) => ({ method: 'GET', path: p, ...(endpoint.headers ? { headers: endpoint.headers } : {}) }));
  const seconds: Second[] = [];
  let current: number[] | undefined;
  let currentStart = 0;
  let secondWatch: CpuWatch | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const closeSecond = () => {
    if (current && secondWatch) seconds.push({ latencies: current, otherShare: secondWatch.stop().otherShare });
  };
  const openSecond = () => {
    current = [];
    currentStart = Date.now();
    secondWatch = watchCpu(pids, options.benchProcesses);
  };
  let peakRssBytes = 0;
  let result: autocannon.Result;
  try {
    const instance = autocannon({
      url: also.length ? [server.baseUrl, ...also.map((s) => s.baseUrl)] : server.baseUrl,
      connections: options.connections,
      duration: options.seconds,
      timeout: options.timeoutSeconds ?? 10,
      requests,
      ...(options.warmupSeconds > 0 ? { warmup: { connections: options.connections, duration: options.warmupSeconds } } : {}),
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
    // The instance reports the measured run only (the warm-up has its own).
    instance.once('start', () => {
      openSecond();
      ticker = setInterval(() => {
        closeSecond();
        openSecond();
      }, 1000);
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      current?.push(responseTime);
    });
    const bound = (options.seconds + options.warmupSeconds) * 1000 + 30_000;
    result = await withTimeout(instance, bound, `autocannon on ${endpoint.name}`, () => instance.stop());
    // The last second races the end of the run: keep it if it lasted most of a second.
    if (Date.now() - currentStart >= 800) closeSecond();
  } finally {
    clearInterval(ticker);
    peakRssBytes = sampler.stop();
  }
  const full = seconds.slice(0, options.seconds);
  const quietSeconds = full.filter((s) => s.otherShare < (options.quietThreshold ?? 0.1));
  const quietLatencies = quietSeconds.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
  const completed = result.latency.totalCount;
  return {
    name: endpoint.name,
    paths: endpoint.paths,
    reqPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    totalRequests: completed,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: completed > 0 ? result.throughput.total / completed : 0,
    peakRssBytes,
    otherCpuShare: full.length ? full.reduce((a, s) => a + s.otherShare, 0) / full.length : 0,
    quiet: {
      seconds: quietSeconds.length,
      reqPerSec: quietSeconds.length ? quietLatencies.length / quietSeconds.length : Number.NaN,
      latencyP50Ms: quantile(quietLatencies, 0.5),
      latencyP99Ms: quantile(quietLatencies, 0.99),
    },
    measuredSeconds: full.length,
    statusCodes,
  };
}

/** Loads each endpoint in turn (never two at once: they share the machine's cores). */
export async function loadEndpoints(
  server: ChildServer,
  endpoints: Endpoint[],
  options: LoadOptions,
  onResult?: (result: EndpointResult) => void,
): Promise<EndpointResult[]> {
  const results: EndpointResult[] = [];
  for (const endpoint of endpoints) {
    const result = await loadEndpoint(endpoint.server ?? server, endpoint, options);
    onResult?.(result);
    results.push(result);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** The figures a result is judged by: its quiet seconds when there are enough of them, else every second. */
export interface JudgedFigures {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** False when too few seconds were quiet: the figures then carry other processes' load. */
  quiet: boolean;
}

export function judgedFigures(r: EndpointResult, minQuietSeconds = 3, minQuietShare = 0.3): JudgedFigures {
  const enough = r.quiet.seconds >= Math.max(minQuietSeconds, Math.ceil(r.measuredSeconds * minQuietShare));
  return enough
    ? { reqPerSec: r.quiet.reqPerSec, p50: r.quiet.latencyP50Ms, p99: r.quiet.latencyP99Ms, quiet: true }
    : { reqPerSec: r.reqPerSec, p50: r.latencyP50Ms, p99: r.latencyP99Ms, quiet: false };
}

/** A plain table of results, with ratios to a baseline (e.g. a floor route) when one is given. */
export function resultsTable(results: EndpointResult[], baseline?: EndpointResult): string {
  const base = baseline ? judgedFigures(baseline) : undefined;
  const rows = results.map((r) => {
    const f = judgedFigures(r);
    return [
      r.name,
      formatNumber(f.reqPerSec),
      ...(base ? [formatRatio(f.reqPerSec / base.reqPerSec)] : []),
      formatMs(f.p50),
      formatMs(f.p99),
      ...(base ? [formatRatio(f.p99 / base.p99)] : []),
      `${r.quiet.seconds}/${r.measuredSeconds}${f.quiet ? '' : ' ⚠'}`,
      String(r.non2xx),
      String(r.errors),
      formatMb(r.peakRssBytes),
    ];
  });
  const headers = [
    'endpoint',
    'req/s',
    ...(base ? ['× baseline'] : []),
    'p50 ms',
    'p99 ms',
    ...(base ? ['p99 × baseline'] : []),
    'quiet s',
    'non-2xx',
    'errors',
    'peak RSS',
  ];
  return markdownTable(headers, rows, ['left', ...Array<Align>(headers.length - 1).fill('right')]);
}

export type Align = 'left' | 'right';

/** A GitHub-flavoured markdown table; `|` in cells is escaped. */
export function markdownTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const formatNumber = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
export const formatMb = (bytes: number): string => (bytes > 0 ? `${formatNumber(bytes / 1024 / 1024, 0)} MB` : '–');
export const formatRatio = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
export const formatMs = (ms: number): string => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)) : '–');

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  os: string;
  date: string;
}

export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // not Linux: keep what os.cpus() said
  }
  return {
    cores: os.availableParallelism(),
    cpuModel,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

export const describeMachine = (m: MachineInfo): string =>
  `${m.cores} cores (${m.cpuModel}), ${formatNumber(m.memoryBytes / 1024 ** 3, 1)} GiB memory, ${m.os}, Node ${m.node}; run ${m.date}`;

/**
 * Writes `content` between `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->` in a markdown file,
 * keeping everything else (other benches' sections); creates the file or appends the section if missing.
 */
export function writeSection(file: string, id: string, content: string, title = '# Benchmarks'): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${title}\n`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const next =
    from >= 0 && to > from
      ? existing.slice(0, from) + block + existing.slice(to + end.length)
      : `${existing.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

// ---------------------------------------------------------------------------------------------
// A fresh PostgreSQL database per bench part

/** The PostgreSQL server the bench parts create their databases on. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL of another database on the same server. */
let built: Promise<unknown> | undefined;
/**
 * The platform's command, as \`npm start\` runs it: the server compiled to server/dist (built once per
 * bench run when its sources changed), on plain node with the platform's node options, with the memory
 * probe (which records nothing unless BENCH_MEMORY_LOG names a file). BENCH_PLATFORM=source runs the
 * sources through tsx instead, as the platform ran before it was compiled (for comparison).
 */
export async function platformArgs(): Promise<string[]> {
  if (process.env.BENCH_PLATFORM === 'source') return ['--import', 'tsx', '--import', './bench/memory-probe.mjs', 'server/src/main.ts'];
  built ??= buildServer({ quiet: true });
  await built;
  return [...(NODE_OPTIONS_FOR_SERVER as string[]), '--import', './bench/memory-probe.mjs', 'server/dist/main.js'];
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface BenchDatabase {
  url: string;
  /** The server's version (`SHOW server_version`). */
  version: string;
  /** Drops the database (unless `keep`) and closes the admin connection. */
  close(keep?: boolean): Promise<void>;
}

/**
 * Creates the database `name` afresh on the bench's server (dropping a leftover one); null, with a line
 * saying so, when the server is unreachable, so the part is skipped rather than failed.
 */
export async function freshBenchDatabase(name: string, part: string): Promise<BenchDatabase | null> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL unreachable at ${BENCH_SERVER_URL}: ${part} bench skipped (${String(error)})`);
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  return {
    url: withDatabase(BENCH_SERVER_URL, name),
    version,
    close: async (keep = false) => {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}
