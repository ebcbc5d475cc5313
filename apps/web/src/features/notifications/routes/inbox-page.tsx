import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@jv/contracts';
import { Button } from '../../../components/button';
import { LoadMore } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { rowTapHandlers } from '../../../components/row-tap';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { flattenPages } from '../../../lib/paged-query';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from '../api/notifications';
import { notificationHref, useNotificationSentence } from '../components/notification-text';

/**
 * /notifications — the signed-in user's inbox, newest first: each notification a sentence linking to
 * its record (opening it marks it read), unread ones marked; "mark all read".
 */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const items = flattenPages(inbox.data);
  const unreadCount = unread.data ?? items.filter((n) => !n.readAt).length;

  return (
    <section className="nt-inbox" data-testid="notifications-page">
      <PageHeader title={t('notifications.title')} description={t('notifications.description')} />
      <div className="nt-toolbar">
        <span className="muted" data-testid="unread-count" data-count={unreadCount} aria-live="polite">
          {t('notifications.unreadCount', { count: unreadCount })}
        </span>
        <Button
          onClick={() => markAll.mutate()}
          busy={markAll.isPending}
          disabled={unreadCount === 0}
          data-testid="mark-all-read"
        >
          {markAll.isPending ? t('notifications.markingAllRead') : t('notifications.markAllRead')}
        </Button>
      </div>
      {inbox.isPending ? (
        <LoadingState />
      ) : inbox.isError && !inbox.data ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState message={t('notifications.empty')} />
      ) : (
        <>
          <ul
            className="nt-list"
            aria-label={t('notifications.list')}
            data-testid="notification-list"
            {...rowTapHandlers}
          >
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
          <LoadMore
            count={items.length}
            hasNextPage={inbox.hasNextPage}
            isFetchingNextPage={inbox.isFetchingNextPage}
            onLoadMore={() => void inbox.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

function NotificationItem({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const sentence = useNotificationSentence();
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const open = () => {
    if (unread) markRead.mutate(n.id);
  };
  return (
    <li
      className={unread ? 'nt-item nt-item-unread' : 'nt-item'}
      data-tap-row
      data-testid="notification"
      data-kind={n.kind}
      data-unread={unread}
    >
      {unread ? <span className="badge nt-unread-mark">{t('notifications.unread')}</span> : null}
      <div className="nt-item-body">
        <Link to={notificationHref(n)} className="nt-item-link" onClick={open} data-testid="notification-link">
          {sentence(n)}
        </Link>
        <time className="nt-item-time muted" dateTime={n.createdAt}>
          {fmt.dateTime(n.createdAt)}
        </time>
      </div>
      {unread ? (
        <Button variant="ghost" onClick={open} busy={markRead.isPending} data-testid="mark-read">
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </li>
  );
}
