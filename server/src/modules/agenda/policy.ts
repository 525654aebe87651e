import type { Actor, Role } from '../../kernel/actor.js';
import { signedIn } from '../../platform/http/policy.js';
import type { ItemKind } from './items.js';

/**
 * "My PoA": a signed-in person's own list; the public has none. Which kinds of item each role is
 * shown is declared here, once; whether a given item is the person's to see or act on is decided by
 * the module that owns it, with its own rules, when the list is gathered.
 */
export const agendaPolicy = {
  read: signedIn,
} as const;

export const KINDS_OF_ROLE: Readonly<Record<Role, readonly ItemKind[]>> = {
  focal_point: ['silence-procedure', 'report', 'registration', 'amendment', 'draft-changed', 'meeting'],
  delegate: ['silence-procedure', 'report', 'registration', 'amendment', 'draft-changed', 'meeting'],
  chair: ['silence-procedure', 'adoption-proposal', 'draft-changed', 'meeting'],
  secretariat: ['silence-procedure', 'registration-to-confirm', 'document-to-issue', 'draft-changed', 'meeting'],
  stakeholder: ['registration', 'draft-changed', 'meeting'],
  poc: ['meeting'],
};

/** The kinds of item shown to this person: those of every role it holds. */
export function kindsFor(actor: Actor | null): Set<ItemKind> {
  return new Set((actor?.roles ?? []).flatMap((r) => KINDS_OF_ROLE[r]));
}
