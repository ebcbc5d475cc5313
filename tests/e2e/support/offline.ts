import type { Page } from 'playwright-core';

/**
 * Until the page can be reloaded offline with `job` in its cache: the service worker controls the page, the
 * warm-up (apps/web/src/app/connection-status.tsx, ten seconds after the header, one job at a time) has fetched the
 * job's page and its system, and the offline cache has written them (it writes a second after the last answer).
 * The test never opens the app's IndexedDB itself: its connection would race the app's own.
 */
export async function waitForOfflineCopy(page: Page, job: { id: string; systemId: string }): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/repair-jobs/${job.id}/parts-used`), { timeout: 45_000 }),
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/systems/${job.systemId}`), { timeout: 45_000 }),
  ]);
  await page.waitForTimeout(2_500);
}
