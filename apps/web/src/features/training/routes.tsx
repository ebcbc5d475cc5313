import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { TrainingLayout } from './components/training-layout';
import { CalendarPage } from './routes/calendar-page';
import { CohortDetailPage } from './routes/cohort-detail-page';
import { CohortNewPage } from './routes/cohort-new-page';
import { CohortsPage } from './routes/cohorts-page';
import { CourseFormPage } from './routes/course-form-page';
import { CoursesPage } from './routes/courses-page';
import { CoveragePage } from './routes/coverage-page';
import { PersonFormPage } from './routes/person-form-page';
import { PersonnelImportPage } from './routes/personnel-import-page';
import { PersonnelPage } from './routes/personnel-page';

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
  element: (
    <RequirePermission resource="training" action="read">
      <TrainingLayout />
    </RequirePermission>
  ),
  children: [
    { index: true, element: <CohortsPage /> },
    { path: 'cohorts/new', element: trainingWrite(<CohortNewPage />) },
    { path: 'cohorts/:id', element: <CohortDetailPage /> },
    {
      path: 'calendar',
      element: (
        <RequirePermission resource="trainingCalendar" action="read">
          <CalendarPage />
        </RequirePermission>
      ),
    },
    { path: 'courses', element: <CoursesPage /> },
    { path: 'courses/new', element: trainingWrite(<CourseFormPage />) },
    { path: 'courses/:id', element: trainingWrite(<CourseFormPage />) },
    {
      path: 'personnel',
      element: (
        <RequirePermission resource="personnel" action="read">
          <PersonnelPage />
        </RequirePermission>
      ),
    },
    { path: 'personnel/new', element: personnelWrite(<PersonFormPage />) },
    { path: 'personnel/import', element: personnelWrite(<PersonnelImportPage />) },
    { path: 'personnel/:id', element: personnelWrite(<PersonFormPage />) },
    {
      path: 'coverage',
      element: (
        <RequirePermission resource="crewCoverage" action="read">
          <CoveragePage />
        </RequirePermission>
      ),
    },
  ],
};
