import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { highlight } from './highlight.js';
import { matcherOf, tsQueryText } from './match.js';
import { planQuery } from './query.js';
import { SEARCH_KINDS, type SearchKind, type SearchSource } from './source.js';

export interface SearchInput {
  q: string;
  /** The page's language: titles are shown in it, or in English marked as a fallback. */
  lang: Language;
  kinds?: readonly SearchKind[] | undefined;
  /** Only items in this language. */
  language?: Language | undefined;
  from?: string | undefined;
  to?: string | undefined;
  state?: string | undefined;
  limit: number;
  offset: number;
  /** Facet counts by kind (the results page); the header's suggestions do without. */
  facets: boolean;
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: { text: string; language: Language | null; fallback: boolean };
  /** Highlighted passages, in the page's language first. */
  fragments: { language: Language | null; parts: { text: string; match: boolean }[] }[];
  /** The web path of the item, to the passage found when it has an anchor (no language prefix). */
  link: string;
  date: string;
  state: string | null;
  rank: number;
}

interface Row {
  kind: SearchKind;
  id: string;
  title: Record<string, string> | null;
  parts: { anchor: string | null; lang: Language | null; text: string }[] | null;
  on_date: string | Date;
  state: string | null;
  link: string;
  rank: number | string;
}

/** One search over everything the viewer may see, ranked, with highlighted passages and counts by kind. */
export async function searchEverything(
  db: Executor,
  actor: Actor | null,
  input: SearchInput,
  sources: readonly SearchSource[],
): Promise<{ items: SearchResult[]; total: number; facets: { kind: SearchKind; count: number }[] }> {
  const plan = planQuery(input.q);
  if (!plan) return { items: [], total: 0, facets: [] };
  const scope = { actor, matcher: matcherOf(plan, await tsQueryText(db, plan)), today: new Date().toISOString().slice(0, 10) };
  // Each source with its own visibility rule; the filters every kind shares apply to all of them.
  const shared: SQL[] = [];
  if (input.language) shared.push(sql`${input.language} = ANY(x.languages)`);
  if (input.from) shared.push(sql`x.on_date >= ${input.from}::date`);
  if (input.to) shared.push(sql`x.on_date <= ${input.to}::date`);
  if (input.state) shared.push(sql`x.state = ${input.state}`);
  const where = shared.length ? sql`WHERE ${sql.join(shared, sql` AND `)}` : sql``;
  // Counts by kind ignore the kind filter (so the other kinds can be offered), never visibility.
  const counted = input.facets ? sources : sources.filter((s) => !input.kinds?.length || input.kinds.includes(s.kind));
  const union = sql.join(
    counted.map(
      (s) => sql`SELECT ${s.kind}::text AS kind, x.id::text AS id, x.ref::text AS ref, x.on_date::date AS on_date, x.state::text AS state,
        x.rank::real AS rank FROM (${s.hits(scope)}) x ${where}`,
    ),
    sql` UNION ALL `,
  );
  // What a kept hit shows, built for the page alone: one branch per kind, the others cut off by their
  // constant condition on the hit's kind.
  const shown = sql.join(
    counted.map(
      (s) => sql`SELECT y.title::jsonb AS title, y.parts::jsonb AS parts, y.link::text AS link
        FROM (${s.shown({ id: sql`p.id`, ref: sql`p.ref` }, scope)}) y WHERE p.kind = ${s.kind}`,
    ),
    sql` UNION ALL `,
  );
  const kindFilter = input.kinds?.length ? sql`WHERE kind IN (${sql.join(input.kinds.map((k) => sql`${k}`), sql`, `)})` : sql``;
  // Ranked on narrow rows (kind, id, ref, date, State, rank): the titles and passages of the thousands
  // of matches a common word has are never read, only those of the page kept.
  const result = await db.execute(sql`
    WITH hits AS MATERIALIZED (${union}),
      chosen AS (SELECT * FROM hits ${kindFilter}),
      page AS MATERIALIZED (SELECT * FROM chosen ORDER BY rank DESC, on_date DESC, kind, id LIMIT ${input.limit} OFFSET ${input.offset})
    SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', p.kind, 'id', p.id, 'on_date', p.on_date, 'state', p.state, 'rank', p.rank,
          'title', d.title, 'parts', d.parts, 'link', d.link) ORDER BY p.rank DESC, p.on_date DESC, p.kind, p.id), '[]'::jsonb)
        FROM page p LEFT JOIN LATERAL (${shown}) d ON true) AS items,
      (SELECT count(*) FROM chosen) AS total,
      (SELECT coalesce(jsonb_object_agg(kind, n), '{}'::jsonb) FROM (SELECT kind, count(*) AS n FROM hits GROUP BY kind) f) AS facets`);
  const [row] = rowsOf<{ items: Row[]; total: string | number; facets: Record<string, number> }>(result);
  const items = (row?.items ?? []).map((r) => toResult(r, input.lang, plan.terms));
  const facets = input.facets
    ? SEARCH_KINDS.filter((k) => row?.facets[k]).map((kind) => ({ kind, count: Number(row!.facets[kind]) }))
    : [];
  return { items, total: Number(row?.total ?? 0), facets };
}

function toResult(r: Row, lang: Language, terms: readonly string[]): SearchResult {
  const titles = r.title ?? {};
  const own = titles[lang];
  const title = own
    ? { text: own, language: lang, fallback: false }
    : titles.en
      ? { text: titles.en, language: 'en' as Language, fallback: lang !== 'en' }
      : { text: Object.values(titles)[0] ?? '', language: (Object.keys(titles)[0] as Language | undefined) ?? null, fallback: true };
  // Passages: the page's language first, then the others; the first one found gives the anchor.
  const parts = [...(r.parts ?? [])].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
  const fragments: SearchResult['fragments'] = [];
  let anchor: string | null = null;
  for (const p of parts) {
    const h = p.text ? highlight(p.text, terms) : null;
    if (!h) continue;
    anchor ??= p.anchor;
    if (fragments.length < 3) fragments.push({ language: p.lang, parts: h.parts });
  }
  if (fragments.length === 0) {
    const h = highlight(title.text, terms);
    if (h) fragments.push({ language: title.language, parts: h.parts });
  }
  return {
    kind: r.kind,
    id: r.id,
    title,
    fragments,
    link: anchor ? `${r.link}#${anchor}` : r.link,
    date: String(r.on_date).slice(0, 10),
    state: r.state,
    rank: Number(r.rank),
  };
}
