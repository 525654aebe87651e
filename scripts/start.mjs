#!/usr/bin/env node
// npm start / npm run demo: builds the web app when it is missing, compiles the server when its sources
// changed (scripts/build-server.mjs), then runs the platform on plain node (README, "Memory and start-up").
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildServer, serverDist } from './build-server.mjs';
import { NODE_OPTIONS_FOR_SERVER } from './server-node-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');

if (!existsSync(path.join(root, 'web/dist/index.html'))) {
  console.log('Building the web app (first start)…');
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await buildServer();
const entry = path.join(serverDist, demo ? 'demo/run-demo.js' : 'main.js');
const child = spawn(process.execPath, [...NODE_OPTIONS_FOR_SERVER, entry], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
