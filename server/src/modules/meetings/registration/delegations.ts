/**
 * Delegations and their participants, as pure rules: who a delegation is made of, and what of a
 * participant may ever be public (name, title and delegation: never an email or a phone number).
 */

export type Delegation = { kind: 'state'; state: string } | { kind: 'organisation'; organisationId: string };

export const PARTICIPANT_ROLES = ['head', 'representative', 'adviser'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The roles each kind of delegation may list. */
export const ROLES_FOR: Record<Delegation['kind'], readonly ParticipantRole[]> = {
  state: ['head', 'representative', 'adviser'],
  organisation: ['head', 'representative'],
};

export const MAX_PARTICIPANTS = 60;

export interface ParticipantInput {
  role: ParticipantRole;
  name: string;
  title?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** Problems with a delegation's list, by field. A State's delegation has exactly one head of delegation. */
export function delegationProblems(kind: Delegation['kind'], participants: readonly ParticipantInput[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (participants.length === 0) errors.push({ field: 'body.participants', message: 'a delegation has at least one participant' });
  if (participants.length > MAX_PARTICIPANTS) errors.push({ field: 'body.participants', message: `at most ${MAX_PARTICIPANTS} participants` });
  participants.forEach((p, i) => {
    if (!ROLES_FOR[kind].includes(p.role)) errors.push({ field: `body.participants.${i}.role`, message: `not a role in the delegation of ${kind === 'state' ? 'a State' : 'an organisation'}` });
  });
  const heads = participants.filter((p) => p.role === 'head').length;
  if (kind === 'state' && participants.length > 0 && heads !== 1) errors.push({ field: 'body.participants', message: 'a State’s delegation has exactly one head of delegation' });
  if (kind === 'organisation' && heads > 1) errors.push({ field: 'body.participants', message: 'at most one head of delegation' });
  return errors;
}

const ROLE_ORDER: Record<ParticipantRole, number> = { head: 0, representative: 1, adviser: 2 };

/** The head first, then representatives, then advisers, each in the order given. */
export function inDelegationOrder<P extends { role: ParticipantRole; position: number }>(participants: readonly P[]): P[] {
  return [...participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.position - b.position);
}

export interface PublicParticipant {
  role: ParticipantRole;
  name: string;
  title: string | null;
}

/** What of a participant the list of participants shows: nothing beyond name, title and role. */
export const publicParticipant = (p: { role: ParticipantRole; name: string; title: string | null }): PublicParticipant => ({
  role: p.role,
  name: p.name,
  title: p.title,
});

export interface ListedDelegation {
  kind: Delegation['kind'];
  /** ISO 3166-1 alpha-3 for a State; the organisation's id otherwise. */
  id: string;
  name: string;
  /** Member State, observer State, or an organisation. */
  standing: 'member' | 'observer' | 'organisation';
  participants: PublicParticipant[];
}

const STANDING_ORDER = { member: 0, observer: 1, organisation: 2 } as const;

/** The UN's order for a list of participants: Member States, then observer States, then organisations, each alphabetically. */
export function inListOrder(delegations: readonly ListedDelegation[]): ListedDelegation[] {
  return [...delegations].sort((a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] || a.name.localeCompare(b.name, 'en'));
}

export const ROLE_LABEL: Record<ParticipantRole, string> = { head: 'Head of delegation', representative: 'Representative', adviser: 'Adviser' };
