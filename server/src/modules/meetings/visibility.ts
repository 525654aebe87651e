import { isSecretariat, type Actor } from '../../kernel/actor.js';
import { isDraft, type MeetingStatus } from './meeting-rules.js';

/**
 * Who sees a meeting: everyone once it is announced; a draft, the Secretariat alone. The policy's
 * `readMeeting` rule and the one SQL condition of reading.ts (`visibleMeetings`) both come from here.
 */
export const mayReadDrafts = (actor: Actor | null): boolean => isSecretariat(actor);

export const mayReadMeeting = (actor: Actor | null, m: { status: MeetingStatus }): boolean => !isDraft(m.status) || mayReadDrafts(actor);
