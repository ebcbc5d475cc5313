import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComponentRequestStatus } from '@jv/domain';
import { useFilterChip } from '../../../components/filter-bar';
import { useRequestLabels } from './request-labels';

interface StatusFilterProps {
  value: readonly ComponentRequestStatus[];
  onChange: (value: ComponentRequestStatus[]) => void;
}

/**
 * Several statuses at once (none checked = every status): a toolbar button that names the chosen ones
 * and opens a panel of touch-sized checkboxes over the list, so the toolbar stays one row high.
 */
export function StatusFilter({ value, onChange }: StatusFilterProps) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const ref = useRef<HTMLDetailsElement>(null);
  const selected = new Set(value);
  const statuses = labels.statusOptions.map((o) => o.value as ComponentRequestStatus);
  const summary = value.length ? value.map((s) => labels.status(s)).join(', ') : t('common.all');
  useFilterChip('status', t('componentRequests.statusFilter'), value.length ? summary : '', () => onChange([]));

  // the panel closes on a tap elsewhere or Escape, as a select's list would
  useEffect(() => {
    const close = (e: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <div className="toolbar-item cr-status-filter">
      <span className="cr-filter-label" aria-hidden="true">
        {t('componentRequests.statusFilter')}
      </span>
      <details ref={ref} className="cr-status-menu" data-testid="filter-status">
        <summary data-testid="filter-status-summary">
          <span className="visually-hidden">{t('componentRequests.statusFilter')}: </span>
          <span className="cr-status-summary">{summary}</span>
        </summary>
        <fieldset className="cr-status-panel">
          <legend className="visually-hidden">{t('componentRequests.statusFilter')}</legend>
          {labels.statusOptions.map((o) => {
            const status = o.value as ComponentRequestStatus;
            return (
              <label key={o.value} className={`cr-chip${selected.has(status) ? ' cr-chip-on' : ''}`}>
                <input
                  type="checkbox"
                  name="status"
                  value={o.value}
                  checked={selected.has(status)}
                  data-testid={`filter-status-${o.value}`}
                  onChange={(e) =>
                    onChange(statuses.filter((s) => (s === status ? e.target.checked : selected.has(s))))
                  }
                />
                {o.label}
              </label>
            );
          })}
        </fieldset>
      </details>
    </div>
  );
}
