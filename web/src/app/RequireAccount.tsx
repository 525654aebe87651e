import type { ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { useTranslation } from './i18n';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../api/client';
import { useLocalPath } from './paths';
import { useMe } from './session';

export type SignedInMe = Me & { account: NonNullable<Me['account']> };

/**
 * The pages only for the signed-in, guarded once in the router: while `/me` loads, a loader; without
 * an account, the sign-in page, which brings the person back here (`next`) once signed in; with one,
 * the page (its children, or the nested route). The server still refuses whatever the account may not do.
 */
export function RequireAccount({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Loader aria-label={t('common.loading')} />;
  if (!me.data?.account) return <Navigate replace to={`${to('/sign-in')}?next=${encodeURIComponent(location.pathname)}`} />;
  return children ?? <Outlet />;
}

/**
 * The signed-in person's `/me`, in a page under `RequireAccount` (which renders nothing below it
 * without an account, so the account is there).
 */
export function useSignedIn(): SignedInMe {
  const me = useMe();
  const data = me.data;
  if (!data?.account) throw new Error('useSignedIn is for pages under RequireAccount');
  return data as SignedInMe;
}
