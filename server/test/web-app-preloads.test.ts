import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from '../src/platform/http/web-app.js';
import type { App } from '../src/platform/http/server.js';

/*
 * index.html names, for an address of one of the app's routes, the files that route's page needs
 * beyond the main chunk, so that a browser fetches them beside it (#18: the analysis's LCP). Checked
 * on a real build of the web app, made here in a folder of its own, against Vite's own manifest of
 * that build: the page's chunk, the chunks it imports statically and their CSS.
 */

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const ANALYSIS = '/en/reporting/cycles/0b7f5a52-3c1e-4d57-9a43-6f0f1b1b2a10/analysis';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

let dist: string;
let manifest: Manifest;
let app: App;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'poa-web-preloads-'));
  const vite = path.join(path.dirname(createRequire(path.join(web, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: web, env: { ...process.env, WEB_DIST: dist }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as App;
  await serveWebApp(app, dist);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** A module's chunk and every chunk it imports statically (Vite's manifest keys). */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
  return into;
}
const entryKeys = () => closure(Object.keys(manifest).find((k) => manifest[k]!.isEntry)!);

/** What a page's index.html asks the browser to preload: `modulepreload` and `preload as=style` hrefs. */
async function preloadsOf(url: string) {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  const hrefs = (rel: string) => [...res.body.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)">`, 'g'))].map((m) => m[1]!);
  return { res, modules: hrefs('modulepreload'), styles: hrefs('preload" as="style') };
}

describe('index.html with the preloads of its route', () => {
  it('names the analysis page’s chunk, the chunks it imports, their CSS and its strings in the address’s language', async () => {
    const { modules, styles } = await preloadsOf(ANALYSIS);
    const page = 'src/features/reporting/AnalysisPage.tsx';
    expect(manifest[page], 'the analysis page is a chunk of its own').toBeDefined();
    const shell = entryKeys();
    const own = [...closure(page)].filter((k) => !shell.has(k));
    const expectedJs = own.map((k) => `/${manifest[k]!.file}`);
    const shellCss = new Set([...shell].flatMap((k) => manifest[k]!.css ?? []));
    const expectedCss = [...new Set(own.flatMap((k) => manifest[k]!.css ?? []))].filter((f) => !shellCss.has(f)).map((f) => `/${f}`);

    // The strings first (the layout is drawn once the shell's are there), then the page's chunk.
    const firstJs = modules.findIndex((m) => !m.includes('/locale-'));
    expect(modules.slice(0, firstJs).every((m) => m.includes('/locale-'))).toBe(true);
    expect(modules.slice(firstJs).some((m) => m.includes('/locale-'))).toBe(false);
    expect(modules[firstJs]).toBe(`/${manifest[page]!.file}`);
    expect(modules.filter((m) => !m.includes('/locale-')).sort()).toEqual([...expectedJs].sort());
    expect(styles.sort()).toEqual(expectedCss.sort());
    // Its strings: the shell's and the two parts its route loads, in English only.
    const strings = modules.filter((m) => m.includes('/locale-'));
    expect(strings.map((m) => m.replace(/^\/assets\/locale-(\w+)-[0-9a-f]+-(\w+)\.js$/, '$1:$2')).sort()).toEqual(['en:groups', 'en:reporting', 'en:shell']);
    // Not the charts, which the page imports when its first view is drawn.
    const later = (manifest[page]!.dynamicImports ?? []).map((k) => `/${manifest[k]!.file}`).filter((f) => !expectedJs.includes(f));
    expect(later.length).toBeGreaterThan(0);
    for (const file of later) expect(modules).not.toContain(file);
    // None from the main chunk, which index.html already loads.
    for (const k of shell) expect(modules).not.toContain(`/${manifest[k]!.file}`);
    // Every one is a file the server serves.
    for (const href of [...modules, ...styles]) expect((await app.inject({ method: 'GET', url: href })).statusCode).toBe(200);
  });

  it('names the strings of the address’s language, with its direction', async () => {
    const { res, modules } = await preloadsOf(ANALYSIS.replace('/en/', '/ar/'));
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    const strings = modules.filter((m) => m.includes('/locale-'));
    expect(strings).toHaveLength(3);
    for (const s of strings) expect(s).toMatch(/\/locale-ar-/);
  });

  it('chooses the route as the router does: a fixed segment before a parameter', async () => {
    // The page's own chunk: the first after its strings.
    const pageOf = async (url: string) => (await preloadsOf(url)).modules.find((m) => !m.includes('/locale-'));
    const newDraft = await pageOf('/en/drafts/new');
    const draft = await pageOf('/en/drafts/42');
    expect(newDraft).toBe(`/${manifest['src/features/drafts/NewDraftPage.tsx']!.file}`);
    expect(draft).toBe(`/${manifest['src/features/drafts/DraftPage.tsx']!.file}`);
    // The home page is the language's index route; a trailing slash and upper case do not matter.
    expect(await pageOf('/fr/')).toBe(`/${manifest['src/features/home/HomePage.tsx']!.file}`);
    expect(await pageOf('/en/States')).toBe(`/${manifest['src/features/states/StatesPage.tsx']!.file}`);
  });

  it('names nothing for an address that is no route of the app', async () => {
    for (const url of ['/en/no-such-page', '/en/reporting/cycles/1/analysis/more', '/xx/reporting/cycles/1/analysis', '/', '/en//states']) {
      const { res, modules, styles } = await preloadsOf(url);
      expect(modules, url).toEqual([]);
      expect(styles, url).toEqual([]);
      expect(res.body).not.toContain('rel="preload"');
    }
  });

  it('writes nothing of the address into the page, and caches each variant by its own ETag', async () => {
    const hostile = '/en/reporting/cycles/%22%3E%3Cscript%3Ealert(1)%3Cscript%3E/analysis';
    const a = await preloadsOf(ANALYSIS);
    const b = await preloadsOf(hostile);
    expect(b.res.body).toBe(a.res.body);
    expect(b.res.body).not.toContain('alert(1)');
    expect(b.res.headers.etag).toBe(a.res.headers.etag);
    const other = await preloadsOf('/fr/states');
    expect(other.res.headers.etag).not.toBe(a.res.headers.etag);
    expect(a.res.headers['cache-control']).toBe('no-cache');
    const again = await app.inject({ method: 'GET', url: ANALYSIS, headers: { 'if-none-match': String(a.res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const notThatOne = await app.inject({ method: 'GET', url: '/fr/states', headers: { 'if-none-match': String(a.res.headers.etag) } });
    expect(notThatOne.statusCode).toBe(200);
  });

  it('does not serve the build’s own records', async () => {
    for (const url of ['/.vite/route-preloads.json', '/.vite/manifest.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body).not.toContain('"routes"');
    }
  });
});
