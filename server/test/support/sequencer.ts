import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the files named in `slowFirst` (by file name, longest first) before the
 * others. On a clean clone vitest has no durations yet and starts the largest files first; a file
 * that is short but runs for minutes (a crawl of every route, a browser walk through six languages)
 * would then start last and keep one worker busy alone at the end while the other waits. A file
 * missing from the list only runs later; nothing is skipped. Projects keep the order vitest gave them.
 */
export function slowFirst(names: readonly string[]) {
  const rank = (spec: TestSpecification): number => {
    const i = names.findIndex((name) => spec.moduleId.endsWith(`/${name}`));
    return i === -1 ? names.length : i;
  };
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const position = new Map(sorted.map((spec, i) => [spec, i]));
      const projectOrder = new Map<string, number>();
      for (const spec of sorted) if (!projectOrder.has(spec.project.name)) projectOrder.set(spec.project.name, projectOrder.size);
      return [...sorted].sort(
        (a, b) => projectOrder.get(a.project.name)! - projectOrder.get(b.project.name)! || rank(a) - rank(b) || position.get(a)! - position.get(b)!,
      );
    }
  };
}

/** The API tests: crawls of every route for every role, a zip bomb, the accounts and meetings suites. */
export default slowFirst([
  'test/bad-input-secretariat.test.ts',
  'test/bad-input-focal-point.test.ts',
  'test/stakeholders-anonymity.test.ts',
  'test/audit-checkpoints.test.ts',
  'test/bad-input-public.test.ts',
  'test/contacts-api.test.ts',
  'test/accounts.test.ts',
  'test/meetings-api.test.ts',
  'test/hardening.test.ts',
  'test/authorization-matrix.test.ts',
]);
