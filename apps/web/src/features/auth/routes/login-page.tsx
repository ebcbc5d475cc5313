import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';
import { currentUiLocale, setUiLocale } from '../../../i18n/i18n';
import { safeNextPath } from '../../../lib/session';
import { LoginForm } from '../components/login-form';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  return (
    <div className="login-screen">
      <main className="login-card" id="main">
        <div className="login-card-top">
          <div>
            <p className="brand brand-on-light">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <LanguageSwitch current={currentUiLocale()} onSelect={setUiLocale} tone="light" />
        </div>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      </main>
    </div>
  );
}
