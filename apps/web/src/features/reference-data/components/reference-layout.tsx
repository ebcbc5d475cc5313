import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/states';
import { useCan } from '../../../lib/session';

const SECTIONS = [
  { path: 'partners', key: 'partners' },
  { path: 'joint-ventures', key: 'jointVentures' },
  { path: 'facilities', key: 'facilities' },
  { path: 'system-models', key: 'systemModels' },
  { path: 'components', key: 'components' },
  { path: 'units', key: 'units' },
] as const;

/** Reference data: sub-navigation over the six catalogs; read-only for everyone but admins. */
export function ReferenceLayout() {
  const { t } = useTranslation();
  const canWrite = useCan('referenceData', 'write');
  return (
    <div className="reference-layout">
      <nav className="sub-nav" aria-label={t('nav.referenceNav')}>
        {SECTIONS.map((s) => (
          <NavLink key={s.path} to={`/reference/${s.path}`} className="sub-nav-link" data-testid={`nav-ref-${s.path}`}>
            {t(`nav.ref.${s.key}`)}
          </NavLink>
        ))}
      </nav>
      {!canWrite ? (
        <Notice>
          <span data-testid="read-only-notice">{t('common.readOnly')}</span>
        </Notice>
      ) : null}
      <Outlet />
    </div>
  );
}
