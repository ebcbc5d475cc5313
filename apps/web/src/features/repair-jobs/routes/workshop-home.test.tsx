import { screen, within } from '@testing-library/react';
import { mockFetch, page, type FetchRequest } from '../../../test/fetch-mock';
import { testRepairJob, testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { today } from '../components/work-log-section';
import { WorkshopHome } from './workshop-home';

const me = testUser('workshop');
const mine = testRepairJob({ status: 'in_repair', technicianIds: [me.id] });
const myPartsReady = testRepairJob({ status: 'awaiting_parts', partsReady: true, technicianIds: [me.id] });
const othersPartsReady = testRepairJob({ status: 'awaiting_parts', partsReady: true });
const awaitingSignOff = testRepairJob({ status: 'quality_check' });

/** The list endpoint, answering each of the home's filters as the API would. */
function mockHomeApi(more: Record<string, unknown> = {}) {
  return mockFetch({
    'GET /repair-jobs': ({ query }: FetchRequest) => {
      const tech = query.get('technicianId');
      if (tech && query.get('partsReady') === 'true') return page([myPartsReady]);
      if (tech && query.get('open') === 'true') return page([mine, myPartsReady]);
      if (query.get('status') === 'awaiting_parts' && query.get('partsReady') === 'true') {
        return page([myPartsReady, othersPartsReady]);
      }
      if (query.get('status') === 'quality_check') return page([awaitingSignOff]);
      return page([]);
    },
    ...more,
  });
}

const numbers = (section: string) =>
  within(screen.getByTestId(`workshop-${section}`))
    .queryAllByTestId('workshop-job')
    .map((row) => row.getAttribute('data-number'));
const row = (section: string, number: string) =>
  within(screen.getByTestId(`workshop-${section}`))
    .getAllByTestId('workshop-job')
    .find((r) => r.getAttribute('data-number') === number) as HTMLElement;

describe('WorkshopHome', () => {
  it("lists my jobs, their ready parts and the facility's jobs waiting for a move, by the list's filters", async () => {
    const fetch = mockHomeApi();
    renderWithProviders(<WorkshopHome />, { user: me, locale: 'en' });
    await screen.findAllByTestId('workshop-job');

    expect(numbers('mine')).toEqual([mine.number, myPartsReady.number]);
    expect(numbers('parts-ready')).toEqual([myPartsReady.number]);
    expect(numbers('waiting')).toEqual([myPartsReady.number, othersPartsReady.number, awaitingSignOff.number]);
    const asked = fetch.requests.filter((r) => r.path === '/repair-jobs').map((r) => r.url.split('?')[1]);
    expect(asked).toEqual(
      expect.arrayContaining([
        `technicianId=${me.id}&open=true&limit=20`,
        `technicianId=${me.id}&status=awaiting_parts&partsReady=true&limit=20`,
        'status=awaiting_parts&partsReady=true&limit=20',
        'status=quality_check&limit=20',
      ]),
    );
    // each row: open, and the forward move as one primary button; my jobs also log work in one tap
    const first = row('mine', mine.number);
    expect(within(first).getByRole('link', { name: `Open job ${mine.number}` })).toHaveAttribute(
      'href',
      `/repair-jobs/${mine.id}`,
    );
    expect(within(first).getByRole('button', { name: 'To quality check' })).toHaveClass('btn-primary');
    expect(within(first).getByRole('button', { name: 'Log 2 h today' })).toBeInTheDocument();
    expect(within(row('waiting', awaitingSignOff.number)).getByRole('button', { name: 'Complete' })).toBeEnabled();
    expect(within(row('waiting', awaitingSignOff.number)).queryByRole('button', { name: /Log/ })).toBeNull();
  });

  it('moves a job forward with one tap, and logs my usual hours today with one tap', async () => {
    localStorage.setItem(`jv.workLog.lastHours.${me.id}`, '3.5');
    const fetch = mockHomeApi({
      [`POST /repair-jobs/${mine.id}/transitions`]: { ...mine, status: 'quality_check' },
      [`POST /repair-jobs/${mine.id}/work-logs`]: {
        id: 'wl-1',
        jobId: mine.id,
        technicianId: me.id,
        technicianName: me.displayName,
        date: today(),
        hours: 3.5,
        note: null,
        createdAt: new Date().toISOString(),
      },
    });
    const { events } = renderWithProviders(<WorkshopHome />, { user: me, locale: 'uk' });
    await screen.findAllByTestId('workshop-job');

    await events.click(within(row('mine', mine.number)).getByRole('button', { name: 'Внести 3,5 год за сьогодні' }));
    expect(await within(row('mine', mine.number)).findByTestId('quick-worklog-done')).toHaveTextContent(
      'Внесено 3,5 год за сьогодні.',
    );
    await events.click(within(row('mine', mine.number)).getByRole('button', { name: 'На контроль якості' }));

    const posts = fetch.requests.filter((r) => r.method === 'POST');
    expect(posts).toEqual([
      expect.objectContaining({
        path: `/repair-jobs/${mine.id}/work-logs`,
        body: { date: today(), hours: 3.5, note: null },
      }),
      expect.objectContaining({
        path: `/repair-jobs/${mine.id}/transitions`,
        body: { to: 'quality_check', comment: null, version: mine.version },
      }),
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(localStorage.getItem(`jv.workLog.lastHours.${me.id}`)).toBe('3.5');
  });
});
