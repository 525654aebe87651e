import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { storeCheckedFile, type FileStorage } from '../documents/index.js';
import { statesPolicy } from './policy.js';
import type { PublicationFileInput } from './publish-national-publication.js';
import { publicationOfState, type NationalPublicationView } from './publications.js';
import { nationalPublications, nationalPublicationVersions } from './tables.js';

/**
 * The State's focal point adds a new version of a national publication (an updated strategy, a
 * corrected position): the earlier versions stay, numbered, and can still be downloaded.
 */
export async function addPublicationVersion(
  db: Db,
  storage: FileStorage,
  input: { actor: Actor; state: string; publicationId: string; language: Language; note?: string | undefined; file: PublicationFileInput },
): Promise<NationalPublicationView> {
  authorize(input.actor, statesPolicy.publishNational, input.state);
  await publicationOfState(db, input.state, input.publicationId);
  const stored = await storeCheckedFile(storage, input.file);
  await db.transaction(async (tx) => {
    // The publication's row lock orders concurrent versions.
    const [current] = await tx
      .select({ id: nationalPublications.id })
      .from(nationalPublications)
      .where(and(eq(nationalPublications.id, input.publicationId), eq(nationalPublications.state, input.state), eq(nationalPublications.status, 'published')))
      .for('update');
    if (!current) throw notFound('The national publication');
    const [last] = await tx
      .select({ n: sql<number | null>`max(${nationalPublicationVersions.number})::int` })
      .from(nationalPublicationVersions)
      .where(eq(nationalPublicationVersions.publicationId, input.publicationId));
    const number = (last?.n ?? 0) + 1;
    await tx.insert(nationalPublicationVersions).values({ publicationId: input.publicationId, number, language: input.language, ...stored, note: input.note ?? null, uploadedAt: new Date(), uploadedBy: input.actor.accountId });
    const { storageKey: _k, ...file } = stored;
    await recordAudit(tx, {
      actor: input.actor,
      action: 'states.add-publication-version',
      subjectType: 'national-publication',
      subjectId: input.publicationId,
      change: { state: input.state, version: number, language: input.language, note: input.note ?? null, ...file },
    });
  });
  return publicationOfState(db, input.state, input.publicationId);
}
