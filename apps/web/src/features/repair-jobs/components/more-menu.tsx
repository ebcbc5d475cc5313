import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

export interface MoreMenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
  testId?: string;
}

/**
 * A menu button (WAI-ARIA menu button pattern) for the rare actions of a job, such as cancelling it, so that
 * they do not sit as big as the forward move. Opens with a tap, Enter, Space or ↓; the first item takes focus;
 * ↑ / ↓ move between items; Escape or a tap outside closes it and gives focus back to the button.
 */
export function MoreMenu({ label, ariaLabel, items }: { label: string; ariaLabel?: string; items: MoreMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const entries = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      // the menu may sit in a dialog or a page that also listens to Escape: only the menu closes
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      entries[(at + step + entries.length) % entries.length]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="more-menu">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost more-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        data-testid="more-menu-button"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div ref={menuRef} id={menuId} role="menu" className="more-menu-list" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`more-menu-item${item.danger ? ' more-menu-item-danger' : ''}`}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
