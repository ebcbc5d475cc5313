import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FlashNotice } from '../../../components/flash-notice';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/states';
import { useUser } from '../api/get-user';
import { EndSessionsButton } from '../components/end-sessions-button';
import { ResetMfaButton } from '../components/reset-mfa-button';
import { ResetPasswordForm } from '../components/reset-password-form';
import { UserEditForm } from '../components/user-edit-form';

export function UserEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useUser(id);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const user = query.data;

  return (
    <section className="form-page">
      <PageHeader title={t('users.editTitle', { name: user.displayName })} description={user.email} />
      <FlashNotice />
      <div className="panel">
        <h2>{t('users.accountSection')}</h2>
        <UserEditForm key={user.id} user={user} />
      </div>
      <div className="panel">
        <h2>{t('users.resetPassword')}</h2>
        <ResetPasswordForm userId={user.id} />
      </div>
      <div className="panel">
        <h2>{t('account.admin.resetMfaTitle')}</h2>
        <ResetMfaButton userId={user.id} userName={user.displayName} />
      </div>
      <div className="panel">
        <h2>{t('users.sessions')}</h2>
        <EndSessionsButton userId={user.id} userName={user.displayName} />
      </div>
    </section>
  );
}
