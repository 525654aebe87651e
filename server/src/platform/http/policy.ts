import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { forbidden, unauthenticated } from './problem.js';

/**
 * One rule of who may do what. Modules declare theirs in `policy.ts`, in one table, and every
 * check goes through `allows`: a route guard (`guard`), a use case (`authorize`), and a `can` flag
 * in a response (`canOf`, from the module's table of what each kind of thing's `can` block shows).
 */
export interface Rule<R = void> {
  readonly action: string;
  readonly allows: (actor: Actor | null, resource: R) => boolean;
}

export const rule = <R = void>(action: string, allows: (actor: Actor | null, resource: R) => boolean): Rule<R> => ({
  action,
  allows,
});

/** Throws 401 for the public, 403 for a signed-in account, when the rule does not allow the act. */
export function authorize<R>(actor: Actor | null, r: Rule<R>, resource: R): asserts actor is Actor {
  if (r.allows(actor, resource)) return;
  throw actor ? forbidden() : unauthenticated();
}

/** What a route declares: the rule, and how to find the thing the rule is about in the request. */
export interface RoutePolicy {
  readonly action: string;
  readonly allows: (actor: Actor | null, request: FastifyRequest) => boolean;
}

export function guard(r: Rule<void>): RoutePolicy;
export function guard<R>(r: Rule<R>, resourceOf: (request: FastifyRequest) => R): RoutePolicy;
export function guard<R>(r: Rule<R>, resourceOf?: (request: FastifyRequest) => R): RoutePolicy {
  return {
    action: r.action,
    allows: (actor, request) => r.allows(actor, resourceOf ? resourceOf(request) : (undefined as R)),
  };
}

/** Anyone, signed in or not: for public reads. */
export const publicRead = rule('public.read', () => true);
/** Any signed-in account: for what concerns the caller alone. */
export const signedIn = rule('account.self', (actor) => actor !== null);

/**
 * What a response's `can` block says about one kind of thing, in the manner of Outline's presenters
 * deriving abilities from its policies: each name the block shows, and the rule that decides it. A
 * module declares these tables in its `policy.ts`, beside the rules; every reading and route derives
 * the block with `canOf`, so none re-decides a rule. What a rule needs beyond the actor and the thing
 * (a meeting in session, a deadline passed, the caller's own delegation) the thing carries as facts.
 */
export type Ability<T> = Flag<T> | Choices<T, string>;

/** A yes or no: the rule, asked about the resource found in the thing. */
export interface Flag<T> {
  readonly kind: 'flag';
  readonly action: string;
  readonly decide: (actor: Actor | null, thing: T) => boolean;
}

/** The options the rule allows among several (e.g. the statuses a meeting may move to next), in their order. */
export interface Choices<T, O extends string> {
  readonly kind: 'choices';
  readonly action: string;
  readonly decide: (actor: Actor | null, thing: T) => O[];
}

export type Abilities<T> = Readonly<Record<string, Ability<T>>>;

/** The `can` block a table of abilities gives: a boolean for each flag, the allowed options for each choice. */
export type Can<A> = { -readonly [K in keyof A]: A[K] extends Choices<never, infer O> ? O[] : boolean };

/** A flag from a rule about the actor alone, or from a rule about a resource found in the thing. */
export function ability(r: Rule<void>): Flag<unknown>;
export function ability<T, R>(r: Rule<R>, resourceOf: (thing: T) => R): Flag<T>;
export function ability<T, R>(r: Rule<R>, resourceOf?: (thing: T) => R): Flag<T> {
  return { kind: 'flag', action: r.action, decide: (actor, thing) => r.allows(actor, resourceOf ? resourceOf(thing) : (undefined as R)) };
}

/** Which of the options the rule allows, each asked about its own resource. */
export function choices<T, O extends string, R>(r: Rule<R>, options: readonly O[], resourceOf: (thing: T, option: O) => R): Choices<T, O> {
  return { kind: 'choices', action: r.action, decide: (actor, thing) => options.filter((o) => r.allows(actor, resourceOf(thing, o))) };
}

/** The `can` block of a response: every ability of the table, decided by its rule for this actor and thing. */
export function canOf<T, A extends Abilities<T>>(abilities: A, actor: Actor | null, thing: T): Can<A>;
export function canOf<A extends Abilities<undefined>>(abilities: A, actor: Actor | null): Can<A>;
export function canOf<T, A extends Abilities<T>>(abilities: A, actor: Actor | null, thing?: T): Can<A> {
  const can: Record<string, boolean | string[]> = {};
  for (const [name, a] of Object.entries(abilities)) can[name] = a.decide(actor, thing as T);
  return can as Can<A>;
}
