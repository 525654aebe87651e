import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language, Localized } from '../../kernel/languages.js';
import { storeCheckedFile, type FileStorage } from '../documents/index.js';
import { getState } from './directory.js';
import { statesPolicy } from './policy.js';
import { publicationOfState, type NationalPublicationKind, type NationalPublicationView } from './publications.js';
import { nationalPublications, nationalPublicationVersions } from './tables.js';

export interface PublicationFileInput {
  bytes: Uint8Array;
  filename: string;
  mediaType: string | undefined;
}

/**
 * A State's focal point publishes a national publication of its State (its position on how
 * international law applies, its national strategy): a title in up to six languages and its first
 * file, checked by its bytes (PDF, DOCX or ODT) as every upload is. Public at once.
 */
export async function publishNationalPublication(
  db: Db,
  storage: FileStorage,
  input: { actor: Actor; state: string; kind: NationalPublicationKind; title: Localized; language: Language; note?: string | undefined; file: PublicationFileInput },
): Promise<NationalPublicationView> {
  authorize(input.actor, statesPolicy.publishNational, input.state);
  await getState(db, input.state);
  const stored = await storeCheckedFile(storage, input.file);
  const id = randomUUID();
  const now = new Date();
  await db.transaction(async (tx) => {
    const publication = { id, state: input.state, kind: input.kind, title: input.title, status: 'published' as const, publishedAt: now, publishedBy: input.actor.accountId };
    const version = { publicationId: id, number: 1, language: input.language, ...stored, note: input.note ?? null, uploadedAt: now, uploadedBy: input.actor.accountId };
    await tx.insert(nationalPublications).values(publication);
    await tx.insert(nationalPublicationVersions).values(version);
    const { storageKey: _k, ...file } = stored;
    await recordAudit(tx, {
      actor: input.actor,
      action: 'states.publish-national',
      subjectType: 'national-publication',
      subjectId: id,
      change: { state: input.state, kind: input.kind, title: input.title, version: 1, language: input.language, note: version.note, ...file },
    });
  });
  return publicationOfState(db, input.state, id);
}
