import { sql, type SQL } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';
import { VISIBILITIES, sees } from './questionnaire.js';
import { viewerOf } from './reading.js';

/**
 * National reports in the global search, by the module's own rule of who sees what (`sees`, through
 * `viewerOf`): each section of a report's latest submission is a result only for those who may see that
 * section (the reporting State and the Secretariat all; other States public and States-only sections;
 * everyone else public ones). A report's draft, not yet submitted, is seen by its State and the
 * Secretariat only. Each submitted section is a row of its own (report_submitted_sections), matched on its own
 * text, so a word in a hidden section never brings up the report.
 */

/** The State the actor drafts and reads reports for as its own, if any. */
function ownState(actor: Parameters<typeof viewerOf>[0]): string | null {
  return actor?.state && viewerOf(actor, actor.state).kind === 'own-state' ? actor.state : null;
}

/** The visibilities the actor sees in another State's report (no State is named ''). */
function seenElsewhere(actor: Parameters<typeof viewerOf>[0]): string[] {
  const viewer = viewerOf(actor, '');
  return VISIBILITIES.filter((v) => sees(viewer, v));
}

/** An answer's free text as written (what poa_answer_text folds). */
const answerText = (a: SQL) => sql`concat_ws(' ', ${a}->>'measures', ${a}->>'challenges', ${a}->>'contacts',
  (SELECT string_agg(n->>'description', ' ') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${a}->'needs') = 'array' THEN ${a}->'needs' ELSE '[]'::jsonb END) n))`;

/** Report ids are UUIDs (36 characters): a section's id is `<report id>:<key>`. */
const reportOf = (id: SQL) => sql`left(${id}, 36)::uuid`;
const keyOf = (id: SQL) => sql`substr(${id}, 38)`;

export const reportSectionsSearchSource: SearchSource = {
  kind: 'report-section',
  hits: ({ actor, matcher }) => {
    const own = ownState(actor);
    const seen = seenElsewhere(actor);
    const visible = sql`(${own ? sql`s.state = ${own} OR ` : sql``}s.visibility IN (${sql.join(seen.map((v) => sql`${v}`), sql`, `)}))`;
    // One row per submitted section (drizzle/0027), found through its own indexes; only the latest
    // submission of a report counts.
    return sql`
      SELECT s.report_id::text || ':' || s.key AS id, s.submission_id::text AS ref, ARRAY['en'] AS languages,
        s.submitted_at::date AS on_date, s.state AS state, ${matcher.rank(searchedIn('s'))} AS rank
      FROM report_submitted_sections s
      WHERE ${matcher.match(searchedIn('s'))}
        AND ${visible}
        AND NOT EXISTS (SELECT 1 FROM report_submissions later WHERE later.report_id = s.report_id AND later.number > s.number)`;
  },
  shown: ({ id, ref }) => sql`
    SELECT jsonb_build_object('en', c.title || ' · ' || s.state || ' · ' || s.key) AS title,
      jsonb_build_array(jsonb_build_object('anchor', 'section-' || s.key, 'lang', NULL, 'text', ${answerText(sql`s.answer`)})) AS parts,
      '/reporting/reports/' || s.report_id AS link
    FROM report_submitted_sections s JOIN reporting_cycles c ON c.id = s.cycle_id
    WHERE s.submission_id = ${ref}::uuid AND s.key = ${keyOf(id)}`,
};

export const reportDraftsSearchSource: SearchSource = {
  kind: 'report-draft',
  hits: ({ actor, matcher }) => {
    const own = ownState(actor);
    // Who sees a draft: those viewerOf calls the Secretariat or the State's own; nobody else.
    const readers = viewerOf(actor, '').kind === 'secretariat' ? sql`true` : own ? sql`r.state = ${own}` : sql`false`;
    return sql`
      SELECT d.report_id::text || ':' || d.key AS id, d.report_id::text || ':' || d.key AS ref, ARRAY['en'] AS languages,
        d.updated_at::date AS on_date, r.state AS state, ${matcher.rank(searchedIn('d'))} AS rank
      FROM report_sections d
        JOIN national_reports r ON r.id = d.report_id
      WHERE ${readers} AND ${matcher.match(searchedIn('d'))}`;
  },
  // Its own people are taken to where they edit it, the Secretariat to the report's page.
  shown: ({ id }, { actor }) => {
    const own = ownState(actor);
    return sql`
      SELECT jsonb_build_object('en', c.title || ' · ' || r.state || ' · ' || d.key) AS title,
        jsonb_build_array(jsonb_build_object('anchor', 'section-' || d.key, 'lang', NULL, 'text', ${answerText(sql`d.answer`)})) AS parts,
        '/reporting/reports/' || d.report_id || ${own ? sql`CASE WHEN r.state = ${own} THEN '/edit' ELSE '' END` : sql`''`} AS link
      FROM report_sections d
        JOIN national_reports r ON r.id = d.report_id
        JOIN reporting_cycles c ON c.id = r.cycle_id
      WHERE d.report_id = ${reportOf(id)} AND d.key = ${keyOf(id)}`;
  },
};
