import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { runOneJob, scheduleJob, type LeasedJobHandler } from '../jobs/runner.js';
import type { Mail, Mailer } from './mailer.js';
import { mailMessages } from './tables.js';

/**
 * Mail leaves after the change it tells about has committed, never from inside its transaction: a
 * transaction held open while an SMTP server answers would block every other writer (the embedded
 * database has one connection), and a rollback after sending would leave mail about something that
 * never happened.
 */

export const MAIL_JOB = 'mail';

/** The longest one send may take: it is aborted then, and the message tried again later. */
export const SEND_LIMIT_MS = 60_000;
/** How long a sender holds a message: longer than any send, so no other sender takes one still in flight. */
export const MESSAGE_LEASE_MS = 5 * 60_000;

/**
 * Queues messages in the caller's transaction, with the job that sends them after commit: the
 * change, its audit event and its mail commit together or not at all. Texts are composed by the
 * caller, in each recipient's language.
 */
export async function queueMail(tx: Tx, messages: readonly Mail[]): Promise<void> {
  if (messages.length === 0) return;
  for (const m of messages) checkHeaders(m.headers);
  const batch = randomUUID();
  await tx
    .insert(mailMessages)
    .values(messages.map((m, position) => ({ id: randomUUID(), batch, position, to: m.to, subject: m.subject, text: m.text, headers: m.headers ? { ...m.headers } : null })));
  await scheduleJob(tx, { kind: MAIL_JOB, key: `${MAIL_JOB}:${batch}`, runAt: new Date(), payload: { batch } });
}

/** Header fields the caller may add: not the ones the mailer writes, and no line breaks (which would inject other fields). */
const RESERVED_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'reply-to', 'sender', 'date', 'message-id', 'content-type', 'content-transfer-encoding', 'mime-version']);
function checkHeaders(headers: Mail['headers']): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,75}$/.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) throw new Error(`Mail header ${name} may not be set by a module`);
    if (/[\r\n]/.test(value)) throw new Error(`Mail header ${name} holds a line break`);
  }
}

/**
 * The mail job: sends each unsent message of its batch, holding no transaction. Each message is
 * leased by a short write before it is sent and marked sent by another right after, so a job that
 * fails half-way sends only the rest when retried, two processes never send one message both, and
 * a message held by a process that died is sent once its lease ends. (A process that dies between
 * the server's acceptance and the mark leaves that one message to be sent again: at least once,
 * never twice otherwise.)
 */
export function mailDelivery(mailer: Mailer): LeasedJobHandler {
  return {
    leaseMs: MESSAGE_LEASE_MS,
    async run({ db, job, now }) {
      const { batch } = job.payload as { batch: string };
      const unsent = await db
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(and(eq(mailMessages.batch, batch), isNull(mailMessages.sentAt)))
        .orderBy(asc(mailMessages.position));
      let refused: unknown = null;
      for (const { id } of unsent) {
        const lease = new Date(now().getTime() + MESSAGE_LEASE_MS);
        const [message] = await db
          .update(mailMessages)
          .set({ leasedUntil: lease, attempts: sql`${mailMessages.attempts} + 1` })
          .where(and(eq(mailMessages.id, id), isNull(mailMessages.sentAt), or(isNull(mailMessages.leasedUntil), lte(mailMessages.leasedUntil, now()))))
          .returning({ to: mailMessages.to, subject: mailMessages.subject, text: mailMessages.text, headers: mailMessages.headers });
        // Sent meanwhile, or held by another sender: the count below decides.
        if (!message) continue;
        try {
          await mailer.send(
            { to: message.to, subject: message.subject, text: message.text ?? '', ...(message.headers ? { headers: message.headers } : {}) },
            { signal: AbortSignal.timeout(SEND_LIMIT_MS) },
          );
        } catch (error) {
          const lastError = error instanceof Error ? error.message.slice(0, 2000) : String(error);
          await db.update(mailMessages).set({ leasedUntil: null, lastError }).where(and(eq(mailMessages.id, id), eq(mailMessages.leasedUntil, lease)));
          // A server refusing this one recipient (5xx) must not hold back the rest of the batch (one
          // wrong address would keep every other State's notice waiting): go on, and retry it later.
          // Anything else (the server unavailable, a time-out) stops the batch until the retry.
          if (!refusesRecipient(error)) throw error;
          refused ??= error;
          continue;
        }
        await db.update(mailMessages).set({ sentAt: now(), leasedUntil: null, text: null, headers: null, lastError: null }).where(eq(mailMessages.id, id));
      }
      if (refused) throw refused;
      const [left] = await db
        .select({ n: count() })
        .from(mailMessages)
        .where(and(eq(mailMessages.batch, batch), isNull(mailMessages.sentAt)));
      // Messages another sender still holds: the job comes back for them, in case that sender fails.
      if (left && left.n > 0) throw new Error(`${left.n} message(s) of the batch are still being sent by another process`);
    },
  };
}

/** An SMTP answer that refuses one message for good (5xx), as opposed to the server being unavailable (4xx) or unreachable. */
const refusesRecipient = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Runs the mail jobs that are due, here and now, and returns how many ran: for the administration
 * tool, which sends its invitation before it exits, and for tests, before they read the outbox.
 */
export async function sendQueuedMail(db: Db, mailer: Mailer): Promise<number> {
  const handlers = { [MAIL_JOB]: mailDelivery(mailer) };
  let ran = 0;
  while (await runOneJob(db, handlers)) ran++;
  return ran;
}
