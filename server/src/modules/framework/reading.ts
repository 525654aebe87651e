import { asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import {
  changeBetween,
  highlight,
  PILLAR_OF,
  textIn,
  today,
  type ChangeKind,
  type ElementKind,
  type ElementTexts,
  type Highlighted,
  type VersionChange,
} from './elements.js';
import { frameworkRelations, frameworkVersions, sourceDocuments } from './tables.js';
import { matcherOf, planQuery, searchedIn, tsQueryText } from '../search/index.js';
import type { Language } from '../../kernel/languages.js';

/**
 * Whether the version `v` is the one standing on `date` among its element's versions: its span on the
 * framework's timeline (framework_timeline, kept by the database) holds the date. One row by its key, or
 * a hash of a narrow table, where "no later version up to the date" was an anti-join over every version.
 */
export const standsOn = (v: string, date: SQL) => sql`EXISTS (
  SELECT 1 FROM framework_timeline span WHERE span.code = ${sql.raw(v)}.code AND span.version = ${sql.raw(v)}.version
    AND span.effective_on <= ${date} AND (span.ended_on IS NULL OR span.ended_on > ${date}))`;

/** One version of an element as the API shows it. */
export interface VersionView {
  code: string;
  kind: ElementKind;
  pillar: (typeof PILLAR_OF)[ElementKind];
  grouping: string | null;
  version: number;
  change: VersionChange;
  effectiveOn: string;
  recordedAt: Date;
  texts: ElementTexts;
  /** The text in the language asked for, or English marked as a fallback. */
  display: ReturnType<typeof textIn>;
  source: {
    symbol: string;
    title: string;
    body: string;
    date: string;
    paragraph: string | null;
    paragraphConfirmed: boolean;
    alsoIn: string[];
    fragment: boolean;
    /** How to cite it: "A/70/174, para. 13(a)". */
    citation: string;
  };
  supersededBy: string | null;
  note: string | null;
}

interface VersionRow {
  code: string;
  kind: ElementKind;
  grouping: string | null;
  version: number;
  change: VersionChange;
  effective_on: string;
  recorded_at: string | Date;
  texts: ElementTexts;
  source_symbol: string;
  source_paragraph: string | null;
  paragraph_confirmed: boolean;
  also_in: string[];
  fragment: boolean;
  superseded_by: string | null;
  note: string | null;
  source_title: string;
  source_body: string;
  source_date: string;
}

export const citationOf = (symbol: string, paragraph: string | null, confirmed: boolean): string =>
  paragraph ? `${symbol}, para. ${paragraph}${confirmed ? '' : ' (paragraph to be confirmed)'}` : symbol;

function toView(r: VersionRow, language: Language): VersionView {
  return {
    code: r.code,
    kind: r.kind,
    pillar: PILLAR_OF[r.kind],
    grouping: r.grouping,
    version: r.version,
    change: r.change,
    effectiveOn: String(r.effective_on).slice(0, 10),
    recordedAt: new Date(r.recorded_at),
    texts: r.texts,
    display: textIn(r.texts, language),
    source: {
      symbol: r.source_symbol,
      title: r.source_title,
      body: r.source_body,
      date: String(r.source_date).slice(0, 10),
      paragraph: r.source_paragraph,
      paragraphConfirmed: r.paragraph_confirmed,
      alsoIn: r.also_in ?? [],
      fragment: r.fragment,
      citation: citationOf(r.source_symbol, r.source_paragraph, r.paragraph_confirmed),
    },
    supersededBy: r.superseded_by,
    note: r.note,
  };
}

const versionColumns = sql.raw(`e.code, e.kind, e.grouping, v.version, v.change, v.effective_on, v.recorded_at, v.texts,
  v.source_symbol, v.source_paragraph, v.paragraph_confirmed, v.also_in, v.fragment, v.superseded_by, v.note,
  s.title AS source_title, s.body AS source_body, s.date AS source_date`);

/** The version of each element standing on a date (ended ones included, filtered by the caller). */
const standingOn = (date: string) => sql`
  JOIN LATERAL (
    SELECT * FROM framework_versions fv WHERE fv.code = e.code AND fv.effective_on <= ${date}::date
    ORDER BY fv.effective_on DESC, fv.version DESC LIMIT 1
  ) v ON true
  JOIN source_documents s ON s.symbol = v.source_symbol`;

export interface FrameworkFilter {
  asOf: string;
  kinds?: readonly ElementKind[] | undefined;
  language: Language;
  limit: number;
  offset: number;
}

/** The framework as it stood on a date: the elements in force, each in the version standing then. */
export async function frameworkOn(db: Executor, f: FrameworkFilter): Promise<{ items: VersionView[]; total: number }> {
  const kindFilter = f.kinds?.length ? sql`AND e.kind IN (${sql.join(f.kinds.map((k) => sql`${k}`), sql`, `)})` : sql``;
  const result = await db.execute(sql`
    SELECT ${versionColumns}, count(*) OVER () AS total
    FROM framework_elements e ${standingOn(f.asOf)}
    WHERE v.change NOT IN ('superseded', 'retired') ${kindFilter}
    ORDER BY e.kind, e.position, e.code
    LIMIT ${f.limit} OFFSET ${f.offset}`);
  const rows = rowsOf<VersionRow & { total: string | number }>(result);
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && f.offset > 0) {
    const count = await db.execute(sql`SELECT count(*) AS n FROM framework_elements e ${standingOn(f.asOf)} WHERE v.change NOT IN ('superseded', 'retired') ${kindFilter}`);
    total = Number(rowsOf<{ n: string | number }>(count)[0]!.n);
  }
  return { items: rows.map((r) => toView(r, f.language)), total };
}

async function versionsOf(db: Executor, codes: readonly string[], extra: SQL = sql``): Promise<VersionRow[]> {
  if (codes.length === 0) return [];
  const result = await db.execute(sql`
    SELECT ${versionColumns}
    FROM framework_versions v JOIN framework_elements e ON e.code = v.code JOIN source_documents s ON s.symbol = v.source_symbol
    WHERE v.code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) ${extra}
    ORDER BY v.code, v.effective_on, v.version`);
  return rowsOf<VersionRow>(result);
}

export interface RelationView {
  direction: 'to' | 'from';
  kind: string;
  code: string;
  elementKind: ElementKind;
  title: string;
  /** The language of `title`: the one asked for, or English when it has none yet. */
  language: Language;
  sourceSymbol: string | null;
  note: string | null;
}

/** One element with its whole history and its relations. */
export async function elementWithHistory(db: Executor, code: string, language: Language) {
  const rows = await versionsOf(db, [code]);
  if (rows.length === 0) throw notFound(`The framework element ${code}`);
  const versions = rows.map((r) => toView(r, language));
  const links = await db
    .select()
    .from(frameworkRelations)
    .where(or(eq(frameworkRelations.fromCode, code), eq(frameworkRelations.toCode, code)));
  const others = [...new Set(links.map((l) => (l.fromCode === code ? l.toCode : l.fromCode)))];
  const latest = new Map<string, VersionRow>();
  for (const r of await versionsOf(db, others)) latest.set(r.code, r); // ordered: the last one wins
  const relations: RelationView[] = links.map((l) => {
    const other = l.fromCode === code ? l.toCode : l.fromCode;
    const row = latest.get(other)!;
    const shown = textIn(row.texts, language);
    return {
      direction: l.fromCode === code ? 'to' : 'from',
      kind: l.kind,
      code: other,
      elementKind: row.kind,
      title: shown.title,
      language: shown.language,
      sourceSymbol: l.sourceSymbol,
      note: l.note,
    };
  });
  return { code, kind: rows[0]!.kind, versions, latest: versions[versions.length - 1]!, relations };
}

export async function elementVersion(db: Executor, code: string, version: number, language: Language): Promise<VersionView> {
  const [row] = await versionsOf(db, [code], sql`AND v.version = ${version}`);
  if (!row) throw notFound(`Version ${version} of ${code}`);
  return toView(row, language);
}

export interface ElementChange {
  code: string;
  kind: ElementKind;
  change: ChangeKind;
  from: VersionView | null;
  to: VersionView | null;
}

/** What changed in the framework between two dates: elements added, changed and removed. */
export async function changesBetween(db: Executor, from: string, to: string, language: Language): Promise<ElementChange[]> {
  const result = await db.execute(sql`
    WITH a AS (
      SELECT DISTINCT ON (code) code, version, effective_on, change FROM framework_versions
      WHERE effective_on <= ${from}::date ORDER BY code, effective_on DESC, version DESC),
    b AS (
      SELECT DISTINCT ON (code) code, version, effective_on, change FROM framework_versions
      WHERE effective_on <= ${to}::date ORDER BY code, effective_on DESC, version DESC)
    SELECT b.code, a.version AS a_version, a.effective_on AS a_on, a.change AS a_change,
           b.version AS b_version, b.effective_on AS b_on, b.change AS b_change
    FROM b LEFT JOIN a ON a.code = b.code
    WHERE a.version IS DISTINCT FROM b.version`);
  type Row = { code: string; a_version: number | null; a_on: string | null; a_change: VersionChange | null; b_version: number; b_on: string; b_change: VersionChange };
  const candidates = rowsOf<Row>(result)
    .map((r) => ({
      r,
      change: changeBetween(
        r.a_version === null ? null : { version: r.a_version, effectiveOn: String(r.a_on), change: r.a_change! },
        { version: r.b_version, effectiveOn: String(r.b_on), change: r.b_change },
      ),
    }))
    .filter((c): c is { r: Row; change: ChangeKind } => c.change !== null);
  const rows = await versionsOf(db, candidates.map((c) => c.r.code));
  const byKey = new Map(rows.map((r) => [`${r.code}@${r.version}`, r]));
  const order: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };
  return candidates
    .map(({ r, change }) => {
      const toRow = byKey.get(`${r.code}@${r.b_version}`)!;
      const fromRow = r.a_version === null ? null : byKey.get(`${r.code}@${r.a_version}`)!;
      return { code: r.code, kind: toRow.kind, change, from: fromRow ? toView(fromRow, language) : null, to: toView(toRow, language) };
    })
    .sort((x, y) => order[x.change] - order[y.change] || x.kind.localeCompare(y.kind) || x.code.localeCompare(y.code));
}

export interface SearchHit {
  code: string;
  kind: ElementKind;
  version: number;
  rank: number;
  display: VersionView['display'];
  citation: string;
  fragments: { language: Language; field: 'title' | 'text'; parts: Highlighted['parts'] }[];
}

/**
 * Full-text search over the framework as it stood on a date, in every language present, ranked;
 * each hit carries highlighted fragments, the page's language first.
 */
export async function searchFramework(
  db: Executor,
  input: { q: string; asOf: string; language: Language; kinds?: readonly ElementKind[] | undefined; limit: number },
): Promise<SearchHit[]> {
  const plan = planQuery(input.q);
  if (!plan) return [];
  const kindFilter = input.kinds?.length ? sql`AND e.kind IN (${sql.join(input.kinds.map((k) => sql`${k}`), sql`, `)})` : sql``;
  // The global search's matching (every language's stemmer, prefixes, phrases, substrings), on the same indexes.
  const matcher = matcherOf(plan, await tsQueryText(db, plan));
  const match = matcher.match(searchedIn('v'));
  const rank = matcher.rank(searchedIn('v'));
  // Candidates come from the index; a candidate counts only if it is the version standing on the date.
  const result = await db.execute(sql`
    SELECT ${versionColumns}, ${rank} AS rank
    FROM framework_versions v JOIN framework_elements e ON e.code = v.code JOIN source_documents s ON s.symbol = v.source_symbol
    WHERE ${match} AND v.effective_on <= ${input.asOf}::date AND v.change NOT IN ('superseded', 'retired') ${kindFilter}
      AND ${standsOn('v', sql`${input.asOf}::date`)}
    ORDER BY rank DESC, e.kind, e.position
    LIMIT ${input.limit}`);
  return rowsOf<VersionRow & { rank: number }>(result).map((r) => {
    const view = toView(r, input.language);
    const languages = [input.language, ...(Object.keys(r.texts) as Language[]).filter((l) => l !== input.language)];
    const fragments: SearchHit['fragments'] = [];
    for (const language of languages) {
      const t = r.texts[language];
      if (!t) continue;
      for (const field of ['title', 'text'] as const) {
        const h = highlight(t[field], plan.terms);
        if (h) fragments.push({ language, field, parts: h.parts });
      }
    }
    return { code: r.code, kind: r.kind, version: r.version, rank: Number(r.rank), display: view.display, citation: view.source.citation, fragments };
  });
}

export async function listSourceDocuments(db: Executor) {
  return db.select().from(sourceDocuments).orderBy(asc(sourceDocuments.date), asc(sourceDocuments.symbol));
}

export async function latestVersionNumber(db: Executor, code: string): Promise<number | null> {
  const [row] = await db
    .select({ n: sql<number>`max(${frameworkVersions.version})::int` })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.code, code));
  return row?.n ?? null;
}


/** The framework on a date, compact: each element in force with its texts and the elements it implements. */
export async function frameworkSnapshot(db: Executor, asOf: string) {
  const { items } = await frameworkOn(db, { asOf, language: 'en', limit: 1_000_000, offset: 0 });
  const inForce = new Set(items.map((i) => i.code));
  const links = await db.select({ from: frameworkRelations.fromCode, to: frameworkRelations.toCode }).from(frameworkRelations).where(eq(frameworkRelations.kind, 'implements'));
  return items.map((i) => ({
    code: i.code,
    kind: i.kind,
    version: i.version,
    texts: i.texts,
    citation: i.source.citation,
    implements: links.filter((l) => l.from === i.code && inForce.has(l.to)).map((l) => l.to),
  }));
}

/** The kind of every element in force today, by code: what other modules check codes against and weigh them by. */
export async function elementKindsInForce(db: Executor): Promise<Map<string, ElementKind>> {
  const items = await frameworkSnapshot(db, today());
  return new Map(items.map((i) => [i.code, i.kind]));
}
