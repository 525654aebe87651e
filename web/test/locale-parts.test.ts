import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SHELL_STRINGS } from '../src/app/locale-shell';
import { pickStrings } from '../scripts/locale-parts';

/*
 * The app loads its strings in parts (scripts/locale-parts.ts): the shell's strings with the app, and
 * each route the parts named beside its page in app/router.tsx. A string of a part that is not loaded
 * shows as its raw key; this test fails before that can happen. For every page it follows the page's
 * imports (its feature's modules, other features' public files and what they export, ui/), collects
 * every key the code names (`t('reporting.analysis.heading')`, `i18nKey="…"`, a key kept in a table,
 * the prefix of a template `t(\`reporting.status.${s}\`)`) and checks that the route loads its part, or
 * that the shell holds it. The shell itself (main.tsx, the layout and what it shows) is checked
 * against SHELL_STRINGS, key by key.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, '..', 'src');

type Tree = { [key: string]: string | Tree };
const english = JSON.parse(readFileSync(path.join(src, 'locales', 'en.json'), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const keys = flatten(english);
const bases = new Set(keys.map((k) => k.replace(PLURAL, '')));

/** Whether a literal's text names a key (`'reporting.analysis.heading'`) or a prefix of keys (`'reporting.status.'`, a template's head). */
const named = new Map<string, string | null>();
function keyIn(text: string, prefix: boolean): string | null {
  if (!/^[A-Za-z]\w*\./.test(text)) return null;
  const id = `${prefix}:${text}`;
  if (!named.has(id)) named.set(id, keyOrPrefix(text, prefix));
  return named.get(id)!;
}
function keyOrPrefix(text: string, prefix: boolean): string | null {
  if (!prefix && bases.has(text)) return text;
  if ((prefix || text.endsWith('.')) && keys.some((k) => k.startsWith(text))) return text;
  return null;
}

/** The keys named by the literals under a node. */
function keysUnder(node: ts.Node, found: Set<string>): void {
  const visit = (n: ts.Node) => {
    let key: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) key = keyIn(n.text, false);
    else if (ts.isTemplateExpression(n)) key = keyIn(n.head.text, true);
    if (key) found.add(key);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** The keys a piece of source names (the whole of it, as the test of this test uses it). */
export function keysNamedIn(code: string): string[] {
  const found = new Set<string>();
  const file = ts.createSourceFile('x.tsx', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
  for (const statement of file.statements) if (!ts.isImportDeclaration(statement)) keysUnder(statement, found);
  return [...found];
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** A module read for what each of its top-level statements declares, names (keys) and uses. */
interface Module {
  statements: { names: string[]; effect: boolean; node: ts.Statement }[];
  /** Top-level name → the statements that declare it. */
  declared: Map<string, ts.Statement[]>;
  /** Local name → the module and name it is imported from ('*' for a namespace). */
  imports: Map<string, { file: string; name: string }>;
  /** Exported name → the module and name it is passed on from (`export { a } from`, `export * from`). */
  reexports: { file: string; from: string | null; as: string | null }[];
  /** Modules imported for their effect alone (`import './styles'`). */
  effects: string[];
}

const modules = new Map<string, Module>();
function read(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const mod: Module = { statements: [], declared: new Map(), imports: new Map(), reexports: [], effects: [] };
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st)) {
      const target = resolveImport(file, (st.moduleSpecifier as ts.StringLiteral).text);
      if (!target || st.importClause?.isTypeOnly) continue;
      const clause = st.importClause;
      if (!clause) mod.effects.push(target);
      if (clause?.name) mod.imports.set(clause.name.text, { file: target, name: 'default' });
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) mod.imports.set(bindings.name.text, { file: target, name: '*' });
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) mod.imports.set(el.name.text, { file: target, name: (el.propertyName ?? el.name).text });
      continue;
    }
    if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
      const target = resolveImport(file, (st.moduleSpecifier as ts.StringLiteral).text);
      if (!target || st.isTypeOnly) continue;
      if (!st.exportClause) mod.reexports.push({ file: target, from: null, as: null });
      else if (ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) mod.reexports.push({ file: target, from: (el.propertyName ?? el.name).text, as: el.name.text });
      continue;
    }
    const names: string[] = [];
    const isDefault = ts.canHaveModifiers(st) && !!ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (isDefault || ts.isExportAssignment(st)) names.push('default');
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) names.push(st.name.text);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const bind = (n: ts.BindingName) => (ts.isIdentifier(n) ? names.push(n.text) : n.elements.forEach((e) => ts.isBindingElement(e) && bind(e.name)));
        bind(d.name);
      }
    }
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) names.push(el.name.text);
    }
    const typeOnly = ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st);
    mod.statements.push({ names, effect: !typeOnly && names.length === 0, node: st });
    for (const n of names) mod.declared.set(n, [...(mod.declared.get(n) ?? []), st]);
  }
  modules.set(file, mod);
  return mod;
}

/**
 * The keys a module's export (or, with '*', the whole module) can show: the statements that declare
 * it, the top-level statements and imported exports these use, one after another (as a bundler
 * shakes the tree), and the modules they load lazily (a lazy part of a page shows on that page),
 * except the pages the router loads lazily (each is a route of its own). Each key with the file
 * that names it.
 */
function keysShownBy(entry: string, name: string): Map<string, string> {
  const found = new Map<string, string>();
  const done = new Set<string>();
  const queue: [string, string][] = [[entry, name]];
  const request = (file: string, wanted: string) => queue.push([file, wanted]);
  while (queue.length) {
    const [file, wanted] = queue.pop()!;
    const id = `${file}#${wanted}`;
    if (done.has(id)) continue;
    done.add(id);
    const mod = read(file);
    // Statements with an effect of their own run whenever the module is loaded.
    const start = mod.statements.filter((s) => wanted === '*' || s.effect || s.names.includes(wanted));
    for (const e of mod.effects) request(e, '*');
    for (const r of mod.reexports) {
      if (wanted === '*' || r.as === wanted) request(r.file, r.from ?? (wanted === '*' ? '*' : wanted));
      else if (r.from === null) request(r.file, wanted);
    }
    const reached = new Set<ts.Statement>();
    const reach = (st: ts.Statement) => {
      if (reached.has(st)) return;
      reached.add(st);
      const keysHere = new Set<string>();
      keysUnder(st, keysHere);
      for (const k of keysHere) if (!found.has(k)) found.set(k, file);
      const visit = (n: ts.Node) => {
        if (ts.isIdentifier(n)) {
          const imported = mod.imports.get(n.text);
          if (imported) request(imported.file, imported.name);
          for (const other of mod.declared.get(n.text) ?? []) reach(other);
        }
        if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && file !== ROUTER) {
          const arg = n.arguments[0];
          const target = arg && ts.isStringLiteral(arg) ? resolveImport(file, arg.text) : null;
          if (target) request(target, '*');
        }
        ts.forEachChild(n, visit);
      };
      visit(st);
    };
    for (const s of start) reach(s.node);
  }
  return found;
}

const ROUTER = path.join(src, 'app', 'router.tsx');
const routerCode = readFileSync(ROUTER, 'utf8');
/** Each lazily loaded page of the router and the parts its route loads: `page(() => import('…'), ['part', …])`. */
const pages = [...routerCode.matchAll(/\bpage\(\s*\(\)\s*=>\s*import\(\s*'([^']+)'\s*\)\s*(?:,\s*\[([^\]]*)\])?\s*\)/g)].map((m) => ({
  module: resolveImport(ROUTER, m[1]!)!,
  parts: [...(m[2] ?? '').matchAll(/'([^']+)'/g)].map((p) => p[1]!),
}));

/** Whether the shell's strings hold every key under `key` (a key, or a prefix ending in a dot). */
const inShell = (key: string) => SHELL_STRINGS.some((s) => key === s || key.startsWith(`${s}.`));
const partOf = (key: string) => key.split('.')[0]!;
const relative = (file: string) => path.relative(src, file);

describe('locale parts', () => {
  it('finds keys as the app names them', () => {
    expect(keysNamedIn(`t('reporting.analysis.heading'); t(\`reporting.status.\${s}\`); <Sentence i18nKey="reporting.analysis.heading" />`).sort()).toEqual([
      'reporting.analysis.heading',
      'reporting.status.',
    ]);
    expect(keysNamedIn(`import classes from './home.module.css';\nconst x = 'not.a.key';`)).toEqual([]);
  });

  it('reads every page and its parts from the router', () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const p of pages) expect(p.module, 'a page module that exists').toBeTruthy();
  });

  it('the shell holds every string of the layout and of what every page shares', { timeout: 60_000 }, () => {
    const shown = keysShownBy(path.join(src, 'main.tsx'), '*');
    const missing = [...shown].filter(([key]) => !inShell(key)).map(([key, file]) => `${relative(file)}: ${key}`);
    expect(missing, 'strings the shell shows but SHELL_STRINGS (app/locale-shell.ts) lacks').toEqual([]);
  });

  it('each route loads the parts of every string its page can show', { timeout: 60_000 }, () => {
    const missing: string[] = [];
    const needs: Record<string, Set<string>> = {};
    for (const p of pages) {
      for (const [key, file] of keysShownBy(p.module, '*')) {
        if (!inShell(key)) (needs[relative(p.module)] ??= new Set()).add(partOf(key));
        if (!inShell(key) && !p.parts.includes(partOf(key))) missing.push(`${relative(p.module)} (via ${relative(file)}): ${key} needs part '${partOf(key)}'`);
      }
    }
    if (process.env.PRINT_NEEDS) writeFileSync(process.env.PRINT_NEEDS, JSON.stringify(Object.fromEntries(Object.entries(needs).map(([k, v]) => [k, [...v].sort()]))));
    expect(missing, "parts a route's page needs but its page(…) in app/router.tsx does not load").toEqual([]);
  });

  it('fails on a page that shows a string of a part its route does not load', () => {
    const shown = keysNamedIn("const { t } = useTranslation(); return <p>{t('reporting.analysis.intro')}</p>;");
    const parts = ['states'];
    expect(shown.filter((key) => !inShell(key) && !parts.includes(partOf(key)))).toEqual(['reporting.analysis.intro']);
  });

  it('the shell names only strings that exist, and a part holds its key only', () => {
    for (const s of SHELL_STRINGS) expect([...bases].some((k) => k === s || k.startsWith(`${s}.`)), s).toBe(true);
    const shell = pickStrings(english, SHELL_STRINGS);
    expect(flatten(shell).length).toBeLessThan(keys.length / 4);
    expect(Object.keys(pickStrings(english, ['reporting']))).toEqual(['reporting']);
  });
});
