import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

const trainingWrite = (element: React.ReactNode) => (
  <RequirePermission resource="training" action="write">
    {element}
  </RequirePermission>
);
const personnelWrite = (element: React.ReactNode) => (
  <RequirePermission resource="personnel" action="write">
    {element}
  </RequirePermission>
);

/**
 * /training/* — cohorts (every role reads them), the calendar of the training bases, courses, personnel
 * (admin, training: personal data) and crew coverage, as the permission table says.
 */
export const trainingRoutes: RouteObject = {
  path: 'training',
  lazy: lazyPage(
    () => import('./components/training-layout'),
    (m) => (
      <RequirePermission resource="training" action="read">
        <m.TrainingLayout />
      </RequirePermission>
    ),
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/cohorts-page'),
        (m) => <m.CohortsPage />,
      ),
    },
    {
      path: 'cohorts/new',
      lazy: lazyPage(
        () => import('./routes/cohort-new-page'),
        (m) => trainingWrite(<m.CohortNewPage />),
      ),
    },
    {
      path: 'cohorts/:id',
      lazy: lazyPage(
        () => import('./routes/cohort-detail-page'),
        (m) => <m.CohortDetailPage />,
      ),
    },
    {
      path: 'calendar',
      lazy: lazyPage(
        () => import('./routes/calendar-page'),
        (m) => (
          <RequirePermission resource="trainingCalendar" action="read">
            <m.CalendarPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'courses',
      lazy: lazyPage(
        () => import('./routes/courses-page'),
        (m) => <m.CoursesPage />,
      ),
    },
    {
      path: 'courses/new',
      lazy: lazyPage(
        () => import('./routes/course-form-page'),
        (m) => trainingWrite(<m.CourseFormPage />),
      ),
    },
    {
      path: 'courses/:id',
      lazy: lazyPage(
        () => import('./routes/course-form-page'),
        (m) => trainingWrite(<m.CourseFormPage />),
      ),
    },
    {
      path: 'personnel',
      lazy: lazyPage(
        () => import('./routes/personnel-page'),
        (m) => (
          <RequirePermission resource="personnel" action="read">
            <m.PersonnelPage />
          </RequirePermission>
        ),
      ),
    },
    {
      path: 'personnel/new',
      lazy: lazyPage(
        () => import('./routes/person-form-page'),
        (m) => personnelWrite(<m.PersonFormPage />),
      ),
    },
    {
      path: 'personnel/import',
      lazy: lazyPage(
        () => import('./routes/personnel-import-page'),
        (m) => personnelWrite(<m.PersonnelImportPage />),
      ),
    },
    {
      path: 'personnel/:id',
      lazy: lazyPage(
        () => import('./routes/person-form-page'),
        (m) => personnelWrite(<m.PersonFormPage />),
      ),
    },
    {
      path: 'coverage',
      lazy: lazyPage(
        () => import('./routes/coverage-page'),
        (m) => (
          <RequirePermission resource="crewCoverage" action="read">
            <m.CoveragePage />
          </RequirePermission>
        ),
      ),
    },
  ],
};
