import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/actor.js';
import { forbidden, unauthenticated } from './problem.js';

/**
 * One rule of who may do what. Modules declare theirs in `policy.ts`, in one table, and every
 * check, in a route guard, a use case or a `can` flag in a response, goes through `allows`.
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
