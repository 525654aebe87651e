import { describe, expect, it } from 'vitest';
import { NEED_MOVES, needMayBecome, OFFER_MOVES, offerMayBecome } from '../src/modules/capacity/status-moves.js';
import { NEED_STATUSES, OFFER_STATUSES } from '../src/modules/capacity/tables.js';

describe("moving a need's or an offer's status by hand", () => {
  it('withdraws a need before a match, reopens one in discussion, marks a matched one met, and moves a met or withdrawn one nowhere', () => {
    expect(NEED_MOVES).toEqual({ open: ['withdrawn'], 'in-discussion': ['withdrawn', 'open'], matched: ['met'], met: [], withdrawn: [] });
    expect(needMayBecome('matched', 'withdrawn')).toBe(false);
    expect(needMayBecome('open', 'met')).toBe(false);
    expect(needMayBecome('matched', 'met')).toBe(true);
  });

  it('closes and reopens an offer at will, and never brings a withdrawn one back', () => {
    expect(offerMayBecome('open', 'closed')).toBe(true);
    expect(offerMayBecome('closed', 'open')).toBe(true);
    expect(offerMayBecome('withdrawn', 'open')).toBe(false);
    expect(offerMayBecome('withdrawn', 'closed')).toBe(false);
  });

  it('lists as a move only a status other than the one held, and allows asking for the one held', () => {
    for (const s of NEED_STATUSES) {
      expect(NEED_MOVES[s]).not.toContain(s);
      if (s === 'open' || s === 'met' || s === 'withdrawn') expect(needMayBecome(s, s)).toBe(true);
    }
    for (const s of OFFER_STATUSES) {
      expect(OFFER_MOVES[s]).not.toContain(s);
      expect(offerMayBecome(s, s)).toBe(true);
    }
  });
});
