import { screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { AuditPage } from './audit-page';

const JOB_ID = '7f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e1f';
const WORK_LOG_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const ACTOR_ID = '11111111-2222-4333-8444-555555555555';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-03-02T10:00:00.000Z',
  actorId: ACTOR_ID,
  actorEmail: 'admin@example.org',
  action: 'update',
  entityType: 'repair_job',
  entityId: JOB_ID,
  before: null,
  after: null,
  requestId: 'req-1',
  ip: '10.0.0.1',
  ...overrides,
});

describe('AuditPage', () => {
  it(
    'names record types in the user language and shortens ids, ' + 'linking to the record where a page exists',
    async () => {
      mockFetch({
        'GET /audit-log': page([
          entry({ id: '1' }),
          entry({ id: '2', action: 'create', entityType: 'work_log', entityId: WORK_LOG_ID }),
          entry({ id: '3', action: 'create', entityType: 'system_import', entityId: null }),
          entry({ id: '4', entityType: 'something_new', entityId: 'x1' }),
        ]),
      });
      renderWithProviders(<AuditPage />, { route: '/admin/audit', locale: 'en' });

      const rows = await screen.findAllByTestId('row');
      expect(within(rows[0]!).getByText('Repair job')).toBeInTheDocument();
      const link = within(rows[0]!).getByRole('link', { name: '7f3e2d1c…' });
      expect(link).toHaveAttribute('href', `/repair-jobs/${JOB_ID}`);
      expect(within(link).getByText('7f3e2d1c…')).toHaveAttribute('title', JOB_ID);

      expect(within(rows[1]!).getByText('Work log entry')).toBeInTheDocument();
      expect(within(rows[1]!).queryByRole('link')).not.toBeInTheDocument();
      expect(within(rows[1]!).getByText('a1b2c3d4…')).toHaveAttribute('title', WORK_LOG_ID);
      expect(within(rows[1]!).queryByText(WORK_LOG_ID)).not.toBeInTheDocument();

      expect(within(rows[2]!).getByText('Systems import')).toBeInTheDocument();
      // a kind the app does not know is shown as the API names it
      expect(within(rows[3]!).getByText('something_new')).toBeInTheDocument();
    },
  );

  it('shows the Ukrainian label and filters by record type through the select', async () => {
    const fetch = mockFetch({ 'GET /audit-log': page([entry({})]) });
    const { events } = renderWithProviders(<AuditPage />, { route: '/admin/audit', locale: 'uk' });

    expect(await screen.findByText('Ремонт')).toBeInTheDocument();
    await events.selectOptions(screen.getByLabelText('Тип запису'), 'Запис журналу робіт');

    await waitFor(() => expect(fetch.requests.at(-1)?.query.get('entityType')).toBe('work_log'));
  });

  it('gives the whole ids in the details of an entry, the user linked to their page', async () => {
    mockFetch({ 'GET /audit-log': page([entry({})]) });
    const { events } = renderWithProviders(<AuditPage />, { route: '/admin/audit', locale: 'en' });

    await events.click(await screen.findByTestId('row-toggle'));

    const details = screen.getByTestId('row-details');
    expect(within(details).getByRole('link', { name: JOB_ID })).toHaveAttribute('href', `/repair-jobs/${JOB_ID}`);
    expect(within(details).getByRole('link', { name: ACTOR_ID })).toHaveAttribute('href', `/admin/users/${ACTOR_ID}`);
  });
});
