import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentUiLocale, loadCatalogue } from './i18n/i18n';
import './styles.css';
import { App } from './app/app';
import { queryClient } from './lib/query-client';
import { startPwa } from './pwa/register';

const container = document.getElementById('root');
if (!container) throw new Error('Root element #root is missing from index.html');

// every signed-in page waits for the user (app/require-auth.tsx): start that query now, while the texts and the
// page's code load (index.html's start-up script has already sent the request; the client takes its answer)
if (window.location.pathname !== '/login') {
  void import('./lib/me-query').then((m) => queryClient.prefetchQuery(m.meQueryOptions()));
}

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
// the first render waits for the language's texts (the current page's code loads meanwhile, see app/router.tsx);
// should they fail to arrive, the app still starts rather than staying blank
loadCatalogue(currentUiLocale()).then(render, render);
startPwa();
