import { useTranslation } from 'react-i18next';
import { ButtonLink } from './button';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <section className="status-page" data-testid="forbidden-page">
      <p className="status-code" aria-hidden="true">
        403
      </p>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <ButtonLink to="/" variant="primary">
        {t('forbidden.home')}
      </ButtonLink>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="status-page" data-testid="not-found-page">
      <p className="status-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <ButtonLink to="/" variant="primary">
        {t('notFound.home')}
      </ButtonLink>
    </section>
  );
}
