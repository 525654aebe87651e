import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { accounts } from './tables.js';
import type { Language } from '../../kernel/languages.js';

/** The language of the account's emails and of the links in them. */
export async function chooseMailLanguage(db: Db, actor: Actor, language: Language): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, actor.accountId)).for('update');
    if (!before || before.language === language) return;
    await tx.update(accounts).set({ language }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, { actor, action: 'accounts.choose-language', subjectType: 'account', subjectId: actor.accountId, change: { from: before.language, to: language } });
  });
}
