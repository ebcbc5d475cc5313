import { screen } from '@testing-library/react';
import type { RepairJobDetail } from '@jv/contracts';
import { testRepairJob } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TimeInStates } from './job-timeline';

// the style sheets themselves, read with Node's fs (jsdom lays nothing out; the web's types have no Node)
declare const __dirname: string;
const { readFileSync } = jest.requireActual<{ readFileSync(path: string, encoding: 'utf8'): string }>('fs');
const { join } = jest.requireActual<{ join(...parts: string[]): string }>('path');

const HOUR = 3_600_000;

/** The declarations of every rule of `css` whose selector list names `selector` exactly. */
function declarationsOf(css: string, selector: string): string[] {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  return rules
    .filter(([, selectors]) => selectors.split(',').some((s) => s.trim() === selector))
    .flatMap(([, , body]) => body.split(';').map((d) => d.trim()))
    .filter(Boolean);
}

describe('TimeInStates (the job page): bars to scale', () => {
  function jobWith(timeInStates: RepairJobDetail['timeInStates']): RepairJobDetail {
    return {
      ...testRepairJob({ status: 'quality_check' }),
      modelId: '3c4d5e6f-0000-4000-8000-000000000001',
      facilityName: 'Lviv repair works',
      transitions: [],
      timeInStates,
      componentRequests: [],
    };
  }

  it('draws 68.6 % of the longest time at 68.6 % of the same axis, not at the length of the longest', () => {
    renderWithProviders(<TimeInStates job={jobWith({ diagnosing: 68.6 * HOUR, in_repair: 100 * HOUR })} />, {
      locale: 'en',
    });
    const bars = screen.getAllByTestId('state-bar');
    const widths = bars.map((b) => parseFloat(b.style.width));
    expect(widths[0]).toBeCloseTo(68.6, 5);
    expect(widths[1]).toBeCloseTo(100, 5);
    // each bar fills a track of its own, from 0: the width is a share of that axis, not of a row with text in it
    for (const bar of bars) {
      const track = bar.parentElement as HTMLElement;
      expect(track).toHaveClass('state-track');
      expect(track.children).toHaveLength(1);
    }
    // and nothing in the style sheet caps a bar's length (a cap drew 68.6 % and 100 % alike)
    const css = readFileSync(join(__dirname, '../repair-jobs.css'), 'utf8');
    const barRules = declarationsOf(css, '.state-bar');
    expect(barRules.length).toBeGreaterThan(0);
    expect(barRules.filter((d) => d.startsWith('max-width'))).toEqual([]);
    // every row's track is equally long: the duration column has a fixed width, not `auto`
    const columns = declarationsOf(css, '.state-time dd').find((d) => d.startsWith('grid-template-columns'));
    expect(columns).toMatch(/^grid-template-columns: minmax\(0, 1fr\) \d+(\.\d+)?rem$/);
  });

  it('does not stretch a short time to a minimum share of the axis', () => {
    renderWithProviders(<TimeInStates job={jobWith({ reported: 1 * HOUR, in_repair: 100 * HOUR })} />, {
      locale: 'en',
    });
    expect(screen.getAllByTestId('state-bar').map((b) => parseFloat(b.style.width))).toEqual([1, 100]);
  });
});
