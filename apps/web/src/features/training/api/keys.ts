import type { ListCohortsQuery, ListCoursesQuery, ListPersonnelQuery } from '@jv/contracts';
import type { ListFilters } from '../../../lib/query-keys';

export type CourseFilters = ListFilters<ListCoursesQuery>;
export type CohortFilters = ListFilters<ListCohortsQuery>;
export type PersonnelFilters = ListFilters<ListPersonnelQuery>;

/**
 * Query keys of training, from generic to specific. Everything sits under `training`: a cohort move,
 * an enrollment or a result changes the cohorts, the calendar, the utilisation and the crew coverage,
 * so a mutation invalidates `all` and every view refreshes.
 */
const all = ['training'] as const;
export const trainingKeys = {
  all,
  courses: () => [...all, 'courses'] as const,
  courseList: (filters: CourseFilters) => [...all, 'courses', 'list', filters] as const,
  course: (id: string) => [...all, 'courses', 'detail', id] as const,
  courseOptions: () => [...all, 'courses', 'options'] as const,
  cohorts: () => [...all, 'cohorts'] as const,
  cohortList: (filters: CohortFilters) => [...all, 'cohorts', 'list', filters] as const,
  cohort: (id: string) => [...all, 'cohorts', 'detail', id] as const,
  personnel: () => [...all, 'personnel'] as const,
  personnelList: (filters: PersonnelFilters) => [...all, 'personnel', 'list', filters] as const,
  person: (id: string) => [...all, 'personnel', 'detail', id] as const,
  personSearch: (q: string) => [...all, 'personnel', 'search', q] as const,
  calendar: (query: { facilityId?: string; from: string; to: string }) => [...all, 'calendar', query] as const,
  utilisation: (query: { from: string; to: string }) => [...all, 'utilisation', query] as const,
  crewCoverage: (unitId: string | undefined) => [...all, 'crew-coverage', unitId ?? null] as const,
};
