import { screen, waitFor, within } from '@testing-library/react';
import type { PartnerReportDetail } from '@jv/contracts';
import type { Role } from '@jv/domain';
import { jsonResponse, mockFetch, type FetchRoute } from '../../../test/fetch-mock';
import { testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OTHER_REPORT_ID, REPORT_ID, testRelease, testReport } from '../test/fixtures';
import { ReportDetailPage } from './report-detail-page';

function mockReportApi(report: PartnerReportDetail, more: Record<string, FetchRoute> = {}) {
  return mockFetch({
    [`GET /partner-reports/${report.id}`]: report,
    [`GET /partner-reports/${report.id}/releases`]: { items: [] },
    ...more,
  });
}

const renderReport = (report: PartnerReportDetail, user: Role = 'logistics', locale: 'uk' | 'en' = 'uk') =>
  renderWithProviders(<ReportDetailPage />, {
    route: `/partner-reports/${report.id}`,
    path: '/partner-reports/:id',
    locale,
    user,
  });

const problem = (code: string, status = 409, params: Record<string, unknown> = {}) =>
  jsonResponse({ type: 'about:blank', title: 'Conflict', status, code, detail: 'English text', ...params }, { status });

describe('ReportDetailPage', () => {
  it('shows a draft in Ukrainian: header, the figures per section as tables, history and its moves', async () => {
    const report = testReport({ status: 'draft' });
    mockReportApi(report);
    renderReport(report, 'admin', 'uk');

    expect(await screen.findByTestId('report-title')).toHaveTextContent('Звіт для LV за 2026-Q3');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Чернетка');
    expect(screen.getByTestId('report-prepared')).toHaveTextContent('Олег Логіст');
    expect(screen.getByTestId('report-approved')).toHaveTextContent('—');
    for (const section of ['Парк систем', 'Ремонти', 'Використання', 'Постачання', 'Навчання'])
      expect(screen.getByRole('heading', { name: section, level: 3 })).toBeInTheDocument();
    expect(screen.getByTestId('figure-systems')).toHaveTextContent('Систем передано (на кінець періоду)12');
    expect(screen.getByTestId('figure-availabilityRate')).toHaveTextContent('75 %');
    expect(within(screen.getByTestId('figures-fleet-status')).getByText('У ремонті')).toBeInTheDocument();
    expect(within(screen.getByTestId('figures-supply-months')).getAllByRole('row')).toHaveLength(4);
    expect(within(screen.getByTestId('figures-supply-months')).getByText(/липень 2026/)).toBeInTheDocument();
    expect(screen.getByTestId('report-history-item')).toHaveTextContent('Підготовлено');
    expect(screen.getByTestId('report-move-approved')).toHaveTextContent('Затвердити');
    expect(screen.getByTestId('report-move-discarded')).toBeInTheDocument();
    expect(screen.getByTestId('report-refresh')).toHaveTextContent('Оновити показники');
    // a draft's documents have no checksum yet
    expect(screen.getByTestId('document-pdf-uk')).toHaveAttribute(
      'href',
      `/api/v1/partner-reports/${REPORT_ID}/document.pdf?lang=uk`,
    );
    expect(screen.queryByTestId('sha-pdf-uk')).not.toBeInTheDocument();
  });

  it('shows a published report in English with every document, its SHA-256 and the release log', async () => {
    const report = testReport({ status: 'published', supersedesId: OTHER_REPORT_ID });
    mockReportApi(report, {
      [`GET /partner-reports/${REPORT_ID}/releases`]: { items: [testRelease()] },
    });
    renderReport(report, 'logistics', 'en');

    expect(await screen.findByTestId('report-title')).toHaveTextContent('Report for LV, 2026-Q3');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Published');
    expect(screen.getByTestId('report-published')).toHaveTextContent('Адмін Головний');
    expect(screen.getByRole('heading', { name: 'Fleet', level: 3 })).toBeInTheDocument();
    expect(screen.getByTestId('figure-medianTurnaroundDays')).toHaveTextContent('12.5');
    for (const [format, lang, hash] of [
      ['pdf', 'uk', 'a'],
      ['pdf', 'en', 'b'],
      ['csv', 'uk', 'c'],
      ['csv', 'en', 'd'],
    ] as const) {
      expect(screen.getByTestId(`document-${format}-${lang}`)).toHaveAttribute(
        'href',
        `/api/v1/partner-reports/${REPORT_ID}/document.${format}?lang=${lang}`,
      );
      expect(screen.getByTestId(`sha-${format}-${lang}`)).toHaveTextContent(hash.repeat(64));
    }
    expect(screen.getByRole('link', { name: 'Download PDF (Ukrainian)' })).toBeInTheDocument();
    expect(screen.getByTestId('supersedes-link')).toHaveAttribute('href', `/partner-reports/${OTHER_REPORT_ID}`);
    const log = await screen.findByTestId('release-log');
    // DataTable renders its rows a render after its head (useDeferredValue): wait for them
    expect(await within(log).findByTestId('release-kind')).toHaveTextContent('Download');
    expect(within(log).getByTestId('release-document')).toHaveAttribute('data-lang', 'uk');
    expect(screen.getByTestId('release-form')).toBeInTheDocument();
    // nothing left to do with a published report
    expect(screen.queryByTestId('report-move-approved')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-refresh')).not.toBeInTheDocument();
  });

  it.each<Role>(['partner', 'viewer'])('offers %s no moves, no refresh and no release form', async (role) => {
    // even if an answer named moves, a role without reportPreparation write gets no buttons
    const report = testReport({ status: 'published', allowedTransitions: ['approved', 'discarded'] });
    mockReportApi(report);
    renderReport(report, role, 'uk');

    expect(await screen.findByTestId('report-title')).toBeInTheDocument();
    expect(screen.queryByTestId('report-move-approved')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Затвердити' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-refresh')).not.toBeInTheDocument();
    expect(screen.queryByTestId('release-form')).not.toBeInTheDocument();
    if (role === 'partner') expect(screen.queryByTestId('release-log')).not.toBeInTheDocument();
    else expect(await screen.findByTestId('release-log')).toBeInTheDocument();
  });

  it('words a FOUR_EYES refusal of the approval in Ukrainian, not in the English of the API', async () => {
    const report = testReport({ status: 'draft', preparedBy: { id: testUser('logistics').id, displayName: 'Я' } });
    const fetch = mockReportApi(report, {
      [`POST /partner-reports/${REPORT_ID}/transitions`]: problem('FOUR_EYES'),
    });
    const { events } = renderReport(report, 'logistics', 'uk');

    await events.click(await screen.findByTestId('report-move-approved'));
    const dialog = screen.getByTestId('report-transition-dialog');
    expect(dialog).toHaveTextContent('Ви підготували цей звіт');
    await events.click(within(dialog).getByTestId('transition-submit'));

    const refusal = await within(dialog).findByTestId('transition-error');
    expect(refusal).toHaveAttribute('data-code', 'FOUR_EYES');
    expect(refusal).toHaveTextContent('Затвердити звіт має інший користувач, ніж той, хто його підготував');
    expect(refusal).not.toHaveTextContent('English text');
    expect(fetch.requests.find((r) => r.method === 'POST')?.body).toEqual({
      to: 'approved',
      comment: null,
      version: 1,
    });
  });

  it('asks before publishing, saying it freezes the report, and shows the published report after', async () => {
    const report = testReport({ status: 'approved' });
    const published = testReport({ status: 'published', version: 2 });
    let current = report;
    const fetch = mockReportApi(report, {
      [`GET /partner-reports/${REPORT_ID}`]: () => current,
      [`POST /partner-reports/${REPORT_ID}/transitions`]: () => (current = published),
    });
    const { events } = renderReport(report, 'admin', 'uk');

    await events.click(await screen.findByTestId('report-move-published'));
    const dialog = screen.getByTestId('report-transition-dialog');
    expect(within(dialog).getByTestId('publish-warning')).toHaveTextContent('Публікація заморожує звіт');
    expect(fetch.requests.filter((r) => r.method === 'POST')).toEqual([]);
    await events.click(within(dialog).getByTestId('transition-submit'));

    await waitFor(() => expect(screen.queryByTestId('report-transition-dialog')).not.toBeInTheDocument());
    expect(fetch.requests.find((r) => r.method === 'POST')?.body).toEqual({
      to: 'published',
      comment: null,
      version: 1,
    });
    await waitFor(() => expect(screen.getByTestId('report-status')).toHaveAttribute('data-status', 'published'));
  });

  it('names the status in the REPORT_NOT_DRAFT refusal of a refresh with its label', async () => {
    const report = testReport({ status: 'draft' });
    mockReportApi(report, {
      [`POST /partner-reports/${REPORT_ID}/refresh`]: problem('REPORT_NOT_DRAFT', 409, { reportStatus: 'approved' }),
    });
    const { events } = renderReport(report, 'logistics', 'uk');

    await events.click(await screen.findByTestId('report-refresh'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent(
      'Перерахувати можна лише чернетку; цей звіт — Затверджено.',
    );
  });

  it('records a release of a published report', async () => {
    const report = testReport({ status: 'published' });
    const fetch = mockReportApi(report, {
      [`POST /partner-reports/${REPORT_ID}/releases`]: (request) =>
        jsonResponse(testRelease({ kind: 'recorded', channel: 'email', ...(request.body as object) }), { status: 201 }),
    });
    const { events } = renderReport(report, 'logistics', 'en');

    const form = await screen.findByTestId('release-form');
    await events.type(within(form).getByLabelText(/Recipient/), 'Embassy of Latvia');
    await events.selectOptions(within(form).getByLabelText(/Channel/), 'diplomatic_mail');
    await events.click(within(form).getByTestId('release-submit'));

    expect(await screen.findByTestId('release-recorded')).toHaveTextContent('The release was recorded.');
    const post = fetch.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ recipient: 'Embassy of Latvia', channel: 'diplomatic_mail', note: null });
  });

  it('shows the not-found page for a report the user may not see', async () => {
    mockFetch({});
    renderReport(testReport(), 'partner', 'uk');
    expect(await screen.findByTestId('not-found-page')).toBeInTheDocument();
  });
});
