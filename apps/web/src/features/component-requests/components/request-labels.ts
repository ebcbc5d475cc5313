import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  componentRequestPriorities,
  componentRequestStatuses,
  type ComponentRequestPriority,
  type ComponentRequestStatus,
} from '@jv/domain';
import type { Option } from '../../../components/form-fields';

/** Translated labels of the request enums (status, priority) and of each move's button. */
export function useRequestLabels() {
  const { t } = useTranslation();
  const status = useCallback((s: ComponentRequestStatus) => t(`componentRequests.status.${s}`), [t]);
  const priority = useCallback((p: ComponentRequestPriority) => t(`componentRequests.priority.${p}`), [t]);
  const move = useCallback((to: ComponentRequestStatus) => t(`componentRequests.move.${to}`), [t]);
  return useMemo(
    () => ({
      status,
      priority,
      move,
      statusOptions: componentRequestStatuses.map((s): Option => ({ value: s, label: status(s) })),
      priorityOptions: componentRequestPriorities.map((p): Option => ({ value: p, label: priority(p) })),
    }),
    [status, priority, move],
  );
}
