/**
 * Who takes part in a technical working group, as pure rules. Any State that wishes joins, and
 * leaves, by itself, with no approval. Accredited organisations take part as observers, and only
 * when the group's modalities say so. A stakeholder is never a member.
 */

export type Participant = { kind: 'state'; state: string } | { kind: 'organisation'; organisationId: string };
export type Capacity = 'member' | 'observer';

export interface GroupFacts {
  status: 'active' | 'closed';
  stakeholderObservers: boolean;
}

export type JoinRefusal = 'group-closed' | 'stakeholder-not-member' | 'state-is-member' | 'observers-not-admitted' | 'not-accredited';

/** The capacity each kind of participant takes part in. */
export const capacityOf = (p: Participant): Capacity => (p.kind === 'state' ? 'member' : 'observer');

/** Why this participant may not join the group in this capacity, or null when it may. */
export function joinRefusal(group: GroupFacts, who: Participant, as: Capacity, accredited: boolean): JoinRefusal | null {
  if (who.kind === 'organisation' && as === 'member') return 'stakeholder-not-member';
  if (who.kind === 'state' && as === 'observer') return 'state-is-member';
  if (group.status === 'closed') return 'group-closed';
  if (who.kind === 'organisation' && !group.stakeholderObservers) return 'observers-not-admitted';
  if (who.kind === 'organisation' && !accredited) return 'not-accredited';
  return null;
}

export const REFUSAL_TEXT: Record<JoinRefusal, string> = {
  'group-closed': 'The group has concluded its work.',
  'stakeholder-not-member': 'A stakeholder takes part as an observer, never as a member.',
  'state-is-member': 'A State takes part as a member.',
  'observers-not-admitted': "The group's modalities do not admit observers.",
  'not-accredited': 'Only accredited organisations take part as observers.',
};

export const CHAIR_ROLES = ['chair', 'co-facilitator', 'vice-chair'] as const;
export type ChairRole = (typeof CHAIR_ROLES)[number];
