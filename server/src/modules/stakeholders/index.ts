import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { organisations } from './tables.js';

export { organisations };

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select({ id: organisations.id, name: organisations.name, accreditation: organisations.accreditation }).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}
