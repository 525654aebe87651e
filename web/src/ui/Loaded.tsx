import type { ReactNode } from 'react';
import { Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { NotFound } from '../features/errors/NotFoundPage';
import { ProblemAlert } from './ProblemAlert';

/** Whether the API says the address names nothing: 404, or 400 for an id that cannot be one. */
export const namesNothing = (error: unknown): boolean => error instanceof ApiProblem && (error.status === 404 || error.status === 400);

/**
 * A page's main record, once loaded: a labelled loader while it comes, the not-found page when the
 * address names nothing (404, or 400 for an id that cannot be one), and the problem otherwise, said
 * by `problem` when the feature words its refusals itself.
 */
export function Loaded<T>({ query, problem, children }: { query: UseQueryResult<T>; problem?: (error: unknown) => ReactNode; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    const error = query.error;
    if (namesNothing(error)) return <NotFound />;
    return <>{problem ? problem(error) : <ProblemAlert error={error} />}</>;
  }
  return <>{children(query.data)}</>;
}
