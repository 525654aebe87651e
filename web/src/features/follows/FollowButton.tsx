import { Button, Skeleton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../app/session';
import { notifyError } from '../../ui/notify';
import { FOLLOWS_KEY, followStateQuery, type FollowKind } from './queries';

/**
 * Follow or stop following a thing, for a signed-in person the API says may follow it: "Follow",
 * or "Unfollow" for what one follows.
 */
export function FollowButton({ kind, id, describedBy }: { kind: FollowKind; id: string; describedBy?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data?.account;
  const queryClient = useQueryClient();
  const state = useQuery({ ...followStateQuery(kind, id), enabled: signedIn });
  const toggle = useMutation({
    mutationFn: async (follow: boolean) => {
      const path = { params: { path: { kind, id } } };
      if (follow) await unwrap(api.PUT('/api/v1/me/follows/{kind}/{id}', path));
      else await unwrap(api.DELETE('/api/v1/me/follows/{kind}/{id}', path));
      return follow;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [FOLLOWS_KEY] }),
    onError: notifyError,
  });
  // Its place kept while the API says whether one may follow: the page does not move under a pointer.
  if (signedIn && state.isPending) return <Skeleton height={36} width={96} radius="sm" data-testid="follow-pending" />;
  if (!signedIn || !state.data?.can.follow) return null;
  const following = state.data.following;
  return (
    <Button
      variant="outline"
      aria-describedby={describedBy}
      loading={toggle.isPending}
      onClick={() => toggle.mutate(!following)}
      w="fit-content"
      data-testid="follow-button"
    >
      {following ? t('follows.unfollow') : t('follows.follow')}
    </Button>
  );
}
