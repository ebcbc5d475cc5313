import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CohortStatus, CourseKind, EnrollmentStatus } from '@jv/domain';
import { VersionedEntity } from '../../database/versioned.entity';
import { numericTransformer } from '../../database/numeric.transformer';
import { FacilityEntity } from '../facilities/facility.entity';
import { SystemModelEntity } from '../system-models/system-model.entity';
import { UnitEntity } from '../units/unit.entity';

/** A course: what a cohort teaches, on which system model, for which role in a crew. */
@Entity({ name: 'courses' })
@Index('courses_code_uq', ['code'], { unique: true })
@Index('courses_model_idx', ['systemModelId', 'kind'])
@Check('courses_duration_ck', `"duration_days" BETWEEN 1 AND 365`)
@Check('courses_seats_ck', `"seats" BETWEEN 1 AND 500`)
export class CourseEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: CourseKind;

  @Column({ name: 'system_model_id', type: 'uuid' })
  systemModelId!: string;

  @ManyToOne(() => SystemModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_model_id' })
  systemModel!: SystemModelEntity;

  @Column({ name: 'duration_days', type: 'int' })
  durationDays!: number;

  @Column({ type: 'int' })
  seats!: number;
}

/** A person who trains or teaches. Name and service number are personal data (admin and training only). */
@Entity({ name: 'personnel' })
@Index('personnel_service_number_uq', ['serviceNumber'], { unique: true })
@Index('personnel_unit_idx', ['unitId'])
@Index('personnel_name_idx', ['fullName', 'id'])
export class PersonEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'service_number', type: 'text' })
  serviceNumber!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  rank!: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit!: UnitEntity | null;
}

/** One run of a course at a training base. */
@Entity({ name: 'cohorts' })
@Index('cohorts_code_uq', ['code'], { unique: true })
@Index('cohorts_list_idx', ['startsOn', 'id'])
@Index('cohorts_facility_idx', ['facilityId', 'startsOn', 'endsOn'])
@Index('cohorts_course_idx', ['courseId'])
@Index('cohorts_status_idx', ['status', 'startsOn'])
/** completed cohorts by end day, covering the course (cohorts completed in a period); created in the migrations */
@Index('cohorts_completed_idx', { synchronize: false })
@Check('cohorts_dates_ck', `"ends_on" >= "starts_on"`)
@Check('cohorts_seats_ck', `"seats" BETWEEN 1 AND 500`)
export class CohortEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course!: CourseEntity;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => FacilityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility!: FacilityEntity;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'int' })
  seats!: number;

  @Column({ type: 'text' })
  status!: CohortStatus;
}

/**
 * The instructors of a cohort, with the cohort's dates copied so that PostgreSQL itself refuses an
 * instructor in two overlapping cohorts (exclusion constraint on the date range, btree_gist).
 */
@Entity({ name: 'cohort_instructors' })
@Index('cohort_instructors_uq', ['cohortId', 'personId'], { unique: true })
@Exclusion(
  'cohort_instructors_no_overlap',
  `USING gist ("person_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("active")`,
)
export class CohortInstructorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort!: CohortEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person!: PersonEntity;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  /** false once the cohort is cancelled (it no longer holds the instructor's days) */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}

/**
 * A person in a cohort. The cohort's dates are copied so that PostgreSQL refuses a trainee in two
 * overlapping cohorts (exclusion constraint; `active` is false when withdrawn or the cohort is cancelled).
 */
@Entity({ name: 'enrollments' })
@Index('enrollments_uq', ['cohortId', 'personId'], { unique: true })
@Index('enrollments_person_idx', ['personId'])
@Exclusion(
  'enrollments_no_overlap',
  `USING gist ("person_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("active")`,
)
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort!: CohortEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person!: PersonEntity;

  @Column({ type: 'text' })
  status!: EnrollmentStatus;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  score!: number | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Person × system model × course kind, granted once by a completed enrollment. */
@Entity({ name: 'qualifications' })
@Index('qualifications_enrollment_uq', ['enrollmentId'], { unique: true })
@Index('qualifications_person_idx', ['personId'])
/** (model, kind, person) covering granted_on (crew coverage by a day); created in the migrations */
@Index('qualifications_model_kind_idx', { synchronize: false })
/** by day granted, covering model and person (people qualified in a period); created in the migrations */
@Index('qualifications_granted_idx', { synchronize: false })
export class QualificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person!: PersonEntity;

  @Column({ name: 'system_model_id', type: 'uuid' })
  systemModelId!: string;

  @ManyToOne(() => SystemModelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_model_id' })
  systemModel!: SystemModelEntity;

  @Column({ type: 'text' })
  kind!: CourseKind;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort!: CohortEntity;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment!: EnrollmentEntity;
}

/** Every move of a cohort: who, when, from → to, why. */
@Entity({ name: 'cohort_transitions' })
@Index('cohort_transitions_cohort_idx', ['cohortId', 'at'])
export class CohortTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort!: CohortEntity;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: CohortStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: CohortStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
