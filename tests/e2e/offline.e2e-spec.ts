import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiGet, me, runTag } from './support/api';
import { waitForOfflineCopy } from './support/offline';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface JobDetail {
  id: string;
  number: string;
  status: string;
  kind: string;
  version: number;
  systemId: string;
  facilityId: string;
  allowedTransitions: string[];
}
interface Paged<T> {
  items: T[];
}
interface WorkLog {
  note: string | null;
  hours: number;
}
interface UsageReport {
  date: string;
  rounds: number;
}

/** POST with the page's session, from the page (same origin, as the app sends it). */
async function apiPost(page: Page, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ url, data }) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(data),
      });
      return res.status;
    },
    { url: path, data: body },
  );
}

/** The outbox badge's count once it shows `count` (0: once it is gone). */
async function waitForOutboxCount(page: Page, count: number): Promise<void> {
  if (count === 0) await page.getByTestId('outbox-badge').waitFor({ state: 'detached', timeout: 30_000 });
  else await page.locator(`[data-testid="outbox-badge"][data-count="${count}"]`).waitFor({ timeout: 30_000 });
}

/** A day in the past without a usage report of the system, for a report of this run. */
async function freeUsageDay(page: Page, systemId: string): Promise<string> {
  for (let back = 2; back < 200; back += 1) {
    const day = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const reports = await apiGet<Paged<UsageReport>>(
      page,
      `/api/v1/systems/${systemId}/usage-reports?from=${day}&to=${day}`,
    );
    if (reports.items.length === 0) return day;
  }
  throw new Error(`no free usage day for system ${systemId}`);
}

/** An open job of the user's facility with a plain move (no comment, no barrel serial, not closing it). */
async function movableJob(
  page: Page,
  facilityId: string,
  skip: string[] = [],
): Promise<{ job: JobDetail; to: string }> {
  const board = await apiGet<Paged<{ id: string }>>(
    page,
    `/api/v1/repair-jobs?open=true&facilityId=${facilityId}&limit=200`,
  );
  for (const item of board.items) {
    if (skip.includes(item.id)) continue;
    const job = await apiGet<JobDetail>(page, `/api/v1/repair-jobs/${item.id}`);
    const to = job.allowedTransitions.find((s) => !['cancelled', 'completed'].includes(s));
    if (to) return { job, to };
  }
  throw new Error('no movable open job on the board');
}

async function addWorkLog(page: Page, hours: string, note: string): Promise<void> {
  const form = page.getByTestId('worklog-form');
  await form.getByTestId('field-hours').fill(hours);
  await form.getByTestId('field-note').fill(note);
  await form.getByTestId('worklog-submit').click();
}

async function addUsageReport(page: Page, day: string, rounds: number): Promise<void> {
  const form = page.getByTestId('usage-form');
  await form.getByTestId('field-date').fill(day);
  await form.getByTestId('field-rounds').fill(String(rounds));
  await form.getByTestId('field-efc').fill('1.5');
  await form.getByTestId('usage-submit').click();
}

describe('workshop entries that survive a dead connection (browser, 1024×768)', () => {
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

  it(
    'offline: two work logs, a usage report and a move wait in the outbox through a reload; online, the three ' +
      'entries are stored once and the move refused because the job moved meanwhile shows its 409 and is dropped',
    async () => {
      const tag = runTag();
      await login(page, 'workshop@jv.example');
      const user = await me(page);
      const facilityId = user.facilityIds[0];
      const { job, to } = await movableJob(page, facilityId);
      const day = await freeUsageDay(page, job.systemId);

      // online once: the job, its system and the board are what the device keeps for offline use
      await page.goto(`/repair-jobs/${job.id}`);
      await page.getByTestId('worklog-form').waitFor();
      await page.goto(`/systems/${job.systemId}`);
      await page.getByTestId('usage-form').waitFor();
      await page.goto('/repair-jobs/board');
      await page.getByTestId('board').waitFor();
      await waitForOfflineCopy(page, job);

      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('board').waitFor();
      await page.locator(`[data-testid="job-card"][data-number="${job.number}"] [data-testid="job-card-link"]`).click();
      await page.getByTestId('worklog-form').waitFor();

      await addWorkLog(page, '1.5', `E2E ${tag} offline one`);
      await page.locator('[data-testid="worklog-row-pending"]').first().waitFor();
      await addWorkLog(page, '2', `E2E ${tag} offline two`);
      await page.locator('[data-testid="worklog-row-pending"]').nth(1).waitFor();

      // the move closes at once (nothing to wait for) and shows on the job as waiting
      await page.getByTestId(`move-${to}`).click();
      const dialog = page.getByTestId('transition-dialog');
      const pendingMove = page.locator('[data-testid="pending-entry"][data-kind="jobMove"]');
      await Promise.race([dialog.waitFor(), pendingMove.waitFor()]);
      if (await dialog.isVisible()) await dialog.getByTestId('transition-submit').click();
      await pendingMove.waitFor();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByTestId('job-system-link').click();
      await page.getByTestId('usage-form').waitFor();
      const rounds = 3 + (Date.now() % 50);
      await addUsageReport(page, day, rounds);
      await page.getByTestId('usage-report-pending').waitFor();
      await waitForOutboxCount(page, 4);

      // a reload while offline keeps every entry, still waiting
      await page.reload();
      await page.getByTestId('usage-report-pending').waitFor();
      await waitForOutboxCount(page, 4);
      await page.goto(`/repair-jobs/${job.id}`);
      await page.locator('[data-testid="worklog-row-pending"]').nth(1).waitFor();
      expect(await page.getByTestId('worklog-row-pending').count()).toBe(2);

      // meanwhile someone else moves the job
      const admin = await newTabletPage(browser);
      try {
        await login(admin.page, 'admin@jv.example');
        const fresh = await apiGet<JobDetail>(admin.page, `/api/v1/repair-jobs/${job.id}`);
        const status = await apiPost(admin.page, `/api/v1/repair-jobs/${job.id}/transitions`, {
          to,
          comment: `E2E ${tag} moved elsewhere`,
          version: fresh.version,
        });
        expect(status).toBe(200);
      } finally {
        await admin.context.close();
      }

      await context.setOffline(false);
      // the work logs and the report go; the move is refused and stays, with the server's answer
      await waitForOutboxCount(page, 1);
      await page.locator('[data-testid="pending-entry"][data-kind="jobMove"][data-state="conflict"]').waitFor();
      const problem = await page.getByTestId('pending-entry-problem').textContent();
      expect(problem?.trim()).not.toBe('');

      const logs = await apiGet<{ items: WorkLog[] }>(page, `/api/v1/repair-jobs/${job.id}/work-logs`);
      expect(
        logs.items
          .filter((l) => l.note?.includes(`E2E ${tag}`))
          .map((l) => [l.note, l.hours])
          .sort(),
      ).toEqual([
        [`E2E ${tag} offline one`, 1.5],
        [`E2E ${tag} offline two`, 2],
      ]);
      const reports = await apiGet<Paged<UsageReport>>(
        page,
        `/api/v1/systems/${job.systemId}/usage-reports?from=${day}&to=${day}`,
      );
      expect(reports.items.map((r) => r.rounds)).toEqual([rounds]);

      // the refused move is dropped from the outbox page; nothing of it reaches the server
      await page.getByTestId('outbox-badge').click();
      const entry = page.locator('[data-testid="outbox-entry"][data-kind="jobMove"]');
      await expect(entry.getAttribute('data-state')).resolves.toBe('conflict');
      await entry.getByTestId('outbox-entry-problem').waitFor();
      page.once('dialog', (d) => void d.accept());
      await entry.getByTestId('outbox-drop').click();
      await entry.waitFor({ state: 'detached' });
      await waitForOutboxCount(page, 0);
      const after = await apiGet<JobDetail>(page, `/api/v1/repair-jobs/${job.id}`);
      expect(after.status).toBe(to);
    },
  );

  it('stores an entry once when the network drops its first answer: the retry carries the same key', async () => {
    const tag = runTag();
    await login(page, 'workshop@jv.example');
    const user = await me(page);
    const { job } = await movableJob(page, user.facilityIds[0]);
    const day = await freeUsageDay(page, job.systemId);

    // the first POST of each reaches the server, its answer never reaches the tablet
    const dropped = new Set<string>();
    await page.route(/\/api\/v1\/(repair-jobs\/[^/]+\/work-logs|systems\/[^/]+\/usage-reports)$/, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || dropped.has(request.url())) return route.continue();
      dropped.add(request.url());
      await route.fetch();
      return route.abort('connectionreset');
    });

    await page.goto(`/repair-jobs/${job.id}`);
    await page.getByTestId('worklog-form').waitFor();
    await addWorkLog(page, '1', `E2E ${tag} flaky`);
    await page.locator('[data-testid="worklog-row"]', { hasText: `E2E ${tag} flaky` }).waitFor({ timeout: 30_000 });

    await page.goto(`/systems/${job.systemId}`);
    await page.getByTestId('usage-form').waitFor();
    const rounds = 60 + (Date.now() % 40);
    await addUsageReport(page, day, rounds);
    await page.getByTestId('usage-done').waitFor();
    await waitForOutboxCount(page, 0);

    expect(dropped.size).toBe(2);
    const logs = await apiGet<{ items: WorkLog[] }>(page, `/api/v1/repair-jobs/${job.id}/work-logs`);
    expect(logs.items.filter((l) => l.note === `E2E ${tag} flaky`)).toHaveLength(1);
    const reports = await apiGet<Paged<UsageReport>>(
      page,
      `/api/v1/systems/${job.systemId}/usage-reports?from=${day}&to=${day}`,
    );
    expect(reports.items.map((r) => r.rounds)).toEqual([rounds]);
  });
});
