import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict } from '../../platform/http/problem.js';
import { documentsPolicy } from './policy.js';
import { formatSymbol, SERIES_OF, SYMBOL_SHAPE, type DocumentType, type Series } from './symbols.js';
import { documentCounters, documents } from './tables.js';
import { documentById, type DocumentView } from './reading.js';
import { allTexts, type Localized } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export interface IssueDocumentInput {
  actor: Actor;
  /** The symbol pattern in force (a setting). */
  symbolPattern: string;
  type: DocumentType;
  title: Localized;
  /** YYYY-MM-DD; today when left out. */
  date?: string | undefined;
  /** A symbol given by hand (a revision, a document of another series); numbered in its series when left out. */
  symbol?: string | undefined;
  meetingId?: string | null | undefined;
  agendaItem?: string | null | undefined;
  groupId?: string | null | undefined;
}

/** The next number in a series and year, taken under the counter's row lock. */
async function nextNumber(tx: Tx, year: number, series: Series): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ year, series, last: 1 })
    .onConflictDoUpdate({ target: [documentCounters.year, documentCounters.series], set: { last: sql`${documentCounters.last} + 1` } })
    .returning({ last: documentCounters.last });
  return row!.last;
}

/**
 * The Secretariat issues an official document: it gets the next symbol of its series (or the one
 * given), and belongs to a meeting and agenda item, or a group, as the caller says. The caller (the
 * meetings or groups module) has checked that these exist.
 */
export async function issueDocument(db: Db, input: IssueDocumentInput): Promise<DocumentView> {
  authorize(input.actor, documentsPolicy.issue, undefined);
  const date = input.date ?? new Date().toISOString().slice(0, 10);
  if (input.symbol !== undefined && !SYMBOL_SHAPE.test(input.symbol)) {
    throw badRequest('Not a document symbol.', [{ field: 'body.symbol', message: 'a document symbol, e.g. A/AC.300/2027/1/Rev.1' }]);
  }
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const series = SERIES_OF[input.type];
    const year = Number(date.slice(0, 4));
    const number = input.symbol === undefined ? await nextNumber(tx, year, series) : null;
    const symbol = input.symbol ?? formatSymbol(input.symbolPattern, { year, series, n: number! });
    const [taken] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.symbol, symbol));
    if (taken) throw conflict(`${symbol} is already the symbol of a document.`, 'symbol-taken');
    const row = {
      id,
      symbol,
      type: input.type,
      series,
      number,
      title: input.title,
      date,
      meetingId: input.meetingId ?? null,
      agendaItem: input.agendaItem ?? null,
      groupId: input.groupId ?? null,
      searchText: fold([symbol, ...allTexts(input.title)].join('\n')),
      createdBy: input.actor.accountId,
    };
    await tx.insert(documents).values(row);
    const { searchText: _s, createdBy: _c, ...facts } = row;
    await recordAudit(tx, { actor: input.actor, action: 'documents.issue', subjectType: 'document', subjectId: id, change: facts });
  });
  return (await documentById(db, id))!;
}
