import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { badRequest, Problem } from '../../platform/http/problem.js';

/**
 * Registers multipart parsing in a route scope of its own, so that the rest of the API keeps its
 * JSON bodies: one file per request, no larger than the configured limit.
 */
export async function acceptUploads(scope: FastifyInstance, limitBytes: number): Promise<void> {
  await scope.register(multipart, { limits: { fileSize: limitBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 } });
}

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mediaType: string | undefined;
  /** The form's text fields sent before the file (a form's fields come first, then its file). */
  fields: Record<string, string>;
}

/** The one file of a multipart request, read into memory within the limit. */
export async function readUploadedFile(request: FastifyRequest, limitBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the file as multipart/form-data, in a part named "file".');
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  let bytes: Buffer;
  try {
    part = await request.file();
    if (!part) throw badRequest('Attach a file.', [{ field: 'body.file', message: 'required' }]);
    bytes = await part.toBuffer();
  } catch (error) {
    throw uploadProblem(error, limitBytes);
  }
  if (bytes.length === 0) throw badRequest('The file is empty.', [{ field: 'body.file', message: 'empty' }]);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
  }
  return { bytes, filename: part.filename, mediaType: part.mimetype, fields };
}

/**
 * What went wrong while reading the request's own bytes: too large, too many parts, or a form cut
 * short or malformed (the client's stream, never the platform's fault, so never a 500).
 */
function uploadProblem(error: unknown, limitBytes: number): Problem {
  if (error instanceof Problem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new Problem(413, 'payload-too-large', 'File too large', `Files may be at most ${Math.floor(limitBytes / (1024 * 1024))} MB.`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') return new Problem(413, 'payload-too-large', 'Too many parts', 'Send one file, in a part named "file".');
  return badRequest('The upload is incomplete or malformed: send the whole file again.', [{ field: 'body.file', message: 'incomplete or malformed multipart body' }]);
}
