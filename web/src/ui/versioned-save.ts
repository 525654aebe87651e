import { useEffect, useRef, useState } from 'react';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { ApiProblem } from '../api/client';

/*
 * Saving a change without losing another's: every change to a versioned record is sent with the
 * version it was made on (If-Match). When someone else saved first, the server refuses it (412
 * Precondition Failed); the page shows the other person's version, and the next save is made on
 * it, so a change is never written over another unseen.
 */

/** The If-Match header for the version a change is made on; none while no version is known (a first save). */
export type IfMatch = { 'if-match': string } | Record<string, never>;

/** A record's version number as its ETag: 3 → `"3"`. */
export const versionTag = (version: number): string => `"${version}"`;

/** Whether a change was refused because someone else changed the record first (412). */
export const isStale = (error: unknown): error is ApiProblem => error instanceof ApiProblem && error.status === 412;

/** The other person's version, and its ETag: what the next save is made on. */
export interface Theirs<T> {
  value: T;
  etag: string | null;
}

export interface VersionedSaveOptions<V, R, T> {
  /**
   * The version the change is made on (an ETag): the one a form started from (kept fixed while the
   * form lives), or that of the record as the page shows it now. When a newer one is given, it is
   * followed; until then the hook keeps the version of its own last save, or of the other person's
   * after a refusal.
   */
  etag: string | null;
  /** Sends the change with its If-Match header. */
  send: (ifMatch: IfMatch, variables: V) => Promise<R>;
  /** The version of what was saved, when the answer tells it (undefined: it does not). */
  savedEtag?: (result: R) => string | null | undefined;
  /**
   * When someone else saved first: read their version and return it (the page shows it as `theirs`,
   * and the next save is made on it), or refresh what the page shows.
   */
  onStale?: (problem: ApiProblem, variables: V) => Promise<Theirs<T> | void> | Theirs<T> | void;
  onSuccess?: (result: R, variables: V) => unknown;
  /** Any other refusal (a field the server found wrong, a rule): a 412 goes to `onStale`. */
  onError?: (error: Error, variables: V) => unknown;
  onSettled?: () => unknown;
}

export type VersionedSave<V, R, T> = UseMutationResult<R, Error, V> & {
  /** The last attempt was refused: someone else saved first. */
  stale: boolean;
  /** The other person's version, as `onStale` read it, until the next save or `dropTheirs`. */
  theirs: T | null;
  dropTheirs: () => void;
  /** The version the next save is made on. */
  etag: string | null;
};

/** One save of a versioned record, with If-Match, the other person's version on 412, and the new version kept. */
export function useVersionedSave<V = void, R = unknown, T = never>(options: VersionedSaveOptions<V, R, T>): VersionedSave<V, R, T> {
  const { etag: given } = options;
  const givenRef = useRef(given);
  // The version this hook learnt itself (its last save, or the other person's), for the version it was given then.
  const [kept, setKept] = useState<{ given: string | null; etag: string | null } | null>(null);
  const keptRef = useRef(kept);
  const [theirs, setTheirs] = useState<T | null>(null);
  useEffect(() => {
    givenRef.current = given;
  }, [given]);

  const current = () => (keptRef.current && keptRef.current.given === givenRef.current ? keptRef.current.etag : givenRef.current);
  const keep = (etag: string | null) => {
    keptRef.current = { given: givenRef.current, etag };
    setKept(keptRef.current);
  };

  const mutation = useMutation<R, Error, V>({
    mutationFn: (variables) => {
      const etag = current();
      return options.send(etag ? { 'if-match': etag } : {}, variables);
    },
    onSuccess: async (result, variables) => {
      const saved = options.savedEtag?.(result);
      if (saved !== undefined) keep(saved);
      setTheirs(null);
      await options.onSuccess?.(result, variables);
    },
    onError: async (error, variables) => {
      if (isStale(error)) {
        // Their version could not be read (the network): the refusal stands, said as it is.
        const other = await Promise.resolve(options.onStale?.(error, variables)).catch(() => undefined);
        if (other) {
          keep(other.etag);
          setTheirs(() => other.value);
        }
        return;
      }
      await options.onError?.(error, variables);
    },
    onSettled: () => options.onSettled?.(),
  });

  return {
    ...mutation,
    stale: isStale(mutation.error),
    theirs,
    dropTheirs: () => setTheirs(null),
    etag: kept && kept.given === given ? kept.etag : given,
  };
}
