/** Resolves in a task of its own: what follows runs after the browser could paint or take a tap in between. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `task` once the page has loaded, `delayMs` have passed and the browser is idle: for what the first screen
 * does not need (the service worker, the offline cache, the outbox's database), so that none of it competes with
 * the page's first render on a slow phone. Returns a cancel function.
 */
export function afterStart(task: () => void, delayMs: number): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const run = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === 'function') {
      // an idle moment, or at the latest two seconds on (a page that never idles still gets it)
      idle = window.requestIdleCallback(() => !cancelled && task(), { timeout: 2_000 });
    } else task();
  };
  const arm = () => {
    timer = setTimeout(run, delayMs);
  };
  if (document.readyState === 'complete') arm();
  else window.addEventListener('load', arm, { once: true });
  return () => {
    cancelled = true;
    clearTimeout(timer);
    window.removeEventListener('load', arm);
    if (idle !== undefined && typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
  };
}
