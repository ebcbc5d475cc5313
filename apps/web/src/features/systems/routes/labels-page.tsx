import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/states';
import { useSearchFilters } from '../../../lib/use-search-filters';
import { LABEL_CAP, useLabelSystems } from '../api/get-label-systems';
import { systemLabelUrl } from '../api/get-system-label';
import { toApiFilters } from '../components/system-list-filters';
import { SYSTEM_FILTER_KEYS } from '../components/systems-filters';
import '../labels.css';

/**
 * /systems/labels?… — the QR labels of the systems list's current filters (the same URL parameters), laid out
 * for A4 (62 × 29 mm, three across, nine down): the print CSS leaves only the labels on paper. Each label is
 * the API's SVG as an image rather than a drawing here: one drawing for a single label and the sheet, no QR
 * encoder in the web app, and the browser fetches them in parallel and prints them as vectors.
 */
export function LabelsPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { values } = useSearchFilters(SYSTEM_FILTER_KEYS);
  const filters = useMemo(() => toApiFilters(values), [values]);
  const query = useLabelSystems(filters);
  // images that finished (loaded or failed): Print waits for them, or the paper would have blanks
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const settle = (id: string) => setSettled((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
  const items = query.data?.items ?? [];
  const ready = query.isSuccess && items.every((s) => settled.has(s.id));

  return (
    <section className="label-sheet-page" data-testid="label-sheet-page">
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={`/systems${search}`}>{t('systems.detail.backToList')}</Link>
        </p>
        <PageHeader
          title={t('systems.labels.title')}
          description={query.isSuccess ? t('systems.labels.count', { count: items.length }) : undefined}
          actions={
            <Button
              variant="primary"
              busy={!ready}
              disabled={items.length === 0}
              onClick={() => window.print()}
              data-testid="print-button"
            >
              {ready ? t('systems.labels.printNow') : t('systems.labels.preparing')}
            </Button>
          }
        />
        {query.data?.capped ? (
          <Notice>
            <span data-testid="labels-capped">{t('systems.labels.capped', { cap: LABEL_CAP })}</span>
          </Notice>
        ) : null}
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState message={t('systems.labels.empty')} />
      ) : (
        <ul className="label-sheet" data-testid="label-sheet" data-count={items.length}>
          {items.map((s) => (
            <li key={s.id} className="label-cell">
              <img
                src={systemLabelUrl(s.id)}
                alt={t('systems.labels.alt', { serial: s.serialNumber, model: s.modelDesignation })}
                data-testid="label-image"
                data-serial={s.serialNumber}
                onLoad={() => settle(s.id)}
                onError={() => settle(s.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
