/**
 * Systems: status, readiness class (the coalition's maintenance vocabulary) and availability.
 * operational = FMC (fully mission capable), degraded = PMC, in_repair = NMC-M (maintenance),
 * awaiting_parts = NMC-S (supply). in_transit and written_off have no readiness class.
 */
export const systemStatuses = [
  'operational',
  'degraded',
  'in_repair',
  'awaiting_parts',
  'in_transit',
  'written_off',
] as const;
export type SystemStatus = (typeof systemStatuses)[number];

export const readinessClasses = ['FMC', 'PMC', 'NMC-M', 'NMC-S'] as const;
export type ReadinessClass = (typeof readinessClasses)[number];

const READINESS: Record<SystemStatus, ReadinessClass | null> = {
  operational: 'FMC',
  degraded: 'PMC',
  in_repair: 'NMC-M',
  awaiting_parts: 'NMC-S',
  in_transit: null,
  written_off: null,
};

export function readinessOf(status: SystemStatus): ReadinessClass | null {
  return READINESS[status];
}

/** The statuses whose readiness class is `cls` (for filtering in SQL). */
export function statusesOfReadiness(cls: ReadinessClass): SystemStatus[] {
  return systemStatuses.filter((s) => READINESS[s] === cls);
}

/** written_off is final: no status change leaves it. Every other change is allowed by hand. */
export function canChangeStatus(from: SystemStatus, to: SystemStatus): boolean {
  return from !== 'written_off' && from !== to;
}

/** The statuses a system may return to `operational` from only through a repair job (four eyes). */
export const returnToServiceThroughJob: readonly SystemStatus[] = ['degraded', 'in_repair', 'awaiting_parts'];

/**
 * Whether a change by hand would sidestep the four-eyes sign-off of a repair job: declaring a degraded,
 * in-repair or awaiting-parts system `operational` again. That goes through a job (opened, worked, then
 * completed and signed off by a second person); a job's own transitions are not hand changes.
 */
export const manualChangeNeedsJob = (from: SystemStatus, to: SystemStatus): boolean =>
  to === 'operational' && returnToServiceThroughJob.includes(from);

/**
 * Writing a system off by hand takes two people: the first asks (the status stays), a second one
 * confirms by writing it off too. The one who asked cannot confirm (four eyes).
 */
export function writeOffStep(pendingRequestedBy: string | null, actorId: string): 'request' | 'confirm' | 'FOUR_EYES' {
  if (pendingRequestedBy === null) return 'request';
  return pendingRequestedBy === actorId ? 'FOUR_EYES' : 'confirm';
}

export interface ReadinessCounts {
  FMC: number;
  PMC: number;
  'NMC-M': number;
  'NMC-S': number;
  inTransit: number;
  writtenOff: number;
  total: number;
  /** (FMC + PMC) / systems not written off; null when there are none */
  availabilityRate: number | null;
}

export function summarizeReadiness(countsByStatus: Partial<Record<SystemStatus, number>>): ReadinessCounts {
  const n = (s: SystemStatus) => countsByStatus[s] ?? 0;
  const total = systemStatuses.reduce((a, s) => a + n(s), 0);
  const active = total - n('written_off');
  return {
    FMC: n('operational'),
    PMC: n('degraded'),
    'NMC-M': n('in_repair'),
    'NMC-S': n('awaiting_parts'),
    inTransit: n('in_transit'),
    writtenOff: n('written_off'),
    total,
    availabilityRate: active > 0 ? (n('operational') + n('degraded')) / active : null,
  };
}
