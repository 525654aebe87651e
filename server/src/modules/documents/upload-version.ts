import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound, Problem } from '../../platform/http/problem.js';
import { checkFile, type FileFormat } from './file-types.js';
import { documentsPolicy } from './policy.js';
import type { FileStorage } from './storage.js';
import { documentFiles, documents } from './tables.js';
import type { Language } from '../../kernel/languages.js';

export interface StoredFile {
  format: FileFormat;
  storageKey: string;
  sha256: string;
  size: number;
  filename: string;
}

/** A name safe to keep and to send back: no folders, no control characters, not too long. */
export const cleanFilename = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(-200) || 'file';

/**
 * Checks an uploaded file by its bytes and stores it. A file whose bytes are not a PDF, DOCX or ODT,
 * or not the format its name and type claim, is refused with 415, one whose parts inflate past any
 * real document's size with 413, and nothing is stored.
 */
export async function storeCheckedFile(storage: FileStorage, file: { bytes: Uint8Array; filename: string; mediaType: string | undefined }): Promise<StoredFile> {
  const filename = cleanFilename(file.filename);
  const check = checkFile(file.bytes, filename, file.mediaType);
  if (!check.ok && check.tooLarge) throw new Problem(413, 'payload-too-large', 'File too large once opened', check.reason);
  if (!check.ok) throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', `${check.reason} Send a PDF, DOCX or ODT file.`);
  const stored = await storage.put(file.bytes);
  return { format: check.format, storageKey: stored.key, sha256: stored.sha256, size: stored.size, filename };
}

/**
 * The Secretariat uploads a document's text in a language: a new version of that language, the
 * earlier ones kept.
 */
export async function uploadLanguageVersion(
  db: Db,
  storage: FileStorage,
  input: { actor: Actor; documentId: string; language: Language; bytes: Uint8Array; filename: string; mediaType: string | undefined },
) {
  authorize(input.actor, documentsPolicy.upload, undefined);
  const [exists] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, input.documentId));
  if (!exists) throw notFound('The document');
  const stored = await storeCheckedFile(storage, input);
  return db.transaction(async (tx) => {
    // The document's row lock orders concurrent uploads of its versions.
    await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, input.documentId)).for('update');
    const [last] = await tx
      .select({ n: sql<number | null>`max(${documentFiles.version})::int` })
      .from(documentFiles)
      .where(and(eq(documentFiles.documentId, input.documentId), eq(documentFiles.language, input.language)));
    const version = (last?.n ?? 0) + 1;
    const row = { documentId: input.documentId, language: input.language, version, ...stored, uploadedAt: new Date(), uploadedBy: input.actor.accountId };
    await tx.insert(documentFiles).values(row);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'documents.upload-version',
      subjectType: 'document',
      subjectId: input.documentId,
      change: { language: input.language, version, format: stored.format, sha256: stored.sha256, size: stored.size, filename: stored.filename },
    });
    return { language: input.language, version, format: stored.format, size: stored.size, filename: stored.filename, uploadedAt: row.uploadedAt };
  });
}
