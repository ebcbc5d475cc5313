import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentUiLocale, loadCatalogue } from './i18n/i18n';
import './styles.css';
import { App } from './app/app';
import { queryClient } from './lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('Root element #root is missing from index.html');

// every signed-in page waits for the user (app/require-auth.tsx): ask now, while the texts and the page's code load,
// not after them (the API client is in a later chunk, so the request is sent here and handed over to it)
if (window.location.pathname !== '/login') {
  const early = fetch('/api/v1/auth/me', {
    headers: { Accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
  });
  // a failure is the query's to report (app/require-auth.tsx), once the client has read it
  early.catch(() => undefined);
  void import('./lib/me-query').then((m) => queryClient.prefetchQuery(m.meQueryOptions(early)));
}

const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// the first render waits for the language's texts (the current page's code loads meanwhile, see app/router.tsx);
// should they fail to arrive, the app still starts rather than staying blank
loadCatalogue(currentUiLocale()).then(render, render);
