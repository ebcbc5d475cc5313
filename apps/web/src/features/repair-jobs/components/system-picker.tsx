import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/states';
import { useSystemSearch, type SystemOption } from '../api/search-systems';

const MIN_CHARS = 2;
const DEBOUNCE_MS = 300;

interface SystemPickerProps {
  value: SystemOption | null;
  onChange: (system: SystemOption | null) => void;
  error?: string;
  /** Facility codes for the "at <facility>" hint of each option. */
  facilityCode?: (id: string) => string;
  statusLabel?: (status: SystemOption['status']) => string;
}

/**
 * Finds a system by (part of) its serial number: a debounced search of the systems list, big tappable options
 * (`system-option`), and the choice shown with a "Change" button.
 */
export function SystemPicker({ value, onChange, error, facilityCode, statusLabel }: SystemPickerProps) {
  const { t } = useTranslation();
  const inputId = 'system-search';
  const resultsId = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');

  useEffect(() => {
    const next = text.trim();
    const timer = setTimeout(() => setTerm(next.length >= MIN_CHARS ? next : ''), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useSystemSearch(term);
  const describe = (s: SystemOption) =>
    [
      s.modelDesignation,
      s.facilityId
        ? t('repairJobs.create.systemAtFacility', {
            facility: s.facilityCode ?? facilityCode?.(s.facilityId) ?? s.facilityId,
          })
        : null,
      statusLabel ? t('repairJobs.create.systemStatus', { status: statusLabel(s.status) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  if (value) {
    return (
      <div className="field system-picker">
        <span className="rj-field-label">{t('repairJobs.create.selectedSystem')}</span>
        <div className="system-chosen" data-testid="system-selected" data-system-id={value.id}>
          <div>
            <strong className="mono">{value.serialNumber}</strong>
            <p className="muted">{describe(value)}</p>
          </div>
          <Button
            variant="secondary"
            data-testid="system-change"
            onClick={() => {
              onChange(null);
              setText('');
              setTerm('');
            }}
          >
            {t('repairJobs.create.changeSystem')}
          </Button>
        </div>
      </div>
    );
  }

  const items = search.data ?? [];
  return (
    <div className={`field system-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {t('repairJobs.create.systemSearch')}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      <input
        id={inputId}
        type="search"
        data-testid="system-search"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={60}
        placeholder={t('repairJobs.create.systemSearchPlaceholder')}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
        aria-controls={resultsId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the only match instead of submitting the form
          if (e.key === 'Enter') {
            e.preventDefault();
            if (items.length === 1) onChange(items[0]);
          }
        }}
      />
      {error ? (
        <p className="field-error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : (
        <p className="field-hint" id={`${inputId}-hint`}>
          {t('repairJobs.create.systemSearchHint')}
        </p>
      )}
      <div id={resultsId} className="system-results" aria-live="polite">
        {term && search.isFetching && items.length === 0 ? (
          <p className="muted">{t('repairJobs.create.searching')}</p>
        ) : null}
        {term && search.isError ? <ErrorState error={search.error} onRetry={() => void search.refetch()} /> : null}
        {term && search.isSuccess && items.length === 0 ? (
          <p className="muted" data-testid="system-none">
            {t('repairJobs.create.noSystems')}
          </p>
        ) : null}
        {term && items.length > 0 ? (
          <ul className="system-options">
            {items.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="system-option"
                  data-testid="system-option"
                  data-system-id={s.id}
                  onClick={() => onChange(s)}
                >
                  <strong className="mono">{s.serialNumber}</strong>
                  <span className="muted">{describe(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
