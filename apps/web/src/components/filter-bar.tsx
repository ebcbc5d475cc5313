import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

interface Chip {
  label: string;
  value: string;
}

interface ChipRegistry {
  set: (id: string, chip: Chip | null, clear: () => void) => void;
}

const ChipsContext = createContext<ChipRegistry | null>(null);
/** Whether the enclosing filter bar shows its controls (outside a bar: yes). */
const OpenContext = createContext(true);

/**
 * Whether the filters around the caller are on screen: a folded bar on a tablet shows only chips, so what only its
 * controls need (the options of a select) can wait until it opens.
 */
export function useFilterBarOpen(): boolean {
  return useContext(OpenContext);
}

/**
 * Shows an active filter as a chip in the enclosing filter bar (`value` empty: not active). `clear` may change
 * on every render: the latest one runs.
 */
export function useFilterChip(id: string, label: string, value: string, clear: () => void): void {
  const registry = useContext(ChipsContext);
  const clearRef = useRef(clear);
  useEffect(() => {
    clearRef.current = clear;
  });
  useEffect(() => {
    if (!registry) return;
    registry.set(id, value ? { label, value } : null, () => clearRef.current());
    return () => registry.set(id, null, () => undefined);
  }, [registry, id, label, value]);
}

/** Narrower than a desktop (a tablet): the filters start folded so the list's first rows show. */
const NARROW = '(max-width: 1279px)';

function startsOpen(): boolean {
  return typeof window.matchMedia !== 'function' || !window.matchMedia(NARROW).matches;
}

interface FilterBarProps {
  label: string;
  children: ReactNode;
  /** `false`: the controls always show (a calendar's month switch is not a filter to fold away). */
  collapsible?: boolean;
}

/**
 * The filters above a list. On a tablet they start folded behind a "Filters (N)" toggle; the search box stays
 * out, and every active filter shows as a chip whose × clears it.
 */
export function FilterBar({ label, children, collapsible = true }: FilterBarProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(startsOpen);
  const [chips, setChips] = useState<ReadonlyMap<string, Chip>>(new Map());
  const clears = useRef(new Map<string, () => void>());
  const bodyId = useId();

  const set = useCallback((id: string, chip: Chip | null, clear: () => void) => {
    if (chip) clears.current.set(id, clear);
    else clears.current.delete(id);
    setChips((prev) => {
      const old = prev.get(id);
      if (chip ? old?.label === chip.label && old.value === chip.value : !old) return prev;
      const next = new Map(prev);
      if (chip) next.set(id, chip);
      else next.delete(id);
      return next;
    });
  }, []);
  const registry = useMemo(() => ({ set }), [set]);
  const folded = collapsible && !open;

  return (
    <ChipsContext.Provider value={registry}>
      <div
        className={`list-toolbar${folded ? ' filter-bar-folded' : ''}`}
        role="search"
        aria-label={label}
        data-testid="filter-bar"
      >
        {collapsible ? (
          <div className="filter-bar-head">
            <button
              type="button"
              className="btn btn-secondary filter-bar-toggle"
              aria-expanded={open}
              aria-controls={bodyId}
              data-testid="filters-toggle"
              onClick={() => setOpen((o) => !o)}
            >
              {t('lists.filtersToggle', { n: chips.size })}
            </button>
            {chips.size > 0 ? (
              <ul className="filter-chips" aria-label={t('lists.activeFilters')} data-testid="filter-chips">
                {[...chips].map(([id, chip]) => (
                  <li key={id} className="filter-chip" data-testid={`filter-chip-${id}`}>
                    <span className="filter-chip-text">
                      {chip.label}: {chip.value}
                    </span>
                    <button
                      type="button"
                      className="filter-chip-clear"
                      aria-label={t('lists.clearFilter', { label: chip.label })}
                      data-testid={`filter-chip-clear-${id}`}
                      onClick={() => clears.current.get(id)?.()}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="filter-bar-body" id={bodyId}>
          <OpenContext.Provider value={!folded}>{children}</OpenContext.Provider>
        </div>
      </div>
    </ChipsContext.Provider>
  );
}

export interface ToggleOption {
  value: string;
  label: string;
}

interface ToggleChipsProps {
  name: string;
  label: string;
  options: readonly ToggleOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** What the chip says when nothing is chosen; none by default (every option). */
  hint?: string;
}

/** Several values at once as touch-sized toggle chips (checkboxes), in place of a native multi-select. */
export function ToggleChips({ name, label, options, selected, onChange, hint }: ToggleChipsProps) {
  const chosen = new Set(selected);
  useFilterChip(
    name,
    label,
    options
      .filter((o) => chosen.has(o.value))
      .map((o) => o.label)
      .join(', '),
    () => onChange([]),
  );
  return (
    <fieldset className="toolbar-item toggle-chips" data-testid={`filter-${name}`}>
      <legend>{label}</legend>
      <div className="toggle-chips-list">
        {options.map((o) => (
          <label key={o.value} className={`toggle-chip${chosen.has(o.value) ? ' toggle-chip-on' : ''}`}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.has(o.value)}
              data-testid={`filter-${name}-${o.value}`}
              onChange={(e) =>
                onChange(options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : chosen.has(v))))
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint && chosen.size === 0 ? <span className="field-hint">{hint}</span> : null}
    </fieldset>
  );
}
