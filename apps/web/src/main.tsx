import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentUiLocale, loadCatalogue } from './i18n/i18n';
import './styles.css';
import { App } from './app/app';
import { router } from './app/router';
import { queryClient } from './lib/query-client';
import { startPwa } from './pwa/register';

const container = document.getElementById('root');
if (!container) throw new Error('Root element #root is missing from index.html');

// every signed-in page waits for the user (app/require-auth.tsx): start that query now, while the texts and the
// page's code load (index.html's start-up script has already sent the request; the client takes its answer)
// (offline, the user comes from the device's cache, pwa/offline-cache.ts: nothing to wait for)
const userReady =
  window.location.pathname === '/login' || !navigator.onLine
    ? Promise.resolve()
    : import('./lib/me-query').then((m) => queryClient.prefetchQuery(m.meQueryOptions()));

/** The router has the matched page's code (app/router.tsx: every page is a chunk of its own). */
const pageReady = new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    resolve();
  });
});

const root = createRoot(container);
// a transition: React renders the app in short slices instead of one long task that would hold a phone's main thread
const render = () =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
// The first render waits, behind index.html's splash, for the language's texts, the page's code and the signed-in
// user, which all load at once: the page then renders once, complete, instead of a loading state first and the
// page over it (each a render and a layout on a slow phone's main thread). Should one of them fail or take long,
// the app starts anyway and shows its own loading or error state.
const STARTUP_WAIT_MS = 3_000;
Promise.race([
  Promise.all([loadCatalogue(currentUiLocale()), pageReady, userReady]),
  new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS)),
]).then(render, render);
startPwa();
