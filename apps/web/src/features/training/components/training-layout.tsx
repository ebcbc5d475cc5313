import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/session';
import '../training.css';

/** The sub-navigation of /training/*: cohorts, calendar, courses, personnel, crew coverage — as the role may. */
export function TrainingLayout() {
  const { t } = useTranslation();
  const calendar = useCan('trainingCalendar', 'read');
  const personnel = useCan('personnel', 'read');
  const coverage = useCan('crewCoverage', 'read');
  const links = [
    { to: '/training', label: t('training.nav.cohorts'), testId: 'subnav-cohorts', show: true, end: true },
    {
      to: '/training/calendar',
      label: t('training.nav.calendar'),
      testId: 'subnav-calendar',
      show: calendar,
      end: false,
    },
    { to: '/training/courses', label: t('training.nav.courses'), testId: 'subnav-courses', show: true, end: false },
    {
      to: '/training/personnel',
      label: t('training.nav.personnel'),
      testId: 'subnav-personnel',
      show: personnel,
      end: false,
    },
    {
      to: '/training/coverage',
      label: t('training.nav.coverage'),
      testId: 'subnav-coverage',
      show: coverage,
      end: false,
    },
  ].filter((l) => l.show);

  return (
    <div className="training">
      <nav className="sub-nav" aria-label={t('training.sections')}>
        {links.map((l) => (
          <NavLink key={l.to} to={l.to} end={l.end} className="sub-nav-link" data-testid={l.testId}>
            {l.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
