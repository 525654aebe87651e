import { hasRole, isFocalPointOf, isPocOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { ability, rule } from '../../platform/http/policy.js';

/**
 * Who may do what with the directory of points of contact (POCs), in one table. Deny by default:
 * the public, stakeholders, delegates and chairs never read it (delegates and chairs may sign in
 * without a second factor, and every account that can read it has one). A State reads it only
 * while it has at least one current POC (reciprocity): its focal point, and its POCs whose own
 * nomination is current. The Secretariat reads all.
 *
 * What the rules need beyond the actor (does the actor's State have a current POC, is this account
 * a current POC) comes as `Standing`, read from the database by `standingOf` for every request.
 */
export interface Standing {
  /** The actor's State has at least one current POC. */
  stateHasPoc: boolean;
  /** The actor is the account of a current nomination. */
  currentPoc: boolean;
}

/** May this role ever read the directory? Decided before any lookup, so nothing about it is read for the others. */
const directoryRole = (actor: Actor | null): boolean =>
  isSecretariat(actor) || (!!actor?.state && (isFocalPointOf(actor, actor.state) || isPocOf(actor, actor.state)));

/** A State's own side of the crisis line: its focal point, or its POC while its nomination is current; only while the State has a POC. */
const ownSide = (actor: Actor | null, s: Standing): boolean =>
  !!actor?.state && s.stateHasPoc && (isFocalPointOf(actor, actor.state) || (isPocOf(actor, actor.state) && s.currentPoc));

export interface ThreadFacts extends Standing {
  fromState: string;
  toState: string;
  secretariatMayRead: boolean;
}

const partyOf = (actor: Actor | null, t: ThreadFacts): boolean => ownSide(actor, t) && (actor!.state === t.fromState || actor!.state === t.toState);

export const contactsPolicy = {
  /** Route-level: only these roles reach the directory's routes at all. */
  directoryRoutes: rule('contacts.read', directoryRole),
  /** Read the directory, one's own check results, who read one's entries. */
  read: rule<Standing>('contacts.read', (actor, s) => isSecretariat(actor) || ownSide(actor, s)),
  /** Route-level: nominating is the focal point's. */
  nominateSomething: rule('contacts.nominate', (actor) => !!actor?.state && isFocalPointOf(actor, actor.state)),
  /** Nominate, change or withdraw a POC of this State: its focal point alone (with a fresh second factor, checked in the use case). */
  nominate: rule<{ state: string }>('contacts.nominate', (actor, poc) => isFocalPointOf(actor, poc.state)),
  /** The history of a nomination: its State's own side, and the Secretariat. */
  history: rule<Standing & { state: string }>('contacts.read', (actor, s) => isSecretariat(actor) || (ownSide(actor, s) && actor!.state === s.state)),
  /** Run reachability checks. */
  scheduleCheck: rule('contacts.check', (actor) => isSecretariat(actor)),
  /** Send a message to another State's POCs: one's own side, to a State that has a POC, never one's own. */
  send: rule<Standing & { toState: string; toStateHasPoc: boolean }>(
    'contacts.message',
    (actor, s) => ownSide(actor, s) && s.toStateHasPoc && actor!.state !== s.toState,
  ),
  /** Read an exchange: the two States' sides; the Secretariat where the sender let it. */
  readThread: rule<ThreadFacts>('contacts.read', (actor, t) => partyOf(actor, t) || (isSecretariat(actor) && t.secretariatMayRead)),
  /** Add a message to an exchange: the two States' sides only (the Secretariat reads, never writes). */
  answerThread: rule<ThreadFacts & { open: boolean }>('contacts.message', (actor, t) => t.open && partyOf(actor, t)),
} as const;

/** The `can` blocks of the directory, a POC and a thread (derived by `canOf`). */
export const contactsCan = {
  directory: {
    nominate: ability(contactsPolicy.nominate, (d: { state: string | null }) => ({ state: d.state ?? '' })),
    scheduleCheck: ability(contactsPolicy.scheduleCheck),
  },
  poc: {
    change: ability(contactsPolicy.nominate, (p: Standing & { state: string }) => ({ state: p.state })),
    history: ability(contactsPolicy.history, (p: Standing & { state: string }) => p),
  },
  thread: { answer: ability(contactsPolicy.answerThread, (t: ThreadFacts & { open: boolean }) => t) },
} as const;

export const isSecretariatReader = (actor: Actor | null) => hasRole(actor, 'secretariat');
