import { randomUUID } from 'node:crypto';
import type { App } from '../../src/platform/http/server.js';
import type { Client, Reply } from './client.js';

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipartBody(file: Buffer, filename: string, contentType: string): { payload: Buffer; contentType: string } {
  const boundary = `----poa${randomUUID().replace(/-/g, '')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as the client, with its cookies and CSRF header. */
export async function upload(app: App, client: Client, url: string, file: Buffer, filename: string, contentType: string): Promise<Reply> {
  const body = multipartBody(file, filename, contentType);
  const csrf = client.cookies.get('poa_csrf');
  const res = await app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': body.contentType,
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...(client.cookies.size ? { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    },
    payload: body.payload,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
}

/** A meeting's fields, a year ahead, in New York time. */
export function meetingBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'annual-meeting',
    title: { en: 'First annual meeting of the Programme of Action', fr: 'Première réunion annuelle du Programme d’action' },
    sessionNumber: 1,
    startsAt: '2027-07-12T10:00',
    endsAt: '2027-07-16T18:00',
    registrationDeadline: '2027-06-30T18:00',
    timeZone: 'America/New_York',
    venue: 'United Nations Headquarters, New York',
    format: 'hybrid',
    ...overrides,
  };
}
