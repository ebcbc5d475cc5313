import type { Browser, Locator, Page } from 'playwright-core';
import { apiGet, me, runTag } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface JobItem {
  id: string;
  number: string;
  status: string;
  facilityId: string;
}
interface JobDetail extends JobItem {
  componentRequests: unknown[];
}
interface PartnerItem {
  id: string;
  role: string;
}
interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Chooses the first real option of a select (index 0 is the "not selected" placeholder) once it has loaded. */
async function chooseFirstOption(select: Locator): Promise<string> {
  const option = select.locator('option:nth-child(2)');
  await option.waitFor({ state: 'attached' });
  const value = (await option.getAttribute('value')) ?? '';
  expect(value).not.toBe('');
  await select.selectOption(value);
  return value;
}

async function waitForRequestStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="request-status"][data-status="${status}"]`).waitFor();
}

/** Opens a request move's dialog (in `scope`, else the page), lets `fill` fill it, sends it, waits for it to close. */
async function moveRequest(
  page: Page,
  to: string,
  fill: (dialog: Locator) => Promise<void> = async () => undefined,
  scope: Page | Locator = page,
): Promise<void> {
  await scope.getByTestId(`request-move-${to}`).click();
  const dialog = page.getByTestId('request-transition-dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByTestId('transition-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Raises a draft from the new-request form (already open), submits it, and answers its id and number. */
async function raiseAndSubmit(page: Page, justification: string): Promise<{ id: string; number: string }> {
  const form = page.getByTestId('request-create-form');
  await chooseFirstOption(form.getByTestId('field-componentId'));
  await form.getByTestId('field-quantity').fill('3');
  await form.getByTestId('field-justification').fill(justification);
  await form.getByTestId('save-button').click();
  await page.waitForURL(/\/component-requests\/[0-9a-f-]{36}$/);
  await waitForRequestStatus(page, 'draft');
  const id = page.url().split('/').pop() as string;
  const number = (await page.getByTestId('request-number').innerText()).trim();
  await moveRequest(page, 'submitted');
  await waitForRequestStatus(page, 'submitted');
  return { id, number };
}

/** Records a delivery of `quantity` with the request page's delivery form and waits until it is listed. */
async function recordDelivery(page: Page, quantity: number, waybill: string, rows: number): Promise<void> {
  const form = page.getByTestId('delivery-form');
  await form.getByTestId('field-quantity').fill(String(quantity));
  await form.getByTestId('field-waybill').fill(waybill);
  await form.getByTestId('delivery-submit').click();
  await page
    .locator('[data-testid="delivery-row"]')
    .nth(rows - 1)
    .waitFor();
}

describe('component request journey (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a workshop user requests parts for a job awaiting them; logistics cannot approve its own request; ' +
      'a colleague approves, orders and ships it; two partial deliveries make the parts ready and the job goes on',
    async () => {
      const tag = runTag();
      const workshop = await newTabletPage(browser);
      const logistics = await newTabletPage(browser);
      const logistics2 = await newTabletPage(browser);
      try {
        // --- the workshop user: a job of its workshop without requests, waiting for parts -----------------
        const { page } = workshop;
        await login(page, 'workshop@jv.example');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
        const { facilityIds } = await me(page);
        const open = await apiGet<Paged<JobItem>>(
          page,
          `/api/v1/repair-jobs?facilityId=${facilityIds[0]}&open=true&limit=200`,
        );
        let job: JobDetail | undefined;
        for (const candidate of open.items.filter((j) => j.status === 'diagnosing' || j.status === 'in_repair')) {
          const detail = await apiGet<JobDetail>(page, `/api/v1/repair-jobs/${candidate.id}`);
          if (detail.componentRequests.length === 0) {
            job = detail;
            break;
          }
        }
        if (!job) throw new Error('no diagnosing or in-repair job without component requests at the workshop');

        await page.goto(`/repair-jobs/${job.id}`);
        await page.getByTestId('move-awaiting_parts').click();
        const jobDialog = page.getByTestId('transition-dialog');
        await jobDialog.getByTestId('field-comment').fill(`E2E ${tag}: waiting for a recoil part`);
        await jobDialog.getByTestId('transition-submit').click();
        await jobDialog.waitFor({ state: 'detached' });
        await page.locator('[data-testid="job-status"][data-status="awaiting_parts"]').waitFor();
        expect(await page.getByTestId('parts-ready-mark').count()).toBe(0);

        // "Request parts": the job, its system and facility come with the link
        await page.getByTestId('request-parts').click();
        await page.waitForURL(/\/component-requests\/new\?/);
        const url = new URL(page.url());
        expect(url.searchParams.get('repairJobId')).toBe(job.id);
        expect(url.searchParams.get('facilityId')).toBe(job.facilityId);
        expect(await page.getByTestId('linked-job-number').innerText()).toBe(job.number);
        const request = await raiseAndSubmit(page, `E2E ${tag}: recoil buffer for ${job.number}`);
        expect(await page.getByTestId('request-job-link').innerText()).toBe(job.number);

        // --- logistics@: its own request cannot be approved by itself (four eyes) -----------------------
        const l1 = logistics.page;
        await login(l1, 'logistics@jv.example');
        await l1.goto('/component-requests/new');
        await chooseFirstOption(l1.getByTestId('field-facilityId'));
        const own = await raiseAndSubmit(l1, `E2E ${tag}: depot stock of seals`);
        // no Approve among its moves, and not in its approval queue
        expect(await l1.getByTestId('request-move-rejected').count()).toBe(1);
        expect(await l1.getByTestId('request-move-approved').count()).toBe(0);
        await l1.getByTestId('subnav-approvals').click();
        await l1.getByTestId('approval-queue').waitFor();
        await l1.getByRole('link', { name: request.number }).waitFor();
        expect(await l1.getByRole('link', { name: own.number }).count()).toBe(0);
        // and the API refuses it when asked all the same
        const partners = await apiGet<Paged<PartnerItem>>(l1, '/api/v1/partners?limit=200');
        const supplier = partners.items.find((p) => p.role !== 'host');
        if (!supplier) throw new Error('no supplier partner');
        const refusal = await l1.evaluate(
          async ({ id, supplierPartnerId }) => {
            const res = await fetch(`/api/v1/component-requests/${id}/transitions`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json' },
              body: JSON.stringify({ to: 'approved', supplierPartnerId }),
            });
            return { status: res.status, body: (await res.json()) as { code?: string } };
          },
          { id: own.id, supplierPartnerId: supplier.id },
        );
        expect(refusal.status).toBe(409);
        expect(refusal.body.code).toBe('FOUR_EYES');

        // --- logistics2@ approves the workshop's request from the queue, then orders and ships it ------------
        const l2 = logistics2.page;
        await login(l2, 'logistics2@jv.example');
        await l2.goto('/component-requests/approvals');
        const row = l2.getByTestId('row').filter({ has: l2.getByRole('link', { name: request.number }) });
        await moveRequest(
          l2,
          'approved',
          async (dialog) => {
            // without a supplier the dialog refuses
            await dialog.getByTestId('transition-submit').click();
            await dialog.locator('#field-supplierPartnerId-error').waitFor();
            await chooseFirstOption(dialog.getByTestId('field-supplierPartnerId'));
            await dialog
              .getByTestId('field-expectedOn')
              .fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
          },
          row,
        );
        await l2.goto(`/component-requests/${request.id}`);
        await waitForRequestStatus(l2, 'approved');
        await moveRequest(l2, 'ordered');
        await waitForRequestStatus(l2, 'ordered');
        await moveRequest(l2, 'shipped');
        await waitForRequestStatus(l2, 'shipped');

        // --- the workshop receives it in two deliveries -------------------------------------------------
        await page.goto(`/component-requests/${request.id}`);
        await waitForRequestStatus(page, 'shipped');
        expect(await page.getByTestId('request-remaining').getAttribute('data-value')).toBe('3');
        // more than remains is refused on the spot
        const deliveryForm = page.getByTestId('delivery-form');
        await deliveryForm.getByTestId('field-quantity').fill('4');
        await deliveryForm.getByTestId('field-waybill').fill(`WB-${tag}-0`);
        await deliveryForm.getByTestId('delivery-submit').click();
        await deliveryForm.locator('#field-quantity-error').waitFor();
        expect(await page.getByTestId('delivery-row').count()).toBe(0);

        await recordDelivery(page, 1, `WB-${tag}-1`, 1);
        await page.locator('[data-testid="request-remaining"][data-value="2"]').waitFor();
        await waitForRequestStatus(page, 'shipped');
        await recordDelivery(page, 2, `WB-${tag}-2`, 2);
        await waitForRequestStatus(page, 'delivered');
        expect((await page.getByTestId('request-status').innerText()).trim()).toBe('Доставлено');
        await page.locator('[data-testid="request-remaining"][data-value="0"]').waitFor();
        expect(await page.getByTestId('delivery-form').count()).toBe(0);

        // --- the job: parts ready, and on to repair ----------------------------------------------------
        await page.getByTestId('request-job-link').click();
        await page.locator('[data-testid="job-status"][data-status="awaiting_parts"]').waitFor();
        const ready = page.getByTestId('job-detail').getByTestId('parts-ready-mark');
        await ready.waitFor();
        expect((await ready.innerText()).trim()).toContain('Запчастини готові');
        await page.locator('[data-testid="job-request-row"][data-status="delivered"]').waitFor();
        // parts arrived: back to repair is the job's forward move, one tap
        await page.getByTestId('move-in_repair').click();
        await page.locator('[data-testid="job-status"][data-status="in_repair"]').waitFor();

        const after = await apiGet<JobDetail>(page, `/api/v1/repair-jobs/${job.id}`);
        expect(after.status).toBe('in_repair');
      } finally {
        await workshop.context.close();
        await logistics.context.close();
        await logistics2.context.close();
      }
    },
  );
});
