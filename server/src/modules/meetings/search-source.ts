import { sql } from 'drizzle-orm';
import { actsForOrganisation, actsForState, isSecretariat } from '../../kernel/actor.js';
import { searchedIn, type SearchSource } from '../search/index.js';
import { visibleMeetings } from './reading.js';

/** Meetings in the global search: the calendar is public, but for drafts (meetingsPolicy.readMeeting). */
export const meetingsSearchSource: SearchSource = {
  kind: 'meeting',
  hits: ({ actor, matcher }) => sql`
    SELECT m.id::text AS id, m.id::text AS ref, ARRAY(SELECT jsonb_object_keys(m.title)) AS languages, m.starts_at::date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('m'))} AS rank
    FROM meetings m
    WHERE ${matcher.match(searchedIn('m'))} AND ${visibleMeetings(actor, sql`m.status`)}`,
  shown: ({ id }) => sql`
    SELECT m.title AS title, jsonb_build_array(jsonb_build_object('anchor', NULL, 'lang', NULL, 'text', coalesce(m.venue, ''))) AS parts, '/meetings/' || m.id AS link
    FROM meetings m WHERE m.id = ${id}::uuid`,
};

export const statementsSearchSource: SearchSource = {
  kind: 'statement',
  hits: ({ actor, matcher }) => {
    const own: ReturnType<typeof sql>[] = [sql`m.statements_published_at IS NOT NULL`];
    if (isSecretariat(actor)) own.push(sql`true`);
    if (actor?.state && actsForState(actor, actor.state)) own.push(sql`(st.delegation_kind = 'state' AND st.state = ${actor.state})`);
    if (actor?.organisation && actsForOrganisation(actor, actor.organisation)) own.push(sql`(st.delegation_kind = 'organisation' AND st.organisation_id = ${actor.organisation}::uuid)`);
    return sql`
      SELECT st.id::text AS id, st.id::text AS ref, ARRAY[st.language] AS languages, st.submitted_at::date AS on_date, st.state AS state,
        ${matcher.rank(searchedIn('st'))} AS rank
      FROM statements st JOIN meetings m ON m.id = st.meeting_id
      WHERE ${matcher.match(searchedIn('st'))} AND (${sql.join(own, sql` OR `)}) AND ${visibleMeetings(actor, sql`m.status`)}`;
  },
  shown: ({ id }) => sql`
    SELECT CASE WHEN st.title IS NULL THEN m.title ELSE jsonb_build_object(st.language, st.title) END AS title,
      jsonb_build_array(jsonb_build_object('anchor', 'statement-' || st.id, 'lang', st.language, 'text', coalesce(st.text, ''))) AS parts,
      '/meetings/' || st.meeting_id AS link
    FROM statements st JOIN meetings m ON m.id = st.meeting_id WHERE st.id = ${id}::uuid`,
};
