import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { docxBomb, sampleDocx, sampleOdt, samplePdf, samplePng } from './support/files.js';
import ICAL from 'ical.js';
import { fromLocal, isTimeZone, toLocal } from '../src/kernel/local-time.js';
import { formatOffset, offsetTransitions, vtimezone } from '../src/modules/meetings/calendar/vtimezone.js';
import { bodyFits, canMoveTo, isDraft, mayAnnounce, mayCancel, mayEditBody, mayEditTimes, mayPostpone, MEETING_STATUSES, postponementProblems, scheduleChanged, nextReviewConference, plannedReminders, registrationIsOpen, reminderKey, timeProblems } from '../src/modules/meetings/meeting-rules.js';
import { agendaLabel, buildAgenda, flattenAgenda, mayRevise, unknownElementErrors } from '../src/modules/meetings/agenda/agenda.js';
import { delegationProblems, inDelegationOrder, inListOrder, publicParticipant, type ListedDelegation } from '../src/modules/meetings/registration/delegations.js';
import { escapeHtml, participantsCsvRows, participantsHtml } from '../src/modules/meetings/registration/participants-list.js';
import { meetingsCalendar } from '../src/modules/meetings/calendar/calendar.js';
import { meetingNotice } from '../src/modules/meetings/notice-texts.js';
import { LANGUAGES } from '../src/kernel/languages.js';
import { formatSymbol, SERIES_OF } from '../src/modules/documents/symbols.js';
import { checkFile, detectFormat, inflatedSize } from '../src/modules/documents/file-types.js';
import { joinRefusal } from '../src/modules/groups/membership.js';
import { inLanguage } from '../src/kernel/languages.js';

describe('meeting times', () => {
  it('reads a wall-clock time in the meeting’s zone, and shows an instant in it', () => {
    expect(fromLocal('2027-07-12T10:00', 'America/New_York')).toEqual({ ok: true, instant: new Date('2027-07-12T14:00:00Z') });
    expect(fromLocal('2027-01-12T10:00', 'America/New_York')).toEqual({ ok: true, instant: new Date('2027-01-12T15:00:00Z') });
    expect(fromLocal('2027-03-01T10:00', 'Asia/Kolkata')).toEqual({ ok: true, instant: new Date('2027-03-01T04:30:00Z') });
    expect(toLocal(new Date('2027-07-12T14:00:00Z'), 'Europe/Zurich')).toBe('2027-07-12T16:00');
  });

  it('refuses a time that does not exist, and takes a repeated one at its first occurrence', () => {
    expect(fromLocal('2027-03-14T02:30', 'America/New_York')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(fromLocal('2027-11-07T01:30', 'America/New_York')).toEqual({ ok: true, instant: new Date('2027-11-07T05:30:00Z') });
    expect(fromLocal('2027-02-30T10:00', 'UTC')).toEqual({ ok: false, reason: 'malformed' });
    expect(fromLocal('2027-07-12 10:00', 'UTC')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('knows IANA zones and nothing else', () => {
    expect(isTimeZone('Europe/Zurich')).toBe(true); // Geneva's zone: there is no Europe/Geneva
    expect(isTimeZone('Europe/Geneva')).toBe(false);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('../etc/passwd')).toBe(false);
  });

  it('finds the changes of offset of a year', () => {
    const t = offsetTransitions('Europe/Zurich', new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(t).toEqual([
      { at: new Date('2027-03-28T01:00:00Z'), offsetFrom: 60, offsetTo: 120 },
      { at: new Date('2027-10-31T01:00:00Z'), offsetFrom: 120, offsetTo: 60 },
    ]);
    expect(offsetTransitions('Asia/Tokyo', new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('VTIMEZONE', () => {
  it('writes offsets as RFC 5545 does', () => {
    expect(formatOffset(330)).toBe('+0530');
    expect(formatOffset(-240)).toBe('-0400');
    expect(formatOffset(0)).toBe('+0000');
  });

  it('lets a real iCalendar parser place local times at the right instants, either side of a change', () => {
    const zone = 'America/New_York';
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', vtimezone(zone, 2026, 2028).trim(), 'END:VCALENDAR', ''].join('\r\n');
    const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!);
    const at = (s: string) => {
      const t = ICAL.Time.fromDateTimeString(s);
      t.zone = tz;
      return t.toJSDate().toISOString();
    };
    expect(at('2027-07-12T10:00:00')).toBe('2027-07-12T14:00:00.000Z');
    expect(at('2027-12-01T10:00:00')).toBe('2027-12-01T15:00:00.000Z');
    expect(at('2027-03-14T03:30:00')).toBe('2027-03-14T07:30:00.000Z');
  });
});

describe('a calendar of meetings', () => {
  it('gives each event its zone’s TZID and VTIMEZONE, at the right instant', () => {
    const base = { kind: 'annual-meeting', sessionNumber: 1, venue: 'Geneva', format: 'hybrid', status: 'planned', version: 1, updatedAt: new Date() } as const;
    const text = meetingsCalendar({
      name: 'PoA',
      publicUrl: 'http://poa.test',
      meetings: [
        { ...base, id: 'a', title: { en: 'Geneva meeting' }, timeZone: 'Europe/Zurich', startsAt: new Date('2027-03-01T09:00:00Z'), endsAt: new Date('2027-03-05T17:00:00Z') },
        { ...base, id: 'b', title: { en: 'New York meeting' }, timeZone: 'America/New_York', startsAt: new Date('2027-07-12T14:00:00Z'), endsAt: new Date('2027-07-16T22:00:00Z') },
      ] as never,
    });
    const cal = new ICAL.Component(ICAL.parse(text));
    const zones = cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Zurich']);
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const events = cal.getAllSubcomponents('vevent').map((v) => ({ tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'), e: new ICAL.Event(v) }));
    expect(events.map((x) => [x.e.summary, x.tzid, x.e.startDate.toJSDate().toISOString(), x.e.endDate.toJSDate().toISOString()])).toEqual([
      ['Geneva meeting', 'Europe/Zurich', '2027-03-01T09:00:00.000Z', '2027-03-05T17:00:00.000Z'],
      ['New York meeting', 'America/New_York', '2027-07-12T14:00:00.000Z', '2027-07-16T22:00:00.000Z'],
    ]);
    expect(text).toContain('DTSTART;TZID=America/New_York:20270712T100000');
  });
});

describe('meetings', () => {
  it('move forward through their statuses, and back only from open registration', () => {
    expect(canMoveTo('planned', 'registration-open')).toBe(true);
    expect(canMoveTo('registration-open', 'in-session')).toBe(true);
    expect(canMoveTo('registration-open', 'planned')).toBe(true);
    expect(canMoveTo('in-session', 'closed')).toBe(true);
    expect(canMoveTo('closed', 'in-session')).toBe(false);
    expect(canMoveTo('in-session', 'planned')).toBe(false);
    expect(canMoveTo('planned', 'closed')).toBe(false);
  });

  it('belong to a body that fits their kind', () => {
    expect(bodyFits('twg-meeting', null)).toBe(false);
    expect(bodyFits('twg-meeting', 'g')).toBe(true);
    expect(bodyFits('informal-consultation', 'g')).toBe(true);
    expect(bodyFits('annual-meeting', 'g')).toBe(false);
    expect(bodyFits('annual-meeting', null)).toBe(true);
  });

  it('end after they start, and close registration no later than the start', () => {
    const s = new Date('2027-07-12T14:00:00Z');
    expect(timeProblems({ startsAt: s, endsAt: s, registrationDeadline: null }).map((p) => p.field)).toEqual(['endsAt']);
    expect(timeProblems({ startsAt: s, endsAt: new Date('2027-07-13T00:00:00Z'), registrationDeadline: new Date('2027-07-13T00:00:00Z') }).map((p) => p.field)).toEqual([
      'registrationDeadline',
    ]);
  });

  it('are open for registration until the deadline, inclusive', () => {
    const deadline = new Date('2027-06-30T21:59:00Z');
    expect(registrationIsOpen({ status: 'registration-open', registrationDeadline: deadline }, deadline)).toBe(true);
    expect(registrationIsOpen({ status: 'registration-open', registrationDeadline: deadline }, new Date(deadline.getTime() + 1))).toBe(false);
    expect(registrationIsOpen({ status: 'planned', registrationDeadline: null }, deadline)).toBe(false);
    expect(registrationIsOpen({ status: 'registration-open', registrationDeadline: null }, deadline)).toBe(true);
  });

  it('plan a reminder a week before the deadline and three days before the start, never for the past', () => {
    const m = { id: 'm1', status: 'registration-open' as const, startsAt: new Date('2027-07-12T14:00:00Z'), registrationDeadline: new Date('2027-06-30T22:00:00Z') };
    const now = new Date('2027-05-01T00:00:00Z');
    expect(plannedReminders(m, now)).toEqual([
      { kind: 'registration-deadline', target: m.registrationDeadline, runAt: new Date('2027-06-23T22:00:00Z'), key: reminderKey('m1', 'registration-deadline', m.registrationDeadline) },
      { kind: 'meeting-start', target: m.startsAt, runAt: new Date('2027-07-09T14:00:00Z'), key: reminderKey('m1', 'meeting-start', m.startsAt) },
    ]);
    // Within the lead time: at once. After the deadline: only the meeting's.
    const late = plannedReminders(m, new Date('2027-06-29T00:00:00Z'));
    expect(late[0]!.runAt).toEqual(new Date('2027-06-29T00:00:00Z'));
    expect(plannedReminders(m, new Date('2027-07-01T00:00:00Z')).map((r) => r.kind)).toEqual(['meeting-start']);
    expect(plannedReminders({ ...m, status: 'closed' }, now)).toEqual([]);
    // A moved meeting gets another key, so its reminder is sent again for the new date.
    expect(reminderKey('m1', 'meeting-start', new Date('2027-07-13T14:00:00Z'))).not.toBe(reminderKey('m1', 'meeting-start', m.startsAt));
  });
});

describe('review conferences', () => {
  const cadence = { foundedOn: '2026-03-01', everyYears: 5 };
  it('are due every N years after the founding', () => {
    expect(nextReviewConference(cadence, new Date('2026-11-01T00:00:00Z'), [])).toEqual({ number: 1, year: 2031, meetingId: null });
    expect(nextReviewConference(cadence, new Date('2031-02-01T00:00:00Z'), [])).toEqual({ number: 1, year: 2031, meetingId: null });
    expect(nextReviewConference({ ...cadence, everyYears: 3 }, new Date('2027-01-01T00:00:00Z'), [])).toEqual({ number: 1, year: 2029, meetingId: null });
  });
  it('name the meeting scheduled for it, and move on once it is held', () => {
    const rc = { id: 'rc1', startsAt: new Date('2031-06-01T13:00:00Z'), endsAt: new Date('2031-06-05T22:00:00Z'), status: 'planned' as const };
    expect(nextReviewConference(cadence, new Date('2031-02-01T00:00:00Z'), [rc])).toEqual({ number: 1, year: 2031, meetingId: 'rc1' });
    expect(nextReviewConference(cadence, new Date('2031-07-01T00:00:00Z'), [{ ...rc, status: 'closed' }])).toEqual({ number: 2, year: 2036, meetingId: null });
  });
});

describe('agendas', () => {
  let n = 0;
  const newKey = () => `k${++n}`;
  it('number items and sub-items as the UN does, keeping the keys given', () => {
    const built = buildAgenda(
      [
        { key: 'opening', title: { en: 'Opening of the meeting' } },
        { title: { en: 'Implementation of the framework' }, elements: ['norm-13a'], items: [{ title: { en: 'Norms' }, elements: ['norm-13b', 'norm-13a'] }, { key: 'cbms', title: { en: 'CBMs' } }] },
      ],
      newKey,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(flattenAgenda(built.items).map((i) => [i.number, i.title.en])).toEqual([
      ['1', 'Opening of the meeting'],
      ['2', 'Implementation of the framework'],
      ['2 (a)', 'Norms'],
      ['2 (b)', 'CBMs'],
    ]);
    expect(built.items[0]!.key).toBe('opening');
    expect(built.items[1]!.items[1]!.key).toBe('cbms');
    expect(built.elements.sort()).toEqual(['norm-13a', 'norm-13b']);
  });

  it('name each field that is wrong', () => {
    const built = buildAgenda(
      [
        { key: 'same', title: { en: 'A' } },
        { key: 'same', title: { en: 'B' }, items: [{ key: 'Bad Key', title: { en: 'C' } }] },
        { title: { en: 'D' }, elements: ['norm-13a', 'norm-13a'] },
      ],
      newKey,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => e.field)).toEqual(['body.items.1.key', 'body.items.1.items.0.key', 'body.items.2.elements']);
    expect(buildAgenda([], newKey).ok).toBe(false);
    expect(unknownElementErrors([{ title: { en: 'x' }, items: [{ title: { en: 'y' }, elements: ['nope'] }] }], new Set())).toEqual([
      { field: 'body.items.0.items.0.elements', message: 'no framework element nope' },
    ]);
  });

  it('are revised until adopted, then frozen, and labelled as such', () => {
    expect(mayRevise([{ status: 'draft' }, { status: 'draft' }])).toBe(true);
    expect(mayRevise([{ status: 'draft' }, { status: 'adopted' }])).toBe(false);
    expect(agendaLabel({ version: 1, status: 'draft' })).toBe('Provisional agenda');
    expect(agendaLabel({ version: 3, status: 'draft' })).toBe('Provisional agenda, Rev.2');
    expect(agendaLabel({ version: 2, status: 'adopted' })).toBe('Agenda (adopted, Rev.1)');
  });
});

describe('delegations', () => {
  it('of a State have exactly one head; an organisation lists no advisers', () => {
    expect(delegationProblems('state', [{ role: 'representative', name: 'A' }]).map((e) => e.field)).toEqual(['body.participants']);
    expect(delegationProblems('state', [{ role: 'head', name: 'A' }, { role: 'head', name: 'B' }])).toHaveLength(1);
    expect(delegationProblems('state', [{ role: 'head', name: 'A' }, { role: 'adviser', name: 'B' }])).toEqual([]);
    expect(delegationProblems('organisation', [{ role: 'adviser', name: 'A' }]).map((e) => e.field)).toEqual(['body.participants.0.role']);
    expect(delegationProblems('organisation', [{ role: 'representative', name: 'A' }])).toEqual([]);
    expect(delegationProblems('state', [])).toHaveLength(1);
  });

  it('list the head first, and show nothing of a person beyond name, title and role', () => {
    const people = [
      { role: 'adviser' as const, position: 0, name: 'C', title: null, email: 'c@x.org', phone: '+1 555' },
      { role: 'head' as const, position: 1, name: 'A', title: 'Ambassador', email: 'a@x.org', phone: null },
    ];
    expect(inDelegationOrder(people).map((p) => p.name)).toEqual(['A', 'C']);
    expect(Object.keys(publicParticipant(people[0]!)).sort()).toEqual(['name', 'role', 'title']);
  });

  it('are listed Member States first, then observers, then organisations, alphabetically', () => {
    const d = (name: string, standing: ListedDelegation['standing']): ListedDelegation => ({ kind: standing === 'organisation' ? 'organisation' : 'state', id: name, name, standing, participants: [] });
    expect(inListOrder([d('ZZ Org', 'organisation'), d('State of Palestine', 'observer'), d('Chile', 'member'), d('Argentina', 'member')]).map((x) => x.name)).toEqual([
      'Argentina',
      'Chile',
      'State of Palestine',
      'ZZ Org',
    ]);
  });

  it('render as CSV and a printable page with every text escaped', () => {
    const list: ListedDelegation[] = [{ kind: 'state', id: 'CHL', name: 'Chile', standing: 'member', participants: [{ role: 'head', name: '<script>alert(1)</script>', title: 'Ambassador "X"' }] }];
    const html = participantsHtml({ title: 'First <annual> meeting', dates: '2027-07-12 – 2027-07-16', venue: 'New York' }, list);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('First &lt;annual&gt; meeting');
    expect(escapeHtml(`'"&`)).toBe('&#39;&quot;&amp;');
    // The public projection only; formulas are neutralised by the platform's CSV writer (csv-rules.test.ts).
    expect(participantsCsvRows(list)).toEqual([
      ['delegation', 'delegation_kind', 'standing', 'role', 'name', 'title'],
      ['Chile', 'state', 'member', 'Head of delegation', '<script>alert(1)</script>', 'Ambassador "X"'],
    ]);
  });
});

describe('document symbols', () => {
  it('follow the pattern in its series', () => {
    const p = 'A/AC.300/{year}/{series}{n}';
    expect(formatSymbol(p, { year: 2027, series: SERIES_OF.report, n: 1 })).toBe('A/AC.300/2027/1');
    expect(formatSymbol(p, { year: 2027, series: SERIES_OF['working-paper'], n: 3 })).toBe('A/AC.300/2027/WP.3');
    expect(formatSymbol(p, { year: 2027, series: SERIES_OF['conference-room-paper'], n: 2 })).toBe('A/AC.300/2027/CRP.2');
    expect(formatSymbol(p, { year: 2027, series: SERIES_OF['information-note'], n: 1 })).toBe('A/AC.300/2027/INF/1');
    expect(formatSymbol('PoA/{series}{n}-{year}', { year: 2028, series: 'L', n: 4 })).toBe('PoA/L.4-2028');
  });
});

describe('uploaded files, by their bytes', () => {
  it('measures what an archive really inflates to, and refuses a DOCX that inflates past any real document (zip bomb)', () => {
    expect(inflatedSize(sampleDocx())).toBeGreaterThan(0);
    const bomb = docxBomb(20 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(detectFormat(bomb)).toBe('docx');
    expect(inflatedSize(bomb, 10 * 1024 * 1024)).toBeNull();
    expect(inflatedSize(bomb, 30 * 1024 * 1024)).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(checkFile(bomb, 'bomb.docx', undefined)).toEqual({ ok: true, format: 'docx' }); // 20 MB is within MAX_INFLATED_BYTES
  });

  it('recognises PDF, DOCX and ODT, and nothing else', () => {
    expect(detectFormat(samplePdf())).toBe('pdf');
    expect(detectFormat(sampleDocx())).toBe('docx');
    expect(detectFormat(sampleOdt())).toBe('odt');
    expect(detectFormat(sampleOdt('application/vnd.oasis.opendocument.spreadsheet'))).toBeNull();
    expect(detectFormat(Buffer.from(zipSync({ 'word/document.xml': strToU8('<x/>') })))).toBeNull(); // no [Content_Types].xml
    expect(detectFormat(Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<x/>') })))).toBeNull(); // a spreadsheet
    expect(detectFormat(samplePng())).toBeNull();
    expect(detectFormat(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
  });

  it('refuses a file whose bytes are not what its name or type claim', () => {
    expect(checkFile(samplePdf(), 'report.pdf', 'application/pdf')).toEqual({ ok: true, format: 'pdf' });
    expect(checkFile(samplePdf(), 'report.pdf', 'application/octet-stream')).toEqual({ ok: true, format: 'pdf' });
    expect(checkFile(sampleDocx(), 'statement.docx', undefined)).toEqual({ ok: true, format: 'docx' });
    expect(checkFile(samplePng(), 'picture.pdf', 'application/pdf').ok).toBe(false);
    expect(checkFile(sampleDocx(), 'renamed.pdf', 'application/pdf').ok).toBe(false);
    expect(checkFile(samplePdf(), 'report.pdf', 'application/vnd.oasis.opendocument.text').ok).toBe(false);
    expect(checkFile(sampleOdt(), 'text.odt', 'application/vnd.oasis.opendocument.text')).toEqual({ ok: true, format: 'odt' });
  });
});

describe('localized texts', () => {
  it('fall back to English with a mark', () => {
    expect(inLanguage({ en: 'Agenda', fr: 'Ordre du jour' }, 'fr')).toEqual({ text: 'Ordre du jour', language: 'fr', fallback: false });
    expect(inLanguage({ en: 'Agenda' }, 'ar')).toEqual({ text: 'Agenda', language: 'en', fallback: true });
  });
});

describe('working group membership', () => {
  const open = { status: 'active' as const, stakeholderObservers: true };
  const state = { kind: 'state' as const, state: 'CHL' };
  const org = { kind: 'organisation' as const, organisationId: 'o1' };
  it('lets any State join as a member, and never a stakeholder', () => {
    expect(joinRefusal(open, state, 'member', true)).toBeNull();
    expect(joinRefusal(open, org, 'member', true)).toBe('stakeholder-not-member');
    expect(joinRefusal({ ...open, stakeholderObservers: false }, org, 'member', true)).toBe('stakeholder-not-member');
    expect(joinRefusal(open, state, 'observer', true)).toBe('state-is-member');
  });
  it('admits accredited observers only when the modalities allow, and nobody once closed', () => {
    expect(joinRefusal(open, org, 'observer', true)).toBeNull();
    expect(joinRefusal({ ...open, stakeholderObservers: false }, org, 'observer', true)).toBe('observers-not-admitted');
    expect(joinRefusal(open, org, 'observer', false)).toBe('not-accredited');
    expect(joinRefusal({ ...open, status: 'closed' }, state, 'member', true)).toBe('group-closed');
  });
});

describe("a meeting's life", () => {
  const only = (rule: (s: (typeof MEETING_STATUSES)[number]) => boolean) => MEETING_STATUSES.filter(rule);

  it('keeps a draft to the Secretariat; announces, and changes body and kind, only a draft', () => {
    expect(only(isDraft)).toEqual(['draft']);
    expect(only(mayAnnounce)).toEqual(['draft']);
    expect(only(mayEditBody)).toEqual(['draft']);
  });

  it('postpones and cancels an announced meeting not yet in session', () => {
    expect(only(mayPostpone)).toEqual(['planned', 'registration-open']);
    expect(only(mayCancel)).toEqual(['planned', 'registration-open']);
    // Neither a draft nor a cancelled meeting is reached, or left, by a move of status.
    for (const s of MEETING_STATUSES) for (const t of ['draft', 'cancelled'] as const) expect(canMoveTo(s, t)).toBe(false);
    expect(MEETING_STATUSES.filter((t) => canMoveTo('draft', t) || canMoveTo('cancelled', t))).toEqual([]);
  });

  it('reminds nobody of a draft or a cancelled meeting', () => {
    const m = { id: 'm', startsAt: new Date('2030-01-10T10:00:00Z'), registrationDeadline: new Date('2030-01-01T10:00:00Z') };
    const now = new Date('2029-12-01T00:00:00Z');
    expect(plannedReminders({ ...m, status: 'planned' }, now)).toHaveLength(2);
    expect(plannedReminders({ ...m, status: 'draft' }, now)).toEqual([]);
    expect(plannedReminders({ ...m, status: 'cancelled' }, now)).toEqual([]);
  });

  it('counts a change of the start, the end or the zone as a change of the schedule', () => {
    const t = { startsAt: new Date('2030-01-10T10:00:00Z'), endsAt: new Date('2030-01-12T10:00:00Z'), registrationDeadline: null, timeZone: 'UTC' };
    expect(scheduleChanged(t, { ...t })).toBe(false);
    expect(scheduleChanged(t, { ...t, registrationDeadline: new Date('2030-01-01T10:00:00Z') })).toBe(false);
    expect(scheduleChanged(t, { ...t, startsAt: new Date('2030-01-10T11:00:00Z') })).toBe(true);
    expect(scheduleChanged(t, { ...t, endsAt: new Date('2030-01-13T10:00:00Z') })).toBe(true);
    expect(scheduleChanged(t, { ...t, timeZone: 'Europe/Zurich' })).toBe(true);
  });

  it('tells of a postponement and a cancellation in each language, with the reason and the times in the zone', () => {
    const at = { title: 'T', reason: 'R-why', startsAt: new Date('2030-01-10T15:00:00Z'), zone: 'America/New_York', link: 'http://poa.test/x' };
    const subjects = new Set<string>();
    for (const lang of LANGUAGES) {
      const cancelled = meetingNotice(lang, { kind: 'cancelled', ...at });
      const postponed = meetingNotice(lang, { kind: 'postponed', ...at, from: new Date('2029-12-10T15:00:00Z'), endsAt: new Date('2030-01-12T15:00:00Z') });
      for (const m of [cancelled, postponed]) {
        expect(m.text).toContain('R-why');
        expect(m.text).toContain('http://poa.test/x');
        expect(m.text).toContain('(America/New_York)');
        subjects.add(m.subject);
      }
    }
    expect(subjects.size).toBe(12);
  });

  it('marks a cancelled meeting CANCELLED in the calendar, every other CONFIRMED, with its SEQUENCE', () => {
    const base = { kind: 'annual-meeting', sessionNumber: 1, venue: 'Geneva', format: 'hybrid', version: 7, updatedAt: new Date(), timeZone: 'UTC', startsAt: new Date('2030-03-01T09:00:00Z'), endsAt: new Date('2030-03-02T09:00:00Z') } as const;
    const text = meetingsCalendar({
      name: 'PoA',
      publicUrl: 'http://poa.test',
      meetings: [
        { ...base, id: 'a', title: { en: 'A' }, status: 'planned', sequence: 0 },
        { ...base, id: 'b', title: { en: 'B' }, status: 'cancelled', sequence: 3, cancelReason: 'R' },
      ] as never,
    });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('summary'), v.getFirstPropertyValue('status'), v.getFirstPropertyValue('sequence')]);
    expect(events).toEqual([
      ['A', 'CONFIRMED', 0],
      ['B', 'CANCELLED', 3],
    ]);
    expect(text).not.toContain('TENTATIVE');
  });
});

describe('postponing and cancelled meetings (#17 item 5)', () => {
  const at = (iso: string) => new Date(iso);
  const before = { startsAt: at('2027-07-12T14:00:00Z'), endsAt: at('2027-07-16T22:00:00Z') };
  it('a postponement moves the start and the end later', () => {
    expect(postponementProblems(before, { startsAt: at('2027-09-13T14:00:00Z'), endsAt: at('2027-09-17T22:00:00Z') })).toEqual([]);
    expect(postponementProblems(before, { startsAt: at('2027-06-01T14:00:00Z'), endsAt: at('2027-06-05T22:00:00Z') }).map((p) => p.field)).toEqual(['startsAt', 'endsAt']);
    expect(postponementProblems(before, { startsAt: before.startsAt, endsAt: at('2027-07-20T22:00:00Z') }).map((p) => p.field)).toEqual(['startsAt']);
  });
  it('the dates of a cancelled meeting are not edited; any other meeting’s are', () => {
    expect(MEETING_STATUSES.filter((s) => !mayEditTimes(s))).toEqual(['cancelled']);
  });
});
