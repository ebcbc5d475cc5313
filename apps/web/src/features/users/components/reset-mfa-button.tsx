import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/states';
import { useErrorMessage } from '../../../components/use-error-message';
import { useResetUserMfa } from '../api/reset-user-mfa';

/** "Reset second factor", after a confirmation: for a user who lost the authenticator and the recovery codes. */
export function ResetMfaButton({ userId, userName }: { userId: string; userName: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetUserMfa();
  const onClick = () => {
    if (window.confirm(t('account.admin.resetMfaConfirm', { name: userName }))) reset.mutate(userId);
  };
  return (
    <div>
      <p className="muted">{t('account.admin.resetMfaHelp')}</p>
      {reset.isSuccess ? <Notice kind="success">{t('account.admin.resetMfaDone')}</Notice> : null}
      {reset.isError ? <Notice kind="error">{errorMessage(reset.error)}</Notice> : null}
      <Button variant="danger" busy={reset.isPending} onClick={onClick} data-testid="reset-mfa-button">
        {t('account.admin.resetMfa')}
      </Button>
    </div>
  );
}
