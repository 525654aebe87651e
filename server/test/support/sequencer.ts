import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (crawls of every route for every role, a zip bomb, the accounts and
 * meetings suites), started first. On a clean clone vitest has no durations yet and starts the
 * largest files first; a crawl is a short file that runs for minutes, so it would start last and
 * keep one worker busy alone at the end while the other waits. A file missing from this list only
 * runs later; nothing is skipped.
 */
const SLOW_FIRST = [
  'bad-input-secretariat.test.ts',
  'bad-input-focal-point.test.ts',
  'stakeholders-anonymity.test.ts',
  'audit-checkpoints.test.ts',
  'bad-input-public.test.ts',
  'contacts-api.test.ts',
  'accounts.test.ts',
  'meetings-api.test.ts',
  'hardening.test.ts',
  'authorization-matrix.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const i = SLOW_FIRST.findIndex((name) => spec.moduleId.endsWith(`/test/${name}`));
  return i === -1 ? SLOW_FIRST.length : i;
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    // Projects keep the order vitest gave them (they run one after another); within one, the slow first.
    const projectOrder = new Map<string, number>();
    for (const spec of sorted) if (!projectOrder.has(spec.project.name)) projectOrder.set(spec.project.name, projectOrder.size);
    return [...sorted].sort(
      (a, b) => projectOrder.get(a.project.name)! - projectOrder.get(b.project.name)! || rank(a) - rank(b) || position.get(a)! - position.get(b)!,
    );
  }
}
