import type { Executor } from '../../platform/db/database.js';
import { badRequest } from '../../platform/http/problem.js';
import { elementKindsInForce, PILLAR_OF } from '../framework/index.js';
import type { Pillar } from './matching.js';

/** Refuses codes that are not framework elements in force today, naming the field and the codes. */
export async function checkFrameworkCodes(db: Executor, codes: readonly string[], field: string): Promise<void> {
  const kinds = await elementKindsInForce(db);
  const unknown = codes.filter((c) => !kinds.has(c));
  if (unknown.length > 0) throw badRequest(`Not elements of the framework in force: ${unknown.join(', ')}.`, [{ field, message: `unknown framework codes: ${unknown.join(', ')}` }]);
}

/** The pillar of each element in force, for scoring. */
export async function pillarsInForce(db: Executor): Promise<(code: string) => Pillar | undefined> {
  const kinds = await elementKindsInForce(db);
  return (code) => {
    const kind = kinds.get(code);
    return kind ? PILLAR_OF[kind] : undefined;
  };
}
