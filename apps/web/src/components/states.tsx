import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/is-api-error';
import { Button } from './button';
import { useErrorMessage } from './use-error-message';

export { LoadingState } from './loading-state';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const correlationId = isApiError(error) ? error.problem?.correlationId : undefined;
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <strong>{t('errors.loadFailed')}</strong>
      <p>{message(error)}</p>
      {correlationId ? <p className="muted">{t('errors.correlation', { id: correlationId })}</p> : null}
      {onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
    </div>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      {message}
    </div>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'error';
  children: React.ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
