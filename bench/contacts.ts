/**
 * `npm run bench` (fourth part): the directory of points of contact at the scale issue #14 sets — every
 * State with 4 POCs (2 diplomatic, 2 technical), 780 in all — read as the directory's readers read it,
 * and a reachability check of all 780 POCs, from the Secretariat's request to the last message written.
 *
 * The data is written straight into a fresh database `poa_bench_contacts` with the contacts module's own
 * tables, every column filled as its use cases fill them (`nominate-poc.ts`: the nomination, its first
 * version with the record the history keeps; a note verbale with one in four; each POC with an account
 * of role `poc` of its State, as the focal point's invitation makes it). Every account that reads the
 * directory has a second factor (a TOTP secret, as accepting the invitation leaves it), and the bench's
 * two readers and the Secretariat sign in through the platform's own sign-in with their password and a
 * TOTP code: their sessions are the ones the platform opens after that check, nothing written by hand.
 *
 * The platform runs in its own process with no SMTP_URL, so its mailer writes each message as an .eml
 * file in the outbox folder of its data folder (as in the tests); the bench counts those files and the
 * database's mail queue, and checks each POC got exactly one message carrying its own link. A second
 * platform process on the same database runs its job runners beside the first during the check.
 *
 * Environment: BENCH_DATABASE_URL (server, default the local one), BENCH_SECONDS (measured seconds per
 * endpoint, default 10).
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/database.js';
import { loadReferenceData } from '../server/src/start.js';
import { states } from '../server/src/modules/states/tables.js';
import { accountRoles, accounts } from '../server/src/modules/accounts/tables.js';
import { currentTotp } from '../server/src/modules/accounts/index.js';
import { hashPassword, newTotpSecret } from '../server/src/modules/accounts/credentials.js';
import { contactPocs, contactPocVersions, contactTransmissions, type WorkingHours } from '../server/src/modules/contacts/tables.js';
import { recordOf } from '../server/src/modules/contacts/nominate-poc.js';
import { mailLanguageOf } from '../server/src/modules/contacts/working-hours.js';
import { tokenHash } from '../server/src/modules/contacts/tokens.js';
import { nextDirectoryDigestAt } from '../server/src/modules/contacts/directory-digest.js';
import { readOutbox } from '../server/src/testing/outbox.js';
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
  markdownTable,
  repoRoot,
  resultsTable,
  startServer,
  stopAllServers,
  watchCpu,
  writeSection,
  freshBenchDatabase,
  type ChildServer,
  type Endpoint,
  type EndpointResult,
  platformArgs,
} from './lib.js';

const DB = 'poa_bench_contacts';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Issue #14: all of a check's emails queued and written within 2 minutes. */
const CHECK_TARGET_MS = 120_000;
/**
 * The full lists' rows: 50 requests of ~0.15 s each are served together and come back together, one wave
 * every several seconds, so they are measured over at least 20 s, and without autocannon's warm-up (its
 * requests still in flight when it ends are dropped by the client but not by the server, which would
 * then hold the measured run's first wave back behind them; single requests beforehand warm the code).
 */
const fullList = (e: Endpoint) => e.paths[0] === '/api/v1/contacts/pocs';
const FULL_LIST_SECONDS = Math.max(SECONDS, 20);
/** How long the bench waits for the check before it gives up (and reports what it saw). */
const CHECK_GIVE_UP_MS = 600_000;
const PASSWORD = 'bench-password-of-the-directory';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The languages POCs work in, by State in turn (about the shares of the UN's membership), English beside. */
const STATE_LANGUAGES = [['en'], ['en'], ['fr', 'en'], ['es', 'en'], ['en'], ['fr', 'en'], ['ar', 'en'], ['es', 'en'], ['ru', 'en'], ['en'], ['zh', 'en'], ['ar', 'fr'], ['pt', 'en'], ['es'], ['en', 'sw']];
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Africa/Nairobi', 'America/Santiago', 'Asia/Kolkata', 'Europe/Moscow', 'Australia/Sydney', 'Asia/Amman', 'America/Mexico_City', 'Asia/Shanghai', 'Africa/Lagos', 'Pacific/Auckland', 'Asia/Kathmandu'];
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
const SUNDAY_TO_THURSDAY: WorkingHours = { days: [7, 1, 2, 3, 4], from: '08:00', to: '16:00' };
const ALWAYS: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' };
const NIGHT_SHIFT: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], from: '20:00', to: '08:00' };

interface Reader {
  email: string;
  totpSecret: string;
}

interface GeneratedDirectory {
  states: number;
  pocs: { id: string; state: string; email: string }[];
  transmissions: number;
  readers: Record<'poc' | 'secretariat', Reader>;
}

/** A small PDF (a note verbale's scan is larger; the list never reads the bytes). */
function noteVerbale(state: string): Buffer {
  const body = `%PDF-1.4\n% Note verbale of ${state} nominating its points of contact\n${'0'.repeat(40_000)}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export async function generateDirectory(url: string): Promise<GeneratedDirectory> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    await database.migrate();
    await loadReferenceData(database);
    const db = database.db;
    const all = (await db.select({ iso3: states.iso3 }).from(states).orderBy(states.iso3)).map((s) => s.iso3);
    // One password hash for every bench account (Argon2id takes a while each); each its own TOTP secret.
    const passwordHash = await hashPassword(PASSWORD);
    const accountRows: (typeof accounts.$inferInsert)[] = [];
    const roleRows: (typeof accountRoles.$inferInsert)[] = [];
    const pocRows: (typeof contactPocs.$inferInsert)[] = [];
    const versionRows: (typeof contactPocVersions.$inferInsert)[] = [];
    const transmissionRows: (typeof contactTransmissions.$inferInsert)[] = [];
    const secrets = new Map<string, string>();
    const account = (email: string, name: string, role: 'secretariat' | 'focal_point' | 'poc', state: string | null, language: (typeof accounts.$inferInsert)['language'], createdAt: Date) => {
      const id = randomUUID();
      const totpSecret = newTotpSecret();
      secrets.set(email, totpSecret);
      accountRows.push({ id, email, name, status: 'active', passwordHash, totpSecret, totpLastStep: null, state, language, createdAt });
      roleRows.push({ accountId: id, role });
      return id;
    };
    account('secretariat@poa.bench', 'Bench Secretariat', 'secretariat', null, 'en', new Date(Date.UTC(2024, 0, 2)));
    const pocs: GeneratedDirectory['pocs'] = [];
    for (const [n, state] of all.entries()) {
      const languages = STATE_LANGUAGES[n % STATE_LANGUAGES.length]!;
      const zone = ZONES[n % ZONES.length]!;
      const lower = state.toLowerCase();
      // Nominated over the last two years, each State on a day of its own.
      const nominatedAt = new Date(Date.UTC(2025, 0, 1) + ((n * 3.7) % 700) * 86_400_000 + (n % 9) * 3_600_000);
      const focalPoint = account(`focal-point.${lower}@poa.bench`, `Focal point of ${state}`, 'focal_point', state, mailLanguageOf(languages), new Date(nominatedAt.getTime() - 30 * 86_400_000));
      const four = [
        { role: 'diplomatic' as const, k: 1, hours: zone === 'Asia/Amman' ? SUNDAY_TO_THURSDAY : OFFICE, title: 'Director for International Security Affairs', organisation: `Ministry of Foreign Affairs of ${state}` },
        { role: 'diplomatic' as const, k: 2, hours: OFFICE, title: 'Deputy Director, Cyber Diplomacy', organisation: `Ministry of Foreign Affairs of ${state}` },
        { role: 'technical' as const, k: 1, hours: ALWAYS, title: 'National CERT duty officer', organisation: `National CERT of ${state}` },
        { role: 'technical' as const, k: 2, hours: NIGHT_SHIFT, title: 'Incident response lead', organisation: `Cyber Security Agency of ${state}` },
      ];
      for (const p of four) {
        const id = randomUUID();
        const email = `${p.role}-${p.k}.${lower}@poa.bench`;
        const name = `${p.role === 'diplomatic' ? 'Diplomatic' : 'Technical'} POC ${p.k} of ${state}`;
        const nomination = {
          role: p.role,
          name,
          title: p.title,
          organisation: p.organisation,
          email,
          phone: `+1 555 ${String(1000 + n).padStart(4, '0')} ${p.role === 'diplomatic' ? 1 : 2}${p.k}`,
          otherChannels: p.role === 'technical' ? [{ kind: 'signal', value: `+1 555 ${String(2000 + n)} ${p.k}` }] : [],
          languages,
          timeZone: zone,
          workingHours: p.hours,
        };
        const record = recordOf(nomination);
        // The account of role `poc` the focal point's invitation makes, accepted before the nomination.
        const accountId = account(email, name, 'poc', state, mailLanguageOf(languages), new Date(nominatedAt.getTime() - 86_400_000));
        pocRows.push({ id, state, ...record, accountId, status: 'current', version: 1, nominatedAt, updatedAt: nominatedAt, withdrawnAt: null });
        // Told to the other States by the digest of the next cut-off, long ago.
        versionRows.push({ pocId: id, version: 1, change: 'nominate', record, byAccount: focalPoint, at: nominatedAt, toldAt: nextDirectoryDigestAt(nominatedAt) });
        if (p.role === 'diplomatic' && p.k === 1) {
          const bytes = noteVerbale(state);
          transmissionRows.push({ pocId: id, version: 1, filename: `Note verbale ${state} ${nominatedAt.toISOString().slice(0, 10)}.pdf`, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), pdfBase64: bytes.toString('base64'), at: nominatedAt });
        }
        pocs.push({ id, state, email });
      }
    }
    for (let i = 0; i < accountRows.length; i += 500) await db.insert(accounts).values(accountRows.slice(i, i + 500));
    for (let i = 0; i < roleRows.length; i += 500) await db.insert(accountRoles).values(roleRows.slice(i, i + 500));
    for (let i = 0; i < pocRows.length; i += 500) await db.insert(contactPocs).values(pocRows.slice(i, i + 500));
    for (let i = 0; i < versionRows.length; i += 500) await db.insert(contactPocVersions).values(versionRows.slice(i, i + 500));
    for (let i = 0; i < transmissionRows.length; i += 50) await db.insert(contactTransmissions).values(transmissionRows.slice(i, i + 50));
    await database.db.execute(sql.raw('ANALYZE accounts, account_roles, contact_pocs, contact_poc_versions, contact_transmissions'));
    const reader = (email: string): Reader => ({ email, totpSecret: secrets.get(email)! });
    return {
      states: all.length,
      pocs,
      transmissions: transmissionRows.length,
      readers: { poc: reader('technical-1.fra@poa.bench'), secretariat: reader('secretariat@poa.bench') },
    };
  } finally {
    await database.close();
  }
}

/** Signs in through the platform with password and a TOTP code; returns the session cookie and its CSRF token. */
export async function signIn(baseUrl: string, reader: Reader): Promise<{ cookie: string; csrf: string }> {
  const csrf = randomUUID().replace(/-/g, '');
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `poa_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ email: reader.email, password: PASSWORD, otp: currentTotp(reader.totpSecret) }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken) throw new Error(`sign-in of ${reader.email} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('poa_session='));
  if (!session) throw new Error(`sign-in of ${reader.email} set no session cookie`);
  return { cookie: session.split(';')[0]!, csrf: body.csrfToken };
}

interface CheckRun {
  id: string;
  targets: number;
  requestMs: number;
  /** From the request's start: the send job's transaction began (its mail's queued_at), and the job finished. */
  sendStartedMs: number;
  queuedMs: number;
  firstWrittenMs: number;
  writtenMs: number;
  /** All 780 .eml files seen by the bench's poll (100 ms). */
  filesSeenMs: number;
  messages: number;
  distinctRecipients: number;
  pocsMessagedOnce: number;
  pocsMissing: number;
  pocsTwice: number;
  attemptsOverOne: number;
  otherMail: number;
  batches: number;
  files: number;
  filesWithOwnLink: number;
  /** Distinct recipients among the outbox's files. */
  fileRecipients: number;
  filesProblems: string[];
  tokens: number;
  otherCpuShare: number;
  secondProcess: boolean;
}

/** Starts a check of every POC as the Secretariat and follows it until every message is written. */
async function runCheck(baseUrl: string, session: { cookie: string; csrf: string }, client: pg.Client, outboxDir: string, pocs: GeneratedDirectory['pocs'], pids: number[], secondProcess: boolean): Promise<CheckRun> {
  const cpu = watchCpu(pids, (cmd) => cmd.includes(DB));
  const started = new Date();
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/contacts/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ scope: { kind: 'all' }, remindAfterHours: 24, escalateAfterHours: 48, expiresAfterHours: 168 }),
  });
  const requestMs = performance.now() - t0;
  const body = (await res.json()) as { id?: string; targets?: number };
  if (res.status !== 201 || !body.id) throw new Error(`POST /api/v1/contacts/checks answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const id = body.id;
  const emails = pocs.map((p) => p.email);
  let filesSeenMs = Number.NaN;
  for (;;) {
    const { rows } = await client.query<{ sent: string; written: string; queued: string }>(
      `SELECT (SELECT count(*) FROM contact_check_targets WHERE check_id = $1 AND sent_at IS NOT NULL) AS sent,
              (SELECT count(*) FROM mail_messages WHERE queued_at >= $2 AND "to" = ANY($3)) AS queued,
              (SELECT count(*) FROM mail_messages WHERE queued_at >= $2 AND "to" = ANY($3) AND sent_at IS NOT NULL) AS written`,
      [id, started, emails],
    );
    const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).length : 0;
    if (files >= body.targets! && Number.isNaN(filesSeenMs)) filesSeenMs = performance.now() - t0;
    const r = rows[0]!;
    if (Number(r.sent) >= body.targets! && Number(r.written) >= Number(r.queued) && Number(r.queued) > 0 && !Number.isNaN(filesSeenMs)) break;
    if (performance.now() - t0 > CHECK_GIVE_UP_MS) throw new Error(`the check was not done after ${CHECK_GIVE_UP_MS / 1000} s: ${r.sent} targets sent, ${r.queued} queued, ${r.written} written, ${files} files`);
    await sleep(100);
  }
  const otherCpuShare = cpu.stop().otherShare;
  // Let a process that might send a message twice have its chance to, before counting.
  await sleep(2500);

  // The database's account: the send job, the mail queue of the check, the tokens.
  const since = (d: Date | string | null) => (d ? new Date(d).getTime() - started.getTime() : Number.NaN);
  const job = (await client.query<{ created_at: Date; finished_at: Date | null; attempts: number; status: string }>(`SELECT created_at, finished_at, attempts, status FROM jobs WHERE key = $1`, [`contacts-check-send:${id}`])).rows[0]!;
  const mail = (
    await client.query<{ to: string; n: string; sent: string; attempts: string; first_queued: Date; last_queued: Date; first_sent: Date | null; last_sent: Date | null; batches: string }>(
      `SELECT "to", count(*) AS n, count(sent_at) AS sent, max(attempts) AS attempts, min(queued_at) AS first_queued, max(queued_at) AS last_queued,
              min(sent_at) AS first_sent, max(sent_at) AS last_sent, count(DISTINCT batch) AS batches
       FROM mail_messages WHERE queued_at >= $1 GROUP BY "to"`,
      [started],
    )
  ).rows;
  const byTo = new Map(mail.map((m) => [m.to, m]));
  const pocEmails = new Set(emails);
  let once = 0;
  let missing = 0;
  let twice = 0;
  for (const e of emails) {
    const m = byTo.get(e);
    if (!m || Number(m.sent) === 0) missing++;
    else if (Number(m.n) === 1 && Number(m.sent) === 1) once++;
    else twice++;
  }
  const checkMail = mail.filter((m) => pocEmails.has(m.to));
  const batches = Number((await client.query<{ n: string }>(`SELECT count(DISTINCT batch) AS n FROM mail_messages WHERE queued_at >= $1 AND "to" = ANY($2)`, [started, emails])).rows[0]!.n);
  const tokens = (await client.query<{ hash: string; email: string }>(`SELECT k.token_hash AS hash, p.email FROM contact_check_tokens k JOIN contact_check_targets t ON t.id = k.target_id JOIN contact_pocs p ON p.id = t.poc_id WHERE t.check_id = $1`, [id])).rows;
  const emailOfToken = new Map(tokens.map((t) => [t.hash, t.email]));
  const lastSent = Math.max(...checkMail.map((m) => (m.last_sent ? new Date(m.last_sent).getTime() : Number.NaN)));
  const firstSent = Math.min(...checkMail.map((m) => (m.first_sent ? new Date(m.first_sent).getTime() : Number.NaN)));

  // The outbox's account: every file, its recipient, and the link it carries, traced back to its POC.
  const messages = readOutbox(outboxDir);
  const seen = new Map<string, number>();
  const problems: string[] = [];
  let ownLink = 0;
  for (const m of messages) {
    seen.set(m.to, (seen.get(m.to) ?? 0) + 1);
    const token = /\/contacts\/acknowledge\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1];
    const owner = token ? emailOfToken.get(tokenHash(token)) : undefined;
    if (owner === m.to) ownLink++;
    else if (problems.length < 5) problems.push(`${m.to}: ${token ? (owner ? `link of ${owner}` : 'unknown link') : 'no link'}`);
  }
  return {
    id,
    targets: body.targets!,
    requestMs,
    sendStartedMs: since(checkMail.length ? new Date(Math.min(...checkMail.map((m) => new Date(m.first_queued).getTime()))) : null),
    queuedMs: since(job.finished_at),
    firstWrittenMs: Number.isFinite(firstSent) ? firstSent - started.getTime() : Number.NaN,
    writtenMs: Number.isFinite(lastSent) ? lastSent - started.getTime() : Number.NaN,
    filesSeenMs,
    messages: checkMail.reduce((a, m) => a + Number(m.n), 0),
    distinctRecipients: checkMail.length,
    pocsMessagedOnce: once,
    pocsMissing: missing,
    pocsTwice: twice,
    attemptsOverOne: checkMail.filter((m) => Number(m.attempts) > 1).length,
    otherMail: mail.filter((m) => !pocEmails.has(m.to)).reduce((a, m) => a + Number(m.n), 0),
    batches,
    files: messages.length,
    filesWithOwnLink: ownLink,
    fileRecipients: seen.size,
    filesProblems: problems,
    tokens: tokens.length,
    otherCpuShare,
    secondProcess,
  };
}

/** The median time of 5 requests sent one after another (after one not counted). */
async function medianAlone(baseUrl: string, paths: string[], headers: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const res = await fetch(`${baseUrl}${paths[i % paths.length]}`, { headers });
    await res.arrayBuffer();
    if (i > 0) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Waits (at most 90 s) until the server answers its health check within 100 ms twice in a row: its queue is drained. */
async function settle(server: ChildServer): Promise<void> {
  const deadline = Date.now() + 90_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const t = performance.now();
    await (await fetch(`${server.baseUrl}/api/health`)).arrayBuffer();
    fast = performance.now() - t < 100 ? fast + 1 : 0;
    await sleep(200);
  }
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–');
const verdict = (ms: number) => (Number.isFinite(ms) && ms <= CHECK_TARGET_MS ? 'met' : '**missed**');

async function main(): Promise<void> {
  const database = await freshBenchDatabase(DB, 'contacts');
  if (!database) return;
  const url = database.url;
  const results: EndpointResult[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-bench-contacts-'));
  const outboxDir = path.join(dataDir, 'outbox');
  const client = new pg.Client({ connectionString: url });
  const started = Date.now();
  try {
    console.log('generating the directory: every State × 4 POCs, each with an account of role poc…');
    const data = await generateDirectory(url);
    const generatedIn = (Date.now() - started) / 1000;
    await client.connect();
    const platformEnv = (port: number) => ({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      // No SMTP server: the mailer writes each message in DATA_DIR/outbox, where the bench counts them.
      SMTP_URL: undefined,
      LOG_LEVEL: 'warn',
    });
    const platformPort = await freePort();
    const platform = await startServer({
      name: 'platform (PostgreSQL, generated directory)',
      args: await platformArgs(),
      env: platformEnv(platformPort),
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
    const poc = await signIn(platform.baseUrl, data.readers.poc);
    const secretariat = await signIn(platform.baseUrl, data.readers.secretariat);
    const floorPaths = ['FRA', 'BOL', 'CHN', 'KEN'].map((c) => `/floor/states/${c}`);
    const endpoints: Endpoint[] = [
      { name: 'floor: bare Fastify + one PK SELECT (before)', paths: floorPaths, server: floor },
      { name: 'GET /api/v1/contacts/pocs (780 POCs, as a POC of France)', paths: ['/api/v1/contacts/pocs'], headers: { cookie: poc.cookie } },
      { name: 'GET /api/v1/contacts/pocs (780 POCs, as the Secretariat)', paths: ['/api/v1/contacts/pocs'], headers: { cookie: secretariat.cookie } },
      { name: 'GET /api/v1/contacts/pocs?state={iso3} (4 POCs, as a POC of France)', paths: ['KEN', 'CHL', 'JPN', 'DEU', 'BRA', 'IND'].map((s) => `/api/v1/contacts/pocs?state=${s}`), headers: { cookie: poc.cookie } },
      { name: 'floor: bare Fastify + one PK SELECT (after)', paths: floorPaths, server: floor },
    ];
    for (const e of endpoints) {
      const res = await fetch(`${(e.server ?? platform).baseUrl}${e.paths[0]}`, { headers: e.headers ?? {} });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${e.name} answered ${res.status}: ${text.slice(0, 300)}`);
      if (fullList(e)) {
        const items = (JSON.parse(text) as { items: unknown[] }).items.length;
        if (items !== data.pocs.length) throw new Error(`${e.name} listed ${items} POCs, not ${data.pocs.length}`);
      }
    }
    // One request at a time first, on an idle server: what a single reader waits.
    const alone = new Map<string, number>();
    for (const e of endpoints.filter((e) => !e.server)) alone.set(e.name, await medianAlone(platform.baseUrl, e.paths, e.headers ?? {}));
    // A full list takes a while under 50 connections: a generous per-request timeout, and after each row
    // the server is let finish the requests still queued (autocannon stops sending, the server does not
    // stop working) before the next row, and before the check.
    for (const e of endpoints) {
      results.push(
        ...(await loadEndpoints(platform, [e], { connections: 50, seconds: fullList(e) ? FULL_LIST_SECONDS : SECONDS, warmupSeconds: fullList(e) ? 0 : 2, timeoutSeconds: 60, benchPids: [platform.pid, floor.pid], benchProcesses: (cmd) => cmd.includes(DB) }, (r) =>
          console.log(`${r.name}: ${Math.round(r.reqPerSec)} req/s, p99 ${Math.round(r.latencyP99Ms)} ms, ${r.timeouts} time-outs`),
        )),
      );
      await settle(e.server ?? platform);
    }
    const readsLogged = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM contact_reads')).rows[0]!.n);
    await floor.stop();

    // The check, with a second platform process on the same database beside the first.
    const secondPort = await freePort();
    const second = await startServer({ name: 'platform, second process', args: await platformArgs(), env: platformEnv(secondPort), port: secondPort, healthPath: '/api/health', startTimeoutMs: 180_000 }).catch(
      (error: unknown) => {
        console.log(`second process not started (${String(error).slice(0, 200)}): the check runs on one`);
        return null;
      },
    );
    fs.rmSync(outboxDir, { recursive: true, force: true });
    console.log(`reachability check of ${data.pocs.length} POCs${second ? ' (two platform processes)' : ''}…`);
    const check = await runCheck(platform.baseUrl, secretariat, client, outboxDir, data.pocs, [platform.pid, ...(second ? [second.pid] : [])], !!second);
    console.log(
      `check: POST ${Math.round(check.requestMs)} ms, all queued ${seconds(check.queuedMs)}, all written ${seconds(check.writtenMs)}; ${check.pocsMessagedOnce} POCs messaged once, ${check.pocsMissing} missing, ${check.pocsTwice} twice; ${check.files} files, ${check.filesWithOwnLink} with the POC's own link`,
    );
    const ok = check.pocsMessagedOnce === data.pocs.length && check.pocsMissing === 0 && check.pocsTwice === 0 && check.files === data.pocs.length && check.fileRecipients === data.pocs.length && check.filesWithOwnLink === data.pocs.length;

    const floorRuns = results.filter((r) => r.name.startsWith('floor'));
    const baseline = floorRuns.reduce((a, b) => (a.reqPerSec < b.reqPerSec ? a : b));
    const base = judgedFigures(baseline);
    const list = results.filter((r) => r.name.startsWith('GET'));
    const m = machineInfo();
    const checkTable = markdownTable(
      ['phase (from the Secretariat’s request)', 'time', 'against 2 min'],
      [
        ['POST /api/v1/contacts/checks answered (check, 780 targets, 3 jobs, audit: one transaction)', `${formatMs(check.requestMs)} ms`, ''],
        ['send job began (a job runner’s next poll, ≤ 1 s)', seconds(check.sendStartedMs), ''],
        ['**all 780 emails queued** (send job committed: targets marked, links made, mail queued)', seconds(check.queuedMs), verdict(check.queuedMs)],
        ['first message written to the outbox', seconds(check.firstWrittenMs), ''],
        ['**all 780 messages written** (last `sent_at`)', seconds(check.writtenMs), verdict(check.writtenMs)],
        ['all 780 .eml files seen by the bench (polled every 100 ms)', seconds(check.filesSeenMs), ''],
      ],
      ['left', 'right', 'left'],
    );
    const verification = [
      `${check.targets} targets; ${check.tokens} single-use links made (one each); ${check.messages} messages queued in ${check.batches} batch(es) to ${check.distinctRecipients} distinct POC addresses; ${check.attemptsOverOne} message(s) needed more than one attempt; ${check.otherMail} other message(s) queued meanwhile.`,
      `Per POC, from the database: **${check.pocsMessagedOnce} of ${data.pocs.length} messaged exactly once, ${check.pocsMissing} missing, ${check.pocsTwice} more than once.**`,
      `From the outbox: ${check.files} .eml files to ${check.fileRecipients} distinct recipients; ${check.filesWithOwnLink} carry a link whose digest is the token of their own recipient’s target (traced back through \`contact_check_tokens\` → \`contact_check_targets\` → \`contact_pocs\`)${check.filesProblems.length ? `; problems: ${check.filesProblems.join('; ')}` : ''}.`,
      check.secondProcess
        ? 'A second platform process ran on the same database and data folder throughout the check, its job runners polling the same job table (`FOR UPDATE SKIP LOCKED`, leased mail): none was sent twice.'
        : 'One platform process ran the check (the second did not start).',
      `Other processes used ${Math.round(check.otherCpuShare * 100)}% of the machine’s CPU while the check ran.`,
    ];
    const listReading = list
      .map((r) => {
        const f = judgedFigures(r);
        const one = alone.get(r.name);
        return `- ${r.name}: ${one !== undefined ? `alone ${formatMs(one)} ms a request; under load ` : ''}${formatNumber(f.reqPerSec)} req/s (${formatRatio(f.reqPerSec / base.reqPerSec)} the floor), p99 ${formatMs(f.p99)} ms (${formatRatio(f.p99 / base.p99)}), ${formatNumber(r.bytesPerResponse / 1024)} KB a response, peak RSS ${formatMb(r.peakRssBytes)} (target < 200 MB: ${r.peakRssBytes < 200 * 1024 * 1024 ? 'met' : '**missed**'})${r.timeouts ? `, ${r.timeouts} time-outs (60 s)` : ''}${f.quiet ? '' : '; ⚠ measured on a busy machine'}.`;
      })
      .join('\n');
    writeSection(
      path.join(repoRoot, 'bench/RESULTS.md'),
      'contacts',
      `## The directory of points of contact and a reachability check (\`npm run bench\`, fourth part)

Machine: ${describeMachine(m)}. PostgreSQL, fresh database \`${DB}\`, dropped at the end.

Data: ${data.states} States × 4 points of contact (2 diplomatic, 2 technical) = ${data.pocs.length} current nominations, written with the contacts module's own tables as its use cases fill them (each with its first version and the record the history keeps, already told by the daily digest; a note verbale of ~40 KB with each State's first diplomatic POC, ${data.transmissions} in all; languages, time zones, office hours, 24/7 and night-shift working hours, other channels). Each POC holds an account of role \`poc\` of its State, each State a focal point, and there is one Secretariat account: every one with a TOTP second factor. The two readers (the technical POC of France and the Secretariat) signed in through \`POST /api/v1/session\` with their password and a TOTP code, so their sessions are the platform's own after that check. Generated in ${Math.round(generatedIn)} s. The platform ran with no \`SMTP_URL\`: its mailer writes each message as an .eml file in the outbox folder of its data folder.

### Reading the directory

50 connections, 2 s warm-up and ${SECONDS} s measured (the full lists: no warm-up but 5 requests one at a time, and ${FULL_LIST_SECONDS} s measured, since their 50 requests are served together and come back together, a wave every few seconds), 60 s per-request time-out, the server let drain its queue between rows; the baseline is the slower of the two floor runs (one primary-key SELECT). Every list logs a read of each record it returns (\`contact_reads\`, one row per POC per request: ${formatNumber(readsLogged)} rows written during this run).

${resultsTable(results, baseline)}

Reading, against DESIGN.md (reads at least as fast as the floor, p99 within 1.5× of it, memory under 200 MB under load): the directory is not a public read and no cache may serve it, so the primary-key floor is a yardstick rather than a like-for-like target. Each full list resolves the session, reads the caller's standing (reciprocity), selects the 780 current POCs, inserts 780 read-log rows, reads the transmissions' metadata, and serializes ~${formatNumber((list[0]?.bytesPerResponse ?? 0) / 1024)} KB, with working hours worked out in each POC's zone.
${listReading}

### A reachability check of all ${data.pocs.length} POCs

Started through the API as the Secretariat (\`POST /api/v1/contacts/checks\`, scope all, reminder after 24 h, escalation after 48 h, links valid 168 h); timed from the request until the database shows every mail job of the check done and every message written, and the outbox holds them all. Times below come from the database's own timestamps (the send job's \`finished_at\`, each message's \`queued_at\` and \`sent_at\`), measured from the moment the bench sent the request.

${checkTable}

${verification.map((v) => `- ${v}`).join('\n')}

Reading, against issue #14 (all emails queued and written within 2 minutes, none twice): queued in ${seconds(check.queuedMs)} (${verdict(check.queuedMs)}), written in ${seconds(check.writtenMs)} (${verdict(check.writtenMs)}), ${ok ? 'each POC exactly once: met' : '**not every POC exactly once**'}. The send job marks every target, makes its link and queues its mail in one transaction (a restart rolls it back whole); the mail job then writes the batch's messages one by one, each leased and marked sent by its own short write.`,
    );
    console.log('written to bench/RESULTS.md (contacts section)');
    if (!ok) process.exitCode = 1;
  } finally {
    await stopAllServers();
    await client.end().catch(() => undefined);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch(async (error: unknown) => {
    console.error(error);
    await stopAllServers();
    process.exit(1);
  });
