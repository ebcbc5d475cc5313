import { useTranslation } from 'react-i18next';
import type { CohortStatus, EnrollmentStatus } from '@jv/domain';

/** A cohort's status as a labelled badge (the text says it; the colour only repeats it). */
export function CohortStatusBadge({ status, testId }: { status: CohortStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge tr-status tr-status-${status}`} data-testid={testId} data-status={status}>
      {t(`training.cohortStatus.${status}`)}
    </span>
  );
}

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge tr-enrollment tr-enrollment-${status}`} data-status={status}>
      {t(`training.enrollmentStatus.${status}`)}
    </span>
  );
}
