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

/**
 * index.html as each language's pages start: `<html lang="ar" dir="rtl">` for `/ar/…`, so the
 * first paint, before any script runs, is already in the right language and direction.
 */
function indexPerLanguage(index: WebFile): (pathname: string) => WebFile {
  const html = index.body.toString('utf8');
  const variants = new Map<string, WebFile>();
  for (const lang of LANGUAGES) {
    const body = Buffer.from(html.replace(/<html[^>]*>/, `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
    variants.set(lang, {
      ...index,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      encoded: {},
    });
  }
  return (pathname) => variants.get(pathname.split('/')[1] ?? '') ?? index;
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
  const indexFor = indexPerLanguage(index);

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
