import type { PlatformContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { queueMail } from '../../platform/mail/queue.js';
import { focalPointContacts } from '../accounts/index.js';
import { messageNotice } from './mail-texts.js';
import { currentPocsOf } from './reading.js';
import { mailLanguageOf } from './working-hours.js';

/** Tells a State's current POCs and focal points that a message waits for them: a link, nothing of the message. */
export async function tellState(ctx: PlatformContext, tx: Tx, state: string, thread: { id: string; exercise: boolean }): Promise<void> {
  const recipients = new Map<string, string>();
  for (const p of await currentPocsOf(tx, [state])) recipients.set(p.email, mailLanguageOf(p.languages));
  for (const f of await focalPointContacts(tx, [state])) if (!recipients.has(f.email)) recipients.set(f.email, f.language);
  await queueMail(
    tx,
    [...recipients].map(([to, lang]) => {
      const l = lang as Parameters<typeof messageNotice>[0];
      return { to, ...messageNotice(l, { link: `${ctx.config.publicUrl}/${l}/contacts/threads/${thread.id}`, exercise: thread.exercise }) };
    }),
  );
}
