import type { Tx } from '../../platform/db/database.js';
import { queueMail } from '../../platform/mail/queue.js';
import { contactsOf, focalPointContacts } from '../accounts/index.js';
import { matchMail, type MatchEvent } from './mail-texts.js';
import type { NeedRow, OfferRow } from './records.js';
import type { Owner } from './visibility.js';

/** The people who answer for a side of a match: a State's focal points, an organisation's representatives, or the Secretariat. */
async function contactsOfOwner(tx: Tx, owner: Owner) {
  switch (owner.kind) {
    case 'state':
      return focalPointContacts(tx, [owner.state]);
    case 'organisation':
      return contactsOf(tx, { organisationId: owner.organisationId });
    case 'secretariat':
      return contactsOf(tx, { secretariat: true });
  }
}

/**
 * Queues, in the use case's transaction, the email that tells the other side of a match what was
 * done, each recipient in its own language: it leaves after commit, and never for a change rolled back.
 */
export async function notifyOtherSide(
  tx: Tx,
  input: { publicUrl: string; to: Owner; event: MatchEvent; need: NeedRow; offer: OfferRow; by: string; message: string },
): Promise<void> {
  const recipients = await contactsOfOwner(tx, input.to);
  await queueMail(
    tx,
    recipients.map((r) => ({
      to: r.email,
      ...matchMail(r.language, input.event, {
        name: r.name,
        needTitle: input.need.title,
        offerTitle: input.offer.title,
        by: input.by,
        message: input.message,
        link: `${input.publicUrl}/${r.language}/capacity/needs/${input.need.id}`,
      }),
    })),
  );
}
