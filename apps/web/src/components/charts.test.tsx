import { render, screen, within } from '@testing-library/react';
import { readinessClasses } from '@jv/domain';
import { setUiLocale } from '../i18n/i18n';
import { OKABE_ITO, READINESS_COLORS } from './chart-palette';
import { isFutureMonth, isPartialMonth, isPartialWeek } from './chart-periods';
import { ChartTable, partialFill } from './chart-table';

// the style sheets themselves, read with Node's fs (jsdom lays nothing out; the web's types have no Node)
declare const __dirname: string;
const { readFileSync } = jest.requireActual<{ readFileSync(path: string, encoding: 'utf8'): string }>('fs');
const { join } = jest.requireActual<{ join(...parts: string[]): string }>('path');

/** The declarations of every rule of `css` whose selector list names `selector` exactly. */
function declarationsOf(css: string, selector: string): string[] {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  return rules
    .filter(([, selectors]) => selectors.split(',').some((s) => s.trim() === selector))
    .flatMap(([, , body]) => body.split(';').map((d) => d.trim()))
    .filter(Boolean);
}

describe('ChartTable', () => {
  it('holds the numbers of a chart, marks a partial period, and hides only visually', () => {
    setUiLocale('en');
    render(
      <ChartTable
        caption="Availability"
        columns={['Month', 'Rate']}
        rows={[
          { key: '2026-10', header: 'October 2026', cells: ['80%'] },
          { key: '2026-11', header: 'November 2026', cells: ['12.5%'], partial: true },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Availability' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('October 202680%');
    expect(rows[2]).toHaveTextContent('November 2026 (partial)12.5%');
    // clipped inside a box of its own (never a sideways scroll), not display:none (screen readers read it)
    const hidden = table.parentElement as HTMLElement;
    expect(hidden).toHaveClass('chart-sr-only');
    expect(hidden.parentElement).toHaveClass('chart-table-anchor');
    const css = readFileSync(join(__dirname, 'chart.css'), 'utf8');
    expect(declarationsOf(css, '.chart-sr-only')).toEqual(
      expect.arrayContaining(['position: absolute', 'overflow: hidden', 'clip-path: inset(50%)', 'width: 1px']),
    );
    expect(declarationsOf(css, '.chart-table-anchor')).toEqual(
      expect.arrayContaining(['position: relative', 'overflow: hidden']),
    );
  });

  it('can sit behind a "Show the numbers" disclosure, in Ukrainian too', () => {
    setUiLocale('uk');
    render(
      <ChartTable
        variant="details"
        caption="Готовність"
        columns={['Місяць', '%']}
        rows={[{ key: 'm', header: 'Листопад 2026', cells: ['12,5 %'], partial: true }]}
      />,
    );
    expect(screen.getByText('Показати числа').tagName).toBe('SUMMARY');
    expect(screen.getByRole('table', { hidden: true })).toHaveTextContent('Листопад 2026 (неповний)12,5 %');
  });

  it('hatches a partial bar in its own colour', () => {
    const style = partialFill(OKABE_ITO.blue);
    expect(style.backgroundImage).toContain(OKABE_ITO.blue);
    expect(style.backgroundImage).toContain('repeating-linear-gradient');
  });

  it('tells NMC-M from NMC-S with two different Okabe–Ito colours', () => {
    const palette = Object.values(OKABE_ITO);
    for (const cls of readinessClasses) expect(palette).toContain(READINESS_COLORS[cls]);
    expect(new Set(readinessClasses.map((c) => READINESS_COLORS[c])).size).toBe(readinessClasses.length);
    expect(READINESS_COLORS['NMC-M']).not.toBe(READINESS_COLORS['NMC-S']);
  });
});

describe('chart periods', () => {
  const now = new Date('2026-11-30T09:00:00Z');

  it('tells a week or month still running (partial) from one that has ended', () => {
    expect(isPartialWeek('2026-11-30', now)).toBe(true);
    expect(isPartialWeek('2026-11-24', now)).toBe(true);
    expect(isPartialWeek('2026-11-23', now)).toBe(false);
    // a week cut by the end of the period asked for is partial too
    expect(isPartialWeek('2026-11-02', now, '2026-11-04')).toBe(true);
    expect(isPartialWeek('2026-11-02', now, '2026-11-08')).toBe(false);
    expect(isPartialMonth('2026-11', now)).toBe(true);
    expect(isPartialMonth('2026-10', now)).toBe(false);
    expect(isPartialMonth('2026-12', now)).toBe(false);
    expect(isFutureMonth('2026-12', now)).toBe(true);
    expect(isFutureMonth('2026-11', now)).toBe(false);
  });
});
