#!/usr/bin/env node
// Compiles the server's TypeScript (server/src, tests aside) to JavaScript in server/dist, file for file,
// so that `npm start` runs plain `node` on it. Running the sources through tsx instead costs the server
// about 100 MB (its loader thread, the sources and their source maps kept in memory) and two thirds of
// its start-up (README, "Memory and start-up"). The files keep their places (server/dist/platform/db/…
// beside server/src/platform/db/…), so paths made from import.meta.url (migrations, reference data,
// the web build) resolve the same. Only the types are removed: esbuild, which tsx itself runs on every
// import, with the same tsconfig; the type check stays `npm run typecheck`.
// Skipped when server/dist is newer than every source and holds the same set of files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'server', 'src');
export const serverDist = path.join(root, 'server', 'dist');
const stampFile = path.join(serverDist, '.build.json');

function sources(dir = src) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** What the build was made from: the files, their newest change, and the compiler. */
function stampOf(files, esbuildVersion) {
  const newest = Math.max(0, ...files.map((f) => fs.statSync(f).mtimeMs), fs.statSync(path.join(root, 'tsconfig.base.json')).mtimeMs);
  const names = createHash('sha256').update(files.map((f) => path.relative(src, f)).join('\n')).digest('hex');
  return { names, newest, esbuild: esbuildVersion };
}

/** Builds server/dist when it is missing or older than the sources; returns whether it built. */
export async function buildServer({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  const files = sources();
  const stamp = stampOf(files, esbuild.version);
  try {
    const kept = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (kept.names === stamp.names && kept.newest === stamp.newest && kept.esbuild === stamp.esbuild) return false;
  } catch {
    // no build yet
  }
  const started = Date.now();
  fs.rmSync(serverDist, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files,
    outdir: serverDist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    // engines.node is >= 20.19, which reads import attributes (`with { type: 'json' }`).
    target: 'node20.19',
    tsconfig: path.join(root, 'server', 'tsconfig.json'),
    logLevel: 'warning',
  });
  fs.writeFileSync(stampFile, JSON.stringify(stamp));
  if (!quiet) console.log(`Compiled the server (${files.length} files) in ${Date.now() - started} ms`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildServer().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
