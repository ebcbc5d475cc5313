import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel } from '../../../components/use-enum-label';
import { useCurrentUser } from '../../../lib/session';
import { ChangePasswordForm } from '../components/change-password-form';
import { TotpEnrolment } from '../components/totp-enrolment';
import '../account.css';

/** "My account": what setup is still required, the second factor, and changing the password. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enumLabel = useEnumLabel();
  const pending = user.setupRequired;

  return (
    <section className="form-page" data-testid="account-page">
      <PageHeader
        title={t('account.title')}
        description={`${user.displayName} · ${user.email} · ${enumLabel('role', user.role)}`}
      />
      {pending.length > 0 ? (
        <div className="notice notice-info" role="status" data-testid="setup-required">
          <strong>{t('account.setup.title')}</strong>
          <ul>
            {pending.map((item) => (
              <li key={item} data-testid={`setup-required-${item}`}>
                {t(`account.setup.${item}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="panel" data-testid="account-mfa">
        <h2>{t('account.mfa.title')}</h2>
        <TotpEnrolment />
      </div>
      <div className="panel" data-testid="account-password">
        <h2>{t('account.password.title')}</h2>
        <ChangePasswordForm />
      </div>
    </section>
  );
}
