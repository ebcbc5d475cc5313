import type { Browser, Page } from 'playwright-core';
import { apiGet } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';
import { BASE_URL } from './support/server';

/**
 * index.html's start-up script asks the API for what a page's first render needs while the code downloads
 * (apps/web/src/early-requests.ts). These journeys prove the list matches what the pages really ask for: every early
 * request is taken by the page (none left over, so none wasted), and none is asked for a second time (so the page did
 * not wait for a request of its own after all).
 */
async function firstLoad(page: Page, path: string, shown?: string) {
  const api: string[] = [];
  const listen = (r: { url(): string; method(): string }) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.method() === 'GET') api.push(`${url.pathname}${url.search}`);
  };
  page.on('request', listen);
  await page.goto(path);
  if (shown) await page.getByTestId(shown).first().waitFor();
  await page.waitForLoadState('networkidle');
  page.off('request', listen);
  const left = await page.evaluate(() => Object.keys((window as { __jvEarly?: object }).__jvEarly ?? {}));
  return { api, left };
}

const count = (list: string[], url: string) => list.filter((u) => u === url).length;

interface StartManifest {
  session: string[];
  routes: { path: string; api: string[] }[];
}

/** The list as this build's start-up script carries it (the argument it is called with). */
async function startManifest(page: Page): Promise<StartManifest> {
  const html = await (await page.request.get('/login')).text();
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error('index.html runs no start-up script');
  return JSON.parse(script.slice(script.lastIndexOf(')({') + 2, script.lastIndexOf(');'))) as StartManifest;
}

describe('early start (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the systems list and a repair job take every early answer, and ask for none twice', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      const jobs = await apiGet<{ items: { id: string }[] }>(page, '/api/v1/repair-jobs?limit=1');
      const jobId = jobs.items[0]?.id;
      expect(jobId).toBeDefined();
      const { session, routes } = await startManifest(page);
      const visits = [
        { path: '/systems', shown: 'systems-table', route: routes.find((r) => r.path.startsWith('^/systems')) },
        {
          path: `/repair-jobs/${jobId}`,
          shown: 'job-detail',
          route: routes.find((r) => r.path.startsWith('^/repair-jobs/')),
        },
      ];
      for (const { path, shown, route } of visits) {
        expect(route).toBeDefined();
        const { api, left } = await firstLoad(page, path, shown);
        const early = [...session, ...(route?.api ?? []).map((u) => u.replace('$1', jobId ?? ''))];
        expect(left).toEqual([]);
        for (const url of early) expect({ url, times: count(api, url) }).toEqual({ url, times: 1 });
      }
    } finally {
      await context.close();
    }
  });

  it("until the app's code runs, the page shows its shape without text; without JavaScript it says so", async () => {
    // the placeholder has no text, so that the first contentful paint is the app's own (docs/performance.md)
    const off = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 1024, height: 768 },
      javaScriptEnabled: false,
    });
    try {
      const page = await off.newPage();
      await page.goto('/repair-jobs');
      expect(await page.locator('.boot-splash').isVisible()).toBe(true);
      expect(await page.locator('.boot-splash').innerText()).toBe('');
      const message = await page.locator('noscript p').innerText();
      expect(message).toContain('JV Tracker потребує JavaScript.');
      expect(message).toContain('JV Tracker needs JavaScript.');
    } finally {
      await off.close();
    }
    // with JavaScript, the app replaces the placeholder and the message does not show
    const { context, page } = await newTabletPage(browser);
    try {
      await page.goto('/login');
      await page.getByTestId('login-email').waitFor();
      expect(await page.locator('.boot-splash').count()).toBe(0);
      expect(await page.getByText('JV Tracker needs JavaScript.').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the login page asks the API for nothing before sign-in', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      const { api } = await firstLoad(page, '/login');
      expect(api).toEqual([]);
      await page.getByTestId('login-email').waitFor();
    } finally {
      await context.close();
    }
  });
});
