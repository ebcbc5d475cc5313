import { screen } from '@testing-library/react';
import { repairJobStatuses } from '@jv/domain';
import { MOVES_EN, testRepairJob } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TransitionButtons } from './transition-buttons';

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('TransitionButtons', () => {
  it.each(repairJobStatuses)('offers a %s job only the moves the workflow allows from there', (status) => {
    // allowedTransitions comes from the API, which computes it with libs/domain's workflow (as the fixture does)
    renderWithProviders(<TransitionButtons job={testRepairJob({ status })} onMove={jest.fn()} />, { locale: 'en' });
    expect(buttonNames()).toEqual(MOVES_EN[status]);
  });

  it('hands the job and the chosen target state to onMove', async () => {
    const onMove = jest.fn();
    const job = testRepairJob({ status: 'quality_check' });
    const { events } = renderWithProviders(<TransitionButtons job={job} onMove={onMove} />, { locale: 'uk' });

    await events.click(screen.getByRole('button', { name: 'Завершити' }));

    expect(onMove).toHaveBeenCalledTimes(1);
    expect(onMove).toHaveBeenCalledWith(job, 'completed');
  });
});
