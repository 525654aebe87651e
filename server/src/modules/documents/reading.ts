import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { FileFormat } from './file-types.js';
import { formatSymbol, SERIES_OF, type DocumentType, type Series } from './symbols.js';
import { documentCounters, documentFiles, documents } from './tables.js';
import { type Language, LANGUAGES, type Localized } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

export interface LanguageVersionView {
  language: Language;
  /** The latest version of this language. */
  version: number;
  format: FileFormat;
  size: number;
  filename: string;
  uploadedAt: Date;
  /** Where to download it. */
  url: string;
}

export interface DocumentView {
  id: string;
  symbol: string;
  type: DocumentType;
  series: Series;
  title: Localized;
  date: string;
  meetingId: string | null;
  agendaItem: string | null;
  groupId: string | null;
  createdAt: Date;
  /** The latest file of each language that has one, in the UN's order. */
  files: LanguageVersionView[];
  /** Which of the six languages exist. */
  languages: Record<Language, boolean>;
}

type DocumentRow = typeof documents.$inferSelect;

async function withFiles(db: Executor, rows: DocumentRow[]): Promise<DocumentView[]> {
  if (rows.length === 0) return [];
  const files = await db
    .select()
    .from(documentFiles)
    .where(inArray(documentFiles.documentId, rows.map((r) => r.id)))
    .orderBy(asc(documentFiles.documentId), asc(documentFiles.language), desc(documentFiles.version));
  const latest = new Map<string, Map<string, (typeof files)[number]>>();
  for (const f of files) {
    const byLanguage = latest.get(f.documentId) ?? new Map();
    if (!byLanguage.has(f.language)) byLanguage.set(f.language, f);
    latest.set(f.documentId, byLanguage);
  }
  return rows.map((r) => {
    const mine = latest.get(r.id) ?? new Map<string, (typeof files)[number]>();
    const present = LANGUAGES.filter((l) => mine.has(l));
    return {
      id: r.id,
      symbol: r.symbol,
      type: r.type,
      series: r.series,
      title: r.title,
      date: String(r.date).slice(0, 10),
      meetingId: r.meetingId,
      agendaItem: r.agendaItem,
      groupId: r.groupId,
      createdAt: r.createdAt,
      files: present.map((l) => {
        const f = mine.get(l)!;
        return { language: l, version: f.version, format: f.format, size: f.size, filename: f.filename, uploadedAt: f.uploadedAt, url: `/api/v1/documents/${r.id}/files/${l}` };
      }),
      languages: Object.fromEntries(LANGUAGES.map((l) => [l, mine.has(l)])) as Record<Language, boolean>,
    };
  });
}

export async function documentById(db: Executor, id: string): Promise<DocumentView | null> {
  const rows = await db.select().from(documents).where(eq(documents.id, id));
  return (await withFiles(db, rows))[0] ?? null;
}

export async function documentBySymbol(db: Executor, symbol: string): Promise<DocumentView | null> {
  const rows = await db.select().from(documents).where(eq(documents.symbol, symbol));
  return (await withFiles(db, rows))[0] ?? null;
}

export interface DocumentFilter {
  /** Part of a symbol or title, in any language; case and accents ignored. */
  q?: string | undefined;
  type?: DocumentType | undefined;
  meetingId?: string | undefined;
  groupId?: string | undefined;
  /** The year of the date the document bears. */
  year?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Documents by symbol or title, newest first. */
export async function listDocuments(db: Executor, filter: DocumentFilter): Promise<{ items: DocumentView[]; total: number }> {
  const where: SQL[] = [];
  const q = filter.q ? fold(filter.q) : '';
  if (q) where.push(like(documents.searchText, `%${escapeLike(q)}%`));
  if (filter.type) where.push(eq(documents.type, filter.type));
  if (filter.meetingId) where.push(eq(documents.meetingId, filter.meetingId));
  if (filter.groupId) where.push(eq(documents.groupId, filter.groupId));
  if (filter.year) where.push(sql`${documents.date} >= ${`${filter.year}-01-01`}::date AND ${documents.date} < ${`${filter.year + 1}-01-01`}::date`);
  const condition = where.length ? and(...where) : undefined;
  const rows = await db
    .select()
    .from(documents)
    .where(condition)
    .orderBy(desc(documents.date), asc(documents.series), desc(documents.number), asc(documents.symbol))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(documents).where(condition);
  return { items: await withFiles(db, rows), total: count?.n ?? 0 };
}

/** A stored file of a document: the latest version of a language, or the version asked for. */
export async function documentFile(db: Executor, documentId: string, language: Language, version?: number) {
  const rows = await db
    .select({ file: documentFiles, symbol: documents.symbol })
    .from(documentFiles)
    .innerJoin(documents, eq(documents.id, documentFiles.documentId))
    .where(
      and(
        eq(documentFiles.documentId, documentId),
        eq(documentFiles.language, language),
        version === undefined ? undefined : eq(documentFiles.version, version),
      ),
    )
    .orderBy(desc(documentFiles.version))
    .limit(1);
  return rows[0] ?? null;
}

/** Every version of a document's files, oldest first: what was issued, and when. */
export async function documentHistory(db: Executor, documentId: string) {
  return db
    .select({
      language: documentFiles.language,
      version: documentFiles.version,
      format: documentFiles.format,
      size: documentFiles.size,
      sha256: documentFiles.sha256,
      filename: documentFiles.filename,
      uploadedAt: documentFiles.uploadedAt,
    })
    .from(documentFiles)
    .where(eq(documentFiles.documentId, documentId))
    .orderBy(asc(documentFiles.uploadedAt), asc(documentFiles.language), asc(documentFiles.version));
}

/**
 * The symbol the next document of a type and date would get, were it issued now: a preview only,
 * since the number is taken when the document is issued (another may be issued first).
 */
export async function nextSymbol(db: Executor, pattern: string, type: DocumentType, date: string): Promise<{ symbol: string; series: Series }> {
  const series = SERIES_OF[type];
  const year = Number(date.slice(0, 4));
  const [row] = await db
    .select({ last: documentCounters.last })
    .from(documentCounters)
    .where(and(eq(documentCounters.year, year), eq(documentCounters.series, series)));
  return { symbol: formatSymbol(pattern, { year, series, n: (row?.last ?? 0) + 1 }), series };
}
