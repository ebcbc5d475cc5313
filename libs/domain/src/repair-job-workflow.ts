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

/**
 * The usual next step from each open state: the one-tap move of the board and the job page. The other
 * allowed moves (waiting for parts, back to repair, cancelling) are side steps that ask for a comment.
 */
const NEXT: Partial<Record<RepairJobStatus, RepairJobStatus>> = {
  reported: 'diagnosing',
  diagnosing: 'in_repair',
  awaiting_parts: 'in_repair',
  in_repair: 'quality_check',
  quality_check: 'completed',
};

/** The forward move from `from`, or null for a closed job. */
export function forwardMove(from: RepairJobStatus): RepairJobStatus | null {
  return NEXT[from] ?? null;
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

/** The state in which a job awaits its quality sign-off: completing it from here is the sign-off. */
export const SIGN_OFF_STATE: RepairJobStatus = 'quality_check';

/**
 * A request for sign-off repeated within this many minutes of the last one (by anyone) notifies nobody
 * again: a colleague who did not come yet is not pinged twice for the same job in a short while.
 */
export const SIGN_OFF_REQUEST_QUIET_MINUTES = 10;

export type SignOffRefusal = 'WORK_LOG_REQUIRED' | 'FOUR_EYES';

/**
 * Why `actorId` cannot sign off (complete) a job awaiting sign-off, or null when the four-eyes rule lets
 * them: the same rule as `checkTransition(SIGN_OFF_STATE, 'completed', …)`, for a page that knows the
 * work logs and wants to say so before the API refuses.
 */
export function signOffRefusal(facts: Pick<TransitionFacts, 'workLogAuthors' | 'actorId'>): SignOffRefusal | null {
  const check = checkTransition(SIGN_OFF_STATE, 'completed', facts);
  if (check.ok) return null;
  return check.code === 'WORK_LOG_REQUIRED' || check.code === 'FOUR_EYES' ? check.code : null;
}

/** Whether a sign-off request at `now` repeats one made at `lastAt` within the quiet window. */
export function isRepeatedSignOffRequest(lastAt: Date | null, now: Date): boolean {
  return lastAt !== null && now.getTime() - lastAt.getTime() < SIGN_OFF_REQUEST_QUIET_MINUTES * 60_000;
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
