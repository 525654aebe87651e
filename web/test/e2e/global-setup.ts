import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { E2EServer } from './harness';

/** How long a demo server may take to start before it is taken for hung. */
const START_LIMIT_S = 900;

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts one real server (the demo platform on a fresh embedded database) and resolves when it
 * listens; `stop` stops it and removes its data folder.
 */
async function startServer(): Promise<{ server: E2EServer; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'poa-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(web, 'test/e2e/demo-server.ts')], {
    cwd: path.resolve(web, '..'),
    env: { ...process.env, E2E_DATA_DIR: dataDir, E2E_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // It waits for the state it needs: the server's ready line, or its exit. The limit is only for a
  // server that hangs: a run beside two CPU-bound loops at a load average of 19 took over 180 s to
  // build the demo data (under 20 CPU-seconds on a quiet machine), so the limit is far above that.
  const server = await new Promise<E2EServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in ${START_LIMIT_S} s:\n${stderr}`)), START_LIMIT_S * 1000);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('E2E_READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('E2E_READY '.length)) as E2EServer);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${stderr}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, stop };
}

/**
 * One real server per worker of the browser tests (the e2e project's maxWorkers): the files run two
 * at a time, each on its worker's own server, so that one file's changes to the demo data never
 * meet another's running at the same moment, and files on one worker run one after another as they
 * always did. A browser test spends most of its time with one process busy (the browser, the
 * server or the runner) and the other core idle: two at once take about half the time.
 */
export default async function setup(project: TestProject) {
  const count = Math.max(1, project.config.maxWorkers ?? 1);
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer()));
  const ready = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(ready.map((r) => r.stop()));
    throw failed.reason;
  }
  project.provide('servers', ready.map((r) => r.server));
  return async () => {
    await Promise.all(ready.map((r) => r.stop()));
  };
}
