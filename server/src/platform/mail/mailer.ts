import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields (e.g. RFC 8058 `List-Unsubscribe` and `List-Unsubscribe-Post`); never From, To or Subject. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export interface Mailer {
  /** Sends one message; an aborted `signal` stops a send still talking to the server. */
  send(mail: Mail, options?: { signal?: AbortSignal }): Promise<void>;
  /** Where mail goes: `smtp` or the outbox folder. */
  readonly describe: string;
}

/**
 * Mail through SMTP when SMTP_URL is set; otherwise each message is written as an .eml file in the
 * outbox folder, where a person (or a test) can read it. Only the mail job sends: modules queue their
 * messages with `queueMail`, in the transaction of the change they tell about.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    // A server that does not answer is given up on well within a message's lease (see queue.ts).
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return {
      describe: 'smtp',
      async send(mail, { signal } = {}) {
        await transport.sendMail({ from: options.from, ...mail, ...(signal ? { signal } : {}) });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: options.outboxDir,
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await fs.mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      await fs.writeFile(path.join(options.outboxDir, name), info.message as Buffer);
    },
  };
}
