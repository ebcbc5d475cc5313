import { act, screen, waitFor, within } from '@testing-library/react';
import { openRepairJobStatuses, type RepairJobStatus } from '@jv/domain';
import { jsonResponse, mockFetch, page, type FetchRequest } from '../../../test/fetch-mock';
import {
  MOVES_EN,
  OTHER_FACILITY_ID,
  TEST_FACILITY_ID,
  testFacility,
  testRepairJob,
  testUser,
} from '../../../test/fixtures';
import { renderWithProviders, type RenderWithProvidersOptions } from '../../../test/render';
import { BoardPage } from './board-page';

const facilities = [testFacility(), testFacility({ id: OTHER_FACILITY_ID, code: 'KV-RW2', name: 'Kyiv repair works' })];
/** one job in every open state, at TEST_FACILITY_ID */
const jobs = openRepairJobStatuses.map((status) => testRepairJob({ status }));

/** The API of the board: repair workshops, and the open jobs of the facility asked for. */
function mockBoardApi() {
  return mockFetch({
    'GET /facilities': page(facilities),
    'GET /repair-jobs': ({ query }: FetchRequest) =>
      page(query.get('open') === 'true' ? jobs.filter((j) => j.facilityId === query.get('facilityId')) : []),
  });
}

async function renderBoard(options: RenderWithProvidersOptions) {
  const view = renderWithProviders(<BoardPage />, {
    route: `/repair-jobs/board?facilityId=${TEST_FACILITY_ID}`,
    locale: 'en',
    ...options,
  });
  await screen.findByTestId('board');
  return view;
}

const card = (status: RepairJobStatus) => within(screen.getByTestId(`board-column-${status}`)).getByTestId('job-card');
const moveNames = (status: RepairJobStatus) =>
  within(card(status))
    .queryAllByRole('button')
    .map((b) => b.textContent);
/** The buttons a card shows for a state: its moves (the forward one first), cancel behind "More". */
const FORWARD_EN: Partial<Record<RepairJobStatus, string>> = {
  reported: 'Start diagnosis',
  diagnosing: 'To repair',
  awaiting_parts: 'To repair',
  in_repair: 'To quality check',
  quality_check: 'Complete',
};
const cardButtons = (status: RepairJobStatus) => {
  const forward = FORWARD_EN[status]!;
  return [forward, ...MOVES_EN[status].filter((m) => m !== forward && m !== 'Cancel job'), 'More ▾'];
};

describe('BoardPage (repair board)', () => {
  it(
    "puts each open job in its state's column, " + 'with exactly the moves the workflow allows from that state',
    async () => {
      mockBoardApi();
      await renderBoard({ user: 'admin' });

      for (const status of openRepairJobStatuses) {
        expect(card(status)).toHaveAttribute('data-status', status);
        expect(moveNames(status)).toEqual(cardButtons(status));
      }
    },
  );

  it('offers no moves (and no new job) to a role that may only read repair jobs', async () => {
    mockBoardApi();
    await renderBoard({ user: 'viewer' });

    expect(screen.getAllByTestId('job-card')).toHaveLength(openRepairJobStatuses.length);
    for (const status of openRepairJobStatuses) expect(moveNames(status)).toEqual([]);
    expect(screen.queryByTestId('new-job-button')).not.toBeInTheDocument();
  });

  it('shows a workshop user only its own facility, with the moves on its jobs', async () => {
    mockBoardApi();
    await renderBoard({ user: testUser('workshop', { facilityIds: [TEST_FACILITY_ID] }) });

    expect(
      within(screen.getByLabelText('Facility'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['LV-RW1 — Lviv repair works']);
    expect(moveNames('in_repair')).toEqual(cardButtons('in_repair'));
  });

  it('marks a job awaiting parts whose requests are all delivered as "parts ready", in words', async () => {
    const ready = testRepairJob({ status: 'awaiting_parts', partsReady: true });
    const waiting = testRepairJob({ status: 'awaiting_parts', partsReady: false });
    mockFetch({ 'GET /facilities': page(facilities), 'GET /repair-jobs': page([ready, waiting]) });
    await renderBoard({ user: 'workshop', locale: 'uk' });

    const cardOf = (number: string) =>
      screen.getAllByTestId('job-card').find((c) => c.getAttribute('data-number') === number) as HTMLElement;
    expect(within(cardOf(ready.number)).getByTestId('parts-ready-mark')).toHaveTextContent('Запчастини готові');
    expect(within(cardOf(waiting.number)).queryByTestId('parts-ready-mark')).not.toBeInTheDocument();
  });

  it("asks why before cancelling a job, and sends the move with the job's version once it has a comment", async () => {
    const fetch = mockBoardApi();
    const job = jobs.find((j) => j.status === 'diagnosing')!;
    const { events } = await renderBoard({ user: 'admin' });

    await events.click(within(card('diagnosing')).getByRole('button', { name: /^More actions/ }));
    await events.click(within(card('diagnosing')).getByRole('menuitem', { name: 'Cancel job' }));
    const dialog = await screen.findByRole('dialog', { name: `Move job ${job.number}: Diagnosing → Cancelled` });
    // the keyboard does not pop up over the dialog: the confirm button has the focus, not the comment
    expect(within(dialog).getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await events.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    // the contract's rule, worded by the UI language, on the comment field itself
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Add a comment saying why');
    expect(within(dialog).getByLabelText(/Comment/)).toHaveAttribute('aria-invalid', 'true');
    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await events.type(within(dialog).getByLabelText(/Comment/), 'Duplicate of another job');
    await events.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({
        path: `/repair-jobs/${job.id}/transitions`,
        body: { to: 'cancelled', comment: 'Duplicate of another job', version: job.version },
      }),
    ]);
  });

  it('moves a job forward with one tap: no dialog, the move sent at once with the version', async () => {
    const job = jobs.find((j) => j.status === 'in_repair')!;
    const routes = mockFetch({
      'GET /facilities': page(facilities),
      'GET /repair-jobs': ({ query }: FetchRequest) =>
        page(query.get('open') === 'true' ? jobs.filter((j) => j.facilityId === query.get('facilityId')) : []),
      [`POST /repair-jobs/${job.id}/transitions`]: { ...job, status: 'quality_check' },
    });
    const { events } = await renderBoard({ user: 'admin' });

    const forward = within(card('in_repair')).getByRole('button', { name: 'To quality check' });
    expect(forward).toHaveClass('btn-primary');
    await events.click(forward);

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(routes.requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({
        path: `/repair-jobs/${job.id}/transitions`,
        body: { to: 'quality_check', comment: null, version: job.version },
      }),
    ]);
  });

  it('opens the dialog with the refusal when a one-tap move is refused', async () => {
    const job = jobs.find((j) => j.status === 'quality_check')!;
    mockFetch({
      'GET /facilities': page(facilities),
      'GET /repair-jobs': page(jobs),
      [`POST /repair-jobs/${job.id}/transitions`]: jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'FOUR_EYES', detail: 'English' },
        { status: 409 },
      ),
    });
    const { events } = await renderBoard({ user: 'admin' });

    await events.click(within(card('quality_check')).getByRole('button', { name: 'Complete' }));

    const dialog = await screen.findByRole('dialog', { name: `Move job ${job.number}: Quality check → Completed` });
    expect(within(dialog).getByTestId('transition-error')).toHaveAttribute('data-code', 'FOUR_EYES');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('someone who did not log work');
  });

  it('closes the move dialog while it is saving, with Close and with Escape', async () => {
    const job = jobs.find((j) => j.status === 'diagnosing')!;
    const fetch = mockFetch({
      'GET /facilities': page(facilities),
      'GET /repair-jobs': page(jobs),
      // the connection hangs: the answer never comes
      [`POST /repair-jobs/${job.id}/transitions`]: () => new Promise<never>(() => undefined),
    });
    const { events } = await renderBoard({ user: 'admin' });

    for (const close of ['button', 'escape'] as const) {
      await events.click(within(card('diagnosing')).getByRole('button', { name: 'Await parts' }));
      const dialog = screen.getByRole('dialog', { name: `Move job ${job.number}: Diagnosing → Awaiting parts` });
      await events.click(within(dialog).getByRole('button', { name: 'Confirm' }));
      expect(within(dialog).getByRole('button', { name: 'Saving…' })).toBeDisabled();

      const closeButton = within(dialog).getByRole('button', { name: 'Close' });
      expect(closeButton).toBeEnabled();
      if (close === 'button') await events.click(closeButton);
      else act(() => void dialog.dispatchEvent(new Event('cancel', { cancelable: true })));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    }
    expect(fetch.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('says "No connection — not saved" when the move cannot reach the server, instead of spinning', async () => {
    const job = jobs.find((j) => j.status === 'diagnosing')!;
    mockFetch({
      'GET /facilities': page(facilities),
      'GET /repair-jobs': page(jobs),
      [`POST /repair-jobs/${job.id}/transitions`]: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { events } = await renderBoard({ user: 'admin', locale: 'uk' });

    await events.click(within(card('diagnosing')).getByRole('button', { name: 'Очікувати запчастини' }));
    const dialog = screen.getByRole('dialog');
    await events.click(within(dialog).getByRole('button', { name: 'Підтвердити' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Немає звʼязку — не збережено.');
    expect(within(dialog).getByRole('button', { name: 'Підтвердити' })).toBeEnabled();
    await events.click(within(dialog).getByRole('button', { name: 'Закрити' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
