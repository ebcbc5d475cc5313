import type { EndpointDef } from '../endpoint';
import { authEndpoints } from './auth';
import { componentRequestsEndpoints, supplyPlansEndpoints } from './component-requests';
import { healthEndpoints } from './platform';
import { dashboardEndpoints, notificationsEndpoints, partnerReportsEndpoints } from './partner-reports';
import {
  cohortsEndpoints,
  coursesEndpoints,
  enrollmentsEndpoints,
  personnelEndpoints,
  qualificationsEndpoints,
  trainingReportsEndpoints,
} from './training';
import {
  componentsEndpoints,
  facilitiesEndpoints,
  jointVenturesEndpoints,
  partnersEndpoints,
  systemModelsEndpoints,
  unitsEndpoints,
} from './reference-data';
import { repairJobPhotosEndpoints } from './repair-job-photos';
import { preventivePlansEndpoints, repairJobsEndpoints } from './repair-jobs';
import { systemsEndpoints } from './systems';
import { auditEndpoints, usersEndpoints } from './users';

/**
 * THE endpoint table: every route the API serves, declared once. The API binds each entry
 * (`@Endpoint(endpoints.x.y)`), the OpenAPI document is built from it, the web calls it with
 * `api(endpoints.x.y, …)`, and the integration tests walk it (every endpoint × every role).
 */
export const endpoints = {
  health: healthEndpoints,
  auth: authEndpoints,
  users: usersEndpoints,
  audit: auditEndpoints,
  partners: partnersEndpoints,
  jointVentures: jointVenturesEndpoints,
  facilities: facilitiesEndpoints,
  systemModels: systemModelsEndpoints,
  components: componentsEndpoints,
  units: unitsEndpoints,
  systems: systemsEndpoints,
  repairJobs: repairJobsEndpoints,
  repairJobPhotos: repairJobPhotosEndpoints,
  preventivePlans: preventivePlansEndpoints,
  componentRequests: componentRequestsEndpoints,
  supplyPlans: supplyPlansEndpoints,
  courses: coursesEndpoints,
  personnel: personnelEndpoints,
  cohorts: cohortsEndpoints,
  enrollments: enrollmentsEndpoints,
  qualifications: qualificationsEndpoints,
  training: trainingReportsEndpoints,
  partnerReports: partnerReportsEndpoints,
  dashboard: dashboardEndpoints,
  notifications: notificationsEndpoints,
} as const;

/** Every endpoint as `{ name: 'repairJobs.transition', def }`, in the table's order. */
export const allEndpoints: ReadonlyArray<{ name: string; def: EndpointDef }> = Object.entries(endpoints).flatMap(
  ([group, defs]) => Object.entries(defs).map(([name, def]) => ({ name: `${group}.${name}`, def: def as EndpointDef })),
);
