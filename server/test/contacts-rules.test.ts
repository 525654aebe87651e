import { describe, expect, it } from 'vitest';
import { mailLanguageOf, withinWorkingHours } from '../src/modules/contacts/working-hours.js';
import { bucketOf, tally, tallyBy } from '../src/modules/contacts/reachability.js';
import { firstResponseMinutes, threadStatus, type MessageFacts } from '../src/modules/contacts/thread-status.js';
import { contactsPolicy } from '../src/modules/contacts/policy.js';
import type { Actor, Role } from '../src/kernel/actor.js';
import { nextDirectoryDigestAt } from '../src/modules/contacts/directory-digest.js';
import { checkedTransmission } from '../src/modules/contacts/transmission.js';
import { directoryDigestMail } from '../src/modules/contacts/mail-texts.js';
import { LANGUAGES } from '../src/kernel/languages.js';

const office = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };

describe('working hours, on the POC’s own wall clock', () => {
  it('is inside on a weekday afternoon in its zone, outside at night and at the weekend', () => {
    // Monday 2026-03-02 14:00 UTC = 15:00 in Paris, 09:00 in New York, 23:00 in Tokyo
    const at = new Date('2026-03-02T14:00:00Z');
    expect(withinWorkingHours(office, 'Europe/Paris', at)).toBe(true);
    expect(withinWorkingHours(office, 'America/New_York', at)).toBe(true);
    expect(withinWorkingHours(office, 'Asia/Tokyo', at)).toBe(false);
    // Saturday
    expect(withinWorkingHours(office, 'Europe/Paris', new Date('2026-03-07T10:00:00Z'))).toBe(false);
  });
  it('a span past midnight belongs to the day it starts', () => {
    const night = { days: [5], from: '22:00', to: '06:00' };
    expect(withinWorkingHours(night, 'UTC', new Date('2026-03-06T23:00:00Z'))).toBe(true); // Friday 23:00
    expect(withinWorkingHours(night, 'UTC', new Date('2026-03-07T05:00:00Z'))).toBe(true); // Saturday 05:00
    expect(withinWorkingHours(night, 'UTC', new Date('2026-03-07T23:00:00Z'))).toBe(false);
  });
  it('emails a POC in the first UN language it works in, English otherwise', () => {
    expect(mailLanguageOf(['pt', 'es-AR', 'en'])).toBe('es');
    expect(mailLanguageOf(['de'])).toBe('en');
  });
});

describe('reachability buckets', () => {
  const sent = new Date('2026-01-01T00:00:00Z');
  const after = (minutes: number) => ({ sentAt: sent, answeredAt: new Date(sent.getTime() + minutes * 60_000) });
  it('counts answers within 1 h, 24 h, 72 h, and later or none as never', () => {
    expect([60, 61, 1440, 4320, 4321].map((m) => bucketOf(after(m)))).toEqual(['1h', '24h', '24h', '72h', 'never']);
    expect(bucketOf({ sentAt: sent, answeredAt: null })).toBe('never');
    expect(tally([after(5), after(100), { sentAt: null, answeredAt: null }])).toEqual({ '1h': 1, '24h': 1, '72h': 0, never: 1, total: 3 });
    expect(tallyBy([{ ...after(1), s: 'B' }, { ...after(1), s: 'A' }], (t) => t.s).map((g) => g.key)).toEqual(['A', 'B']);
  });
});

describe('thread status', () => {
  const m = (fromState: string, kind: MessageFacts['kind'], extra: Partial<MessageFacts> = {}): MessageFacts => ({ fromState, kind, createdAt: new Date(), deliveredAt: null, readAt: null, ...extra });
  it('goes sent → delivered → read → acknowledged → answered → closed', () => {
    expect(threadStatus('CHL', [m('CHL', 'incident-notification')])).toBe('sent');
    expect(threadStatus('CHL', [m('CHL', 'incident-notification', { deliveredAt: new Date() })])).toBe('delivered');
    expect(threadStatus('CHL', [m('CHL', 'incident-notification', { deliveredAt: new Date(), readAt: new Date() })])).toBe('read');
    expect(threadStatus('CHL', [m('CHL', 'incident-notification'), m('FRA', 'acknowledgement')])).toBe('acknowledged');
    expect(threadStatus('CHL', [m('CHL', 'incident-notification'), m('FRA', 'acknowledgement'), m('FRA', 'reply')])).toBe('answered');
    expect(threadStatus('CHL', [m('CHL', 'incident-notification'), m('FRA', 'reply'), m('CHL', 'closure')])).toBe('closed');
    // The opener's own reply is not an answer.
    expect(threadStatus('CHL', [m('CHL', 'incident-notification'), m('CHL', 'reply')])).toBe('sent');
  });
  it('measures the first response from the other side', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(firstResponseMinutes('CHL', [m('CHL', 'request-for-information', { createdAt: t0 }), m('FRA', 'acknowledgement', { createdAt: new Date(t0.getTime() + 90 * 60_000) })])).toBe(90);
    expect(firstResponseMinutes('CHL', [m('CHL', 'request-for-information', { createdAt: t0 })])).toBeNull();
  });
});

describe('who reads the directory (reciprocity)', () => {
  const actor = (roles: Role[], state: string | null): Actor => ({ accountId: 'a', sessionId: 's', name: 'n', roles, state, organisation: null });
  const withPoc = { stateHasPoc: true, currentPoc: false };
  const withoutPoc = { stateHasPoc: false, currentPoc: false };
  it('the Secretariat always; a focal point while its State has a POC; a POC while its nomination is current; nobody else', () => {
    expect(contactsPolicy.read.allows(actor(['secretariat'], null), withoutPoc)).toBe(true);
    expect(contactsPolicy.read.allows(actor(['focal_point'], 'CHL'), withPoc)).toBe(true);
    expect(contactsPolicy.read.allows(actor(['focal_point'], 'CHL'), withoutPoc)).toBe(false);
    expect(contactsPolicy.read.allows(actor(['poc'], 'CHL'), withPoc)).toBe(false);
    expect(contactsPolicy.read.allows(actor(['poc'], 'CHL'), { stateHasPoc: true, currentPoc: true })).toBe(true);
    for (const role of ['delegate', 'chair', 'stakeholder'] as Role[]) expect(contactsPolicy.read.allows(actor([role], 'CHL'), { stateHasPoc: true, currentPoc: true })).toBe(false);
    expect(contactsPolicy.read.allows(null, withPoc)).toBe(false);
  });
});

describe('the directory digest’s cut-off', () => {
  it('is the next 07:00 UTC strictly after the change', () => {
    expect(nextDirectoryDigestAt(new Date('2026-12-07T06:59:59Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDirectoryDigestAt(new Date('2026-12-07T07:00:00Z')).toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(nextDirectoryDigestAt(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-01T07:00:00.000Z');
  });
});

describe('an official transmission', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it('is a PDF by its bytes, whatever its name, within the upload limit, and keeps a clean name', () => {
    const ok = checkedTransmission({ name: 'C:\\notes\\"Note" verbale.pdf', base64: b64('%PDF-1.7 x') }, 1000)!;
    expect(ok.filename).toBe('Note verbale.pdf');
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkedTransmission(undefined, 1000)).toBeNull();
    expect(() => checkedTransmission({ name: 'a.pdf', base64: b64('PK\u0003\u0004 zip') }, 1000)).toThrow(/not a PDF/);
    expect(() => checkedTransmission({ name: 'a.pdf', base64: b64('%PDF-1.7 long') }, 5)).toThrow(/too large/);
  });
});

describe('the directory digest’s mail', () => {
  it('says in each of the six languages which State, which role, what and when, and links to sign in', () => {
    for (const lang of LANGUAGES) {
      const mail = directoryDigestMail(lang, { lines: [{ stateName: 'Ⓢ', role: 'technical', change: 'withdraw', at: new Date('2026-12-07T10:30:00Z') }], link: `https://poa.example/${lang}/contacts` });
      expect(mail.subject.length, lang).toBeGreaterThan(10);
      expect(mail.text, lang).toContain('Ⓢ');
      expect(mail.text, lang).toContain(`https://poa.example/${lang}/contacts`);
      expect(mail.text, lang).not.toMatch(/undefined|\{\{/);
    }
  });
});
