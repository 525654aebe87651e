/**
 * Whether an error is PostgreSQL's unique_violation (23505), as the driver throws it or as Drizzle
 * wraps it (in `cause`): two requests raced to insert what a unique index allows once. A use case
 * that can foresee the race answers it precisely (ON CONFLICT, then the answer the loser would have
 * had a moment later); the HTTP layer turns any other one into a 409 problem, never a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
