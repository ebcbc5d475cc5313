import { screen, within } from '@testing-library/react';
import { repairJobStatuses } from '@jv/domain';
import { MOVES_EN, testRepairJob } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TransitionButtons } from './transition-buttons';

/** The forward move of each open state by its English label: the primary button. */
const FORWARD_EN = {
  reported: 'Start diagnosis',
  diagnosing: 'To repair',
  awaiting_parts: 'To repair',
  in_repair: 'To quality check',
  quality_check: 'Complete',
} as const;

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('TransitionButtons', () => {
  it.each(repairJobStatuses)(
    'offers a %s job the forward move as the primary button, side steps beside it, cancel behind "More"',
    async (status) => {
      // allowedTransitions comes from the API, which computes it with libs/domain's workflow (as the fixture does)
      const job = testRepairJob({ status });
      const { events } = renderWithProviders(<TransitionButtons job={job} onMove={jest.fn()} />, { locale: 'en' });
      const allowed = MOVES_EN[status];
      if (allowed.length === 0) {
        expect(buttonNames()).toEqual([]);
        return;
      }
      const forward = FORWARD_EN[status as keyof typeof FORWARD_EN];
      const sideSteps = allowed.filter((name) => name !== forward && name !== 'Cancel job');
      expect(buttonNames()).toEqual([forward, ...sideSteps, 'More ▾']);
      expect(screen.getByRole('button', { name: forward })).toHaveClass('btn-primary');
      for (const name of sideSteps) expect(screen.getByRole('button', { name })).toHaveClass('btn-secondary');
      // cancelling is not one of the big buttons: it sits in the menu
      expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
      const more = screen.getByRole('button', { name: `More actions for job ${job.number}` });
      expect(more).toHaveAttribute('aria-haspopup', 'menu');
      expect(more).toHaveAttribute('aria-expanded', 'false');
      await events.click(more);
      expect(more).toHaveAttribute('aria-expanded', 'true');
      expect(
        within(screen.getByRole('menu'))
          .getAllByRole('menuitem')
          .map((i) => i.textContent),
      ).toEqual(['Cancel job']);
    },
  );

  it('hands the job and the chosen target state to onMove, from a button and from the menu', async () => {
    const onMove = jest.fn();
    const job = testRepairJob({ status: 'quality_check' });
    const { events } = renderWithProviders(<TransitionButtons job={job} onMove={onMove} />, { locale: 'uk' });

    await events.click(screen.getByRole('button', { name: 'Завершити' }));
    expect(onMove).toHaveBeenLastCalledWith(job, 'completed');

    await events.click(screen.getByRole('button', { name: `Інші дії з ремонтом ${job.number}` }));
    await events.click(screen.getByRole('menuitem', { name: 'Скасувати ремонт' }));
    expect(onMove).toHaveBeenLastCalledWith(job, 'cancelled');
    expect(onMove).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens the menu from the keyboard, focuses its item, and Escape closes it back onto the button', async () => {
    const job = testRepairJob({ status: 'in_repair' });
    const { events } = renderWithProviders(<TransitionButtons job={job} onMove={jest.fn()} />, { locale: 'en' });
    const more = screen.getByRole('button', { name: `More actions for job ${job.number}` });
    more.focus();
    await events.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Cancel job' })).toHaveFocus();
    await events.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(more).toHaveFocus();
  });

  it('disables a move the page knows will be refused, and says why', async () => {
    const onMove = jest.fn();
    const job = testRepairJob({ status: 'quality_check' });
    const { events } = renderWithProviders(
      <TransitionButtons
        job={job}
        onMove={onMove}
        refusal={(to) => (to === 'completed' ? 'A colleague must sign off' : undefined)}
      />,
      { locale: 'en' },
    );
    const complete = screen.getByRole('button', { name: 'Complete' });
    expect(complete).toBeDisabled();
    expect(complete).toHaveAccessibleDescription('A colleague must sign off');
    await events.click(complete);
    expect(onMove).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'To repair' })).toBeEnabled();
  });
});
