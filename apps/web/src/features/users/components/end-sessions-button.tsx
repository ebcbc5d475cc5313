import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/states';
import { useErrorMessage } from '../../../components/use-error-message';
import { useRevokeUserSessions } from '../api/revoke-user-sessions';

export function EndSessionsButton({ userId, userName }: { userId: string; userName: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const revoke = useRevokeUserSessions();
  const onClick = () => {
    if (window.confirm(t('users.endSessionsConfirm', { name: userName }))) revoke.mutate(userId);
  };
  return (
    <div>
      <p className="muted">{t('users.sessionsHelp')}</p>
      {revoke.isSuccess ? <Notice kind="success">{t('users.sessionsEnded')}</Notice> : null}
      {revoke.isError ? <Notice kind="error">{errorMessage(revoke.error)}</Notice> : null}
      <Button variant="danger" busy={revoke.isPending} onClick={onClick} data-testid="end-sessions-button">
        {t('users.endSessions')}
      </Button>
    </div>
  );
}
