import { cohortStatuses, courseKinds, enrollmentStatuses } from '@jv/domain';
import { z } from 'zod';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { rule } from './errors';

export const courseKindSchema = z.enum(courseKinds);
export const cohortStatusSchema = z.enum(cohortStatuses);
export const enrollmentStatusSchema = z.enum(enrollmentStatuses);
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, rule('code_chars'));
const listQuery = pageQuerySchema.extend({ q: z.string().trim().max(60).optional() });

// Courses ------------------------------------------------------------------------------------------
const courseFields = {
  code,
  title: trimmed(1, 160),
  kind: courseKindSchema,
  systemModelId: z.uuid(),
  durationDays: z.number().int().min(1).max(365),
  seats: z.number().int().min(1).max(500),
};
export const createCourseInputSchema = z.object(courseFields);
export type CreateCourseInput = z.infer<typeof createCourseInputSchema>;
export const updateCourseInputSchema = z
  .object({ version: versionSchema, ...courseFields })
  .partial()
  .required({
    version: true,
  });
export type UpdateCourseInput = z.infer<typeof updateCourseInputSchema>;
export const courseResponseSchema = z
  .object({ id: z.uuid(), ...courseFields, modelDesignation: z.string() })
  .extend(timestampsSchema.shape);
export type CourseResponse = z.infer<typeof courseResponseSchema>;
export const listCoursesQuerySchema = listQuery.extend({
  kind: courseKindSchema.optional(),
  systemModelId: z.uuid().optional(),
});
export type ListCoursesQuery = z.infer<typeof listCoursesQuerySchema>;

// Personnel (personal data: admin and training only) -------------------------------------------------
const personFields = {
  serviceNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{3,19}$/, rule('service_number_chars')),
  fullName: trimmed(2, 160),
  rank: trimmed(1, 60),
  unitId: z.uuid().nullable(),
};
export const createPersonInputSchema = z.object({ ...personFields, unitId: personFields.unitId.default(null) });
export type CreatePersonInput = z.input<typeof createPersonInputSchema>;
export const updatePersonInputSchema = z
  .object({ version: versionSchema, ...personFields })
  .partial()
  .required({
    version: true,
  });
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;
export const personResponseSchema = z
  .object({ id: z.uuid(), ...personFields, unitCode: z.string().nullable() })
  .extend(timestampsSchema.shape);
export type PersonResponse = z.infer<typeof personResponseSchema>;
export const listPersonnelQuerySchema = listQuery.extend({ unitId: z.uuid().optional() });
export type ListPersonnelQuery = z.infer<typeof listPersonnelQuerySchema>;

/** CSV columns of the personnel import (header row required): service_number, full_name, rank, unit (code). */
export const personnelImportColumns = ['service_number', 'full_name', 'rank', 'unit'] as const;
export const personnelImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('true') });

// Cohorts ------------------------------------------------------------------------------------------
const cohortFields = {
  code,
  courseId: z.uuid(),
  /** a training base */
  facilityId: z.uuid(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  /** at most the course's seats */
  seats: z.number().int().min(1).max(500),
  /** people qualified as instructors on the course's system model */
  instructorIds: z.array(z.uuid()).max(10),
};
export const createCohortInputSchema = z
  .object({ ...cohortFields, instructorIds: cohortFields.instructorIds.default([]) })
  .refine((c) => c.startsOn <= c.endsOn, { path: ['endsOn'], ...rule('period_reversed') });
export type CreateCohortInput = z.input<typeof createCohortInputSchema>;
export const updateCohortInputSchema = z
  .object({
    version: versionSchema,
    startsOn: cohortFields.startsOn.optional(),
    endsOn: cohortFields.endsOn.optional(),
    seats: cohortFields.seats.optional(),
    instructorIds: cohortFields.instructorIds.optional(),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { path: ['endsOn'], ...rule('period_reversed') });
export type UpdateCohortInput = z.infer<typeof updateCohortInputSchema>;
export const cohortTransitionInputSchema = z.object({
  to: cohortStatusSchema,
  comment: z.string().trim().max(2000).nullable().optional(),
  version: versionSchema.optional(),
});
export type CohortTransitionInput = z.infer<typeof cohortTransitionInputSchema>;

export const cohortResponseSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    courseId: z.uuid(),
    courseCode: z.string(),
    courseTitle: z.string(),
    courseKind: courseKindSchema,
    systemModelId: z.uuid(),
    modelDesignation: z.string(),
    facilityId: z.uuid(),
    facilityCode: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    seats: z.number().int(),
    /** enrollments holding a seat (not withdrawn) */
    seatsTaken: z.number().int(),
    status: cohortStatusSchema,
    allowedTransitions: z.array(cohortStatusSchema),
    /** empty for users who may not see personal data */
    instructorIds: z.array(z.uuid()),
    instructors: z.array(z.object({ id: z.uuid(), fullName: z.string() })),
    completedCount: z.number().int(),
    failedCount: z.number().int(),
  })
  .extend(timestampsSchema.shape);
export type CohortResponse = z.infer<typeof cohortResponseSchema>;

export const enrollmentResponseSchema = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  personId: z.uuid(),
  /** null for users who may not see personal data */
  fullName: z.string().nullable(),
  serviceNumber: z.string().nullable(),
  rank: z.string().nullable(),
  status: enrollmentStatusSchema,
  score: z.number().nullable(),
  version: z.number().int(),
});
export type EnrollmentResponse = z.infer<typeof enrollmentResponseSchema>;

export const cohortDetailSchema = cohortResponseSchema.extend({
  /** empty for users who may not see personal data (they get the counts in the cohort) */
  enrollments: z.array(enrollmentResponseSchema),
  transitions: z.array(
    z.object({
      fromStatus: cohortStatusSchema.nullable(),
      toStatus: cohortStatusSchema,
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type CohortDetail = z.infer<typeof cohortDetailSchema>;

export const listCohortsQuerySchema = listQuery.extend({
  status: z.union([cohortStatusSchema, z.array(cohortStatusSchema)]).optional(),
  facilityId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  systemModelId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ListCohortsQuery = z.infer<typeof listCohortsQuerySchema>;

export const createEnrollmentInputSchema = z.object({ personId: z.uuid() });
export type CreateEnrollmentInput = z.infer<typeof createEnrollmentInputSchema>;
export const updateEnrollmentInputSchema = z.object({
  version: versionSchema,
  status: enrollmentStatusSchema,
  score: z.number().min(0).max(100).nullable().optional(),
});
export type UpdateEnrollmentInput = z.infer<typeof updateEnrollmentInputSchema>;

/** One schedule conflict, named: the base over capacity, the instructor or trainee booked twice, the cohort full. */
export const scheduleConflictSchema = z.object({
  kind: z.enum(['base_capacity', 'instructor_busy', 'trainee_busy', 'cohort_full']),
  /** the day the base is over capacity, with its seats and capacity */
  day: z.iso.date().optional(),
  seats: z.number().int().optional(),
  capacity: z.number().int().optional(),
  /** the person booked twice (name for admin and training users only) */
  personId: z.uuid().optional(),
  personName: z.string().optional(),
  /** the other cohort */
  cohortId: z.uuid().optional(),
  cohortCode: z.string().optional(),
});
export type ScheduleConflict = z.infer<typeof scheduleConflictSchema>;

// Qualifications -----------------------------------------------------------------------------------
export const listQualificationsQuerySchema = pageQuerySchema.extend({
  personId: z.uuid().optional(),
  systemModelId: z.uuid().optional(),
  kind: courseKindSchema.optional(),
});
export type ListQualificationsQuery = z.infer<typeof listQualificationsQuerySchema>;
export const qualificationResponseSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  serviceNumber: z.string(),
  systemModelId: z.uuid(),
  modelDesignation: z.string(),
  kind: courseKindSchema,
  grantedOn: z.iso.date(),
  cohortId: z.uuid(),
  cohortCode: z.string(),
});
export type QualificationResponse = z.infer<typeof qualificationResponseSchema>;

// Calendar, utilisation, crew coverage ---------------------------------------------------------------
export const trainingCalendarQuerySchema = z
  .object({ facilityId: z.uuid().optional(), from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { path: ['from'], ...rule('period_reversed') });
export const trainingCalendarSchema = z.object({
  bases: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityCode: z.string(),
      facilityName: z.string(),
      capacity: z.number().int(),
      cohorts: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          courseTitle: z.string(),
          courseKind: courseKindSchema,
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          seats: z.number().int(),
          seatsTaken: z.number().int(),
          status: cohortStatusSchema,
        }),
      ),
      /** seats of the open and completed cohorts per day of the window */
      days: z.array(z.object({ day: z.iso.date(), seats: z.number().int() })),
    }),
  ),
});
export type TrainingCalendar = z.infer<typeof trainingCalendarSchema>;

export const trainingUtilisationQuerySchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { path: ['from'], ...rule('period_reversed') });
export const trainingUtilisationSchema = z.object({
  bases: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityCode: z.string(),
      capacity: z.number().int(),
      /** seat-days of enrollments holding a seat, in the window */
      seatDaysUsed: z.number().int(),
      /** capacity × days of the window */
      seatDaysAvailable: z.number().int(),
      utilisationPercent: z.number().nullable(),
    }),
  ),
});
export type TrainingUtilisation = z.infer<typeof trainingUtilisationSchema>;

export const crewCoverageQuerySchema = z.object({ unitId: z.uuid().optional() });
export const crewCoverageSchema = z.object({
  unitId: z.uuid().nullable(),
  models: z.array(
    z.object({
      systemModelId: z.uuid(),
      modelDesignation: z.string(),
      crewSize: z.number().int().nullable(),
      systemsInService: z.number().int(),
      qualified: z.object({
        operator: z.number().int(),
        maintainer: z.number().int(),
        commander: z.number().int(),
        instructor: z.number().int(),
      }),
      crewsRequired: z.number().int(),
      operatorsRequired: z.number().int(),
      crewsCovered: z.number().int(),
      coveragePercent: z.number().nullable(),
      gap: z.number().int(),
    }),
  ),
});
export type CrewCoverage = z.infer<typeof crewCoverageSchema>;
