import { describe, expect, it } from 'vitest';
import { addressDigest, nextDigestAt, normaliseEmail, sortedTopics } from '../src/modules/updates/topics.js';

describe('the rules of email updates', () => {
  it('the digest leaves at 06:00 UTC, the next one strictly after now', () => {
    expect(nextDigestAt(new Date('2027-03-01T05:59:59.999Z')).toISOString()).toBe('2027-03-01T06:00:00.000Z');
    expect(nextDigestAt(new Date('2027-03-01T06:00:00.000Z')).toISOString()).toBe('2027-03-02T06:00:00.000Z');
    expect(nextDigestAt(new Date('2027-12-31T23:00:00.000Z')).toISOString()).toBe('2028-01-01T06:00:00.000Z');
  });

  it('an address is known by one digest whatever its case or spaces, and the digest is not the address', () => {
    expect(normaliseEmail('  Ana.Perez@Example.ORG ')).toBe('ana.perez@example.org');
    expect(addressDigest('Ana.Perez@Example.ORG')).toBe(addressDigest('ana.perez@example.org '));
    expect(addressDigest('ana.perez@example.org')).toMatch(/^[0-9a-f]{64}$/);
    expect(addressDigest('ana.perez@example.org')).not.toBe(addressDigest('ana.perez@example.com'));
  });

  it('topics keep the form’s order, each once', () => {
    expect(sortedTopics(['reporting', 'meetings', 'reporting'])).toEqual(['meetings', 'reporting']);
  });
});
