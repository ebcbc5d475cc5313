import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { EARLY_ROUTES, SIGNED_IN_REQUESTS } from '../src/early-requests';

interface Manifest {
  /** the signed-in shell's code and styles */
  shell: string[];
  /** each language's catalogue */
  lang: Record<string, string[]>;
  routes: { path: string; files: string[]; api: readonly string[]; signedIn: boolean }[];
  session: readonly string[];
  /** what starts some seconds after the page (the outbox, the offline cache, the service worker's registration) */
  later: string[];
  /** how long after the page's load they are fetched */
  laterMs: number;
}

/**
 * Runs inline in index.html before any module has loaded (serialised with its manifest by the build). It asks the
 * API for what the first render needs (lib/api-client.ts takes the answers by URL) and preloads the page's code,
 * which the router would otherwise request only after the app's first chunks had run: on a slow mobile link each
 * level of that waterfall cost a round trip and more before the first row showed.
 */
function start(m: Manifest) {
  const early: Record<string, Promise<Response>> = {};
  (window as { __jvEarly?: typeof early }).__jvEarly = early;
  const get = (url: string) => {
    const response = fetch(url, {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
    });
    response.catch(() => undefined); // a failure is the page's to report, once it asks
    early[url] = response;
  };
  const preload = (href: string) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  };
  let lang = 'uk';
  try {
    if (localStorage.getItem('jv.locale') === 'en') lang = 'en';
  } catch {
    /* storage refused: the default language */
  }
  const path = location.pathname;
  const route = m.routes.find((r) => new RegExp(r.path).test(path));
  const signedIn = route ? route.signedIn : true;
  if (signedIn) m.session.forEach(get);
  if (route && signedIn && !location.search) {
    const match = new RegExp(route.path).exec(path) ?? [];
    route.api.forEach((url) => get(url.replace('$1', match[1] ?? '')));
  }
  (m.lang[lang] ?? []).forEach(preload);
  if (signedIn) m.shell.forEach(preload);
  route?.files.forEach(preload);
  // The outbox, the offline cache and the worker's registration start some seconds after the page has loaded, so
  // that they never compete with its first render (lib/after-start.ts); so does the move dialog's form. Their files
  // are downloaded (not run) a moment after the page has loaded, once its first screen has had the link to itself: a
  // connection lost in between must not leave the app unable to load the very code that works offline. (Once the
  // service worker is installed, its precache holds every file.) `data-later-ready` on <html> says they are in.
  if (signedIn) {
    addEventListener('load', () =>
      setTimeout(() => {
        let left = m.later.length;
        const done = () => {
          if (--left === 0) document.documentElement.dataset.laterReady = '';
        };
        m.later.forEach((href) => {
          const link = document.createElement('link');
          link.rel = 'prefetch';
          link.href = href;
          link.as = 'script';
          link.onload = link.onerror = done;
          document.head.appendChild(link);
        });
      }, m.laterMs),
    );
  }
}

const normal = (id: string | null | undefined) => (id ?? '').replace(/\\/g, '/');

/**
 * The build's index.html runs the start-up script above inline, first in <head>, with the file names of this build.
 * It was a small file of its own: a round trip of a slow link before its requests could start. The API's
 * Content-Security-Policy allows no other inline script: it names this one by its SHA-256 (apps/api/src/web-csp.ts).
 */
export function earlyStart(): Plugin {
  return {
    name: 'jv:early-start',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') throw new Error('early-start: the build wrote no index.html');
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) throw new Error('early-start: the build has no entry chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (chunk: OutputChunk, into = new Set<string>()) => {
        for (const file of [chunk.fileName, ...chunk.imports]) {
          if (into.has(file)) continue;
          into.add(file);
          const next = byFile.get(file);
          if (next) closure(next, into);
        }
        return into;
      };
      // what index.html loads already (the entry and its static imports)
      const loaded = closure(entry);
      const filesOf = (...modules: string[]) => {
        const files = new Set<string>();
        for (const module of modules) {
          // the chunk holding the module: its own, or a group of apps/web/vite.config.mts (a package: by its name)
          const suffix = module.startsWith('node_modules/') ? `/${module}` : `/apps/web/src/${module}`;
          const chunk = chunks.find((c) => c.moduleIds.some((id) => normal(id).includes(suffix)));
          if (!chunk) throw new Error(`early-start: no chunk for ${module} (apps/web/src/early-requests.ts)`);
          for (const file of closure(chunk)) {
            if (loaded.has(file)) continue;
            files.add(file); // (no stylesheets: the app has one, in index.html; vite.config.mts `cssCodeSplit`)
          }
        }
        return [...files].map((f) => `/${f}`);
      };
      // the steps main.tsx imports after its own (the app and its router, React's renderer): preloaded by index.html
      // with the entry, as its static imports are, so that a step never waits for the network
      const boot = filesOf('app/app.tsx', 'node_modules/react-dom/');
      boot.forEach((f) => loaded.add(f.slice(1)));
      const manifest: Manifest = {
        shell: filesOf('app/shell.tsx'),
        lang: { uk: filesOf('i18n/uk.ts'), en: filesOf('i18n/en.ts') },
        routes: EARLY_ROUTES.map((r) => ({
          path: r.path,
          files: filesOf(...r.pages),
          api: r.api,
          signedIn: r.signedIn,
        })),
        session: SIGNED_IN_REQUESTS,
        later: filesOf(
          'features/outbox/components/outbox-badge-live.tsx',
          'pwa/offline-cache.ts',
          'lib/outbox/engine.ts',
          'node_modules/workbox-window/',
          'features/repair-jobs/components/transition-dialog.tsx',
        ),
        laterMs: 1_500,
      };
      // (`<\/` keeps a `</script>` in the data from ending the element)
      const source = `(${start.toString()})(${JSON.stringify(manifest)});`.replace(/<\//g, '<\\/');
      const tag = `<script>${source}</script>`;
      // first in <head>, inline: its requests start as the HTML is parsed, with the stylesheet's and the modules',
      // not one round trip later (the API allows this one script by its hash)
      let page = String(html.source).replace(/<head>/, `<head>\n    ${tag}`);
      const entryTag = /<script type="module" crossorigin src="[^"]+"><\/script>\n/.exec(page);
      if (!entryTag) throw new Error("early-start: index.html's module script was not found");
      const preloads = boot.map((f) => `    <link rel="modulepreload" crossorigin href="${f}">\n`).join('');
      page = page.replace(entryTag[0], `${entryTag[0]}${preloads}`);
      html.source = page;
    },
  };
}
