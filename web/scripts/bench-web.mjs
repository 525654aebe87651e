#!/usr/bin/env node
// npm run bench -w web: what the home page and the States directory cost a reader.
// Starts the real platform with the demo data (fresh embedded database) on a free port, opens each
// page in headless Chromium with an empty cache under network throttling (Chromium's CDP network
// emulation), and writes bench/WEB.md: JavaScript and CSS loaded (gzip, as served, and raw) and time
// to first render (first contentful paint, the page's content, largest contentful paint).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(web, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// The build the platform serves, whose files are weighed: WEB_DIST as the server reads it (from the
// repository's root, where it runs), else web/dist. The weights were read from web/dist whatever it served.
const dist = process.env.WEB_DIST ? path.resolve(root, process.env.WEB_DIST) : path.join(web, 'dist');

/** Chromium DevTools' presets; no CPU throttling. */
const PROFILES = [
  { name: 'Slow 4G', latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8 },
  { name: 'Fast 3G', latency: 562.5, download: (1.44 * 1024 * 1024) / 8, upload: (675 * 1024) / 8 },
];
/** `path` may be a function of the server's URL (a page whose address holds an id from the demo data). */
const PAGES = [
  { name: 'Home (English)', path: '/en', ready: 'h1' },
  { name: 'Home (Arabic)', path: '/ar', ready: 'h1' },
  { name: 'States directory (English)', path: '/en/states', ready: 'tbody tr' },
  {
    name: 'Reporting analysis (English)',
    path: async (url) => {
      const { items } = await (await fetch(`${url}/api/v1/reporting/cycles`)).json();
      const cycle = items.find((c) => c.title === 'First reporting cycle of the PoA') ?? items[0];
      return `/en/reporting/cycles/${cycle.id}/analysis`;
    },
    // The participation summary: the first numbers of the page, with its heading and tables.
    ready: '[data-testid="participation-summary"]',
    // …and the first chart drawn (the chart library's code arrived and ran).
    charts: '.recharts-surface',
  },
];

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'poa-bench-web-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database: the page weight does not depend on it
  // The demo data: the analysis needs reports; the other pages weigh the same with or without them.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/demo/run-demo.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, stop: () => (child.kill('SIGTERM'), rmSync(dataDir, { recursive: true, force: true })) };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * One cold load: what was fetched, and when the page first painted, when the app showed its content
 * and its largest contentful paint (the last candidate once the network is idle).
 */
async function load(browser, url, page, profile) {
  const context = await browser.newContext({ locale: 'en' });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__lcp = null;
    window.__lcpElement = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__lcp = e.startTime;
        // Which element it was: its tag and the start of its text.
        window.__lcpElement = e.element ? `${e.element.tagName.toLowerCase()} "${(e.element.textContent ?? '').trim().slice(0, 50)}"` : null;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.download,
      uploadThroughput: profile.upload,
    });
  }
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.transferred = e.encodedDataLength;
  });
  await tab.goto(`${url}${page.at}`, { waitUntil: 'commit' });
  await tab.locator(page.ready).first().waitFor({ timeout: 120_000 });
  const timing = await tab.evaluate(() => ({
    content: performance.now(),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  if (page.charts) {
    await tab.locator(page.charts).first().waitFor({ timeout: 120_000 });
    timing.charts = await tab.evaluate(() => performance.now());
  }
  await tab.waitForLoadState('networkidle');
  timing.lcp = await tab.evaluate(() => window.__lcp);
  timing.lcpElement = await tab.evaluate(() => window.__lcpElement);
  await context.close();
  const assets = [...requests.values()].filter((r) => r.type === 'Script' || r.type === 'Stylesheet');
  return { timing, assets };
}

function sizes(assets) {
  const out = { js: { raw: 0, gzip: 0, served: 0, files: 0, list: [] }, css: { raw: 0, gzip: 0, served: 0, files: 0, list: [] } };
  for (const a of assets) {
    const name = new URL(a.url).pathname;
    const body = readFileSync(path.join(dist, name));
    const kind = a.type === 'Script' ? out.js : out.css;
    const gzip = gzipSync(body).length;
    kind.list.push({ name: name.replace(/^\/assets\//, ''), gzip });
    kind.raw += body.length;
    kind.gzip += gzip;
    kind.served += a.transferred ?? 0;
    kind.files += 1;
  }
  return out;
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (const page of PAGES) {
    page.at = typeof page.path === 'function' ? await page.path(server.url) : page.path;
    const first = await load(browser, server.url, page, null);
    const row = { page, size: sizes(first.assets), timings: {} };
    for (const profile of [null, ...PROFILES]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push((await load(browser, server.url, page, profile)).timing);
      row.timings[profile?.name ?? 'No throttling'] = {
        fcp: median(runs.map((r) => r.fcp)),
        content: median(runs.map((r) => r.content)),
        lcp: median(runs.map((r) => r.lcp)),
        charts: page.charts ? median(runs.map((r) => r.charts)) : null,
        // The element of the median run's LCP.
        lcpElement: [...runs].sort((a, b) => a.lcp - b.lcp)[Math.floor(runs.length / 2)]?.lcpElement ?? null,
      };
    }
    results.push(row);
    console.log(page.name, JSON.stringify(row.size), JSON.stringify(row.timings));
  }
} finally {
  await browser.close();
  server.stop();
}

const profiles = ['No throttling', ...PROFILES.map((p) => p.name)];
const ms = (v) => (v === null || v === undefined ? '—' : String(Math.round(v)));
const lines = [
  '# Web app: weight and first render',
  '',
  `Measured by \`npm run bench -w web\` on ${new Date().toISOString().slice(0, 10)} (load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} at the end): the production`,
  'build served by the platform with the demo data (brotli or gzip, hashed assets cached for a year), loaded in headless',
  `Chromium with an empty cache, median of ${RUNS} loads per row. Throttling is Chromium's CDP network emulation with DevTools' presets`,
  `(${PROFILES.map((p) => `${p.name}: ${p.latency} ms latency, ${((p.download * 8) / 1024 / 1024).toFixed(2)} Mbit/s down`).join('; ')}); no CPU throttling, 2-core machine.`,
  '',
  '## What a page loads',
  '',
  'JavaScript and CSS fetched until the page is idle (the page\'s own chunk and its language\'s strings included).',
  '"gzip" is each file gzipped at the default level; "served" is what went over the wire (brotli, headers included).',
  '',
  '| page | JS files | JS gzip | JS served | JS raw | CSS gzip | CSS served | CSS raw |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.page.name} | ${r.size.js.files} | **${kb(r.size.js.gzip)}** | ${kb(r.size.js.served)} | ${kb(r.size.js.raw)} | ${kb(r.size.css.gzip)} | ${kb(r.size.css.served)} | ${kb(r.size.css.raw)} |`,
  ),
  '',
  'Aim: under 150 KB of gzipped JavaScript on the home page.',
  '',
  '## Time to first render',
  '',
  'First contentful paint (FCP, the browser\'s own measure), the moment the page\'s content is there (the home page\'s',
  'heading; the directory\'s first row, which needs the States from the API; the analysis\'s participation summary), and',
  'the largest contentful paint (LCP, its last candidate once the network is idle), in milliseconds from navigation.',
  '',
  `| page | ${profiles.map((p) => `${p}: FCP / content / LCP`).join(' | ')} |`,
  `| --- | ${profiles.map(() => '---').join(' | ')} |`,
  ...results.map((r) => `| ${r.page.name} | ${profiles.map((p) => `${ms(r.timings[p].fcp)} / ${ms(r.timings[p].content)} / ${ms(r.timings[p].lcp)}`).join(' | ')} |`),
  '',
  'The largest contentful paint was (in the median run of each profile):',
  '',
  ...results.map((r) => `- ${r.page.name}: ${profiles.map((p) => `${r.timings[p].lcpElement ?? '—'} (${p})`).join('; ')}`),
  '',
  ...results
    .filter((r) => r.page.charts)
    .map((r) => `${r.page.name}: its first chart is drawn at ${profiles.map((p) => `${ms(r.timings[p].charts)} ms (${p})`).join(', ')}.`),
  '',
  '## The files',
  '',
  'Each page\'s JavaScript, gzipped, largest first.',
  '',
  ...results.flatMap((r) => [
    `- ${r.page.name}: ${[...r.size.js.list]
      .sort((a, b) => b.gzip - a.gzip)
      .map((f) => `${f.name} ${kb(f.gzip)}`)
      .join(', ')}`,
  ]),
  '',
];
writeFileSync(path.resolve(root, process.env.BENCH_OUT ?? 'bench/WEB.md'), lines.join('\n'));
// BENCH_JSON=<file>: the results in full as well (to compare two runs).
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 1));
console.log(`wrote ${path.resolve(root, process.env.BENCH_OUT ?? 'bench/WEB.md')}`);
