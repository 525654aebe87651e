import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { recordAudit, type AuditActor } from '../../platform/audit/record.js';
import { conflict } from '../../platform/http/problem.js';
import { isEnding, searchTextOf, type ElementKind, type ElementTexts } from './elements.js';
import { frameworkElements, frameworkRelations, frameworkVersions, sourceDocuments } from './tables.js';

export interface OutcomeForFramework {
  actor: AuditActor | null;
  symbol: string;
  title: string;
  /** The date of adoption: the date the changes take effect. */
  adoptedOn: string;
  add: { code: string; kind: ElementKind; title: string; text: string }[];
  supersede: { code: string; replacedBy: string | null }[];
  relations: { from: string; to: string; kind: 'implements' | 'guidance-on' | 'answers' | 'related' }[];
}

/**
 * An adopted outcome changes the framework: it becomes a source document of record, its new elements
 * are added and the elements it supersedes end, all effective on the date of adoption, with the outcome
 * as their source. Runs in the adopting transaction: the outcome and its effects stand or fall together.
 */
export async function applyOutcomeToFramework(tx: Tx, o: OutcomeForFramework): Promise<void> {
  if (o.add.length + o.supersede.length + o.relations.length === 0) return;
  const now = new Date();
  await tx.insert(sourceDocuments).values({ symbol: o.symbol, title: o.title, body: 'PoA plenary', date: o.adoptedOn, dateKind: 'adopted' });
  for (const e of o.add) {
    const [exists] = await tx.select({ code: frameworkElements.code }).from(frameworkElements).where(eq(frameworkElements.code, e.code));
    if (exists) throw conflict(`The framework already has an element ${e.code}.`, 'element-exists');
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${frameworkElements.position}), 0)::int` })
      .from(frameworkElements)
      .where(eq(frameworkElements.kind, e.kind));
    await tx.insert(frameworkElements).values({ code: e.code, kind: e.kind, grouping: null, position: (last?.n ?? 0) + 1 });
    // An adopted outcome's text is the official text by construction.
    const texts: ElementTexts = { en: { title: e.title, text: e.text, status: 'verbatim' } };
    await tx.insert(frameworkVersions).values({
      code: e.code,
      version: 1,
      change: 'added',
      effectiveOn: o.adoptedOn,
      recordedAt: now,
      recordedBy: null,
      texts,
      sourceSymbol: o.symbol,
      sourceParagraph: null,
      paragraphConfirmed: true,
      searchText: searchTextOf(texts),
    });
  }
  for (const s of o.supersede) {
    const [latest] = await tx
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.code, s.code))
      .orderBy(desc(frameworkVersions.version))
      .limit(1)
      .for('update');
    if (!latest) throw conflict(`The framework has no element ${s.code} to supersede.`, 'element-missing');
    if (isEnding(latest.change)) throw conflict(`${s.code} is no longer in force.`, 'element-ended');
    await tx.insert(frameworkVersions).values({
      ...latest,
      version: latest.version + 1,
      change: 'superseded',
      effectiveOn: o.adoptedOn,
      recordedAt: now,
      recordedBy: null,
      sourceSymbol: o.symbol,
      sourceParagraph: null,
      paragraphConfirmed: true,
      supersededBy: s.replacedBy,
      note: `Superseded by ${o.symbol}`,
    });
  }
  for (const r of o.relations) {
    await tx.insert(frameworkRelations).values({ fromCode: r.from, toCode: r.to, kind: r.kind, sourceSymbol: o.symbol, note: null }).onConflictDoNothing();
  }
  await recordAudit(tx, {
    actor: o.actor,
    action: 'framework.apply-outcome',
    subjectType: 'source-document',
    subjectId: o.symbol,
    change: { add: o.add, supersede: o.supersede, relations: o.relations, adoptedOn: o.adoptedOn },
    details: { added: o.add.map((e) => e.code), superseded: o.supersede.map((s) => s.code), relations: o.relations.length },
  });
}

/** Which of these codes are framework elements in force today (for drafts that cite them). */
export async function existingElementCodes(tx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx
    .select({ code: frameworkElements.code })
    .from(frameworkElements)
    .where(and(sql`${frameworkElements.code} IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`));
  return new Set(rows.map((r) => r.code));
}
