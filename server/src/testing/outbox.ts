import fs from 'node:fs';
import path from 'node:path';
import libmime from 'libmime';

/** A header's value, unfolded and with its encoded words (`=?UTF-8?B?…?=`) decoded. */
function headerOf(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const raw = new RegExp(`^${name}: (.*)$`, 'mi').exec(unfolded)?.[1]?.trim() ?? '';
  return libmime.decodeWords(raw);
}

/** The text of a single-part message, decoded from its transfer encoding. */
function bodyOf(head: string, body: string): string {
  const encoding = headerOf(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The messages in an outbox folder, oldest first: recipient, subject and text, decoded. */
export function readOutbox(outboxDir: string): { to: string; subject: string; text: string }[] {
  if (!fs.existsSync(outboxDir)) return [];
  return fs
    .readdirSync(outboxDir)
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(outboxDir, f), 'utf8');
      const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
      return { to: headerOf(head, 'To'), subject: headerOf(head, 'Subject'), text: bodyOf(head, rest.join('\n\n')) };
    });
}

export type OutboxMessage = ReturnType<typeof readOutbox>[number];

/**
 * Mail leaves a moment after the request that queued it (the mail job sends it after commit): waits
 * until the outbox holds a message that `wanted` accepts, and returns the outbox then, oldest first.
 * Fails after `timeoutMs` naming what it waited for.
 */
export async function waitForOutbox(outboxDir: string, wanted: (m: OutboxMessage) => boolean, what: string, timeoutMs = 15_000): Promise<OutboxMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = readOutbox(outboxDir);
    if (messages.some(wanted)) return messages;
    if (Date.now() > deadline) throw new Error(`no ${what} in the outbox after ${timeoutMs / 1000} s (it holds ${messages.length} message(s))`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A link sent by mail, e.g. the invitation or reset link: its token. */
export function tokenFromMail(text: string, kind: 'invitation' | 'reset-password'): string {
  const m = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in:\n${text}`);
  return m[1]!;
}
