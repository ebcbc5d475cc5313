import { useTranslation } from 'react-i18next';

/** Announced to screen readers; also what a page shows while its code arrives (app/router.tsx). */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}
