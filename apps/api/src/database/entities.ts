import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import {
  ComponentRequestDaysHistogramEntity,
  ComponentRequestEntity,
  ComponentRequestTransitionEntity,
  DeliveryEntity,
  SupplyPlanEntity,
  SupplyPlanLineEntity,
} from '../modules/component-requests/component-request.entity';
import { ComponentEntity } from '../modules/components/component.entity';
import { FacilityEntity } from '../modules/facilities/facility.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { JointVentureEntity, JointVenturePartnerEntity } from '../modules/joint-ventures/joint-venture.entity';
import { PartnerEntity } from '../modules/partners/partner.entity';
import { SystemModelEntity } from '../modules/system-models/system-model.entity';
import {
  NumberSequenceEntity,
  PartUsedEntity,
  PreventivePlanEntity,
  RepairJobEntity,
  RepairJobTransitionEntity,
  WorkLogEntity,
} from '../modules/repair-jobs/repair-job.entity';
import { RepairJobPhotoEntity } from '../modules/repair-jobs/repair-job-photos.entity';
import { RepairJobCompletionEntity, RepairJobHoursHistogramEntity } from '../modules/repair-jobs/repair-summary.entity';
import { SystemStatusMonthlyChangeEntity } from '../modules/dashboard/system-status-monthly-change.entity';
import {
  BarrelChangeEntity,
  SystemEntity,
  SystemStatusHistoryEntity,
  UsageReportEntity,
} from '../modules/systems/system.entity';
import {
  CohortEntity,
  CohortInstructorEntity,
  CohortTransitionEntity,
  CourseEntity,
  EnrollmentEntity,
  PersonEntity,
  QualificationEntity,
} from '../modules/training/training.entity';
import {
  PartnerReportDocumentEntity,
  PartnerReportEntity,
  PartnerReportReleaseEntity,
  PartnerReportTransitionEntity,
} from '../modules/partner-reports/partner-report.entity';
import {
  QualifiedPeopleMonthlyEntity,
  UsageMonthlyTotalEntity,
} from '../modules/partner-reports/report-summary.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { UnitEntity } from '../modules/units/unit.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity, listed once: the DataSource, the Nest module and the migration check use this list. */
export const entities = [
  AuditLogEntity,
  LoginAttemptEntity,
  SessionEntity,
  IdempotencyKeyEntity,
  UserEntity,
  PartnerEntity,
  JointVentureEntity,
  JointVenturePartnerEntity,
  FacilityEntity,
  SystemModelEntity,
  ComponentEntity,
  UnitEntity,
  SystemEntity,
  SystemStatusHistoryEntity,
  UsageReportEntity,
  BarrelChangeEntity,
  RepairJobEntity,
  RepairJobTransitionEntity,
  WorkLogEntity,
  RepairJobPhotoEntity,
  PartUsedEntity,
  PreventivePlanEntity,
  NumberSequenceEntity,
  ComponentRequestEntity,
  ComponentRequestTransitionEntity,
  DeliveryEntity,
  SupplyPlanEntity,
  SupplyPlanLineEntity,
  CourseEntity,
  PersonEntity,
  CohortEntity,
  CohortInstructorEntity,
  EnrollmentEntity,
  QualificationEntity,
  CohortTransitionEntity,
  PartnerReportEntity,
  PartnerReportTransitionEntity,
  PartnerReportDocumentEntity,
  PartnerReportReleaseEntity,
  NotificationEntity,
  UsageMonthlyTotalEntity,
  QualifiedPeopleMonthlyEntity,
  RepairJobCompletionEntity,
  RepairJobHoursHistogramEntity,
  ComponentRequestDaysHistogramEntity,
  SystemStatusMonthlyChangeEntity,
];
