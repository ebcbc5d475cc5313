import { DEFAULT_WORK_HOURS, lastHours, rememberHours } from './last-hours';

describe('the hours a work log starts from', () => {
  it('is the default until the user logs, then what this user logged last (per user)', () => {
    expect(lastHours('u1')).toBe(DEFAULT_WORK_HOURS);
    rememberHours('u1', 3.5);
    expect(lastHours('u1')).toBe(3.5);
    expect(lastHours('u2')).toBe(DEFAULT_WORK_HOURS);
  });

  it.each(['abc', '0', '25', '1.3', '-2'])('ignores a stored value the API would refuse (%s)', (stored) => {
    localStorage.setItem('jv.workLog.lastHours.u1', stored);
    expect(lastHours('u1')).toBe(DEFAULT_WORK_HOURS);
  });
});
