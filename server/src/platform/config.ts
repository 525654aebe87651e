import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Everything the platform can be told by its environment, validated once at start. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  WEB_DIST: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('PoA Platform <no-reply@poa.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v !== 'true', {
      message:
        'true would believe any X-Forwarded-For a client sends: give the number of proxies in front of the platform (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
    })
    .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())), {
      message: 'false, a number of proxy hops, or a comma-separated list of proxy addresses or networks (CIDR), loopback, linklocal, uniquelocal',
    }),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(8 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().positive().default(14),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  OBSERVER_STATES_MAY_OBJECT: z.enum(['true', 'false']).default('false'),
  DEFAULT_SILENCE_HOURS: z.coerce.number().int().min(1).max(24 * 60).default(72),
  OPEN_DATA_LICENCE: z.string().url().default('https://creativecommons.org/licenses/by/4.0/'),
  OUTCOME_SYMBOL_PATTERN: z.string().regex(/\{n\}/, 'must contain {n}').default('PoA/{year}/{kind}.{n}'),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  FILE_STORAGE: z.enum(['local']).default('local'),
  DOCUMENT_SYMBOL_PATTERN: z.string().regex(/\{n\}/, 'must contain {n}').default('A/AC.300/{year}/{series}{n}'),
  REVIEW_CONFERENCE_EVERY_YEARS: z.coerce.number().int().min(1).max(50).default(5),
  AUDIT_KEY_FILE: z.string().optional(),
  AUDIT_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  NON_OBJECTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  NON_OBJECTION_ECOSOC_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(32),
  POA_FOUNDED_ON: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').default('2026-01-01'),
});

export interface Config {
  port: number;
  host: string;
  /** Folder for the embedded database, the mail outbox and uploaded files. */
  dataDir: string;
  /** The built web app (`vite build`); absent means `web/dist` in this repository. */
  webDist: string | undefined;
  /** A PostgreSQL server; absent means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  /** Where people reach the platform; links in emails start here. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /**
   * Which proxies in front of the platform to believe about the client's address (X-Forwarded-For)
   * and protocol: none, the nearest `hops`, or those at the listed addresses.
   */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionMaxDays: number;
  bodyLimitBytes: number;
  /** Sign-in and token requests allowed per minute from one address. */
  signInRatePerMinute: number;
  /** Rules of procedure that are settings: who may object or break silence, the default silence period. */
  rulesOfProcedure: { observerStatesMayObject: boolean; defaultSilenceHours: number };
  /** Symbols of adopted outcomes: {year}, {kind} (DEC, REC, FWK) and {n} are filled in. */
  outcomeSymbolPattern: string;
  /** Largest file an upload may carry (official documents, statements). */
  uploadLimitBytes: number;
  /** Where uploaded files live: a folder under dataDir now; S3-compatible storage later. */
  fileStorage: 'local';
  /** Symbols of official documents: {year}, {series} (empty, WP., CRP., INF/, L.) and {n} are filled in. */
  documentSymbolPattern: string;
  /** Review conferences come every `everyYears` years after the PoA's founding on `foundedOn` (YYYY-MM-DD). */
  reviewConference: { everyYears: number; foundedOn: string };
  /** The Ed25519 key that signs audit checkpoints, kept outside the database: a PEM in the environment, or a file. */
  auditKey: { pem: string } | { file: string };
  /** The URL of the licence the public datasets are published under (shown in the open data catalogue). */
  openDataLicence: string;
  /** Stakeholder accreditation: the non-objection period in working days, shorter for organisations in consultative status with ECOSOC. */
  nonObjection: { workingDays: number; ecosocWorkingDays: number };
  /** The bytes every answer cache of the process may keep together (the least recently used go first). */
  cacheMaxBytes: number;
}

export type TrustProxy = false | { hops: number } | { addresses: string[] };

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a network in CIDR notation, or one of proxy-addr's named ranges. */
function isProxyAddress(text: string): boolean {
  if (NAMED_RANGES.has(text)) return true;
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function trustProxyOf(value: string): TrustProxy {
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  return { addresses: value.split(',').map((a) => a.trim()) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : undefined,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    rulesOfProcedure: { observerStatesMayObject: e.OBSERVER_STATES_MAY_OBJECT === 'true', defaultSilenceHours: e.DEFAULT_SILENCE_HOURS },
    outcomeSymbolPattern: e.OUTCOME_SYMBOL_PATTERN,
    openDataLicence: e.OPEN_DATA_LICENCE,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    fileStorage: e.FILE_STORAGE,
    documentSymbolPattern: e.DOCUMENT_SYMBOL_PATTERN,
    reviewConference: { everyYears: e.REVIEW_CONFERENCE_EVERY_YEARS, foundedOn: e.POA_FOUNDED_ON },
    nonObjection: { workingDays: e.NON_OBJECTION_WORKING_DAYS, ecosocWorkingDays: e.NON_OBJECTION_ECOSOC_WORKING_DAYS },
    cacheMaxBytes: e.CACHE_MAX_MB * 1024 * 1024,
    auditKey: e.AUDIT_SIGNING_KEY ? { pem: e.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n') } : { file: path.resolve(e.AUDIT_KEY_FILE ?? path.join(e.DATA_DIR, 'audit-signing-key.pem')) },
  };
}
