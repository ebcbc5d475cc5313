import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the chooser needs of a column: its key, its header and whether it may be hidden. */
export interface ChoosableColumn {
  key: string;
  header: string;
  /** `false`: always shown (the column with the row's link). */
  hideable?: boolean;
  /** Hidden until the user shows it, on screens narrower than a desktop (a 1024 px tablet). */
  narrowHidden?: boolean;
}

/** Below this a tablet in landscape: the optional columns start hidden so the rest fits without a sideways scroll. */
const NARROW = '(max-width: 1279px)';
const storageKey = (listId: string) => `jv.columns.${listId}`;

function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;
}

/** The user's own choices for a list (column key → shown), kept per device. */
function readChoices(listId: string): Record<string, boolean> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(listId)) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/**
 * Which columns of a list are shown: the user's choice where one was made (remembered in localStorage per
 * list), else the column's default for the screen.
 */
export function useColumnVisibility(listId: string | undefined) {
  const [choices, setChoices] = useState<Record<string, boolean>>(() => (listId ? readChoices(listId) : {}));
  const [narrow] = useState(narrowScreen);
  const isShown = useCallback(
    (c: ChoosableColumn) => !listId || c.hideable === false || (choices[c.key] ?? !(narrow && c.narrowHidden)),
    [listId, choices, narrow],
  );
  const setShown = useCallback(
    (key: string, shown: boolean) => {
      if (!listId) return;
      setChoices((prev) => {
        const next = { ...prev, [key]: shown };
        try {
          localStorage.setItem(storageKey(listId), JSON.stringify(next));
        } catch {
          // storage may be unavailable (private mode): the choice holds for this visit
        }
        return next;
      });
    },
    [listId],
  );
  return { isShown, setShown };
}

interface ColumnChooserProps {
  columns: readonly ChoosableColumn[];
  isShown: (c: ChoosableColumn) => boolean;
  setShown: (key: string, shown: boolean) => void;
}

/** A "Columns" button with a menu of checkboxes, one per column that may be hidden. */
export function ColumnChooser({ columns, isShown, setShown }: ColumnChooserProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const choosable = columns.filter((c) => c.hideable !== false);
  const hiddenCount = choosable.filter((c) => !isShown(c)).length;

  // closes like a menu: a tap elsewhere or Escape (which returns focus to the button)
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (choosable.length === 0) return null;
  return (
    <div className="column-chooser" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="column-chooser"
        onClick={() => setOpen((o) => !o)}
      >
        {hiddenCount > 0 ? t('lists.columnsHidden', { n: hiddenCount }) : t('lists.columns')}
      </button>
      {open ? (
        <fieldset id={menuId} className="column-chooser-menu" data-testid="column-chooser-menu">
          <legend className="visually-hidden">{t('lists.columnsLegend')}</legend>
          {choosable.map((c) => (
            <label key={c.key} className="column-chooser-item">
              <input
                type="checkbox"
                checked={isShown(c)}
                data-testid={`column-${c.key}`}
                onChange={(e) => setShown(c.key, e.target.checked)}
              />
              {c.header}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
