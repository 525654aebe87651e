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
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/database.js';
import { loadReferenceData } from '../server/src/start.js';
import { frameworkElements, frameworkVersions } from '../server/src/modules/framework/tables.js';
import { searchTextOf, type ElementKind, type ElementTexts } from '../server/src/modules/framework/elements.js';
import { frameworkSnapshot } from '../server/src/modules/framework/index.js';
import { buildQuestionnaire, IMPLEMENTATION_STATUSES, type Visibility } from '../server/src/modules/reporting/questionnaire.js';
import { nationalReports, questionnaires, reportingCycles, reportSubmissions } from '../server/src/modules/reporting/tables.js';
import { states } from '../server/src/modules/states/tables.js';
import { accountRoles, accounts } from '../server/src/modules/accounts/tables.js';
import { openSession } from '../server/src/modules/accounts/index.js';
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
  type Endpoint,
  type EndpointResult,
} from './lib.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB = 'poa_bench_domain';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ELEMENTS = 5000;
const VERSIONS = 5;
const CYCLES = 10;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const WORDS = 'security stability cooperation critical infrastructure incident response supply chain vulnerability disclosure capacity building confidence measures points contact sovereignty human rights humanitarian law ransomware attribution resilience'.split(' ');
const KINDS: ElementKind[] = ['norm', 'cbm', 'international-law', 'capacity-building-principle', 'threat'];

/** Deterministic pseudo-random numbers, so two runs bench the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function generate(url: string): Promise<Record<'state' | 'secretariat', string>> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    await database.migrate();
    await loadReferenceData(database);
    const db = database.db;
    const rnd = random(42);
    const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
    // Framework: 5,000 elements, 5 versions each, effective dates spread from 2010 to 2026.
    const elements = Array.from({ length: ELEMENTS }, (_, i) => ({ code: `gen-${i}`, kind: KINDS[i % KINDS.length]!, grouping: null, position: 1000 + i }));
    for (let i = 0; i < elements.length; i += 1000) await db.insert(frameworkElements).values(elements.slice(i, i + 1000));
    const versions: (typeof frameworkVersions.$inferInsert)[] = [];
    for (const e of elements) {
      let year = 2010 + Math.floor(rnd() * 8);
      for (let v = 1; v <= VERSIONS; v++) {
        const texts: ElementTexts = {
          en: { title: `Element ${e.code}: ${sentence(4)}`, text: `States should ${sentence(40)}.`, status: rnd() < 0.5 ? 'verbatim' : 'summary' },
          fr: { title: `Élément ${e.code} : ${sentence(4)}`, text: `Les États devraient ${sentence(40)}.`, status: 'summary' },
        };
        versions.push({
          code: e.code,
          version: v,
          change: v === 1 ? 'added' : v === VERSIONS && rnd() < 0.1 ? 'superseded' : 'amended',
          effectiveOn: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          recordedAt: new Date(),
          recordedBy: null,
          texts,
          sourceSymbol: 'A/70/174',
          sourceParagraph: `${v}`,
          paragraphConfirmed: false,
          searchText: searchTextOf(texts),
        });
        year += 1 + Math.floor(rnd() * 2);
      }
    }
    for (let i = 0; i < versions.length; i += 1000) await db.insert(frameworkVersions).values(versions.slice(i, i + 1000));

    // Reporting: 10 cycles, each with a full report from every Member State.
    const sections = buildQuestionnaire(await frameworkSnapshot(db, '2026-01-01')).filter((s) => !s.key.startsWith('norm:gen-') && !s.key.startsWith('cbm:gen-'));
    const questionnaireId = randomUUID();
    await db.insert(questionnaires).values({ id: questionnaireId, builtOn: '2026-01-01', sections, createdAt: new Date() });
    const members = (await db.select({ iso3: states.iso3 }).from(states)).map((s) => s.iso3).slice(0, 193);
    for (let c = 0; c < CYCLES; c++) {
      const cycleId = randomUUID();
      const year = 2017 + c;
      await db.insert(reportingCycles).values({
        id: cycleId,
        title: `Cycle ${year}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        openedOn: `${year}-01-01`,
        deadlineAt: new Date(`${year}-11-30T17:00:00Z`),
        deadlineZone: 'America/New_York',
        deadlineLocal: `${year}-11-30T12:00-05:00`,
        questionnaireId,
        createdBy: randomUUID(),
        createdAt: new Date(Date.UTC(year, 0, 1)),
      });
      const reports: (typeof nationalReports.$inferInsert)[] = [];
      const submissions: (typeof reportSubmissions.$inferInsert)[] = [];
      for (const state of members) {
        const reportId = randomUUID();
        const roll = rnd();
        const visibility: Visibility = roll < 0.7 ? 'public' : roll < 0.9 ? 'states' : 'secretariat';
        reports.push({ id: reportId, cycleId, state, visibility, createdBy: randomUUID(), createdAt: new Date() });
        submissions.push({
          id: randomUUID(),
          reportId,
          cycleId,
          state,
          number: 1,
          visibility,
          sections: sections.map((s) => ({
            key: s.key,
            visibility: rnd() < 0.1 ? 'secretariat' : visibility,
            answer: {
              status: IMPLEMENTATION_STATUSES[Math.floor(rnd() * IMPLEMENTATION_STATUSES.length)],
              measures: sentence(30),
              challenges: rnd() < 0.4 ? sentence(15) : undefined,
              needs: rnd() < 0.2 ? [{ description: sentence(10), codes: s.elements.slice(0, 1).map((e) => e.code) }] : undefined,
            },
          })),
          contentHash: randomUUID(),
          submittedBy: randomUUID(),
          submittedAt: new Date(Date.UTC(year, 10, 1)),
        });
      }
      await db.insert(nationalReports).values(reports);
      for (let i = 0; i < submissions.length; i += 50) await db.insert(reportSubmissions).values(submissions.slice(i, i + 50));
    }
    // Two signed-in readers of the analysis: a State's focal point (France) and the Secretariat.
    const cookies: Record<'state' | 'secretariat', string> = { state: '', secretariat: '' };
    for (const [who, role, state] of [['state', 'focal_point', 'FRA'], ['secretariat', 'secretariat', null]] as const) {
      const id = randomUUID();
      await db.insert(accounts).values({ id, email: `bench-${who}@poa.test`, name: `Bench ${who}`, status: 'active', state });
      await db.insert(accountRoles).values({ accountId: id, role });
      const session = await openSession(db, id, 'bench', { idleMinutes: 600, maxDays: 1 });
      cookies[who] = `poa_session=${session.token}`;
    }
    return cookies;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL unreachable at ${SERVER_URL}: domain bench skipped (${String(error)})`);
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const url = withDatabase(SERVER_URL, DB);
  const results: EndpointResult[] = [];
  const started = Date.now();
  try {
    console.log('generating 5,000 × 5 framework versions and 193 × 10 reports…');
    const cookies = await generate(url);
    const generatedIn = (Date.now() - started) / 1000;
    const platformPort = await freePort();
    const platform = await startServer({
      name: 'platform (PostgreSQL, generated data)',
      args: ['--import', 'tsx', 'server/src/main.ts'],
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

Data: ${ELEMENTS.toLocaleString('en')} framework elements × ${VERSIONS} versions (English and French texts, effective dates 2010–2026) added to the reference framework; ${CYCLES} reporting cycles × 193 States, each report answering every section of the questionnaire (70% public, 20% States only, 10% Secretariat only, and 10% of sections narrowed to the Secretariat). Generated in ${Math.round(generatedIn)} s. Requests are anonymous (the public) except the two signed-in analysis rows (a session cookie of a focal point of France, of the Secretariat), 50 connections, 2 s warm-up, ${SECONDS} s measured; the baseline is the slower of the two floor runs.

${resultsTable(results, baseline)}

Reading: ratios below 1× mean the endpoint is slower than one primary-key SELECT, which these endpoints are not: an element's history joins its versions and relations, the as-of view picks each element's version standing on the date (a LATERAL index scan per element of the kind), search ranks full-text matches and checks each candidate is the version standing on the date, and the analysis reads every State's latest submission of the cycle and filters what the public may see before counting. "quiet s" counts the seconds in which other processes used under 10% of the CPU; ⚠ marks a row measured on a busy machine.`,
    );
    console.log('written to bench/RESULTS.md (domain section)');
  } finally {
    await stopAllServers();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAllServers();
  process.exit(1);
});
