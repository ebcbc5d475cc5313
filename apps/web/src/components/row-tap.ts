import type { MouseEvent } from 'react';

/** Taps on these open or change something of their own; the row leaves them alone. */
const OWN_ACTION = 'a, button, input, select, textarea, label, summary, [role="button"], [data-row-tap="off"]';

/** The link a row opens: the one marked `data-row-link`, else its first link. */
function rowLink(target: EventTarget, container: HTMLElement): HTMLAnchorElement | null {
  if (!(target instanceof Element) || target.closest(OWN_ACTION)) return null;
  const row = target.closest('tr, [data-tap-row]');
  if (!row || !container.contains(row)) return null;
  return row.querySelector<HTMLAnchorElement>('a[data-row-link][href]') ?? row.querySelector('a[href]');
}

/** The user is selecting text in the row (a drag, a double-click): that is not a tap. */
function selecting(link: HTMLAnchorElement): boolean {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && !!link.closest('tr, [data-tap-row]')?.contains(selection.anchorNode);
}

/**
 * Handlers for a `<tbody>` (or a list whose items carry `data-tap-row`) that make a whole row open its link, for
 * fingers that miss a short serial. The link stays the one keyboard stop and the one thing a screen reader
 * announces; a tap elsewhere on the row clicks it (so the router handles it as usual), and Ctrl/⌘/Shift or the
 * middle button open its address in a new tab as the link itself would.
 */
export const rowTapHandlers = {
  onClick(e: MouseEvent<HTMLElement>) {
    if (e.defaultPrevented || e.button !== 0) return;
    const link = rowLink(e.target, e.currentTarget);
    if (!link || selecting(link)) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(link.href, '_blank', 'noopener');
    else link.click();
  },
  onAuxClick(e: MouseEvent<HTMLElement>) {
    if (e.button !== 1) return;
    const link = rowLink(e.target, e.currentTarget);
    if (link) window.open(link.href, '_blank', 'noopener');
  },
};
