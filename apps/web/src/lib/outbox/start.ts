import { useEffect, useState } from 'react';
import { afterStart } from '../after-start';

/** Dispatched on `window` when an entry has gone to the outbox (./runtime.ts). */
export const OUTBOX_QUEUED_EVENT = 'jv:outbox-queued';

/** Online, the outbox (IndexedDB through Dexie, a chunk of its own) is read this long after the page has loaded. */
export const OUTBOX_START_DELAY_MS = 3_000;

let startedOnce = false;

/**
 * Whether the outbox may be read yet. Not for the first screen online: its code and database wait until the page has
 * loaded and settled, so that they never compete with the page's first render. At once offline (the outbox is then
 * what matters) and as soon as an entry is kept; once started, every later page reads it at once.
 */
export function useOutboxStart(delayMs = OUTBOX_START_DELAY_MS): boolean {
  const [started, setStarted] = useState(() => startedOnce || !navigator.onLine);
  useEffect(() => {
    if (started) {
      startedOnce = true;
      return;
    }
    const start = () => {
      startedOnce = true;
      setStarted(true);
    };
    const cancel = afterStart(start, delayMs);
    window.addEventListener('offline', start);
    window.addEventListener(OUTBOX_QUEUED_EVENT, start);
    return () => {
      cancel();
      window.removeEventListener('offline', start);
      window.removeEventListener(OUTBOX_QUEUED_EVENT, start);
    };
  }, [started, delayMs]);
  return started;
}

/** Forgets that the outbox was started (tests). */
export function resetOutboxStart(): void {
  startedOnce = false;
}
