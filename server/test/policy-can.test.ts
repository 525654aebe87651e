import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../src/kernel/actor.js';
import { ability, canOf, choices, rule } from '../src/platform/http/policy.js';
import { meetingsCan } from '../src/modules/meetings/policy.js';
import type { MeetingFacts } from '../src/modules/meetings/policy.js';

/** The `can` block of a response, derived from a module's rules: one helper, no rule decided twice. */

const actor = (roles: Role[], state: string | null = null, organisation: string | null = null): Actor => ({
  accountId: 'a',
  sessionId: 's',
  name: 'Someone',
  roles,
  state,
  organisation,
});

type Door = { open: boolean; owner: string };
const policy = {
  knock: rule('door.knock', (a) => a !== null),
  enter: rule<Door>('door.enter', (a, d) => d.open || a?.state === d.owner),
  paint: rule<{ owner: string; colour: 'red' | 'green' | 'blue' }>('door.paint', (a, p) => a?.state === p.owner && p.colour !== 'red'),
};
const doorCan = {
  knock: ability(policy.knock),
  enter: ability(policy.enter, (d: Door) => d),
  paintIn: choices(policy.paint, ['red', 'green', 'blue'] as const, (d: Door, colour) => ({ owner: d.owner, colour })),
};

describe('canOf', () => {
  it('decides each flag by its rule, for the actor and the resource found in the thing', () => {
    expect(canOf(doorCan, null, { open: true, owner: 'CHL' })).toEqual({ knock: false, enter: true, paintIn: [] });
    expect(canOf(doorCan, actor(['delegate'], 'ARG'), { open: false, owner: 'CHL' })).toEqual({ knock: true, enter: false, paintIn: [] });
    expect(canOf(doorCan, actor(['delegate'], 'CHL'), { open: false, owner: 'CHL' })).toEqual({ knock: true, enter: true, paintIn: ['green', 'blue'] });
  });

  it('gives exactly the names the table declares, and no more', () => {
    expect(Object.keys(canOf(doorCan, null, { open: false, owner: 'X' }))).toEqual(['knock', 'enter', 'paintIn']);
    expect(canOf({ knock: ability(policy.knock) }, actor(['chair']))).toEqual({ knock: true });
  });

  it('agrees with the rule it names, for every actor and thing (a flag never says what its rule does not)', () => {
    const actors = [null, actor(['delegate'], 'CHL'), actor(['focal_point'], 'ARG'), actor(['secretariat'])];
    for (const a of actors)
      for (const d of [
        { open: true, owner: 'CHL' },
        { open: false, owner: 'CHL' },
      ]) {
        const can = canOf(doorCan, a, d);
        expect(can.enter).toBe(policy.enter.allows(a, d));
        expect(can.paintIn).toEqual((['red', 'green', 'blue'] as const).filter((colour) => policy.paint.allows(a, { owner: d.owner, colour })));
      }
  });
});

describe("a meeting's can block, from the meetings policy", () => {
  const meeting = (over: Partial<MeetingFacts> = {}): MeetingFacts => ({
    status: 'registration-open',
    registrationOpen: true,
    stakeholdersMayAttend: false,
    participantsPublished: false,
    hasAgendaItems: true,
    own: null,
    ...over,
  });
  const chl = { delegation: { kind: 'state' as const, state: 'CHL' }, accredited: true };
  const org = { delegation: { kind: 'organisation' as const, organisationId: 'o1' }, accredited: true };

  it('lists the statuses the Secretariat may move the meeting to, and none for anyone else', () => {
    const secretariat = actor(['secretariat']);
    expect(canOf(meetingsCan.meeting, secretariat, meeting({ status: 'planned' })).moveTo).toEqual(['registration-open', 'in-session']);
    expect(canOf(meetingsCan.meeting, secretariat, meeting({ status: 'registration-open' })).moveTo).toEqual(['planned', 'in-session']);
    expect(canOf(meetingsCan.meeting, secretariat, meeting({ status: 'in-session' })).moveTo).toEqual(['closed']);
    expect(canOf(meetingsCan.meeting, secretariat, meeting({ status: 'closed' })).moveTo).toEqual([]);
    expect(canOf(meetingsCan.meeting, actor(['chair']), meeting({ status: 'planned' })).moveTo).toEqual([]);
  });

  it('offers announce and a change of body for a draft, postpone and cancel for an announced meeting not yet in session: to the Secretariat alone', () => {
    const secretariat = actor(['secretariat']);
    const life = (who: Actor | null, status: MeetingFacts['status']) => {
      const { announce, editBody, postpone, cancel } = canOf(meetingsCan.meeting, who, meeting({ status }));
      return { announce, editBody, postpone, cancel };
    };
    expect(life(secretariat, 'draft')).toEqual({ announce: true, editBody: true, postpone: false, cancel: false });
    expect(life(secretariat, 'planned')).toEqual({ announce: false, editBody: false, postpone: true, cancel: true });
    expect(life(secretariat, 'registration-open')).toEqual({ announce: false, editBody: false, postpone: true, cancel: true });
    for (const status of ['in-session', 'closed', 'cancelled'] as const) expect(life(secretariat, status)).toEqual({ announce: false, editBody: false, postpone: false, cancel: false });
    for (const who of [actor(['chair']), actor(['focal_point'], 'CHL'), null]) {
      for (const status of ['draft', 'planned'] as const) expect(life(who, status)).toEqual({ announce: false, editBody: false, postpone: false, cancel: false });
    }
  });

  it('lets a delegation register only while registration is open, and an organisation only where stakeholders are admitted', () => {
    const delegate = actor(['delegate'], 'CHL');
    expect(canOf(meetingsCan.meeting, delegate, meeting({ own: chl })).register).toBe(true);
    expect(canOf(meetingsCan.meeting, delegate, meeting({ own: chl, registrationOpen: false })).register).toBe(false);
    const stakeholder = actor(['stakeholder'], null, 'o1');
    expect(canOf(meetingsCan.meeting, stakeholder, meeting({ own: org })).register).toBe(false);
    expect(canOf(meetingsCan.meeting, stakeholder, meeting({ own: org, stakeholdersMayAttend: true })).register).toBe(true);
    expect(canOf(meetingsCan.meeting, stakeholder, meeting({ own: { ...org, accredited: false }, stakeholdersMayAttend: true })).register).toBe(false);
    // A delegation the caller does not act for is never its to register.
    expect(canOf(meetingsCan.meeting, actor(['delegate'], 'ARG'), meeting({ own: chl })).register).toBe(false);
  });

  it('offers a statement only when the agenda has items to make it on, as submitting it requires', () => {
    const delegate = actor(['delegate'], 'CHL');
    expect(canOf(meetingsCan.meeting, delegate, meeting({ own: chl })).submitStatement).toBe(true);
    expect(canOf(meetingsCan.meeting, delegate, meeting({ own: chl, hasAgendaItems: false })).submitStatement).toBe(false);
  });
});
