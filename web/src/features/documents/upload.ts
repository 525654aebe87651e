import { ApiProblem, CSRF_HEADER, toProblem } from '../../api/client';

export interface UploadedVersion {
  language: string;
  version: number;
  format: 'pdf' | 'docx' | 'odt';
  size: number;
  filename: string;
  uploadedAt: string;
}

/** The formats the platform accepts, by the end of a file's name (the server checks the bytes). */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.odt'];
export const ACCEPT_ATTRIBUTE = [
  '.pdf',
  '.docx',
  '.odt',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
].join(',');

export const hasAcceptedExtension = (name: string) => ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

async function csrfToken(): Promise<string | null> {
  const res = await fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) return null;
  return ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
}

/**
 * Uploads one language version of a document as multipart/form-data, reporting progress: fetch
 * cannot tell how much of a body has been sent, XMLHttpRequest can (on a slow connection a large
 * file takes a while, and the user must see it move). Resolves to the version stored; rejects with
 * an ApiProblem (the server's 413 and 415 among them) or an AbortError.
 */
export async function uploadVersion(input: {
  documentId: string;
  language: string;
  file: File;
  onProgress: (sent: number, total: number) => void;
  signal: AbortSignal;
}): Promise<UploadedVersion> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/documents/${encodeURIComponent(input.documentId)}/files/${encodeURIComponent(input.language)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) input.onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedVersion);
      else reject(toProblem(new Response(null, { status: xhr.status, statusText: xhr.statusText }), body));
    };
    xhr.onerror = () => reject(new ApiProblem(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    input.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', input.file, input.file.name);
    xhr.send(form);
  });
}
