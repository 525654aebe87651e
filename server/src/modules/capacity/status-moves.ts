/**
 * How a need's and an offer's status may be moved by hand (matched and in-discussion come only from the
 * match workflow). One table each, used by the use cases that move them and by the `can.moveTo` of
 * each response, so that the page offers exactly the moves the API accepts.
 */
import type { NEED_STATUSES, OFFER_STATUSES } from './tables.js';

type NeedStatus = (typeof NEED_STATUSES)[number];
type OfferStatus = (typeof OFFER_STATUSES)[number];
export type NeedMove = 'open' | 'met' | 'withdrawn';
export type OfferMove = 'open' | 'closed' | 'withdrawn';

/** The requesting State's moves of its need: back to open while in discussion, met once matched, withdrawn before a match. */
export const NEED_MOVES: Readonly<Record<NeedStatus, readonly NeedMove[]>> = {
  open: ['withdrawn'],
  'in-discussion': ['withdrawn', 'open'],
  matched: ['met'],
  met: [],
  withdrawn: [],
};

/** The offeror's moves of its offer: closed and reopened at will, withdrawn for good. */
export const OFFER_MOVES: Readonly<Record<OfferStatus, readonly OfferMove[]>> = {
  open: ['closed', 'withdrawn'],
  closed: ['open', 'withdrawn'],
  withdrawn: [],
};

/** Whether a need may be moved to `to` (asking for the status it has is no move, and allowed). */
export const needMayBecome = (from: NeedStatus, to: NeedMove): boolean => from === to || NEED_MOVES[from].includes(to);

/** Whether an offer may be moved to `to` (asking for the status it has is no move, and allowed). */
export const offerMayBecome = (from: OfferStatus, to: OfferMove): boolean => from === to || OFFER_MOVES[from].includes(to);
