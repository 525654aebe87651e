import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { badRequest, Problem } from '../../platform/http/problem.js';
import { contactTransmissions } from './tables.js';

/**
 * The official transmission of a nomination (a note verbale, as PDF), as the focal point attaches it
 * to a nomination or a change: accepted as the stakeholders' written inputs accept their PDF (base64
 * in the JSON body, its bytes checked for the PDF signature, never its name; the upload limit), and
 * kept with the version it came with.
 */
export interface TransmissionUpload {
  name: string;
  base64: string;
}

export interface CheckedTransmission {
  filename: string;
  bytes: Buffer;
  sha256: string;
}

/** A name safe to keep and to send back: no folders, no control characters or quotes, not too long. */
export const transmissionFilename = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(-200) || 'transmission.pdf';

/** The bytes of an attached PDF, checked; throws 400 for what is not a PDF and 413 past the limit. */
export function checkedTransmission(upload: TransmissionUpload | undefined, limitBytes: number): CheckedTransmission | null {
  if (!upload) return null;
  const bytes = Buffer.from(upload.base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw badRequest('The official transmission is not a PDF.', [{ field: 'body.transmission.base64', message: 'not a PDF' }]);
  if (bytes.length > limitBytes) throw new Problem(413, 'too-large', 'Payload too large', 'The file is too large.');
  return { filename: transmissionFilename(upload.name), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Keeps the transmission with the version of the nomination it came with, in the change's transaction. */
export async function storeTransmission(tx: Tx, pocId: string, version: number, file: CheckedTransmission, at: Date): Promise<void> {
  await tx.insert(contactTransmissions).values({ pocId, version, filename: file.filename, size: file.bytes.length, sha256: file.sha256, pdfBase64: file.bytes.toString('base64'), at });
}

/** What the audit trail keeps of a transmission: its digest and size (its name may name a person). */
export const auditedTransmission = (file: CheckedTransmission | null) => (file ? { sha256: file.sha256, size: file.bytes.length } : null);

export const transmissionUrl = (pocId: string, version: number) => `/api/v1/contacts/pocs/${pocId}/versions/${version}/transmission`;

export interface TransmissionInfo {
  version: number;
  filename: string;
  size: number;
  url: string;
}

/** The transmissions of some nominations, by POC, oldest version first (without their bytes). */
export async function transmissionsOf(db: Executor, pocIds: readonly string[]): Promise<Map<string, TransmissionInfo[]>> {
  const byPoc = new Map<string, TransmissionInfo[]>();
  if (pocIds.length === 0) return byPoc;
  const rows = await db
    .select({ pocId: contactTransmissions.pocId, version: contactTransmissions.version, filename: contactTransmissions.filename, size: contactTransmissions.size })
    .from(contactTransmissions)
    .where(inArray(contactTransmissions.pocId, [...new Set(pocIds)]))
    .orderBy(contactTransmissions.version);
  for (const r of rows) byPoc.set(r.pocId, [...(byPoc.get(r.pocId) ?? []), { version: r.version, filename: r.filename, size: r.size, url: transmissionUrl(r.pocId, r.version) }]);
  return byPoc;
}

/** The transmission that stands for a nomination now: the one of its latest version that carried one. */
export const standingTransmission = (all: readonly TransmissionInfo[] | undefined): TransmissionInfo | null => (all && all.length > 0 ? all[all.length - 1]! : null);

export async function transmissionBytes(db: Executor, pocId: string, version: number): Promise<{ filename: string; bytes: Buffer } | null> {
  const [row] = await db
    .select({ filename: contactTransmissions.filename, pdf: contactTransmissions.pdfBase64 })
    .from(contactTransmissions)
    .where(and(eq(contactTransmissions.pocId, pocId), eq(contactTransmissions.version, version)));
  return row ? { filename: row.filename, bytes: Buffer.from(row.pdf, 'base64') } : null;
}
