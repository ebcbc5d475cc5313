import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnerReportSummary } from '@jv/contracts';
import { partnerReportStatuses, REPORT_PERIOD_PATTERN } from '@jv/domain';
import { Button, ButtonLink } from '../../../components/button';
import type { Column } from '../../../components/data-table';
import { FlashNotice } from '../../../components/flash-notice';
import { FilterInput, FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { ListView } from '../../../components/list-view';
import { PageHeader } from '../../../components/page-header';
import { partnerLabel, usePartnerOptions } from '../../../lib/lookups';
import { useCan, useCurrentUser } from '../../../lib/session';
import { compactFilters, enumParam, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { usePartnerReports } from '../api/get-partner-reports';
import type { PartnerReportFilters } from '../api/keys';
import { ReportStatusBadge } from '../components/report-badges';
import { useReportFormat } from '../components/use-report-format';

const FILTERS = ['partnerId', 'period', 'status'] as const;

const validPeriod = (value: string) => REPORT_PERIOD_PATTERN.test(value.trim());

/** The list's filters as the API takes them, from the URL's values (a malformed period is not sent). */
export function reportFiltersOf(values: Record<(typeof FILTERS)[number], string>): PartnerReportFilters {
  return compactFilters({
    partnerId: uuidParam(values.partnerId),
    period: validPeriod(values.period) ? values.period.trim() : undefined,
    status: enumParam(values.status, partnerReportStatuses),
  });
}

function useReportColumns(): Column<PartnerReportSummary>[] {
  const { t } = useTranslation();
  const f = useReportFormat();
  return [
    {
      key: 'period',
      header: t('partnerReports.fields.period'),
      className: 'nowrap',
      cell: (r) => (
        <Link
          to={`/partner-reports/${r.id}`}
          className="mono"
          data-testid="report-link"
          aria-label={t('partnerReports.list.open', { partner: r.partnerCode, period: r.period })}
        >
          {r.period}
        </Link>
      ),
    },
    {
      key: 'partner',
      header: t('partnerReports.fields.partner'),
      cell: (r) => (
        <>
          <span className="mono">{r.partnerCode}</span> — {r.partnerName}
        </>
      ),
    },
    {
      key: 'status',
      header: t('partnerReports.fields.status'),
      cell: (r) => (
        <>
          <ReportStatusBadge status={r.status} testId="report-status" />
          {r.supersedesId ? <span className="muted"> ({t('partnerReports.list.correction')})</span> : null}
        </>
      ),
    },
    {
      key: 'prepared',
      header: t('partnerReports.fields.preparedBy'),
      cell: (r) => f.whoWhen(r.preparedBy, r.preparedAt),
    },
    {
      key: 'published',
      header: t('partnerReports.fields.publishedBy'),
      cell: (r) => f.whoWhen(r.publishedBy, r.publishedAt),
    },
  ];
}

/**
 * /partner-reports — the reports the user may see, newest first, filtered by partner, period and status
 * on the server (filters live in the URL). Partner users get their country's published reports only.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPartner = user.role === 'partner';
  const canPrepare = useCan('reportPreparation', 'write');
  const partners = usePartnerOptions(!isPartner);
  const columns = useReportColumns();
  const { values, setFilter, setFilters } = useSearchFilters(FILTERS);
  const filters = useMemo(() => reportFiltersOf(values), [values]);
  const query = usePartnerReports(filters);
  const outdated = query.isFetching && !query.isFetchedAfterMount && !query.isPlaceholderData;
  const anyFilter = FILTERS.some((key) => values[key] !== '');
  const periodError = values.period && !validPeriod(values.period) ? t('partnerReports.periodHint') : undefined;
  const partnerOptions = (partners.data ?? [])
    .filter((p) => p.role !== 'host')
    .map((p) => ({ value: p.id, label: partnerLabel(p) }));

  return (
    <section>
      <PageHeader
        title={t('partnerReports.list.title')}
        description={isPartner ? t('partnerReports.list.partnerDescription') : t('partnerReports.list.description')}
        actions={
          canPrepare ? (
            <ButtonLink to="/partner-reports/new" variant="primary" data-testid="prepare-report">
              {t('partnerReports.list.prepare')}
            </ButtonLink>
          ) : null
        }
      />
      <FlashNotice />
      <ListToolbar>
        {isPartner ? null : (
          <FilterSelect
            name="partnerId"
            label={t('partnerReports.fields.partner')}
            value={values.partnerId}
            options={partnerOptions}
            onChange={(v) => setFilter('partnerId', v)}
          />
        )}
        <FilterInput
          name="period"
          label={t('partnerReports.fields.period')}
          value={values.period}
          onChange={(v) => setFilter('period', v)}
          error={periodError}
        />
        {isPartner ? null : (
          <FilterSelect
            name="status"
            label={t('partnerReports.fields.status')}
            value={values.status}
            options={partnerReportStatuses.map((s) => ({ value: s, label: t(`partnerReports.status.${s}`) }))}
            onChange={(v) => setFilter('status', v)}
          />
        )}
        {anyFilter ? (
          <div className="toolbar-item toolbar-item-end">
            <Button
              variant="ghost"
              onClick={() => setFilters({ partnerId: '', period: '', status: '' })}
              data-testid="clear-filters"
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </ListToolbar>
      <div data-testid="report-list">
        <ListView
          listId="partner-reports"
          query={outdated ? { ...query, isPending: true } : query}
          caption={t('partnerReports.list.title')}
          columns={columns}
          getRowId={(r) => r.id}
          emptyMessage={t('partnerReports.list.empty')}
        />
      </div>
    </section>
  );
}
