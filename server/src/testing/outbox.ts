import fs from 'node:fs';
import path from 'node:path';

/** The messages in an outbox folder, oldest first, as raw .eml text. */
export function readOutbox(outboxDir: string): { to: string; subject: string; text: string }[] {
  if (!fs.existsSync(outboxDir)) return [];
  return fs
    .readdirSync(outboxDir)
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(outboxDir, f), 'utf8');
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
      const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
      const text = /quoted-printable/i.test(raw) ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : body;
      return { to: header('To'), subject: header('Subject'), text };
    });
}

/** A link sent by mail, e.g. the invitation or reset link: its token. */
export function tokenFromMail(text: string, kind: 'invitation' | 'reset-password'): string {
  const m = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in:\n${text}`);
  return m[1]!;
}
