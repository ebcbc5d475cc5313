import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { startOutbox } from '../../../lib/outbox/engine';
import { useOutboxEntries, useOutboxUserId } from '../../../lib/outbox/use-outbox-entries';
import '../outbox.css';

export function OutboxBadgeLive() {
  const { t } = useTranslation();
  const userId = useOutboxUserId();
  const entries = useOutboxEntries();
  useEffect(() => (userId ? startOutbox(userId) : undefined), [userId]);

  const count = entries.length;
  if (count === 0) return null;
  const refused = entries.some((e) => e.state === 'conflict' || e.state === 'failed');
  return (
    <NavLink
      to="/outbox"
      className={({ isActive }) => (isActive ? 'ob-badge active' : 'ob-badge')}
      aria-label={t('outbox.badgeLabel', { n: count })}
      title={t('outbox.badgeLabel', { n: count })}
      data-testid="outbox-badge"
      data-count={count}
      data-refused={refused || undefined}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M4 4h16v10h-4l-2 3h-4l-2-3H4V4Zm0 12h4l2 3h4l2-3h4v4H4v-4Z" />
      </svg>
      <span data-testid="outbox-count">{count}</span>
    </NavLink>
  );
}
