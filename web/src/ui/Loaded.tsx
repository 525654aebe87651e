import type { ReactNode } from 'react';
import { Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from '../app/i18n';
import { ApiProblem } from '../api/client';
import { NotFound } from './NotFound';
import { ProblemAlert } from './ProblemAlert';

/** Whether the API says the address names nothing: 404, or 400 for an id that cannot be one. */
export const namesNothing = (error: unknown): boolean => error instanceof ApiProblem && (error.status === 404 || error.status === 400);

/** What the gate reads of a query (a TanStack query, or several seen as one). */
type Loading<T> = Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data'>;

/**
 * The one gate of a page that loads a record: a labelled loader while it comes, the not-found page
 * when the address names nothing (404, or 400 for an id that cannot be one), and the problem
 * otherwise, said by `problem` when the feature words its refusals itself. Given several queries (a
 * report and its cycle), the first failure decides, else it waits for all.
 *
 * With `children`, it renders them with the record once loaded; without, a page that must call its
 * hooks first returns it until the query succeeds: `if (!q.isSuccess) return <Loaded query={q} />`.
 */
export function Loaded<T>({ query, problem, children }: { query: Loading<T> | readonly Loading<unknown>[]; problem?: (error: unknown) => ReactNode; children?: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const queries: readonly Loading<unknown>[] = Array.isArray(query) ? query : [query as Loading<unknown>];
  const failed = queries.find((q) => q.isError);
  if (failed) {
    const error = failed.error;
    if (namesNothing(error)) return <NotFound />;
    return <>{problem ? problem(error) : <ProblemAlert error={error} />}</>;
  }
  if (queries.some((q) => q.isPending)) return <Loader aria-label={t('common.loading')} />;
  return <>{children && !Array.isArray(query) ? children((query as Loading<T>).data as T) : null}</>;
}
