import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './server.js';
import { guard, publicRead } from './policy.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest']);

/** Vite names the files it builds into assets/ by their content's hash: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is checked again each time, cheaply, with its ETag. */
const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';

interface WebFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  compressible: boolean;
  /** Compressed once, on first request, then kept: the whole build is about a megabyte. */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

async function loadFiles(distDir: string): Promise<Map<string, WebFile>> {
  const files = new Map<string, WebFile>();
  for (const relative of await walk(distDir)) {
    // The build's own records (.vite/: its manifest, the routes' preloads) are read, not served.
    if (relative.split(path.sep)[0] === '.vite') continue;
    const urlPath = `/${relative.split(path.sep).join('/')}`;
    const ext = path.extname(relative).toLowerCase();
    const body = await readFile(path.join(distDir, relative));
    files.set(urlPath, {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      compressible: COMPRESSIBLE.has(ext) && body.length > 512,
      encoded: {},
    });
  }
  return files;
}

function chooseEncoding(request: FastifyRequest): Encoding | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

function encode(file: WebFile, encoding: Encoding): Promise<Buffer> {
  file.encoded[encoding] ??=
    encoding === 'br'
      ? brotliAsync(file.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length } })
      : gzipAsync(file.body, { level: 9 });
  return file.encoded[encoding];
}

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

async function send(request: FastifyRequest, reply: FastifyReply, file: WebFile) {
  reply.header('cache-control', file.cacheControl);
  reply.header('etag', file.etag);
  if (file.compressible) reply.header('vary', 'accept-encoding');
  if (etagMatches(request, file.etag)) return reply.code(304).send();
  reply.type(file.type);
  const encoding = file.compressible ? chooseEncoding(request) : null;
  if (!encoding) return reply.send(file.body);
  reply.header('content-encoding', encoding);
  return reply.send(await encode(file, encoding));
}

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
type Language = (typeof LANGUAGES)[number];
const isLanguage = (value: string | undefined): value is Language => (LANGUAGES as readonly (string | undefined)[]).includes(value);

/**
 * What the web build writes beside its files (web/scripts/route-preloads.ts, from the router's own
 * route list and the build's chunks): for each route of the app, the files its page needs beyond the
 * main chunk. Not served.
 */
const ROUTE_PRELOADS = '.vite/route-preloads.json';

interface RoutePreload {
  /** React Router's pattern, `/:lang/reporting/cycles/:id/analysis`; no splat nor optional segment. */
  path: string;
  js: string[];
  css: string[];
  strings: Record<string, string[]>;
}

interface Route {
  /** Each segment of the pattern: its text (lower case), or null for a parameter. */
  segments: (string | null)[];
  statics: number;
  preload: RoutePreload;
}

async function readRoutes(distDir: string, files: Map<string, WebFile>, app: App): Promise<Route[]> {
  const text = await readFile(path.join(distDir, ROUTE_PRELOADS), 'utf8').catch(() => null);
  if (text === null) {
    app.log.warn({ distDir }, `web app built without ${ROUTE_PRELOADS}: its pages are served without preloads`);
    return [];
  }
  const { routes } = JSON.parse(text) as { routes: RoutePreload[] };
  // Only the build's own files are named (a file list from another build would name missing ones).
  const known = (url: string) => url.startsWith('/assets/') && files.has(url);
  return routes
    .filter((r) => !/[*?]/.test(r.path))
    .map((r) => {
      const segments = r.path.split('/').filter(Boolean).map((s) => (s.startsWith(':') ? null : s.toLowerCase()));
      const strings = Object.fromEntries(Object.entries(r.strings).map(([lang, urls]) => [lang, urls.filter(known)]));
      return { segments, statics: segments.filter((s) => s !== null).length, preload: { ...r, js: r.js.filter(known), css: r.css.filter(known), strings } };
    });
}

/**
 * The route an address opens, as React Router chooses it (among patterns of as many segments, the one
 * with most fixed segments, then the first; fixed segments compared without case, a parameter takes
 * any non-empty segment); null when none: the address is then matched against nothing else.
 */
function routeOf(routes: readonly Route[], pathname: string): { route: Route; index: number } | null {
  const segments = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (segments.some((s) => s === '')) return null;
  let best: { route: Route; index: number } | null = null;
  for (const [index, route] of routes.entries()) {
    if (route.segments.length !== segments.length) continue;
    const matches = route.segments.every((fixed, i) => fixed === null || fixed === segments[i]!.toLowerCase());
    if (matches && (!best || route.statics > best.route.statics)) best = { route, index };
  }
  return best;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The links that let the browser fetch a route's files beside the main chunk rather than after it:
 * its CSS (which the app's loader awaits before the page's module), its chunks and its strings in the
 * address's language. `crossorigin` as the app's own loader asks for them, so that each is fetched once.
 */
function preloadLinks(preload: RoutePreload, lang: Language): string {
  const links = [
    ...preload.css.map((url) => `<link rel="preload" as="style" crossorigin href="${escapeAttribute(url)}">`),
    // The strings first: small, and the layout is drawn (with the page's progress indicator) once the shell's are there.
    ...[...(preload.strings[lang] ?? []), ...preload.js].map((url) => `<link rel="modulepreload" crossorigin href="${escapeAttribute(url)}">`),
  ];
  return links.map((link) => `    ${link}\n`).join('');
}

/**
 * index.html as each page starts: `<html lang="ar" dir="rtl">` for `/ar/…`, so the first paint, before
 * any script runs, is already in the right language and direction; and for an address of one of the
 * app's routes, the links preloading that route's files (preloadLinks). A variant depends on the
 * language and the route only (nothing of the address is written into it), and has its own ETag;
 * each is built once, when first asked for.
 */
function indexPages(index: WebFile, routes: readonly Route[]): (pathname: string) => WebFile {
  const html = index.body.toString('utf8');
  const variants = new Map<string, WebFile>();
  return (pathname) => {
    const lang = pathname.split('/')[1];
    if (!isLanguage(lang)) return index;
    const match = routeOf(routes, pathname);
    const key = `${lang} ${match?.index ?? '-'}`;
    let variant = variants.get(key);
    if (!variant) {
      let text = html.replace(/<html[^>]*>/, `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      if (match) text = text.replace('</head>', `${preloadLinks(match.route.preload, lang)}  </head>`);
      const body = Buffer.from(text);
      variant = { ...index, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, encoded: {} };
      variants.set(key, variant);
    }
    return variant;
  };
}

/**
 * Serves the built web app from `distDir`: its files, with a year's cache for the hashed assets,
 * and index.html for any other GET outside /api/ so that deep links (`/fr/states/BOL`) open the app,
 * which shows its own 404 page for a path it does not know. Unknown /api/ paths stay problem+json 404s.
 * Registers nothing when the app has not been built.
 */
export async function serveWebApp(app: App, distDir: string): Promise<void> {
  const indexStat = await stat(path.join(distDir, 'index.html')).catch(() => null);
  if (!indexStat?.isFile()) {
    app.log.warn({ distDir }, 'web app not built: serving the API only (run `npm run build`)');
    return;
  }
  const files = await loadFiles(distDir);
  const index = files.get('/index.html');
  if (!index) return;
  const indexFor = indexPages(index, await readRoutes(distDir, files, app));

  app.get(
    '/*',
    { config: { policy: guard(publicRead) }, schema: { hide: true } },
    async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound();
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        decoded = pathname;
      }
      const file = files.get(decoded);
      if (file && decoded !== '/index.html') return send(request, reply, file);
      // A missing hashed asset is a real 404 (an old page asking for a file of a previous build),
      // not the app: answering HTML for a script would only fail later and more obscurely.
      if (decoded.startsWith('/assets/')) return reply.callNotFound();
      return send(request, reply, indexFor(decoded));
    },
  );
}
