/**
 * `npm run bench` (second part): the framework and reporting reads on generated data at the scale the
 * issues set — a framework of 5,000 elements with 5 versions each, and 193 States × 10 reporting
 * cycles with full questionnaires — against the floor route, on PostgreSQL, in the same run.
 *
 * The data is written straight into a fresh database `poa_bench_domain` with the server's own tables
 * and rules (texts folded for search the way the platform folds them), then the real platform starts
 * on it in its own process. Environment: BENCH_DATABASE_URL (server, default the local one),
 * BENCH_SECONDS (measured seconds per endpoint, default 10).
 */
import path from 'node:path';
import { DOMAIN_SIZE, generateDomain } from './generate.js';
import {
  describeMachine,
  freePort,
  loadEndpoints,
  machineInfo,
  repoRoot,
  resultsTable,
  startServer,
  stopAllServers,
  writeSection,
  freshBenchDatabase,
  type Endpoint,
  type EndpointResult,
  platformArgs,
} from './lib.js';

const DB = 'poa_bench_domain';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main(): Promise<void> {
  const database = await freshBenchDatabase(DB, 'domain');
  if (!database) return;
  const url = database.url;
  const results: EndpointResult[] = [];
  const started = Date.now();
  try {
    console.log(`generating ${DOMAIN_SIZE.elements} × ${DOMAIN_SIZE.versions} framework versions and 193 × ${DOMAIN_SIZE.cycles} reports…`);
    const { cookies, paragraphs } = await generateDomain({ kind: 'postgres', url, poolSize: 4 });
    const generatedIn = (Date.now() - started) / 1000;
    const platformPort = await freePort();
    const platform = await startServer({
      name: 'platform (PostgreSQL, generated data)',
      args: await platformArgs(),
      env: { PORT: String(platformPort), HOST: '127.0.0.1', DATABASE_URL: url, DATA_DIR: path.join('/tmp', `poa-bench-${platformPort}`), LOG_LEVEL: 'warn' },
      port: platformPort,
      healthPath: '/api/health',
      startTimeoutMs: 180_000,
    });
    const floorPort = await freePort();
    const floor = await startServer({
      name: 'floor (PostgreSQL)',
      args: ['--import', 'tsx', 'bench/floor.ts'],
      env: { PORT: String(floorPort), FLOOR_DATABASE_URL: url },
      port: floorPort,
      healthPath: '/floor/states/FRA',
    });
    const cycles = (await (await fetch(`${platform.baseUrl}/api/v1/reporting/cycles`)).json()) as { items: { id: string }[] };
    const cycle = cycles.items[0]!.id;
    const codes = Array.from({ length: 20 }, (_, i) => `gen-${i * 241}`);
    const endpoints: Endpoint[] = [
      { name: 'floor: bare Fastify + one PK SELECT (before)', paths: ['FRA', 'BOL', 'CHN', 'KEN'].map((c) => `/floor/states/${c}`), server: floor },
      { name: 'GET /api/v1/framework/elements/{code} (history of 5)', paths: codes.map((c) => `/api/v1/framework/elements/${c}`) },
      { name: 'GET /api/v1/framework/elements?asOf=2020-06-30&kind=norm&limit=50', paths: ['/api/v1/framework/elements?asOf=2020-06-30&kind=norm&limit=50'] },
      { name: 'GET /api/v1/framework/search?q=critical%20infra', paths: ['/api/v1/framework/search?q=critical%20infra', '/api/v1/framework/search?q=ransomware&lang=fr', '/api/v1/framework/search?q=supply%20chain&asOf=2018-01-01'] },
      { name: 'GET /api/v1/reporting/cycles/{id}/analysis (public)', paths: [`/api/v1/reporting/cycles/${cycle}/analysis`] },
      { name: 'GET /api/v1/reporting/cycles/{id}/analysis (as a State: France)', paths: [`/api/v1/reporting/cycles/${cycle}/analysis`], headers: { cookie: cookies.state } },
      { name: 'GET /api/v1/reporting/cycles/{id}/analysis (as the Secretariat)', paths: [`/api/v1/reporting/cycles/${cycle}/analysis`], headers: { cookie: cookies.secretariat } },
      { name: 'GET /api/v1/reporting/cycles/{id}/compare?states=3', paths: [`/api/v1/reporting/cycles/${cycle}/compare?states=CHL,FRA,KEN`] },
      { name: 'floor: bare Fastify + one PK SELECT (after)', paths: ['FRA', 'BOL', 'CHN', 'KEN'].map((c) => `/floor/states/${c}`), server: floor },
    ];
    for (const e of endpoints) {
      const res = await fetch(`${(e.server ?? platform).baseUrl}${e.paths[0]}`, { headers: e.headers ?? {} });
      if (res.status !== 200) throw new Error(`${e.name} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    results.push(
      ...(await loadEndpoints(platform, endpoints, { connections: 50, seconds: SECONDS, warmupSeconds: 2, benchPids: [platform.pid, floor.pid], benchProcesses: (cmd) => cmd.includes(DB) }, (r) =>
        console.log(`${r.name}: ${Math.round(r.reqPerSec)} req/s, p99 ${Math.round(r.latencyP99Ms)} ms`),
      )),
    );
    const floorRuns = results.filter((r) => r.name.startsWith('floor'));
    const baseline = floorRuns.reduce((a, b) => (a.reqPerSec < b.reqPerSec ? a : b));
    const m = machineInfo();
    writeSection(
      path.join(repoRoot, 'bench/RESULTS.md'),
      'domain',
      `## Framework and reporting reads on generated data (\`npm run bench\`, second part)

Machine: ${describeMachine(m)}. PostgreSQL only (the embedded database is benched on the States above).

Data: ${DOMAIN_SIZE.elements.toLocaleString('en')} framework elements × ${DOMAIN_SIZE.versions} versions (each in English and one other language, effective dates 2010–2026) added to the reference framework; ${DOMAIN_SIZE.cycles} reporting cycles × 193 States, each report answering every section of the questionnaire (70% public, 20% States only, 10% Secretariat only, and 10% of sections narrowed to the Secretariat), each report in its State's language; ${paragraphs.toLocaleString('en')} paragraphs in all, drawn from the realistic vocabulary of \`bench/corpus.ts\` (6,000 words per language, long-tail distribution); indexes built after the load, then ANALYZE. Generated in ${Math.round(generatedIn)} s. Requests are anonymous (the public) except the two signed-in analysis rows (a session cookie of a focal point of France, of the Secretariat), 50 connections, 2 s warm-up, ${SECONDS} s measured; the baseline is the slower of the two floor runs.

${resultsTable(results, baseline)}

Reading: ratios below 1× mean the endpoint is slower than one primary-key SELECT, which these endpoints are not: an element's history joins its versions and relations, the as-of view picks each element's version standing on the date (a LATERAL index scan per element of the kind), search ranks full-text matches and checks each candidate is the version standing on the date, and the analysis reads every State's latest submission of the cycle and filters what the public may see before counting. "quiet s" counts the seconds in which other processes used under 10% of the CPU; ⚠ marks a row measured on a busy machine.`,
    );
    console.log('written to bench/RESULTS.md (domain section)');
  } finally {
    await stopAllServers();
    await database.close();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAllServers();
  process.exit(1);
});
