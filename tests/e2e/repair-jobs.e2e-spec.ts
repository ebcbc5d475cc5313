import type { Browser, Page } from 'playwright-core';
import { apiGet, me, runTag } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface SystemItem {
  id: string;
  serialNumber: string;
  status: string;
  facilityId: string | null;
}
interface JobItem {
  id: string;
  status: string;
  facilityId: string;
}
interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

const OPEN_STATES = ['reported', 'diagnosing', 'awaiting_parts', 'in_repair', 'quality_check'] as const;
/** A colleague of workshop@jv.example at the same workshop (repair-jobs seed: tech1..3.ws1). */
const COLLEAGUE = 'tech1.ws1@jv.example';

/** A forward move: one tap, no dialog; waits for the job to show its new state. */
async function move(page: Page, to: string): Promise<void> {
  await page.getByTestId(`move-${to}`).click();
  await page.locator(`[data-testid="job-status"][data-status="${to}"]`).waitFor();
  expect(await page.getByTestId('transition-dialog').count()).toBe(0);
}

async function waitForJobStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="job-status"][data-status="${status}"]`).waitFor();
}

describe('repair job journeys (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a workshop user opens a job, logs work and takes it to quality check; ' +
      'a colleague signs it off and the system is operational again',
    async () => {
      const tag = runTag();
      const first = await newTabletPage(browser);
      const second = await newTabletPage(browser);
      try {
        const { page } = first;
        await login(page, 'workshop@jv.example');
        const user = await me(page);
        const facilityId = user.facilityIds[0];

        // an operational system, unplaced or at the user's workshop, with no open job
        const candidates = (
          await apiGet<Paged<SystemItem>>(page, '/api/v1/systems?status=operational&limit=200')
        ).items.filter((s) => s.facilityId === null || s.facilityId === facilityId);
        let system: SystemItem | undefined;
        // start at a different place each run, so a rerun on a kept database takes another system
        const offset = Date.now() % Math.max(1, candidates.length);
        for (let i = 0; i < candidates.length && !system; i++) {
          const s = candidates[(offset + i) % candidates.length];
          const open = await apiGet<Paged<JobItem>>(page, `/api/v1/repair-jobs?systemId=${s.id}&open=true&limit=1`);
          if (open.items.length === 0) system = s;
        }
        if (!system) throw new Error('no operational system without an open job');

        // the new-job form
        await page.goto('/repair-jobs/new');
        await page.getByTestId('field-facilityId').selectOption(facilityId);
        await page.getByTestId('system-search').fill(system.serialNumber);
        await page.locator(`[data-testid="system-option"][data-system-id="${system.id}"]`).click();
        await page.locator(`[data-testid="system-selected"][data-system-id="${system.id}"]`).waitFor();
        await page.getByTestId('field-kind').selectOption('corrective');
        await page.getByTestId('field-priority').selectOption('priority');
        const fault = `E2E ${tag}: recoil buffer leaks after firing`;
        await page.getByTestId('field-reportedFault').fill(fault);
        await page.getByTestId('save-button').click();

        // the detail page of the new job
        await page.waitForURL(/\/repair-jobs\/[0-9a-f-]{36}$/);
        await page.getByTestId('job-detail').waitFor();
        await waitForJobStatus(page, 'reported');
        const jobId = page.url().split('/').pop() as string;
        expect(await page.getByTestId('job-details-form').getByTestId('field-reportedFault').inputValue()).toBe(fault);
        expect(await page.getByTestId('job-system-link').innerText()).toBe(system.serialNumber);

        // log work
        const worklog = page.getByTestId('worklog-form');
        await worklog.getByTestId('field-hours').fill('2.5');
        await worklog.getByTestId('field-note').fill(`E2E ${tag}: disassembly and inspection`);
        await worklog.getByTestId('worklog-submit').click();
        await page.getByTestId('worklog-row').first().waitFor();
        expect(await page.getByTestId('worklog-row').count()).toBe(1);
        await page.locator('[data-testid="total-hours"][data-value="2.5"]').waitFor();

        // reported → diagnosing → in_repair → quality_check
        for (const to of ['diagnosing', 'in_repair', 'quality_check']) {
          await move(page, to);
          await waitForJobStatus(page, to);
        }

        // the technician who logged work cannot sign off (four eyes): the page says so before the API would
        await page.getByTestId('sign-off').waitFor();
        await page.getByTestId('move-reason-completed').waitFor();
        expect(await page.getByTestId('move-completed').isDisabled()).toBe(true);
        await waitForJobStatus(page, 'quality_check');

        // meanwhile the system page points at the open job, and its status follows the job
        await page.getByTestId('job-system-link').click();
        await page.locator('[data-testid="status-badge"][data-status="in_repair"]').waitFor();
        await page.getByTestId('open-repair-job-link').click();
        await waitForJobStatus(page, 'quality_check');

        // a colleague at the same workshop, who logged no work, signs it off
        await login(second.page, COLLEAGUE);
        await second.page.goto(`/repair-jobs/${jobId}`);
        await waitForJobStatus(second.page, 'quality_check');
        await move(second.page, 'completed');
        await waitForJobStatus(second.page, 'completed');
        expect(await second.page.getByTestId('move-completed').count()).toBe(0);

        // the system follows: operational again
        await second.page.getByTestId('job-system-link').click();
        await second.page.locator(`[data-testid="system-detail"][data-serial="${system.serialNumber}"]`).waitFor();
        await second.page.locator('[data-testid="status-badge"][data-status="operational"]').waitFor();
        expect(await second.page.getByTestId('open-repair-job').count()).toBe(0);
        const after = await apiGet<SystemItem>(second.page, `/api/v1/systems/${system.id}`);
        expect(after.status).toBe('operational');
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
  );

  it('the board shows one column per open state with its count for the workshop user', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      const { facilityIds } = await me(page);
      await page.goto('/repair-jobs/board');
      const board = page.getByTestId('board');
      await board.waitFor();
      expect(await board.getAttribute('data-facility-id')).toBe(facilityIds[0]);

      const open = await apiGet<Paged<JobItem>>(
        page,
        `/api/v1/repair-jobs?facilityId=${facilityIds[0]}&open=true&limit=200`,
      );
      expect(open.items.length).toBeGreaterThan(0);
      for (const status of OPEN_STATES) {
        const column = page.getByTestId(`board-column-${status}`);
        const expected = open.items.filter((j) => j.status === status).length;
        expect(Number(await column.getAttribute('data-count'))).toBe(expected);
        expect((await column.getByTestId('board-column-count').innerText()).trim()).toBe(String(expected));
        expect(await column.getByTestId('job-card').count()).toBe(expected);
      }
    } finally {
      await context.close();
    }
  });
});
