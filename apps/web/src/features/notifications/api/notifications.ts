import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '@jv/contracts';
import { api } from '../../../lib/api-client';
import { pagedQueryOptions } from '../../../lib/paged-query';
import { notificationKeys } from './keys';

/** How often the bell asks for the unread count (and again whenever the window gets the focus). */
export const UNREAD_POLL_MS = 60_000;

/** The unread count only: one unread notification is asked for, the page carries `unreadCount`. */
export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) =>
      api(endpoints.notifications.list, { query: { unread: 'true', limit: 1 } }, { signal }).then(
        (page) => page.unreadCount,
      ),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
    retry: false,
  });

export const useUnreadCount = () => useQuery(unreadCountQueryOptions());

/** The inbox, newest first, keyset-paged. */
export const useInbox = () =>
  useInfiniteQuery({
    ...pagedQueryOptions(notificationKeys.inbox(), endpoints.notifications.list, {}),
    refetchOnMount: 'always',
  });

/** Marks one notification read (opening it does). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(endpoints.notifications.read, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Marks every notification of the user read. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(endpoints.notifications.readAll),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
