import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * The web app's boundaries (web/src): a feature uses another only through that feature's public
 * file (features/<name>/index.ts), and ui/ (the design components every feature shares) never
 * imports a feature. Imports are resolved against the importing file, so `../states/StateName`
 * and `../../features/states/StateName` are the same import.
 */
const WEB_SRC = path.resolve(import.meta.dirname, 'web/src');
const FEATURES = path.join(WEB_SRC, 'features');
const UI = path.join(WEB_SRC, 'ui');
const PUBLIC_FILE = /^index(\.tsx?)?$/;

/** The feature a path is in, and the rest of its path inside it: `{ name: 'states', rest: 'StateName' }`. */
function featureOf(file) {
  const relative = path.relative(FEATURES, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [name, ...rest] = relative.split(path.sep);
  return { name, rest: rest.join('/') };
}

const webBoundaries = {
  rules: {
    'feature-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'Web features import each other only through a public index.ts; ui/ imports no feature' },
        messages: {
          internal: 'features/{{from}} imports features/{{target}}: use another feature only through its public file, features/{{to}}/index.ts (export what is needed there).',
          uiImportsFeature: 'ui/ imports features/{{target}}: the shared design components never depend on a feature (move what both need into ui/).',
        },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const from = featureOf(file);
        const inUi = !path.relative(UI, file).startsWith('..');
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = featureOf(path.resolve(path.dirname(file), source));
          if (!target) return;
          const data = { from: from?.name, to: target.name, target: target.rest ? `${target.name}/${target.rest}` : target.name };
          if (inUi) context.report({ node, messageId: 'uiImportsFeature', data });
          else if (from && from.name !== target.name && target.rest !== '' && !PUBLIC_FILE.test(target.rest)) context.report({ node, messageId: 'internal', data });
        };
        const fromSource = (node) => node.source && check(node.source, node.source.value);
        return {
          ImportDeclaration: fromSource,
          ExportNamedDeclaration: fromSource,
          ExportAllDeclaration: fromSource,
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};

// ---- The server's boundaries ------------------------------------------------------------------
//
// server/src has four layers, and an import may only go down or sideways as follows:
//
//   kernel/      what several modules share and none owns (the six languages and their text types,
//                the fold, local time in a zone, deadlines, calendar dates, who is acting). Pure:
//                it imports nothing of the platform, the modules or the entry.
//   platform/    what any application needs, knowing nothing of the PoA's modules: it imports
//                platform/ and kernel/, never a module nor the entry.
//   modules/<m>/ one part of the domain. It imports its own files, the kernel, another module ONLY
//                through that module's index.ts (a tables.ts may also name another module's
//                tables.ts, for foreign keys), and the platform only through MODULE_PLATFORM below.
//                Never the entry.
//   the entry    app.ts, main.ts, start.ts, jobs.ts, record.ts, cli/, demo/, testing/: composes the
//                rest. It may import any of the platform and the kernel, and a module only through
//                its index.ts.
//
// Tests (server/test) are not bound: they test pure rules inside a module directly.

/**
 * What a module may import from the platform: file → the names it may import, or '*' for all of
 * the file. Anything else of the platform belongs to the entry that composes the application
 * (opening the database, building the HTTP server, running jobs, the platform's own tables).
 */
const MODULE_PLATFORM = {
  // What a module is given at start, and the type of its configuration (not loadConfig).
  'platform/context.ts': '*',
  'platform/config.ts': ['Config'],
  // Transactions and queries; not opening a database nor migrating it.
  'platform/db/database.ts': ['Db', 'Tx', 'Executor', 'rowsOf', 'withoutParallelWorkers'],
  // Writing to the audit chain in a use case's transaction, and reading back its own events;
  // verifying the chain is the entry's (record.ts). Not the chain's tables.
  'platform/audit/record.ts': ['recordAudit', 'AuditActor', 'auditEventsOf', 'AuditListener'],
  'platform/audit/canonical.ts': '*',
  // Anchoring an adoption: signing a checkpoint of the chain in the adoption's transaction, and
  // naming the checkpoint that covers it in the outcome's record (with its response schema).
  'platform/audit/checkpoint.ts': ['signAuditCheckpoint', 'checkpointCovering', 'CheckpointSchema'],
  // HTTP: routes, the guard and policy rules, problems, ETags, caches; the App's type and cookie
  // names, not building the server.
  'platform/http/server.ts': ['App', 'CSRF_COOKIE', 'SESSION_COOKIE'],
  'platform/http/policy.ts': '*',
  'platform/http/problem.ts': '*',
  'platform/http/responses.ts': '*',
  'platform/http/etag.ts': '*',
  'platform/http/versioned-cache.ts': '*',
  // The type by which the open data module tells the shell which routes are datasets (answered conditionally).
  'platform/http/conditional.ts': ['Datasets'],
  // The one CSV writer: every CSV download is neutralised against formulas there (#12, item 2).
  'platform/http/csv.ts': '*',
  'platform/deadline.ts': '*',
  // Durable jobs: scheduling and cancelling one, and the type of a handler; not running them.
  'platform/jobs/runner.ts': ['scheduleJob', 'cancelJob', 'JobHandler'],
  // Mail is sent after commit, through what the mail folder offers a module (not its tables).
  'platform/mail/': '*',
  'platform/reference-folder.ts': '*',
};

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const serverSrc = path.join(repoRoot, 'server', 'src');

/** Where a file of server/src sits: its layer, and for a module its name and its path inside it. */
function placeOf(file) {
  const rel = path.relative(serverSrc, file).split(path.sep).join('/');
  if (rel.startsWith('../')) return { layer: 'outside', rel };
  const [top, name, ...rest] = rel.split('/');
  if (top === 'kernel' || top === 'platform') return { layer: top, rel };
  if (top === 'modules' && rest.length > 0) return { layer: 'module', module: name, inner: rest.join('/'), rel };
  return { layer: 'entry', rel };
}

/** The file a relative specifier names: './x.js' is './x.ts' in the source. */
function resolve(fromFile, specifier) {
  const target = path.resolve(path.dirname(fromFile), specifier);
  return /\.js$/.test(target) ? target.replace(/\.js$/, '.ts') : path.extname(target) ? target : `${target}.ts`;
}

function moduleMayUsePlatform(rel, names) {
  // A module reads and writes only its own tables: the platform's (audit, jobs, mail…) never.
  if (rel.endsWith('/tables.ts')) return { ok: false };
  const key = Object.keys(MODULE_PLATFORM).find((k) => (k.endsWith('/') ? rel.startsWith(k) : rel === k));
  if (!key) return { ok: false };
  const allowed = MODULE_PLATFORM[key];
  if (allowed === '*') return { ok: true };
  const refused = names === null ? ['*'] : names.filter((n) => !allowed.includes(n));
  return refused.length === 0 ? { ok: true } : { ok: false, refused, allowed };
}

/** Why an import from `from` of `to` (with these imported names, null for all) crosses a boundary, or null. */
function crossing(from, to, names) {
  if (to.layer === 'outside' || from.layer === 'outside') return null;
  switch (from.layer) {
    case 'kernel':
      return to.layer === 'kernel' ? null : `the kernel imports nothing of ${to.layer === 'module' ? 'the modules' : `the ${to.layer}`} (${to.rel})`;
    case 'platform':
      return to.layer === 'platform' || to.layer === 'kernel' ? null : `platform/ never imports ${to.layer === 'module' ? 'a module' : 'the entry'} (${to.rel})`;
    case 'module': {
      if (to.layer === 'kernel') return null;
      if (to.layer === 'entry') return `a module never imports the entry (${to.rel})`;
      if (to.layer === 'module') {
        if (to.module === from.module || to.inner === 'index.ts') return null;
        if (from.inner === 'tables.ts' && to.inner === 'tables.ts') return null;
        return `module ${from.module} imports module ${to.module} only through its index.ts (not ${to.rel})`;
      }
      const verdict = moduleMayUsePlatform(to.rel, names);
      if (verdict.ok) return null;
      return verdict.allowed
        ? `a module imports only ${verdict.allowed.join(', ')} from ${to.rel} (not ${verdict.refused.join(', ')})`
        : `a module does not import ${to.rel}: see MODULE_PLATFORM in eslint.config.js for what it may use of the platform`;
    }
    case 'entry':
      return to.layer === 'module' && to.inner !== 'index.ts' ? `outside a module, module ${to.module} is imported only through its index.ts (not ${to.rel})` : null;
    default:
      return null;
  }
}

const serverBoundaries = {
  meta: { type: 'problem', docs: { description: 'Keeps the layers of server/src apart (see the comment above the rule).' }, schema: [] },
  create(context) {
    const from = placeOf(context.filename);
    const check = (node, source, names) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const reason = crossing(from, placeOf(resolve(context.filename, source)), names);
      if (reason) context.report({ node, message: `Boundary: ${reason}.` });
    };
    const namesOf = (specifiers) =>
      specifiers.some((s) => s.type === 'ImportNamespaceSpecifier' || s.type === 'ImportDefaultSpecifier')
        ? null
        : specifiers.map((s) => (s.type === 'ExportSpecifier' ? s.local.name : s.imported.name));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, namesOf(node.specifiers)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, namesOf(node.specifiers)),
      ExportAllDeclaration: (node) => check(node, node.source.value, null),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, null),
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'server/drizzle/**', 'data/**', 'data-*/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Domain code stays typed; tests may read loose JSON bodies.
    files: ['server/test/**', 'web/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Web boundaries (issue #11, item 2): see webBoundaries above.
    files: ['web/src/**'],
    plugins: { 'web-boundaries': webBoundaries },
    rules: { 'web-boundaries/feature-imports': 'error' },
  },
  {
    // Server boundaries (issue #11, item 2): see serverBoundaries above.
    files: ['server/src/**/*.ts'],
    plugins: { poa: { rules: { 'server-boundaries': serverBoundaries } } },
    rules: { 'poa/server-boundaries': 'error' },
  },
  {
    // Every CSV the platform writes goes through its one writer, which neutralises cells a
    // spreadsheet would run as formulas (#12, item 2): csv-stringify is imported there alone.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/platform/http/csv.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['csv-stringify', 'csv-stringify/*'], message: 'Write CSV with csvOf/sendCsv from platform/http/csv.ts: it neutralises formulas (=, +, -, @, tab, return).' }] },
      ],
    },
  },
);
