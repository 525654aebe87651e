import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict, notFound, preconditionFailed } from '../../platform/http/problem.js';
import { isEnding, searchTextOf, type ElementTexts, type TextStatus } from './elements.js';
import { frameworkPolicy } from './policy.js';
import { frameworkVersions, sourceDocuments } from './tables.js';
import type { Language } from '../../kernel/languages.js';

export interface RecordTextInput {
  actor: Actor;
  code: string;
  /** The version the Secretariat read (If-Match): a record made on a stale page is refused. */
  ifMatch: number;
  language: Language;
  title: string;
  text: string;
  status: TextStatus;
  source?: { symbol: string; paragraph: string | null; paragraphConfirmed: boolean } | undefined;
  note?: string | undefined;
}

/**
 * The Secretariat records the confirmed official text of an element, or its text in another language,
 * as a new version with its source. The element keeps the date it took effect: this corrects the record
 * of what the framework says, it does not change the framework. Nothing is edited in place.
 */
export async function recordElementText(db: Db, input: RecordTextInput) {
  authorize(input.actor, frameworkPolicy.record, undefined);
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.code, input.code))
      .orderBy(desc(frameworkVersions.version))
      .limit(1)
      .for('update');
    if (!latest) throw notFound(`The framework element ${input.code}`);
    if (latest.version !== input.ifMatch) {
      throw preconditionFailed('The element has a newer version than the one you read.', { currentVersion: latest.version });
    }
    if (isEnding(latest.change)) throw conflict('This element is no longer in force; its texts are closed.', 'element-ended');
    if (input.source) {
      const [doc] = await tx.select({ symbol: sourceDocuments.symbol }).from(sourceDocuments).where(eq(sourceDocuments.symbol, input.source.symbol));
      if (!doc) throw badRequest(`${input.source.symbol} is not a source document of record.`, [{ field: 'body.source.symbol', message: 'unknown document' }]);
    }
    const texts: ElementTexts = { ...latest.texts, [input.language]: { title: input.title, text: input.text, status: input.status } };
    const change = latest.texts[input.language] ? 'text-recorded' : 'translation-recorded';
    const row = {
      code: input.code,
      version: latest.version + 1,
      change,
      effectiveOn: latest.effectiveOn,
      recordedAt: new Date(),
      recordedBy: input.actor.accountId,
      texts,
      sourceSymbol: input.source?.symbol ?? latest.sourceSymbol,
      sourceParagraph: input.source ? input.source.paragraph : latest.sourceParagraph,
      paragraphConfirmed: input.source ? input.source.paragraphConfirmed : latest.paragraphConfirmed,
      alsoIn: latest.alsoIn,
      fragment: latest.fragment,
      supersededBy: null,
      note: input.note ?? null,
      searchText: searchTextOf(texts),
    } as const;
    await tx.insert(frameworkVersions).values(row);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'framework.record-text',
      subjectType: 'framework-element',
      subjectId: input.code,
      change: { version: row.version, change, language: input.language, text: texts[input.language], source: [row.sourceSymbol, row.sourceParagraph, row.paragraphConfirmed] },
      details: { version: row.version, change, language: input.language, status: input.status, source: row.sourceSymbol },
    });
    return { version: row.version, change };
  });
}

/** The Secretariat records a document of record that texts can cite. */
export async function recordSourceDocument(
  db: Db,
  input: { actor: Actor; symbol: string; title: string; body: string; date: string; dateKind: 'adopted' | 'issued'; endorsedBy?: string | undefined },
) {
  authorize(input.actor, frameworkPolicy.record, undefined);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(sourceDocuments)
      .values({ symbol: input.symbol, title: input.title, body: input.body, date: input.date, dateKind: input.dateKind, endorsedBy: input.endorsedBy ?? null })
      .onConflictDoNothing()
      .returning({ symbol: sourceDocuments.symbol });
    if (inserted.length === 0) throw conflict(`${input.symbol} is already a source document of record.`, 'source-exists');
    const { actor: _actor, ...facts } = input;
    await recordAudit(tx, { actor: input.actor, action: 'framework.record-source', subjectType: 'source-document', subjectId: input.symbol, change: facts });
    return facts;
  });
}
