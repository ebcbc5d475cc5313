import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  repairJobKinds,
  repairJobPriorities,
  type RepairJobKindValue,
  type RepairJobPriorityValue,
  type SystemStatusValue,
} from '@jv/contracts';
import { repairJobStatuses, type RepairJobStatus } from '@jv/domain';
import type { Option } from '../../../components/form-fields';

/** Translated labels of the job enums (status, kind, priority) and of each move's button. */
export function useJobLabels() {
  const { t } = useTranslation();
  const status = useCallback((s: RepairJobStatus) => t(`repairJobs.status.${s}`), [t]);
  const kind = useCallback((k: RepairJobKindValue) => t(`repairJobs.kind.${k}`), [t]);
  const priority = useCallback((p: RepairJobPriorityValue) => t(`repairJobs.priority.${p}`), [t]);
  const move = useCallback((to: RepairJobStatus) => t(`repairJobs.move.${to}`), [t]);
  const systemStatus = useCallback((s: SystemStatusValue) => t(`repairJobs.systemStatus.${s}`), [t]);
  return useMemo(
    () => ({
      status,
      kind,
      priority,
      move,
      systemStatus,
      statusOptions: repairJobStatuses.map((s): Option => ({ value: s, label: status(s) })),
      kindOptions: repairJobKinds.map((k): Option => ({ value: k, label: kind(k) })),
      priorityOptions: repairJobPriorities.map((p): Option => ({ value: p, label: priority(p) })),
    }),
    [status, kind, priority, move, systemStatus],
  );
}
