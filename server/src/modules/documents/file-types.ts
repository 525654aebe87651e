import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * What an uploaded file really is, read from its bytes, never from its name: a PDF starts with
 * `%PDF-`; a DOCX and an ODT are ZIP archives, told apart by their entries (`[Content_Types].xml`
 * declaring a WordprocessingML document and a `word/` folder; a `mimetype` entry saying
 * `application/vnd.oasis.opendocument.text`).
 */
export const FILE_FORMATS = ['pdf', 'docx', 'odt'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const MEDIA_TYPE: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
/** Entries read to decide: small by nature; a larger one is not what it claims. */
const MAX_ENTRY_BYTES = 1024 * 1024;

/**
 * The most a DOCX or ODT may inflate to, all its parts together: a real document, however long and
 * however many pictures, stays far below it; a "zip bomb" (a small file whose parts inflate to
 * gigabytes, to exhaust the memory of whoever opens it) goes past it.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * Inflates every part of an archive, counting the bytes, and stops as soon as they pass `cap`:
 * the sizes an archive declares can lie, the inflated bytes cannot. Returns the total, or null past the cap.
 */
export function inflatedSize(bytes: Uint8Array, cap: number = MAX_INFLATED_BYTES): number | null {
  let total = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error || over) return;
      total += chunk.length;
      if (total > cap) {
        over = true;
        file.terminate();
      }
    };
    if (!over) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    if (!over) return null;
  }
  return over ? null : total;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/** The format of the bytes, or null when they are none of the formats accepted. */
export function detectFormat(bytes: Uint8Array): FileFormat | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (!startsWith(bytes, ZIP)) return null;
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return (file.name === 'mimetype' || file.name === '[Content_Types].xml') && file.originalSize <= MAX_ENTRY_BYTES;
      },
    });
  } catch {
    return null; // not a readable archive
  }
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const mimetype = entries['mimetype'];
  if (mimetype && decoder.decode(mimetype).trim() === ODT_MIMETYPE) return 'odt';
  const contentTypes = entries['[Content_Types].xml'];
  if (contentTypes && names.some((n) => n.startsWith('word/')) && decoder.decode(contentTypes).includes(DOCX_MAIN)) return 'docx';
  return null;
}

/** The format a file claims by its declared media type and its name's extension; null when it claims none we accept. */
export function claimedFormat(filename: string, mediaType: string | undefined): { byName: FileFormat | null; byType: FileFormat | null | 'unspecified' } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  const byName = (FILE_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as FileFormat) : null;
  const type = mediaType?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') return { byName, byType: 'unspecified' };
  const byType = (Object.entries(MEDIA_TYPE).find(([, t]) => t === type)?.[0] as FileFormat | undefined) ?? null;
  return { byName, byType };
}

export type FileCheck = { ok: true; format: FileFormat } | { ok: false; reason: string; tooLarge?: true };

/**
 * A file is accepted when its bytes are a PDF, DOCX or ODT, and its name (and declared type, when it
 * declares one) claim that same format.
 */
export function checkFile(bytes: Uint8Array, filename: string, mediaType: string | undefined): FileCheck {
  const detected = detectFormat(bytes);
  if (!detected) return { ok: false, reason: 'The file is not a PDF, DOCX or ODT document.' };
  const claim = claimedFormat(filename, mediaType);
  if (claim.byName !== detected) return { ok: false, reason: `The file's bytes are ${detected.toUpperCase()}, but its name says otherwise.` };
  if (claim.byType !== 'unspecified' && claim.byType !== detected) {
    return { ok: false, reason: `The file's bytes are ${detected.toUpperCase()}, but it was sent as ${mediaType}.` };
  }
  if (detected !== 'pdf' && inflatedSize(bytes) === null) {
    return { ok: false, tooLarge: true, reason: `The file's parts inflate to more than ${MAX_INFLATED_BYTES / (1024 * 1024)} MB, more than any real document.` };
  }
  return { ok: true, format: detected };
}
