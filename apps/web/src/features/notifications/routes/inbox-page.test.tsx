import { screen, waitFor, within } from '@testing-library/react';
import type { Notification } from '@jv/contracts';
import { jsonResponse, mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { InboxPage } from './inbox-page';

const REPORT_ID = '3c4d5e6f-0000-4000-8000-000000000001';
const REQUEST_ID = '2b3c4d5e-0000-4000-8000-000000000001';
const COHORT_ID = '1a2b3c4d-0000-4000-8000-000000000001';
const JOB_ID = '7a1c2d3e-0000-4000-8000-000000000001';

function notification(overrides: Partial<Notification>): Notification {
  return {
    id: '0f1e2d3c-0000-4000-8000-000000000001',
    kind: 'report_awaits_approval',
    subjectType: 'partner_report',
    subjectId: REPORT_ID,
    params: { partnerCode: 'LV', period: '2026-Q3' },
    createdAt: '2026-10-02T08:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

const inbox = [
  notification({}),
  notification({
    id: '0f1e2d3c-0000-4000-8000-000000000002',
    kind: 'request_approved',
    subjectType: 'component_request',
    subjectId: REQUEST_ID,
    params: { requestNumber: 'CR-2026-00042' },
    readAt: '2026-10-01T09:00:00.000Z',
  }),
  notification({
    id: '0f1e2d3c-0000-4000-8000-000000000003',
    kind: 'cohort_starting',
    subjectType: 'cohort',
    subjectId: COHORT_ID,
    params: { cohortCode: 'M109-2026-07', startsOn: '2026-10-07' },
    readAt: '2026-10-01T09:00:00.000Z',
  }),
  notification({
    id: '0f1e2d3c-0000-4000-8000-000000000004',
    kind: 'job_parts_ready',
    subjectType: 'repair_job',
    subjectId: JOB_ID,
    params: { jobNumber: 'RJ-2026-00007' },
    readAt: '2026-10-01T09:00:00.000Z',
  }),
];

function mockInboxApi(unreadCount = 1) {
  return mockFetch({
    'GET /notifications': (request) =>
      request.query.get('unread') === 'true'
        ? { ...page(inbox.filter((n) => !n.readAt).slice(0, 1)), unreadCount }
        : { ...page(inbox), unreadCount },
    [`POST /notifications/${inbox[0].id}/read`]: jsonResponse(null, { status: 204 }),
    'POST /notifications/read-all': jsonResponse(null, { status: 204 }),
  });
}

describe('InboxPage', () => {
  it('shows each notification as a sentence in Ukrainian linking to its record, unread ones marked', async () => {
    mockInboxApi();
    renderWithProviders(<InboxPage />, { route: '/notifications', user: 'logistics', locale: 'uk' });

    const items = await screen.findAllByTestId('notification');
    expect(items).toHaveLength(4);
    const first = within(items[0]).getByRole('link', { name: 'Звіт для LV за 2026-Q3 очікує вашого затвердження' });
    expect(first).toHaveAttribute('href', `/partner-reports/${REPORT_ID}`);
    expect(items[0]).toHaveAttribute('data-unread', 'true');
    expect(items[0]).toHaveTextContent('Нове');
    expect(within(items[1]).getByRole('link', { name: 'Заявку CR-2026-00042 погоджено' })).toHaveAttribute(
      'href',
      `/component-requests/${REQUEST_ID}`,
    );
    expect(within(items[2]).getByRole('link')).toHaveAttribute('href', `/training/cohorts/${COHORT_ID}`);
    expect(within(items[2]).getByRole('link')).toHaveTextContent(
      /Навчальна група M109-2026-07 починає навчання 7 жовт/,
    );
    expect(within(items[3]).getByRole('link')).toHaveAttribute('href', `/repair-jobs/${JOB_ID}`);
    expect(items[1]).toHaveAttribute('data-unread', 'false');
    expect(await screen.findByTestId('unread-count')).toHaveTextContent('Непрочитане: 1');
  });

  it('says the sentences in English', async () => {
    mockInboxApi();
    renderWithProviders(<InboxPage />, { route: '/notifications', user: 'partner', locale: 'en' });
    const items = await screen.findAllByTestId('notification');
    expect(items[0]).toHaveTextContent('The report for LV, 2026-Q3 awaits your approval');
    expect(items[3]).toHaveTextContent('Every part for repair job RJ-2026-00007 has been delivered');
  });

  it('marks a notification read when it is opened, and all of them with "mark all read"', async () => {
    const fetch = mockInboxApi();
    const { events, router } = renderWithProviders(<InboxPage />, {
      route: '/notifications',
      user: 'logistics',
      locale: 'uk',
      routes: [{ path: '/partner-reports/:id', element: <p>report</p> }],
    });
    await events.click(await screen.findByTestId('mark-all-read'));
    await waitFor(() => expect(fetch.requests.some((r) => r.path === '/notifications/read-all')).toBe(true));

    await events.click(screen.getAllByTestId('notification-link')[0]);
    await waitFor(() =>
      expect(fetch.requests.some((r) => r.method === 'POST' && r.path === `/notifications/${inbox[0].id}/read`)).toBe(
        true,
      ),
    );
    expect(router.state.location.pathname).toBe(`/partner-reports/${REPORT_ID}`);
  });

  it('a tap anywhere on a notification (here its time) opens it and marks it read', async () => {
    const fetch = mockInboxApi();
    const { events, router } = renderWithProviders(<InboxPage />, {
      route: '/notifications',
      user: 'logistics',
      locale: 'uk',
      routes: [{ path: '/partner-reports/:id', element: <p>report</p> }],
    });
    const [first] = await screen.findAllByTestId('notification');
    await events.click(first.querySelector('time') as HTMLElement);
    expect(router.state.location.pathname).toBe(`/partner-reports/${REPORT_ID}`);
    await waitFor(() =>
      expect(fetch.requests.some((r) => r.method === 'POST' && r.path === `/notifications/${inbox[0].id}/read`)).toBe(
        true,
      ),
    );
  });

  it('says so when there is nothing', async () => {
    mockFetch({ 'GET /notifications': { ...page([]), unreadCount: 0 } });
    renderWithProviders(<InboxPage />, { route: '/notifications', user: 'viewer', locale: 'en' });
    expect(await screen.findByText('No notifications.')).toBeInTheDocument();
    expect(screen.getByTestId('mark-all-read')).toBeDisabled();
  });
});
