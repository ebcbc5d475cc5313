/**
 * Query keys of the signed-in user's inbox: marking read invalidates `all`, so the bell's count and the
 * inbox refresh together. Other features drop the same root key (`['notifications']`) after events that
 * create notifications.
 */
const all = ['notifications'] as const;
export const notificationKeys = {
  all,
  inbox: () => [...all, 'inbox'] as const,
  unreadCount: () => [...all, 'unread-count'] as const,
};
