import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the web app's boundaries (eslint.config.js, web-boundaries/feature-imports),
// tried on planted imports as a file at that place would make them.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'web-boundaries/feature-imports').map((m) => m.message);
}

// Loading the configuration (typescript-eslint) takes seconds on a busy machine.
describe('the web boundaries', { timeout: 60_000 }, () => {
  it('let a feature use another through its public file, and its own files freely', async () => {
    expect(await problems('web/src/features/home/Planted.tsx', "import { cyclesQuery } from '../reporting';\nimport { NowSection } from './NowSection';\nexport const planted = [cyclesQuery, NowSection];\n")).toEqual([]);
    expect(await problems('web/src/features/home/Planted.tsx', "import { cyclesQuery } from '../reporting/index';\nexport const planted = cyclesQuery;\n")).toEqual([]);
  });
  it('refuse a feature that reaches into another’s files', async () => {
    expect(await problems('web/src/features/home/Planted.tsx', "import { reportQuery } from '../reporting/queries';\nexport const planted = reportQuery;\n")).toEqual([
      'features/home imports features/reporting/queries: use another feature only through its public file, features/reporting/index.ts (export what is needed there).',
    ]);
    expect(await problems('web/src/features/home/Planted.tsx', "export const planted = () => import('../../features/states/StateName');\n")).toHaveLength(1);
  });
  it('refuse ui/ any feature, even through its public file', async () => {
    expect(await problems('web/src/ui/Planted.tsx', "import { StateName } from '../features/states';\nexport const planted = StateName;\n")).toEqual([
      'ui/ imports features/states: the shared design components never depend on a feature (move what both need into ui/).',
    ]);
  });
});
