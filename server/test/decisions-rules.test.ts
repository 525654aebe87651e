import { describe, expect, it } from 'vitest';
import { deadlineInstant } from '../src/kernel/deadline.js';
import {
  declareConsensus,
  mayAdoptBySilence,
  mayAdoptInMeeting,
  mayBreakSilence,
  mayObject,
  silenceOutcome,
  type RulesOfProcedure,
  type SilenceProcedure,
} from '../src/modules/decisions/consensus.js';
import { compareRevisions, contentHash, numberParagraphs, revisionLabel, transmission } from '../src/modules/decisions/revisions.js';

const rules: RulesOfProcedure = { observerStatesMayObject: false, defaultSilenceHours: 72 };
const chile = { iso3: 'CHL', status: 'member' as const };
const holySee = { iso3: 'VAT', status: 'observer' as const };
const deadline = new Date('2027-03-15T16:00:00.000Z'); // 12:00 New York time (EDT)
const open: SilenceProcedure = { status: 'open', deadlineAt: deadline };

describe('breaking silence', () => {
  it('is allowed one millisecond before the deadline', () => expect(mayBreakSilence(open, chile, new Date(deadline.getTime() - 1), rules, [])).toBeNull());
  it('is refused at the exact deadline', () => expect(mayBreakSilence(open, chile, deadline, rules, [])).toBe('deadline-passed'));
  it('is refused after the deadline', () => expect(mayBreakSilence(open, chile, new Date(deadline.getTime() + 1000), rules, [])).toBe('deadline-passed'));
  it('is refused once the procedure has ended', () => {
    expect(mayBreakSilence({ ...open, status: 'broken' }, chile, new Date('2027-03-14T00:00:00Z'), rules, ['ARG'])).toBe('not-open');
    expect(mayBreakSilence({ ...open, status: 'withdrawn' }, chile, new Date('2027-03-14T00:00:00Z'), rules, [])).toBe('not-open');
  });
  it('late is late: the same answer before and after the deadline job has adopted the text', () => {
    const late = new Date(deadline.getTime() + 60_000);
    expect(mayBreakSilence(open, chile, late, rules, [])).toBe('deadline-passed');
    expect(mayBreakSilence({ ...open, status: 'adopted' }, chile, late, rules, [])).toBe('deadline-passed');
    // even with a clock a little behind the job's
    expect(mayBreakSilence({ ...open, status: 'adopted' }, chile, new Date(deadline.getTime() - 1), rules, [])).toBe('deadline-passed');
    // a procedure broken in time stays broken, not late
    expect(mayBreakSilence({ ...open, status: 'broken' }, chile, late, rules, ['ARG'])).toBe('not-open');
  });
  it('is once per State', () => expect(mayBreakSilence({ ...open, status: 'broken' }, chile, new Date('2027-03-14T00:00:00Z'), rules, ['CHL'])).toBe('already-broken'));
  it('is for observer States only when the rules of procedure say so', () => {
    expect(mayBreakSilence(open, holySee, new Date('2027-03-14T00:00:00Z'), rules, [])).toBe('not-eligible');
    expect(mayBreakSilence(open, holySee, new Date('2027-03-14T00:00:00Z'), { ...rules, observerStatesMayObject: true }, [])).toBeNull();
  });
});

describe('the outcome of a silence procedure', () => {
  it('stays open before the deadline', () => expect(silenceOutcome(open, 0, new Date(deadline.getTime() - 1))).toBe('open'));
  it('is adopted at the exact deadline with no break', () => expect(silenceOutcome(open, 0, deadline)).toBe('adopted'));
  it('is broken by any break', () => expect(silenceOutcome(open, 1, deadline)).toBe('broken'));
  it('does not change once ended', () => expect(silenceOutcome({ ...open, status: 'broken' }, 0, new Date('2030-01-01'))).toBe('broken'));
});

describe('deadlines in a stated time zone', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('reads 12:00 New York time in winter as 17:00 UTC', () =>
    expect(deadlineInstant('2027-03-12T12:00', 'America/New_York', now)).toEqual({ at: new Date('2027-03-12T17:00:00Z'), offset: '-05:00' }));
  it('reads 12:00 New York time after the spring change as 16:00 UTC', () =>
    expect(deadlineInstant('2027-03-15T12:00', 'America/New_York', now)).toEqual({ at: new Date('2027-03-15T16:00:00Z'), offset: '-04:00' }));
  it('reads 12:00 Geneva time across the European change', () => {
    expect(deadlineInstant('2027-03-27T12:00', 'Europe/Zurich', now)).toEqual({ at: new Date('2027-03-27T11:00:00Z'), offset: '+01:00' });
    expect(deadlineInstant('2027-03-29T12:00', 'Europe/Zurich', now)).toEqual({ at: new Date('2027-03-29T10:00:00Z'), offset: '+02:00' });
  });
  it('refuses a local time that does not exist (skipped by the spring change)', () =>
    expect(deadlineInstant('2027-03-14T02:30', 'America/New_York', now)).toEqual({ problem: 'nonexistent-local-time' }));
  it('takes the first of a repeated local time (fall back)', () =>
    expect(deadlineInstant('2027-11-07T01:30', 'America/New_York', now)).toEqual({ at: new Date('2027-11-07T05:30:00Z'), offset: '-04:00' }));
  it('keeps seconds when given', () =>
    expect(deadlineInstant('2027-03-15T12:00:30', 'America/New_York', now)).toEqual({ at: new Date('2027-03-15T16:00:30Z'), offset: '-04:00' }));
  it.each([
    ['2027-03-15T12:00', 'Mars/Olympus', 'invalid-zone'],
    ['2027-02-30T12:00', 'UTC', 'invalid-time'],
    ['15/03/2027 12:00', 'UTC', 'invalid-time'],
    ['2026-12-31T12:00', 'UTC', 'in-the-past'],
    ['2027-01-01T00:00', 'UTC', 'in-the-past'],
  ])('refuses %s in %s: %s', (local, zone, problem) => expect(deadlineInstant(local, zone, now)).toEqual({ problem }));
});

describe('adoption in a meeting', () => {
  const proposal = { status: 'open' as const };
  it('lets a present member State object, once', () => {
    expect(mayObject(proposal, chile, true, rules, [])).toBeNull();
    expect(mayObject(proposal, chile, true, rules, ['CHL'])).toBe('already-objected');
  });
  it('refuses objections from States not present, observers (by default), or once closed', () => {
    expect(mayObject(proposal, chile, false, rules, [])).toBe('not-present');
    expect(mayObject(proposal, holySee, true, rules, [])).toBe('not-eligible');
    expect(mayObject({ status: 'adopted' }, chile, true, rules, [])).toBe('not-open');
  });
  it('declares consensus only when nobody objected', () => {
    expect(declareConsensus(proposal, 0)).toBe('adopted');
    expect(declareConsensus(proposal, 1)).toBe('not-adopted');
    expect(declareConsensus({ status: 'not-adopted' }, 0)).toBe('not-open');
  });
});

describe('where a text is adopted', () => {
  const group = '6f1c1a52-3d5e-4e0b-9a41-2f8e6c0d7b11';
  const other = '0b7e2f14-5a8c-4d31-8f6e-9c2a1d4b3e70';
  const plenaryMeeting = { body: 'plenary', inSession: true };
  const groupMeeting = { body: group, inSession: true };
  it("adopts a draft only in a meeting in session of the body it is before", () => {
    expect(mayAdoptInMeeting({ body: 'plenary' }, plenaryMeeting)).toBeNull();
    expect(mayAdoptInMeeting({ body: group }, groupMeeting)).toBeNull();
    expect(mayAdoptInMeeting({ body: 'plenary' }, { ...plenaryMeeting, inSession: false })).toBe('meeting-not-in-session');
    expect(mayAdoptInMeeting({ body: group }, { ...groupMeeting, inSession: false })).toBe('meeting-not-in-session');
  });
  it("never adopts a group's untransmitted draft in the plenary", () => expect(mayAdoptInMeeting({ body: group }, plenaryMeeting)).toBe('not-transmitted'));
  it("never adopts a plenary draft, or another group's, in a group's meeting", () => {
    expect(mayAdoptInMeeting({ body: 'plenary' }, groupMeeting)).toBe('other-body');
    expect(mayAdoptInMeeting({ body: other }, groupMeeting)).toBe('other-body');
  });
  it("circulates under silence only a draft before the plenary", () => {
    expect(mayAdoptBySilence({ body: 'plenary' })).toBeNull();
    expect(mayAdoptBySilence({ body: group })).toBe('not-transmitted');
  });
});

describe('transmission to the plenary', () => {
  const group = '6f1c1a52-3d5e-4e0b-9a41-2f8e6c0d7b11';
  const rev2 = { id: 'r2', number: 2, contentHash: 'abc' };
  const at = new Date('2027-05-03T14:00:00Z');
  it('puts the draft before the plenary and keeps the group, the date and the revision transmitted', () =>
    expect(transmission({ body: group, adoptionOpen: false }, rev2, at)).toEqual({
      body: 'plenary',
      provenance: { group, transmittedAt: at, revisionId: 'r2', revision: 2, contentHash: 'abc' },
    }));
  it('refuses a plenary draft (a transmitted one included) and a draft whose adoption the group has before it', () => {
    expect(transmission({ body: 'plenary', adoptionOpen: false }, rev2, at)).toEqual({ refusal: 'already-plenary' });
    expect(transmission({ body: group, adoptionOpen: true }, rev2, at)).toEqual({ refusal: 'under-adoption' });
  });
  it('makes a transmitted draft adoptable in the plenary and no longer in the group', () => {
    const moved = transmission({ body: group, adoptionOpen: false }, rev2, at);
    if (!('body' in moved)) throw new Error('refused');
    expect(mayAdoptInMeeting({ body: moved.body }, { body: 'plenary', inSession: true })).toBeNull();
    expect(mayAdoptInMeeting({ body: moved.body }, { body: group, inSession: true })).toBe('other-body');
    expect(mayAdoptBySilence({ body: moved.body })).toBeNull();
  });
});

describe('revisions', () => {
  const zero = [
    { key: 'a', kind: 'preambular' as const, text: 'Recalling resolution 77/37,' },
    { key: 'b', kind: 'operative' as const, text: 'Decides to establish a working group on capacity-building;' },
    { key: 'c', kind: 'operative' as const, text: 'Requests the Secretariat to report.' },
  ];
  const rev1 = [
    zero[0]!,
    { key: 'd', kind: 'operative' as const, text: 'Welcomes the progress made;' },
    { key: 'b', kind: 'operative' as const, text: 'Decides to establish an open-ended working group on capacity-building;' },
  ];
  it('labels revisions and numbers paragraphs', () => {
    expect([0, 1, 2].map(revisionLabel)).toEqual(['Zero draft', 'Rev.1', 'Rev.2']);
    expect(numberParagraphs(rev1).map((p) => p.label)).toEqual(['PP1', 'OP1', 'OP2']);
  });
  it('compares paragraph by paragraph with word-level changes', () => {
    const cmp = compareRevisions(zero, rev1);
    expect(cmp.map((c) => [c.key, c.change])).toEqual([
      ['a', 'unchanged'],
      ['d', 'added'],
      ['b', 'changed'],
      ['c', 'deleted'],
    ]);
    const changed = cmp.find((c) => c.key === 'b')!;
    expect(changed.words.filter((w) => w.removed).map((w) => w.text.trim())).toEqual(['a']);
    expect(changed.words.filter((w) => w.added).map((w) => w.text).join('').trim()).toMatch(/^an\s*open-ended$/);
    expect(changed.from!.label).toBe('OP1');
    expect(changed.to!.label).toBe('OP2');
  });
  it('hashes the text so any change to it shows', () => {
    expect(contentHash('T', zero)).toBe(contentHash('T', [...zero]));
    expect(contentHash('T', zero)).not.toBe(contentHash('T', [zero[0]!, zero[1]!, { ...zero[2]!, text: 'Requests the Secretariat to report!' }]));
    expect(contentHash('T', zero)).not.toBe(contentHash('T2', zero));
  });
});
