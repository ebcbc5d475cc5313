import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { Button } from './button';
import { useErrorMessage } from './use-error-message';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

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
