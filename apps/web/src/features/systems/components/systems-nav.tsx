import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/session';

/** Sub-navigation of the systems section: list, readiness, import (admins). */
export function SystemsNav() {
  const { t } = useTranslation();
  const canImport = useCan('systemImport', 'write');
  return (
    <nav className="sub-nav" aria-label={t('systems.nav.label')}>
      <NavLink to="/systems" end className="sub-nav-link" data-testid="nav-systems-list">
        {t('systems.nav.list')}
      </NavLink>
      <NavLink to="/systems/readiness" className="sub-nav-link" data-testid="nav-systems-readiness">
        {t('systems.nav.readiness')}
      </NavLink>
      {canImport ? (
        <NavLink to="/systems/import" className="sub-nav-link" data-testid="nav-systems-import">
          {t('systems.nav.import')}
        </NavLink>
      ) : null}
    </nav>
  );
}
