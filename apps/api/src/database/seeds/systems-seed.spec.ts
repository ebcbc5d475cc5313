import { serialPrefix } from './systems-seed';

describe('systems demo seed', () => {
  it('derives serial prefixes from the demo designations', () => {
    expect(serialPrefix('TH-155/52 towed howitzer')).toBe('TH155');
    expect(serialPrefix('SPH-155/52W wheeled self-propelled howitzer')).toBe('SPH155W');
    expect(serialPrefix('MRL-227/12 tracked rocket launcher')).toBe('MRL227');
    expect(serialPrefix('MT-120 towed mortar')).toBe('MT120');
    expect(serialPrefix('Odd model 7')).toBe('ODDMODEL');
  });
});
