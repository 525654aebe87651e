import type { Tx } from '../../platform/db/database.js';
import type { Language } from '../../kernel/languages.js';
import { newToken } from './topics.js';
import { updateUnsubscribeTokens } from './tables.js';

/**
 * The unsubscribe link of one message: a fresh token (kept hashed), the page a person opens, and the
 * RFC 8058 header fields with which a mail client unsubscribes in one click (a POST to the API).
 */
export async function unsubscribeLinks(tx: Tx, publicUrl: string, subscriptionId: string, lang: Language) {
  const { token, hash } = newToken();
  await tx.insert(updateUnsubscribeTokens).values({ tokenHash: hash, subscriptionId, createdAt: new Date() });
  return {
    page: `${publicUrl}/${lang}/updates/unsubscribe/${token}`,
    headers: { 'List-Unsubscribe': `<${publicUrl}/api/v1/updates/unsubscribe/${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
