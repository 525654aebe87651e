import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';
import { needsVisibleTo, offersVisibleTo } from './reading.js';

/**
 * Capacity-building needs and offers in the global search, by the module's own rule of who sees them
 * (visibility.ts as SQL: `needsVisibleTo`, `offersVisibleTo`): by their visibility, or as their owner. A
 * party to a match on a need it may not otherwise see reads that need through the match, not through the
 * search: a Secretariat-only need is found by the Secretariat and its own State only.
 */

/** Each language's description as a passage of its own. */
const descriptions = (table: string) =>
  sql.raw(`coalesce((SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value)) FROM jsonb_each_text(${table}.description) t), '[]'::jsonb)`);

export const capacityNeedsSearchSource: SearchSource = {
  kind: 'capacity-need',
  hits: ({ actor, matcher }) => sql`
    SELECT capacity_needs.id::text AS id, capacity_needs.id::text AS ref, ARRAY(SELECT jsonb_object_keys(capacity_needs.title)) AS languages,
      capacity_needs.published_at::date AS on_date, capacity_needs.state AS state,
      ${matcher.rank(searchedIn('capacity_needs'))} AS rank
    FROM capacity_needs
    WHERE ${matcher.match(searchedIn('capacity_needs'))} AND (${needsVisibleTo(actor)})`,
  shown: ({ id }) => sql`
    SELECT capacity_needs.title AS title, ${descriptions('capacity_needs')} AS parts, '/capacity/needs/' || capacity_needs.id AS link
    FROM capacity_needs WHERE capacity_needs.id = ${id}::uuid`,
};

export const capacityOffersSearchSource: SearchSource = {
  kind: 'capacity-offer',
  hits: ({ actor, matcher }) => sql`
    SELECT capacity_offers.id::text AS id, capacity_offers.id::text AS ref, ARRAY(SELECT jsonb_object_keys(capacity_offers.title)) AS languages,
      capacity_offers.published_at::date AS on_date, capacity_offers.offeror_state AS state,
      ${matcher.rank(searchedIn('capacity_offers'))} AS rank
    FROM capacity_offers
    WHERE ${matcher.match(searchedIn('capacity_offers'))} AND (${offersVisibleTo(actor)})`,
  shown: ({ id }) => sql`
    SELECT capacity_offers.title AS title, ${descriptions('capacity_offers')} AS parts, '/capacity/offers/' || capacity_offers.id AS link
    FROM capacity_offers WHERE capacity_offers.id = ${id}::uuid`,
};
