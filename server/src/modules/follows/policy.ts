import { ability, rule, signedIn } from '../../platform/http/policy.js';

/**
 * Following and notices concern the caller alone: any signed-in person follows what they may see
 * (the owning module decides that, through its own read rule), and reads, marks and sets only their
 * own notices and preference. The public follows nothing (it has the email updates instead).
 */
export const followsPolicy = {
  /** Follow or unfollow a thing the person may see (seen: the owning module found it for them). */
  follow: rule<{ seen: boolean }>('follows.follow', (actor, t) => actor !== null && t.seen),
  /** One's own notices and preference. */
  own: rule('follows.own', signedIn.allows),
} as const;

/** The `can` block of a thing's follow state, shown beside the thing on its page. */
export const followsCan = {
  thing: { follow: ability(followsPolicy.follow, (t: { seen: boolean }) => t) },
} as const;
