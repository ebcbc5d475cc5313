import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  cohortDetailSchema,
  cohortResponseSchema,
  cohortTransitionInputSchema,
  courseResponseSchema,
  createCohortInputSchema,
  createCourseInputSchema,
  createEnrollmentInputSchema,
  createPersonInputSchema,
  crewCoverageQuerySchema,
  crewCoverageSchema,
  enrollmentResponseSchema,
  listCohortsQuerySchema,
  listCoursesQuerySchema,
  listPersonnelQuerySchema,
  listQualificationsQuerySchema,
  personnelImportQuerySchema,
  personResponseSchema,
  qualificationResponseSchema,
  trainingCalendarQuerySchema,
  trainingCalendarSchema,
  trainingUtilisationQuerySchema,
  trainingUtilisationSchema,
  updateCohortInputSchema,
  updateCourseInputSchema,
  updateEnrollmentInputSchema,
  updatePersonInputSchema,
} from '../training';
import { systemImportResultSchema } from '../systems';

const tag = 'training';
const read = { resource: 'training', action: 'read' } as const;
const write = { resource: 'training', action: 'write' } as const;
const people = { resource: 'personnel', action: 'read' } as const;
const peopleWrite = { resource: 'personnel', action: 'write' } as const;
const partnerScope = 'Partner users see only the system models their country donated (others are 404).';

export const coursesEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/courses',
    tag,
    permission: read,
    summary: `Courses by code; filters: kind, systemModelId, q. ${partnerScope}`,
    query: listCoursesQuerySchema,
    response: pageSchema(courseResponseSchema),
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/courses/{id}',
    tag,
    permission: read,
    summary: `One course. ${partnerScope}`,
    params: idParamSchema,
    response: courseResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/courses',
    tag,
    permission: write,
    summary: 'Add a course (accepts Idempotency-Key; 409 DUPLICATE on a known code)',
    body: createCourseInputSchema,
    response: courseResponseSchema,
    idempotent: true,
    errors: ['DUPLICATE'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/courses/{id}',
    tag,
    permission: write,
    summary: 'Change a course; send the version you edited (409 STALE_VERSION otherwise)',
    params: idParamSchema,
    body: updateCourseInputSchema,
    response: courseResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
  }),
};

export const personnelEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/personnel',
    tag,
    permission: people,
    summary:
      'Personnel by service number (personal data: admin and training only); filters: unitId, q (name or number)',
    query: listPersonnelQuerySchema,
    response: pageSchema(personResponseSchema),
  }),
  import: endpoint({
    method: 'POST',
    path: '/v1/personnel/import',
    tag,
    permission: peopleWrite,
    summary:
      'CSV import (text/csv; header: service_number, full_name, rank, unit). dryRun=true (default) checks every row ' +
      'and writes nothing; dryRun=false is all or nothing: 201 with `imported`, or 200 with `imported: 0` and the ' +
      'errors by line and column',
    query: personnelImportQuerySchema,
    bodyType: 'csv',
    response: systemImportResultSchema,
    status: 200,
    errors: ['UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/personnel/{id}',
    tag,
    permission: people,
    summary: 'One person',
    params: idParamSchema,
    response: personResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/personnel',
    tag,
    permission: peopleWrite,
    summary: 'Add a person (accepts Idempotency-Key; 409 DUPLICATE on a known service number)',
    body: createPersonInputSchema,
    response: personResponseSchema,
    idempotent: true,
    errors: ['DUPLICATE'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/personnel/{id}',
    tag,
    permission: peopleWrite,
    summary: 'Change a person; send the version you edited',
    params: idParamSchema,
    body: updatePersonInputSchema,
    response: personResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
  }),
};

export const cohortsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/cohorts',
    tag,
    permission: read,
    summary:
      'Cohorts by start date (newest first); filters: status, facilityId, courseId, systemModelId, ' +
      `from/to (overlap), q (code). No instructor or trainee names outside admin and training. ${partnerScope}`,
    query: listCohortsQuerySchema,
    response: pageSchema(cohortResponseSchema),
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/cohorts/{id}',
    tag,
    permission: read,
    summary: `One cohort with its moves and, for admin and training users, its enrollments. ${partnerScope}`,
    params: idParamSchema,
    response: cohortDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/cohorts',
    tag,
    permission: write,
    summary:
      "Plan a cohort at a training base (accepts Idempotency-Key): seats at most the course's, instructors qualified " +
      'as instructors on its model (409 INSTRUCTOR_NOT_QUALIFIED); 409 SCHEDULE_CONFLICT with `conflicts` naming the ' +
      'base over capacity on a day or an instructor booked in an overlapping cohort',
    body: createCohortInputSchema,
    response: cohortResponseSchema,
    idempotent: true,
    errors: ['DUPLICATE', 'INSTRUCTOR_NOT_QUALIFIED', 'SCHEDULE_CONFLICT'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/cohorts/{id}',
    tag,
    permission: write,
    summary: 'Change dates, seats or instructors of an open cohort (conflicts checked again); send the version',
    params: idParamSchema,
    body: updateCohortInputSchema,
    response: cohortResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'INSTRUCTOR_NOT_QUALIFIED', 'SCHEDULE_CONFLICT', 'COHORT_CLOSED'],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/v1/cohorts/{id}/transitions',
    tag,
    permission: write,
    summary:
      'planned → enrolling → in_progress → completed; any open state → cancelled (comment required). Completing ' +
      'needs a result for every enrollment (409 RESULTS_MISSING) and grants the qualifications',
    params: idParamSchema,
    body: cohortTransitionInputSchema,
    response: cohortResponseSchema,
    status: 200,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'INVALID_TRANSITION', 'COMMENT_REQUIRED', 'RESULTS_MISSING'],
  }),
  enroll: endpoint({
    method: 'POST',
    path: '/v1/cohorts/{id}/enrollments',
    tag,
    permission: peopleWrite,
    summary:
      'Enroll a person (accepts Idempotency-Key): 409 SCHEDULE_CONFLICT when the cohort is full or the person is in ' +
      'an overlapping cohort (safe under concurrency), 409 DUPLICATE when already enrolled, 409 COHORT_CLOSED',
    params: idParamSchema,
    body: createEnrollmentInputSchema,
    response: enrollmentResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'SCHEDULE_CONFLICT', 'DUPLICATE', 'COHORT_CLOSED'],
  }),
};

export const enrollmentsEndpoints = {
  update: endpoint({
    method: 'PATCH',
    path: '/v1/enrollments/{id}',
    tag,
    permission: peopleWrite,
    summary:
      'Record a result: enrolled → completed | failed | withdrawn, with a score; completed grants the qualification ' +
      '(person × model × course kind) once the cohort completes; send the version',
    params: idParamSchema,
    body: updateEnrollmentInputSchema,
    response: enrollmentResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'INVALID_TRANSITION', 'COHORT_CLOSED'],
  }),
};

export const qualificationsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/qualifications',
    tag,
    permission: people,
    summary:
      'Qualifications (person × system model × kind, dated, from which cohort); filters: personId, systemModelId, kind',
    query: listQualificationsQuerySchema,
    response: pageSchema(qualificationResponseSchema),
  }),
};

export const trainingReportsEndpoints = {
  calendar: endpoint({
    method: 'GET',
    path: '/v1/training/calendar',
    tag,
    permission: { resource: 'trainingCalendar', action: 'read' },
    summary: 'Cohorts per training base in the window (at most 92 days) with seats used per day',
    query: trainingCalendarQuerySchema,
    response: trainingCalendarSchema,
  }),
  utilisation: endpoint({
    method: 'GET',
    path: '/v1/training/utilisation',
    tag,
    permission: { resource: 'trainingCalendar', action: 'read' },
    summary: 'Seat-days used / available per training base in the window (at most 366 days)',
    query: trainingUtilisationQuerySchema,
    response: trainingUtilisationSchema,
  }),
  crewCoverage: endpoint({
    method: 'GET',
    path: '/v1/training/crew-coverage',
    tag,
    permission: { resource: 'crewCoverage', action: 'read' },
    summary:
      'Per system model (and per unit when asked): systems in service, people qualified per kind, crews required ' +
      `(crew size × systems), coverage % and the gap. Counts only. ${partnerScope}`,
    query: crewCoverageQuerySchema,
    response: crewCoverageSchema,
  }),
};
