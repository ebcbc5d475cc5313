import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiGet, me } from './support/api';
import { waitForOfflineCopy } from './support/offline';
import { launchBrowser, login, newTabletPage } from './support/browser';
import { BASE_URL } from './support/server';

interface JobItem {
  id: string;
  number: string;
  systemId: string;
  systemSerial: string;
}
interface Paged<T> {
  items: T[];
}

describe('installable app that opens offline (browser, 1024×768)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await newTabletPage(browser));
  });
  afterEach(async () => {
    await context?.close();
  });

  it('is installable: a manifest with its names, start URL, colours and icons, and a worker in control', async () => {
    // Chromium reports every context of `browser.newContext()` as incognito, which no browser lets install: this
    // check runs in a profile of its own, as a tablet's browser does
    const profile = mkdtempSync(path.join(tmpdir(), 'jv-e2e-profile-'));
    const installable = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
      baseURL: BASE_URL,
      viewport: { width: 1024, height: 768 },
    });
    try {
      const tab = installable.pages()[0] ?? (await installable.newPage());
      await tab.goto('/login');
      await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const cdp = await installable.newCDPSession(tab);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
      console.log(
        'installability:',
        JSON.stringify({ installabilityErrors, manifestUrl: manifest.url, manifestErrors: manifest.errors }),
      );
      expect(installabilityErrors).toEqual([]);
      expect(manifest.errors).toEqual([]);
      const data = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
      expect(data).toMatchObject({
        short_name: 'JV Tracker',
        lang: 'uk',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b1f3a',
        background_color: '#f4f6f8',
      });
      const icons = data.icons as { sizes: string; purpose: string }[];
      expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
        expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
      );
      // the API is never answered by the worker: offline, it fails as without one
      await installable.setOffline(true);
      const status = await tab.evaluate(() =>
        fetch('/api/v1/auth/me').then(
          (r) => r.status,
          () => 'network error',
        ),
      );
      expect(status).toBe('network error');
    } finally {
      await installable.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  const journey = 'opens the board, an open job and its system from the cache after an offline reload, marked offline';
  it(journey, async () => {
    await login(page, 'workshop@jv.example');
    const user = await me(page);
    const facilityId = user.facilityIds[0];
    const board = await apiGet<Paged<JobItem>>(
      page,
      `/api/v1/repair-jobs?open=true&facilityId=${facilityId}&limit=200`,
    );
    expect(board.items.length).toBeGreaterThan(0);
    const job = board.items[0];

    await page.goto('/repair-jobs/board');
    await page.getByTestId('board').waitFor();
    await expect(page.getByTestId('connection-status').getAttribute('data-online')).resolves.toBe('true');
    await waitForOfflineCopy(page, job);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('board').waitFor();
    await page.locator(`[data-testid="job-card"][data-number="${job.number}"]`).waitFor();
    const banner = page.getByTestId('offline-banner');
    await expect(banner.textContent()).resolves.toMatch(/^Офлайн — дані від \d{2}:\d{2}/);
    await expect(page.getByTestId('connection-status').getAttribute('data-online')).resolves.toBe('false');

    await page.goto(`/repair-jobs/${job.id}`);
    await page.getByTestId('job-detail').waitFor();
    await expect(page.getByTestId('job-number').textContent()).resolves.toContain(job.number);
    await expect(banner.textContent()).resolves.toMatch(/^Офлайн — дані від/);

    await page.goto(`/systems/${job.systemId}`);
    await page.locator(`[data-testid="system-detail"][data-serial="${job.systemSerial}"]`).waitFor();
    await banner.waitFor();

    // a page whose data was never fetched says so instead of spinning
    await page.goto('/systems');
    await page.getByTestId('offline-notice').first().waitFor();

    // back online, the pages load as usual and the banner goes
    await context.setOffline(false);
    await page.goto('/repair-jobs/board');
    await page.getByTestId('board').waitFor();
    await banner.waitFor({ state: 'detached' });
  });

  it('keeps nothing of a user on the device after sign-out', async () => {
    await login(page, 'workshop@jv.example');
    await page.goto('/repair-jobs/board');
    await page.getByTestId('board').waitFor();
    // the offline cache (started some seconds after the page) has written the user's data, the board's among it
    await page.waitForFunction(() => document.documentElement.dataset.offlineSavedAt !== undefined, undefined, {
      timeout: 45_000,
    });
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    await page.waitForFunction(
      async () =>
        // no database at all (the cache had not started yet) is nothing kept, too
        !(await indexedDB.databases()).some((d) => d.name === 'jv-offline-cache') ||
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('jv-offline-cache');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction('snapshots').objectStore('snapshots').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result === 0);
            };
          };
        }),
      undefined,
      { polling: 100 },
    );
  });
});
