import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/sequencer.js';

/**
 * Test files that need no database: pure rules. They run without the database set-up and are named
 * `*-rules.test.ts`, or live under `test/kernel/`. Any other file gets its own clean database
 * (test/support/platform.ts) from the image the global set-up makes once per run.
 */
const RULES = ['test/**/*-rules.test.ts', 'test/kernel/**/*.test.ts', 'test/states-reference.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Workers are reused from one file to the next: the app's modules and PGlite's WebAssembly are
    // loaded and compiled once per worker, not once per file (~11 s each on 2 cores). Each file still
    // builds its own app on its own database; the app keeps no state in its modules beyond pure
    // memos (zone formatters, the States' reference list, a cycle's section keys by random id).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: { name: 'rules', include: RULES },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/**/*.test.ts'],
          exclude: RULES,
          globalSetup: ['./test/support/global-setup.ts'],
        },
      },
    ],
  },
});
