import { describe, expect, it } from 'vitest';
import { nextDigestAt, noticeOf } from '../src/modules/follows/kinds.js';

const id = '6f1c1f4e-8a51-4a43-9d7e-3f0c2b9a7d10';
const other = '0b5a3c2e-1d4f-4e6a-8b7c-9d0e1f2a3b4c';

describe('what a recorded change is to the things followed', () => {
  it('names the draft of a revision, an amendment, a silence procedure opened', () => {
    expect(noticeOf({ action: 'decisions.issue-revision', subjectType: 'draft', subjectId: id, details: { number: 2 } })).toEqual({ what: 'revision-issued', things: [{ kind: 'draft', id }], revision: 2 });
    expect(noticeOf({ action: 'decisions.propose-amendment', subjectType: 'amendment', subjectId: other, details: { draftId: id, revision: 1 } })).toEqual({
      what: 'amendment-proposed',
      things: [{ kind: 'draft', id }],
      revision: 1,
    });
    const deadline = new Date('2027-03-15T16:00:00Z');
    expect(noticeOf({ action: 'decisions.open-silence', subjectType: 'silence-procedure', subjectId: other, details: { draftId: id, revision: 1, deadlineAt: deadline } })).toEqual({
      what: 'silence-opened',
      things: [{ kind: 'draft', id }],
      revision: 1,
      deadlineAt: deadline.toISOString(),
    });
  });

  it('an adoption by silence concerns its procedure and (through the outcome) its draft', () => {
    expect(noticeOf({ action: 'decisions.adopt', subjectType: 'outcome', subjectId: other, details: { via: 'silence', adoptedBy: id, revision: 3 } })).toEqual({
      what: 'adopted',
      things: [{ kind: 'outcome', id: other }, { kind: 'silence-procedure', id }],
      revision: 3,
    });
    expect(noticeOf({ action: 'decisions.adopt', subjectType: 'outcome', subjectId: other, details: { via: 'meeting', adoptedBy: id } })?.things).toEqual([{ kind: 'outcome', id: other }]);
  });

  it('a group hears of its drafts and meetings; the plenary is not a group', () => {
    expect(noticeOf({ action: 'decisions.create-draft', subjectType: 'draft', subjectId: other, details: { body: id } })).toEqual({ what: 'draft-tabled', things: [{ kind: 'group', id }] });
    expect(noticeOf({ action: 'decisions.create-draft', subjectType: 'draft', subjectId: other, details: { body: 'plenary' } })).toBeNull();
    expect(noticeOf({ action: 'meetings.schedule', subjectType: 'meeting', subjectId: other, details: { groupId: null } })).toBeNull();
    expect(noticeOf({ action: 'meetings.schedule', subjectType: 'meeting', subjectId: other, details: { groupId: id } })?.things).toEqual([{ kind: 'group', id }]);
  });

  it('tells nobody of what concerns one State or person alone', () => {
    for (const action of ['meetings.register-delegation', 'reporting.save-section', 'follows.follow', 'accounts.sign-in', 'decisions.cosponsor-amendment']) {
      expect(noticeOf({ action, subjectType: 'x', subjectId: id, details: {} }), action).toBeNull();
    }
  });
});

describe('the digest hour', () => {
  it("is today's when still ahead, else tomorrow's", () => {
    expect(nextDigestAt(new Date('2027-01-01T05:00:00Z')).toISOString()).toBe('2027-01-01T07:00:00.000Z');
    expect(nextDigestAt(new Date('2027-01-01T07:00:00Z')).toISOString()).toBe('2027-01-02T07:00:00.000Z');
  });
});
