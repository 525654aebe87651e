import { describe, expect, it } from 'vitest';
import { rankItems, type AgendaItem } from '../src/modules/agenda/items.js';
import { kindsFor } from '../src/modules/agenda/policy.js';
import type { Actor } from '../src/kernel/actor.js';

const item = (key: string, at: string | null, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  key,
  kind: 'meeting',
  title: { en: key },
  deadline: at ? { at: new Date(at), zone: 'UTC' } : null,
  link: '/',
  action: 'open',
  detail: {},
  ...extra,
});
const actor = (roles: Actor['roles']): Actor => ({ accountId: 'a', sessionId: 's', name: 'n', roles, state: 'CHL', organisation: null });

describe('the order of My PoA', () => {
  it('puts the nearest deadline first and what has none last, most recent change first', () => {
    const ranked = rankItems([
      item('later', '2027-03-01T00:00Z'),
      item('undated-old', null, { detail: { changedAt: new Date('2026-01-01') } }),
      item('sooner', '2027-01-01T00:00Z'),
      item('undated-new', null, { detail: { changedAt: new Date('2026-06-01') } }),
      item('passed', '2020-01-01T00:00Z'),
    ]);
    expect(ranked.map((i) => i.key)).toEqual(['passed', 'sooner', 'later', 'undated-new', 'undated-old']);
  });

  it('breaks a tie of deadlines by kind, then title', () => {
    const at = '2027-01-01T00:00Z';
    const ranked = rankItems([item('b', at, { kind: 'meeting' }), item('a', at, { kind: 'meeting' }), item('z', at, { kind: 'silence-procedure' })]);
    expect(ranked.map((i) => i.key)).toEqual(['z', 'a', 'b']);
  });
});

describe('the kinds each role is shown', () => {
  it('gives the report and amendments to those who act for a State, and the Secretariat its own work', () => {
    expect(kindsFor(actor(['focal_point']))).toEqual(new Set(['silence-procedure', 'report', 'registration', 'amendment', 'draft-changed', 'meeting']));
    expect(kindsFor(actor(['secretariat'])).has('registration-to-confirm')).toBe(true);
    expect(kindsFor(actor(['secretariat'])).has('report')).toBe(false);
    expect(kindsFor(actor(['chair'])).has('adoption-proposal')).toBe(true);
    expect(kindsFor(actor(['focal_point'])).has('adoption-proposal')).toBe(false);
    expect(kindsFor(null).size).toBe(0);
  });
});
