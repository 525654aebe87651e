import type { MessageKind } from './tables.js';

/**
 * Where an exchange between two States stands, from its messages: sent, delivered (the other side
 * listed it), read (the other side opened it), acknowledged, answered, closed.
 */
export const THREAD_STATUSES = ['sent', 'delivered', 'read', 'acknowledged', 'answered', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export interface MessageFacts {
  fromState: string;
  kind: MessageKind;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

/** The status of a thread opened by `opener`; messages in their order. */
export function threadStatus(opener: string, messages: readonly MessageFacts[]): ThreadStatus {
  if (messages.some((m) => m.kind === 'closure')) return 'closed';
  const answers = messages.filter((m) => m.fromState !== opener);
  if (answers.some((m) => m.kind === 'reply')) return 'answered';
  if (answers.some((m) => m.kind === 'acknowledgement')) return 'acknowledged';
  const first = messages[0];
  if (first?.readAt) return 'read';
  if (first?.deliveredAt) return 'delivered';
  return 'sent';
}

/** Minutes from the first message to the other side's first answer (acknowledgement or reply); null while none. */
export function firstResponseMinutes(opener: string, messages: readonly MessageFacts[]): number | null {
  const first = messages[0];
  const answer = messages.find((m) => m.fromState !== opener);
  if (!first || !answer) return null;
  return Math.round((answer.createdAt.getTime() - first.createdAt.getTime()) / 60_000);
}

/** What may follow: a closed thread takes nothing more. */
export const threadOpen = (messages: readonly MessageFacts[]): boolean => !messages.some((m) => m.kind === 'closure');
