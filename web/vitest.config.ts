import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { slowFirst } from '../server/test/support/sequencer';
import { localeParts } from './scripts/locale-parts';
import { LANGUAGES } from './src/app/languages';

/**
 * The browser files that take longest, started first (measured on CI, longest first): with two
 * workers the run ends when the last file ends, so a long file must not start last.
 */
const BROWSER_SLOW_FIRST = [
  'test/e2e/meetings.test.ts',
  'test/e2e/reporting.test.ts',
  'test/e2e/drafts.test.ts',
  'test/e2e/groups.test.ts',
  'test/e2e/pages.test.ts',
  'test/e2e/framework.test.ts',
  'test/e2e/documents.test.ts',
  'test/e2e/flows.test.ts',
  'test/e2e/phone.test.ts',
];

// The app's strings in parts, as in the build (the component tests load every part: setup.ts).
const strings = localeParts({ dir: path.resolve(import.meta.dirname, 'src/locales'), languages: LANGUAGES });

export default defineConfig({
  test: {
    sequence: { sequencer: slowFirst(BROWSER_SLOW_FIRST) },
    projects: [
      {
        plugins: [strings],
        test: {
          name: 'unit',
          include: ['test/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Pages and parts rendered in happy-dom with the app's providers; only `fetch` is faked.
        plugins: [strings],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          environment: 'node',
          // Two files at a time, each worker with its own server (global-setup.ts) and each file
          // with its own browser; only once the unit and component tests are done (they would
          // otherwise share the cores). E2E_WORKERS=1 runs them one after another on one server.
          maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits for a state the page reaches by itself (a debounced search, an autosave):
          // its default of one second is too short on a loaded machine, where CI runs.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
