import type { Browser } from 'playwright-core';
import { apiGet, me } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface SystemItem {
  id: string;
  serialNumber: string;
  modelId: string;
  donorPartnerId: string;
  status: string;
  openRepairJob: { id: string } | null;
}
interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

describe('QR labels (browser, 1024×768, uk)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('"Print labels" opens a sheet of one loaded label per system of the list\'s filters, for A4', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'logistics@jv.example');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
      // a filter that several systems (not all) match: the model of the first system
      const first = (await apiGet<Page_<SystemItem>>(page, '/api/v1/systems?limit=1')).items[0];
      const filter = `modelId=${first.modelId}`;
      const expected: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/systems?${filter}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
        const res: Page_<SystemItem> = await apiGet<Page_<SystemItem>>(page, url);
        expected.push(...res.items.map((s) => s.serialNumber));
        cursor = res.nextCursor;
      } while (cursor);
      expect(expected.length).toBeGreaterThanOrEqual(4);

      await page.goto(`/systems?${filter}`);
      const print = page.getByTestId('print-labels');
      expect(await print.textContent()).toBe('Друк етикеток');
      await print.click();
      await page.waitForURL(/\/systems\/labels\?/);
      expect(new URL(page.url()).searchParams.get('modelId')).toBe(first.modelId);

      const sheet = page.getByTestId('label-sheet');
      await sheet.waitFor();
      const images = page.getByTestId('label-image');
      expect(await images.count()).toBe(expected.length);
      expect(await images.evaluateAll((els) => els.map((e) => e.getAttribute('data-serial')))).toEqual(expected);
      // every label image has loaded (an SVG that failed has no natural size) and Print is ready
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="label-image"]')).every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      );
      const button = page.getByTestId('print-button');
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('[data-testid="print-button"]')?.disabled,
      );
      expect(await button.textContent()).toBe('Друкувати');
      const label = await page.request.get(`/api/v1/systems/${first.id}/label.svg`);
      expect(label.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await label.text()).toContain(`>${first.serialNumber}</text>`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

      // on paper: no header, labels at 62 mm (≈ 234 CSS px), three to a row
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await button.isVisible()).toBe(false);
      const boxes = await images.evaluateAll((els) =>
        els.slice(0, 4).map((e) => {
          const r = e.getBoundingClientRect();
          return { top: Math.round(r.top), width: Math.round(r.width) };
        }),
      );
      expect(boxes[0].width).toBe(234);
      expect(boxes[1].top).toBe(boxes[0].top);
      expect(boxes[2].top).toBe(boxes[0].top);
      expect(boxes[3].top).toBeGreaterThan(boxes[0].top);
    } finally {
      await context.close();
    }
  });

  it('the scan page finds a system by serial without the camera, and the system leads to its job', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      // a system at the user's facility (where a workshop user may open a job), in service
      const { facilityIds } = await me(page);
      const list = await apiGet<Page_<SystemItem>>(page, `/api/v1/systems?facilityId=${facilityIds[0]}&limit=50`);
      const system = list.items.find((s) => s.status !== 'written_off')!;
      await page.goto('/systems/scan');
      await page.getByTestId('scan-search').waitFor();
      await page.getByLabel('Серійний номер').fill(system.serialNumber);
      await page.getByTestId('scan-search-submit').click();
      // the exact serial opens its system at once (other serials containing it are only listed)
      await page.getByTestId('system-detail').waitFor();
      expect(page.url()).toContain(`/systems/${system.id}`);
      const job = system.openRepairJob
        ? page.getByTestId('open-repair-job-link')
        : page.getByTestId('new-repair-job-link');
      await job.waitFor();
      const box = await job.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(await job.getAttribute('href')).toBe(
        system.openRepairJob ? `/repair-jobs/${system.openRepairJob.id}` : `/repair-jobs/new?systemId=${system.id}`,
      );
    } finally {
      await context.close();
    }
  });
});
