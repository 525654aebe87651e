import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Plugin, Rolldown } from 'vite';
import { partModuleId } from './locale-parts';

/**
 * What the server may announce in index.html for each of the app's routes, so that a browser opening
 * an address fetches the route's own files beside the main chunk, instead of discovering them one
 * after another (index.html → main chunk → the page's chunk → its imports and strings: on a slow
 * connection over HTTP/1.1 each step is another round trip).
 *
 * Written by the build to `.vite/route-preloads.json` in the build's folder (not served), from:
 * - the router's own route list (`src/app/router.tsx`: each `{ path, element: <SomePage /> }` whose
 *   page is `page(() => import('…'), ['part', …])`), read with the TypeScript parser;
 * - the build's chunks: the page's chunk, the chunks it imports statically (all of them, since a
 *   browser does not follow a preloaded module's imports), the CSS they bring, and the chunks of the
 *   string parts the route loads (`scripts/locale-parts.ts`), in each language.
 *
 * Files the main chunk already brings (index.html names them) are left out; so are the routes with a
 * splat (`*`: the catch-all 404), whose addresses are any address. A route or page the reader cannot
 * follow fails the build rather than leaving a route without its preloads unnoticed.
 */
export const ROUTE_PRELOADS_FILE = '.vite/route-preloads.json';

export interface RoutePreloads {
  /** Each route: its address pattern as React Router reads it (`/:lang/reporting/cycles/:id/analysis`). */
  routes: {
    path: string;
    /** The page's chunk and the chunks it imports, as URLs. */
    js: string[];
    css: string[];
    /** The string parts' chunks (the shell's and the route's), per language. */
    strings: Record<string, string[]>;
  }[];
}

interface PageDeclaration {
  /** The page's module, as `import()` names it from the router. */
  specifier: string;
  parts: string[];
}

interface RouteDeclaration {
  path: string;
  page: string;
}

function fail(file: string, node: ts.Node, message: string): never {
  const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
  throw new Error(`route-preloads: ${path.basename(file)}:${line + 1}: ${message}`);
}

function stringsOf(file: string, node: ts.Expression): string[] {
  if (!ts.isArrayLiteralExpression(node)) fail(file, node, 'a page’s parts must be a literal array of strings');
  return node.elements.map((e) => (ts.isStringLiteral(e) ? e.text : fail(file, e, 'a page’s part must be a string literal')));
}

/** The router's pages (`const X = page(() => import('…'), [parts])`) and routes (`const routes = [...]`). */
export function readRouter(file: string, code = readFileSync(file, 'utf8')): RouteDeclaration[] & { pages: Map<string, PageDeclaration> } {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const pages = new Map<string, PageDeclaration>();
  let routeList: ts.ArrayLiteralExpression | undefined;

  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'page') {
        const [load, parts] = init.arguments;
        const body = load && ts.isArrowFunction(load) ? load.body : undefined;
        if (!body || !ts.isCallExpression(body) || body.expression.kind !== ts.SyntaxKind.ImportKeyword)
          fail(file, init, 'page(…) must start with `() => import(\'…\')`');
        const [specifier] = body.arguments;
        if (!specifier || !ts.isStringLiteral(specifier)) fail(file, body, 'a page’s import must name its module literally');
        pages.set(node.name.text, { specifier: specifier.text, parts: parts ? stringsOf(file, parts) : [] });
      }
      if (node.name.text === 'routes') {
        if (!ts.isArrayLiteralExpression(init)) fail(file, init, 'the routes must be a literal array');
        routeList = init;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!routeList) throw new Error(`route-preloads: no \`const routes = [...]\` in ${file}`);

  const routes: RouteDeclaration[] = [];
  const walk = (list: ts.ArrayLiteralExpression, parent: string) => {
    for (const item of list.elements) {
      if (!ts.isObjectLiteralExpression(item)) fail(file, item, 'a route must be an object literal');
      let own: string | undefined;
      let element: ts.Expression | undefined;
      let children: ts.Expression | undefined;
      for (const prop of item.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
        if (prop.name.text === 'path') {
          if (!ts.isStringLiteral(prop.initializer)) fail(file, prop, 'a route’s path must be a string literal');
          own = prop.initializer.text;
        } else if (prop.name.text === 'element') element = prop.initializer;
        else if (prop.name.text === 'children') children = prop.initializer;
      }
      if (own?.includes('?')) fail(file, item, 'optional segments are not read (the server’s matching does not know them)');
      const full = own === undefined ? parent : own.startsWith('/') ? own : `${parent.replace(/\/$/, '')}/${own}`;
      const tag = element && (ts.isJsxSelfClosingElement(element) ? element.tagName : ts.isJsxElement(element) ? element.openingElement.tagName : undefined);
      const page = tag && ts.isIdentifier(tag) ? pages.get(tag.text) : undefined;
      if (page && tag && ts.isIdentifier(tag) && !full.split('/').includes('*')) routes.push({ path: full || '/', page: tag.text });
      if (children) {
        if (!ts.isArrayLiteralExpression(children)) fail(file, children, 'a route’s children must be a literal array');
        walk(children, full);
      }
    }
  };
  walk(routeList, '');
  if (!routes.length) throw new Error(`route-preloads: no route with a page(…) found in ${file}`);
  return Object.assign(routes, { pages });
}

/**
 * The Vite plugin writing `.vite/route-preloads.json` (build only). `router` is the router's file,
 * `languages` those of the string parts.
 */
export function routePreloads(options: { router: string; languages: readonly string[] }): Plugin {
  let build = false;
  let base = '/';
  let routes: ReturnType<typeof readRouter> | undefined;
  /** A page's variable name → its module's resolved id. */
  const pageIds = new Map<string, string>();
  return {
    name: 'poa:route-preloads',
    apply: 'build',
    configResolved(config) {
      build = config.command === 'build' && !config.build.ssr;
      base = config.base;
    },
    async buildStart() {
      if (!build) return;
      routes = readRouter(options.router);
      this.addWatchFile(options.router);
      for (const [name, page] of routes.pages) {
        const resolved = await this.resolve(page.specifier, options.router);
        if (!resolved) throw new Error(`route-preloads: cannot resolve ${page.specifier} (page ${name})`);
        pageIds.set(name, resolved.id);
      }
    },
    generateBundle: {
      // After Vite's own: its CSS plugin drops the chunks that held only CSS (their importers then name that CSS).
      order: 'post',
      handler(_options, bundle: Rolldown.OutputBundle) {
        if (!build || !routes) return;
        const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const url = (fileName: string) => `${base}${fileName}`;
        /** A chunk and every chunk it imports statically, the chunk first. */
        const closure = (start: Rolldown.OutputChunk, into = new Set<string>()): Set<string> => {
          if (into.has(start.fileName)) return into;
          into.add(start.fileName);
          for (const imported of start.imports) {
            const next = byFile.get(imported);
            if (next) closure(next, into);
          }
          return into;
        };
        // What index.html already brings: the entry and its static imports.
        const shell = new Set<string>();
        for (const entry of chunks.filter((c) => c.isEntry)) closure(entry, shell);
        const chunkOf = (moduleId: string) => chunks.find((c) => c.facadeModuleId === moduleId) ?? chunks.find((c) => c.moduleIds.includes(moduleId));
        const cssOf = (fileName: string): string[] => [...(byFile.get(fileName)?.viteMetadata?.importedCss ?? [])];

        const out: RoutePreloads = { routes: [] };
        for (const route of routes) {
          const moduleId = pageIds.get(route.page)!;
          const chunk = chunkOf(moduleId);
          if (!chunk) throw new Error(`route-preloads: no chunk holds ${moduleId} (page ${route.page})`);
          const files = [...closure(chunk)].filter((f) => !shell.has(f));
          const shellCss = new Set([...shell].flatMap(cssOf));
          const css = [...new Set(files.flatMap(cssOf))].filter((f) => !shellCss.has(f));
          const parts = ['shell', ...routes.pages.get(route.page)!.parts];
          const strings: Record<string, string[]> = {};
          for (const lang of options.languages) {
            strings[lang] = parts.map((part) => {
              const partChunk = chunks.find((c) => c.facadeModuleId === partModuleId(lang, part));
              if (!partChunk) throw new Error(`route-preloads: no chunk for the strings ${lang}:${part} (page ${route.page})`);
              return url(partChunk.fileName);
            });
          }
          out.routes.push({ path: route.path, js: files.map(url), css: css.map(url), strings });
        }
        this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: `${JSON.stringify(out)}\n` });
      },
    },
  };
}
