import { screen, waitFor, within } from '@testing-library/react';
import type { ComponentResponse, CurrentUser, RepairJobDetail } from '@jv/contracts';
import type { RepairJobStatus, Role } from '@jv/domain';
import { jsonResponse, mockFetch, page, type FetchRoute } from '../../../test/fetch-mock';
import { OTHER_FACILITY_ID, testRepairJob, testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { JobDetailPage } from './job-detail-page';

const MODEL_ID = '3c4d5e6f-0000-4000-8000-000000000001';

/** A job as its page's one request answers it: the job, its system's model and its facility's name. */
function testJobDetail(status: RepairJobStatus): RepairJobDetail {
  return {
    ...testRepairJob({ status }),
    modelId: MODEL_ID,
    facilityName: 'Lviv repair works',
    transitions: [],
    timeInStates: {},
    componentRequests: [],
  };
}

/** The API of a job's page: the job, and its work logs and parts used (separate sections). */
function mockJobApi(job: RepairJobDetail, more: Record<string, FetchRoute> = {}) {
  return mockFetch({
    [`GET /repair-jobs/${job.id}`]: job,
    [`GET /repair-jobs/${job.id}/work-logs`]: { items: [], totalHours: 0 },
    [`GET /repair-jobs/${job.id}/parts-used`]: { items: [] },
    [`GET /repair-jobs/${job.id}/photos`]: { items: [] },
    'GET /repair-jobs/technicians': { items: [] },
    'GET /components': page([]),
    ...more,
  });
}

const renderJob = (job: RepairJobDetail, user: Role | CurrentUser = 'admin') =>
  renderWithProviders(<JobDetailPage />, {
    route: `/repair-jobs/${job.id}`,
    path: '/repair-jobs/:id',
    locale: 'en',
    user,
  });

describe('JobDetailPage', () => {
  it(
    'shows the header (system, model, facility) from the job alone: ' +
      'no request for the system, the model or the facility',
    async () => {
      const job = testJobDetail('in_repair');
      const fetch = mockJobApi(job);
      renderJob(job);

      expect(await screen.findByTestId('job-system-link')).toHaveTextContent(job.systemSerial);
      expect(screen.getByText(job.modelDesignation)).toBeInTheDocument();
      expect(screen.getByTestId('job-facility-code')).toHaveTextContent(job.facilityCode);
      expect(screen.getByTestId('job-facility-name')).toHaveTextContent(job.facilityName);
      await screen.findByTestId('parts-form');

      expect(fetch.unhandled).toEqual([]);
      expect(fetch.requests.filter((r) => r.path === `/repair-jobs/${job.id}`)).toHaveLength(1);
      expect(fetch.requests.filter((r) => /^\/(systems|facilities|system-models)\b/.test(r.path))).toEqual([]);
      // the parts form lists the components of the job's model
      expect(fetch.requests.find((r) => r.path === '/components')?.query.get('modelId')).toBe(MODEL_ID);
    },
  );

  it("says why a move was refused, in the user's language, and keeps the dialog open", async () => {
    const job = testJobDetail('in_repair');
    mockJobApi(job, {
      [`POST /repair-jobs/${job.id}/transitions`]: jsonResponse(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'INVALID_TRANSITION',
          detail: 'English text for API clients',
          from: 'in_repair',
          to: 'quality_check',
          allowed: ['cancelled'],
        },
        { status: 409 },
      ),
    });
    const { events } = renderJob(job);

    // the forward move is one tap: its refusal opens the move's dialog, which keeps it on screen
    await events.click(await screen.findByRole('button', { name: 'To quality check' }));
    const dialog = await screen.findByRole('dialog');
    const refusal = await within(dialog).findByTestId('transition-error');
    expect(refusal).toHaveAttribute('data-code', 'INVALID_TRANSITION');
    expect(refusal).toHaveTextContent(
      'A move from “In repair” to “Quality check” is not allowed. Possible: Cancelled.',
    );
    expect(refusal).not.toHaveTextContent('English text for API clients');
  });

  it("lists the job's parts requests (status, remaining, expected, overdue) and links to a new request", async () => {
    const job: RepairJobDetail = {
      ...testJobDetail('awaiting_parts'),
      componentRequests: [
        {
          id: '6c1d2e3f-0000-4000-8000-000000000001',
          number: 'CR-2026-00001',
          status: 'shipped',
          componentPartNumber: 'M777-RCL-01',
          componentName: 'Recoil buffer',
          quantity: 4,
          deliveredQuantity: 1,
          remaining: 3,
          expectedOn: '2026-04-20',
          neededBy: '2026-03-01',
          overdue: true,
        },
      ],
    };
    mockJobApi(job);
    renderJob(job, 'workshop');

    const section = await screen.findByTestId('job-requests');
    const row = within(section).getByTestId('job-request-row');
    expect(within(row).getByRole('link', { name: 'CR-2026-00001' })).toHaveAttribute(
      'href',
      '/component-requests/6c1d2e3f-0000-4000-8000-000000000001',
    );
    expect(row).toHaveTextContent('Shipped');
    expect(within(row).getByTestId('job-request-remaining')).toHaveTextContent('3 of 4');
    expect(within(row).getByTestId('overdue-mark')).toHaveTextContent('Overdue');

    const link = new URL(
      within(section).getByRole('link', { name: 'Request parts' }).getAttribute('href') ?? '',
      'http://localhost',
    );
    expect(link.pathname).toBe('/component-requests/new');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      repairJobId: job.id,
      systemId: job.systemId,
      facilityId: job.facilityId,
      modelId: MODEL_ID,
    });
  });

  it('offers "Request parts" only to whoever may raise a request for this job', async () => {
    const job = testJobDetail('awaiting_parts');
    mockJobApi(job);
    const { unmount } = renderJob(job, testUser('workshop', { facilityIds: [OTHER_FACILITY_ID] }));
    await screen.findByTestId('job-requests');
    expect(screen.queryByRole('link', { name: 'Request parts' })).not.toBeInTheDocument();
    unmount();

    mockJobApi(job);
    renderJob(job, 'logistics');
    await screen.findByTestId('job-requests');
    expect(screen.getByRole('link', { name: 'Request parts' })).toBeInTheDocument();
  });

  describe('parts used from a request', () => {
    const RECOIL_ID = '2a3b4c5d-0000-4000-8000-000000000001';
    const SIGHT_ID = '2a3b4c5d-0000-4000-8000-000000000002';
    const component = (id: string, partNumber: string, name: string): ComponentResponse => ({
      id,
      partNumber,
      name,
      category: 'recoil',
      unitOfIssue: 'pcs',
      compatibleModelIds: [MODEL_ID],
      version: 1,
      createdAt: '2026-01-05T08:00:00.000Z',
      updatedAt: '2026-01-05T08:00:00.000Z',
    });
    const request = (id: string, number: string, partNumber: string, deliveredQuantity: number) => ({
      id,
      number,
      status: 'shipped' as const,
      componentPartNumber: partNumber,
      componentName: 'Part',
      quantity: 4,
      deliveredQuantity,
      remaining: 4 - deliveredQuantity,
      expectedOn: null,
      neededBy: '2026-03-01',
      overdue: false,
    });
    const REQUEST_ID = '6c1d2e3f-0000-4000-8000-000000000011';
    const job: RepairJobDetail = {
      ...testJobDetail('in_repair'),
      componentRequests: [
        request(REQUEST_ID, 'CR-2026-00011', 'M777-RCL-01', 2),
        request('6c1d2e3f-0000-4000-8000-000000000012', 'CR-2026-00012', 'M777-RCL-01', 0),
        request('6c1d2e3f-0000-4000-8000-000000000013', 'CR-2026-00013', 'M777-SGT-02', 3),
      ],
    };

    it('lists the delivered requests of the chosen component and sends the one chosen', async () => {
      const fetch = mockJobApi(job, {
        'GET /components': page([
          component(RECOIL_ID, 'M777-RCL-01', 'Recoil buffer'),
          component(SIGHT_ID, 'M777-SGT-02', 'Sight'),
        ]),
        [`POST /repair-jobs/${job.id}/parts-used`]: jsonResponse(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'PARTS_EXCEED_DELIVERED',
            detail: 'English',
            available: 1,
          },
          { status: 409 },
        ),
      });
      const { events } = renderJob(job, 'workshop');

      const form = await screen.findByTestId('parts-form');
      await within(form).findByRole('option', { name: 'M777-RCL-01 — Recoil buffer' });
      await events.selectOptions(within(form).getByLabelText(/^Component/), RECOIL_ID);
      const fromRequest = within(form).getByLabelText(/^From request/);
      expect(
        within(fromRequest)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Not from a request', 'CR-2026-00011 (2 delivered)']);
      await events.selectOptions(fromRequest, REQUEST_ID);
      const quantity = within(form).getByLabelText(/^Quantity/);
      await events.clear(quantity);
      await events.type(quantity, '2');
      await events.click(within(form).getByTestId('parts-submit'));

      expect(await within(form).findByTestId('form-error')).toHaveTextContent(
        'Only 1 are available from this request.',
      );
      expect(fetch.requests.find((r) => r.method === 'POST')?.body).toEqual({
        componentId: RECOIL_ID,
        quantity: 2,
        componentRequestId: REQUEST_ID,
      });

      // another component: the request of the first one is dropped
      await events.selectOptions(within(form).getByLabelText(/^Component/), SIGHT_ID);
      expect(within(form).getByLabelText(/^From request/)).toHaveValue('');
    });
  });

  describe('quality sign-off (tablet)', () => {
    const me = testUser('workshop');
    const colleagueId = '9e0f8a6b-0000-4000-8000-0000000000aa';
    const log = (technicianId: string) => ({
      id: `wl-${technicianId}`,
      jobId: testJobDetail('quality_check').id,
      technicianId,
      technicianName: 'Someone',
      date: '2026-03-01',
      hours: 2,
      note: null,
      createdAt: '2026-03-01T10:00:00.000Z',
    });

    it('disables "Complete" with the four-eyes reason when I logged work, and asks a colleague instead', async () => {
      const job = testJobDetail('quality_check');
      const fetch = mockJobApi(job, {
        [`GET /repair-jobs/${job.id}/work-logs`]: { items: [log(me.id)], totalHours: 2 },
        [`POST /repair-jobs/${job.id}/sign-off-requests`]: {
          notified: 2,
          repeated: false,
          requestedAt: '2026-03-01T10:05:00.000Z',
        },
      });
      const { events } = renderJob(job, me);

      const section = await screen.findByTestId('sign-off');
      const complete = within(section).getByRole('button', { name: 'Complete (quality sign-off)' });
      await waitFor(() => expect(complete).toBeDisabled());
      expect(complete).toHaveAccessibleDescription(
        'You logged work on this job, so a colleague must sign it off (four-eyes rule).',
      );

      await events.click(within(section).getByRole('button', { name: 'Ask a colleague to sign off' }));
      expect(await within(section).findByTestId('sign-off-requested')).toHaveTextContent(/^Asked 2 colleagues at /);
      const post = fetch.requests.find((r) => r.method === 'POST');
      expect(post).toMatchObject({ path: `/repair-jobs/${job.id}/sign-off-requests`, body: { version: job.version } });
      expect(fetch.spy.mock.calls.at(-1)?.[1]?.headers).toHaveProperty('Idempotency-Key');
    });

    it('keeps "Complete" active for a colleague who logged no work', async () => {
      const job = testJobDetail('quality_check');
      mockJobApi(job, { [`GET /repair-jobs/${job.id}/work-logs`]: { items: [log(colleagueId)], totalHours: 2 } });
      renderJob(job, me);
      const section = await screen.findByTestId('sign-off');
      await screen.findByTestId('worklog-row');
      expect(within(section).getByRole('button', { name: 'Complete (quality sign-off)' })).toBeEnabled();
      expect(within(section).queryByTestId('move-reason-completed')).not.toBeInTheDocument();
    });

    it('says when nobody has logged work yet', async () => {
      const job = testJobDetail('quality_check');
      mockJobApi(job);
      renderJob(job, me);
      const section = await screen.findByTestId('sign-off');
      expect(await within(section).findByTestId('move-reason-completed')).toHaveTextContent(
        'Log at least one work entry first.',
      );
      expect(within(section).getByRole('button', { name: 'Complete (quality sign-off)' })).toBeDisabled();
    });

    it('tells that colleagues were already asked, without asking again', async () => {
      const job = testJobDetail('quality_check');
      mockJobApi(job, {
        [`POST /repair-jobs/${job.id}/sign-off-requests`]: {
          notified: 0,
          repeated: true,
          requestedAt: '2026-03-01T10:05:00.000Z',
        },
      });
      const { events } = renderWithProviders(<JobDetailPage />, {
        route: `/repair-jobs/${job.id}`,
        path: '/repair-jobs/:id',
        locale: 'uk',
        user: me,
      });
      const section = await screen.findByTestId('sign-off');
      await events.click(within(section).getByRole('button', { name: 'Попросити колегу підписати' }));
      expect(await within(section).findByTestId('sign-off-requested')).toHaveTextContent(
        /^Колег уже попросили о .*повторно нагадаємо не раніше ніж за 10 хв\.$/,
      );
    });
  });

  it('shows the reported fault and the diagnosis at the top, read-only, with a link to edit them', async () => {
    const job = { ...testJobDetail('in_repair'), reportedFault: 'Recoil buffer leaks', diagnosis: null };
    mockJobApi(job);
    renderJob(job, testUser('workshop'));
    const summary = await screen.findByTestId('job-summary');
    expect(within(summary).getByTestId('job-summary-fault')).toHaveTextContent('Recoil buffer leaks');
    expect(within(summary).getByTestId('job-summary-diagnosis')).toHaveTextContent('No diagnosis yet.');
    expect(within(summary).getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '#job-details');
    // the summary comes before the actions and the sections below
    const actions = screen.getByRole('heading', { name: 'Actions' });
    expect(summary.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(summary).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
