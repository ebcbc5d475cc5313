import type { SystemStatus } from './readiness';

/**
 * Repair job workflow: a table plus a function.
 * reported → diagnosing → awaiting_parts ⇄ in_repair → quality_check → completed;
 * any open state → cancelled (a comment is required).
 */
export const repairJobStatuses = [
  'reported',
  'diagnosing',
  'awaiting_parts',
  'in_repair',
  'quality_check',
  'completed',
  'cancelled',
] as const;
export type RepairJobStatus = (typeof repairJobStatuses)[number];

export const openRepairJobStatuses: readonly RepairJobStatus[] = [
  'reported',
  'diagnosing',
  'awaiting_parts',
  'in_repair',
  'quality_check',
];

const FORWARD: Record<RepairJobStatus, readonly RepairJobStatus[]> = {
  reported: ['diagnosing'],
  diagnosing: ['awaiting_parts', 'in_repair'],
  awaiting_parts: ['in_repair'],
  in_repair: ['awaiting_parts', 'quality_check'],
  quality_check: ['in_repair', 'completed'],
  completed: [],
  cancelled: [],
};

export function isOpen(status: RepairJobStatus): boolean {
  return openRepairJobStatuses.includes(status);
}

export function allowedTransitions(from: RepairJobStatus): RepairJobStatus[] {
  return isOpen(from) ? [...FORWARD[from], 'cancelled'] : [];
}

export interface TransitionFacts {
  /** user ids of the technicians who logged work on the job */
  workLogAuthors: readonly string[];
  /** the user asking for the move */
  actorId: string;
  comment?: string | null;
}

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'INVALID_TRANSITION';
      from: RepairJobStatus;
      to: RepairJobStatus;
      allowed: RepairJobStatus[];
      message: string;
    }
  | { ok: false; code: 'COMMENT_REQUIRED' | 'WORK_LOG_REQUIRED' | 'FOUR_EYES'; message: string };

/** Whether `from → to` may happen, with the reason when not. */
export function checkTransition(from: RepairJobStatus, to: RepairJobStatus, facts: TransitionFacts): TransitionCheck {
  const allowed = allowedTransitions(from);
  if (!allowed.includes(to)) {
    return { ok: false, code: 'INVALID_TRANSITION', from, to, allowed, message: `A ${from} job cannot move to ${to}` };
  }
  if (to === 'cancelled' && !facts.comment?.trim()) {
    return { ok: false, code: 'COMMENT_REQUIRED', message: 'Cancelling a job needs a comment saying why' };
  }
  if (to === 'completed') {
    if (facts.workLogAuthors.length === 0) {
      return {
        ok: false,
        code: 'WORK_LOG_REQUIRED',
        message: 'A job needs at least one work log before it is completed',
      };
    }
    if (facts.workLogAuthors.includes(facts.actorId)) {
      return {
        ok: false,
        code: 'FOUR_EYES',
        message: 'The quality sign-off must come from someone who did not log work on this job',
      };
    }
  }
  return { ok: true };
}

/**
 * The system status that goes with a job status. `cancelled` restores what the system had before
 * the job opened; `quality_check` and `diagnosing` keep the system in repair.
 */
export function systemStatusForJob(to: RepairJobStatus, statusBeforeJob: SystemStatus): SystemStatus {
  switch (to) {
    case 'awaiting_parts':
      return 'awaiting_parts';
    case 'completed':
      return 'operational';
    case 'cancelled':
      return statusBeforeJob;
    default:
      return 'in_repair';
  }
}

/** RJ-2026-00042 */
export function formatJobNumber(year: number, seq: number): string {
  return `RJ-${year}-${String(seq).padStart(5, '0')}`;
}

export interface StateHistoryEntry {
  to: RepairJobStatus;
  at: string; // ISO timestamp
}

/** Milliseconds spent in each state, from the ordered history (the last open state runs to `now`). */
export function timeInStates(
  history: readonly StateHistoryEntry[],
  now: string,
): Partial<Record<RepairJobStatus, number>> {
  const out: Partial<Record<RepairJobStatus, number>> = {};
  for (let i = 0; i < history.length; i++) {
    const cur = history[i];
    if (!isOpen(cur.to)) continue;
    const end = i + 1 < history.length ? history[i + 1].at : now;
    out[cur.to] = (out[cur.to] ?? 0) + Math.max(0, Date.parse(end) - Date.parse(cur.at));
  }
  return out;
}

export type RepairJobPriority = 'urgent' | 'priority' | 'routine';

/** Days from opening to the target completion, by priority; an open job past its due time is overdue. */
export const repairJobDueDays: Readonly<Record<RepairJobPriority, number>> = { urgent: 3, priority: 10, routine: 30 };

/** Sort rank of a priority (urgent first), stored as `priority_rank` so lists keyset on it. */
export const repairJobPriorityRank: Readonly<Record<RepairJobPriority, number>> = {
  urgent: 0,
  priority: 1,
  routine: 2,
};

/** When a job opened at `openedAt` with `priority` is due. */
export function repairJobDueAt(openedAt: Date, priority: RepairJobPriority): Date {
  return new Date(openedAt.getTime() + repairJobDueDays[priority] * 86_400_000);
}

/** An open job past its due time. */
export function isOverdue(status: RepairJobStatus, dueAt: Date, now: Date): boolean {
  return isOpen(status) && dueAt.getTime() < now.getTime();
}
