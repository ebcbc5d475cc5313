/** The hours a work log takes when the user has logged none on this tablet yet. */
export const DEFAULT_WORK_HOURS = 2;

const key = (userId: string) => `jv.workLog.lastHours.${userId}`;

/**
 * The hours this user logged last, remembered per user on this device, so that a work log is one tap:
 * a shared tablet keeps each technician's own usual shift.
 */
export function lastHours(userId: string): number {
  try {
    const value = Number(localStorage.getItem(key(userId)));
    return Number.isFinite(value) && value >= 0.25 && value <= 24 && value % 0.25 === 0 ? value : DEFAULT_WORK_HOURS;
  } catch {
    // storage may be closed (private mode): the default still works
    return DEFAULT_WORK_HOURS;
  }
}

export function rememberHours(userId: string, hours: number): void {
  try {
    localStorage.setItem(key(userId), String(hours));
  } catch {
    // not remembered: the next log starts from the default
  }
}
