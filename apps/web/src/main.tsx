import { startTransition, StrictMode } from 'react';
import { currentUiLocale, loadCatalogue } from './i18n/i18n';
import './styles.css';
import { nextTask } from './lib/after-start';
import type { PageHandle } from './lib/lazy-page';
import { queryClient } from './lib/query-client';
import { startPwa } from './pwa/register';

const container = document.getElementById('root');
if (!container) throw new Error('Root element #root is missing from index.html');

const STARTUP_WAIT_MS = 3_000;

// every signed-in page waits for the user (app/require-auth.tsx): start that query now, while the texts and the
// page's code load (index.html's start-up script has already sent the request; the client takes its answer)
// (offline, the user comes from the device's cache, pwa/offline-cache.ts: nothing to wait for)
const userReady =
  window.location.pathname === '/login' || !navigator.onLine
    ? Promise.resolve()
    : import('./lib/me-query').then((m) => queryClient.prefetchQuery(m.meQueryOptions()));
const textsReady = loadCatalogue(currentUiLocale());
const waitedLongEnough = new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS));
startPwa();

/**
 * The app starts in steps, each in a task of its own: this module (the texts, the query client), then the app and
 * its router (every page's route: it starts loading the matched page's code), then React's renderer.
 * One task running all of it held a phone's main thread for some 400 ms at 4× slowdown; in steps, a tap or a paint
 * can come in between. index.html preloads every step's files with this one (apps/web/build/early-start.mts).
 */
async function start(root: HTMLElement) {
  await nextTask();
  const { App, router } = await import('./app/app');
  /** The router has the matched page's code (app/router.tsx: every page is a chunk of its own). */
  const pageReady = new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  // the page's own first query (a page's `firstData`, lib/lazy-page.ts), once the router has its code; not offline,
  // where the page's answers come from the device's cache
  const dataReady = pageReady.then(() =>
    navigator.onLine
      ? Promise.all(
          router.state.matches.map((match) =>
            (match.route.handle as PageHandle | undefined)?.firstData?.({
              params: match.params,
              search: new URLSearchParams(window.location.search),
            }),
          ),
        )
      : undefined,
  );
  await nextTask();
  const { createRoot } = await import('react-dom/client');
  const reactRoot = createRoot(root);
  // The first render waits, behind index.html's splash, for the language's texts, the page's code and first data,
  // and the signed-in user, which all load at once: the page then renders once, complete, instead of a loading
  // state first and the page over it (each a render and a layout on a slow phone's main thread). Should one of them
  // fail or take long, the app starts anyway and shows its own loading or error state.
  await Promise.race([Promise.all([textsReady, dataReady, userReady]).catch(() => undefined), waitedLongEnough]);
  // a transition: React renders the app in short slices instead of one long task that would hold a phone's main thread
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

void start(container);
