import { useTranslation } from 'react-i18next';
import './waiting-badge.css';

/** Marks a row or a card shown from the outbox: typed on this device, not on the server yet. */
export function WaitingBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge ob-waiting" data-testid="waiting-badge">
      {t('outbox.waiting')}
    </span>
  );
}
