import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/notifications';
import '../notifications.css';

const BELL_PATH =
  'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22' +
  'Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z';

/**
 * The bell in the header: a link to the inbox whose accessible name says how many notifications are
 * unread; the count is asked for every minute and whenever the window gets the focus.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <NavLink
      to="/notifications"
      className={({ isActive }) => (isActive ? 'nt-bell active' : 'nt-bell')}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-count={count}
    >
      <svg className="nt-bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path fill="currentColor" d={BELL_PATH} />
      </svg>
      {count > 0 ? (
        <span className="nt-bell-count" data-testid="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
