import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, useFilterBarOpen, useFilterChip } from './filter-bar';
import type { Option } from './form-fields';

/**
 * The row above a list: search box and filters, folded on a tablet behind a "Filters (N)" toggle with chips of
 * the active ones (see FilterBar).
 */
export function ListToolbar({ children, collapsible }: { children: ReactNode; collapsible?: boolean }) {
  const { t } = useTranslation();
  return (
    <FilterBar label={t('common.filters')} collapsible={collapsible}>
      {children}
    </FilterBar>
  );
}

interface SearchBoxProps {
  /** The committed value (from the URL). */
  value: string;
  /** Called, debounced, with the trimmed text. Keep it stable (useCallback). */
  onSearch: (value: string) => void;
  label?: string;
  delayMs?: number;
}

/** A search box that commits after the user pauses typing; the list reads the committed value. */
export function SearchBox({ value, onSearch, label, delayMs = 300 }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    // the URL changed from outside (back button, clear filters): show it
    setCommitted(value);
    setText(value);
  }
  useFilterChip('q', label ?? t('common.search'), value, () => onSearch(''));

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch, delayMs]);

  return (
    <div className="toolbar-item toolbar-search">
      <label htmlFor="list-search">{label ?? t('common.search')}</label>
      <input
        id="list-search"
        type="search"
        data-testid="search-input"
        placeholder={t('common.searchPlaceholder')}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}

interface FilterSelectProps {
  name: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}

export function FilterSelect({ name, label, value, options, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  const id = `filter-${name}`;
  useFilterChip(name, label, value ? (options.find((o) => o.value === value)?.label ?? value) : '', () => onChange(''));
  return (
    <div className="toolbar-item">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface LookupFilterSelectProps<T> extends Omit<FilterSelectProps, 'options'> {
  /** The options' query hook (e.g. `useFacilityOptions`), called with whether they are wanted now; keep it stable. */
  useOptions: (enabled: boolean) => { data?: readonly T[] };
  /** One item as an option; keep it stable (a module-level function). */
  toOption: (item: T) => Option;
  /** `false`: never asked for (the role may not read them). Default: true. */
  enabled?: boolean;
}

/**
 * A select whose options are a reference list from the API. They are asked for only when the select is on screen
 * (its filter bar open) or a value is chosen (its chip names it), so a folded bar costs a page no requests.
 */
export function LookupFilterSelect<T>({ useOptions, toOption, enabled = true, ...props }: LookupFilterSelectProps<T>) {
  const open = useFilterBarOpen();
  const { data } = useOptions(enabled && (open || props.value !== ''));
  const options = useMemo(() => (data ?? []).map(toOption), [data, toOption]);
  return <FilterSelect {...props} options={options} />;
}

interface FilterInputProps {
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'date' | 'month';
  onChange: (value: string) => void;
  error?: string;
}

/** A free-text, date or month filter; text filters commit on blur or Enter so the list is not refetched per key. */
export function FilterInput({ name, label, value, type = 'text', onChange, error }: FilterInputProps) {
  const id = `filter-${name}`;
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }
  useFilterChip(name, label, value, () => onChange(''));
  const commit = () => {
    if (text.trim() !== value) onChange(text.trim());
  };
  return (
    <div className={`toolbar-item${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type={type}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (type !== 'text') onChange(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
