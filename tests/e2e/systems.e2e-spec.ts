import type { Browser, Page } from 'playwright-core';
import { apiGet, me, utcToday } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface SystemItem {
  id: string;
  serialNumber: string;
  status: string;
  facilityId: string | null;
  donorPartnerId: string;
  donorPartnerCode: string;
  totalEfc: number;
  barrelWear: number;
}
interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

/** Waits until the element's attribute no longer holds `before` (the page refetched after a change). */
async function waitForAttributeChange(
  page: Page,
  testId: string,
  attribute: string,
  before: string | null,
): Promise<void> {
  await page
    .locator(`[data-testid="${testId}"]:not([${attribute}="${before ?? ''}"])`)
    .first()
    .waitFor();
}

describe('systems journeys (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a workshop user files a usage report at their facility: wear, ' +
      'total EFC and the chart go up; a second report for the day is refused',
    async () => {
      const { context, page } = await newTabletPage(browser);
      try {
        await login(page, 'workshop@jv.example');
        const { facilityIds } = await me(page);
        expect(facilityIds.length).toBeGreaterThan(0);
        const today = utcToday();

        // a system at the user's facility, in service, with nothing reported today
        const list = await apiGet<Page_<SystemItem>>(page, `/api/v1/systems?facilityId=${facilityIds[0]}&limit=50`);
        let system: SystemItem | undefined;
        for (const s of list.items.filter((x) => x.status !== 'written_off' && x.facilityId === facilityIds[0])) {
          const reports = await apiGet<Page_<unknown>>(
            page,
            `/api/v1/systems/${s.id}/usage-reports?from=${today}&to=${today}`,
          );
          if (reports.items.length === 0) {
            system = s;
            break;
          }
        }
        if (!system) throw new Error('no system at the workshop without a usage report today');

        await page.goto(`/systems/${system.id}`);
        await page.getByTestId('system-detail').waitFor();
        const form = page.getByTestId('usage-form');
        await form.waitFor();
        await page.locator('[data-testid="usage-chart"][data-total-efc]').waitFor();
        const wearBefore = await page.getByTestId('wear-bar').getAttribute('data-wear');
        const efcBefore = await page.getByTestId('total-efc').getAttribute('data-value');
        const chartBefore = await page.getByTestId('usage-chart').getAttribute('data-total-efc');
        expect(Number(efcBefore)).toBeCloseTo(system.totalEfc, 2);

        // unique per run, large enough to move the wear bar's two-decimal percentage
        const efc = 30 + (Date.now() % 4000) / 100;
        const rounds = Math.ceil(efc * 1.5);
        await form.getByTestId('field-date').fill(today);
        await form.getByTestId('field-rounds').fill(String(rounds));
        await form.getByTestId('field-efc').fill(efc.toFixed(2));
        await form.getByTestId('usage-submit').click();
        await form.getByTestId('usage-done').waitFor();

        await waitForAttributeChange(page, 'total-efc', 'data-value', efcBefore);
        await waitForAttributeChange(page, 'wear-bar', 'data-wear', wearBefore);
        await waitForAttributeChange(page, 'usage-chart', 'data-total-efc', chartBefore);
        const efcAfter = Number(await page.getByTestId('total-efc').getAttribute('data-value'));
        const wearAfter = Number(await page.getByTestId('wear-bar').getAttribute('data-wear'));
        const chartAfter = Number(await page.getByTestId('usage-chart').getAttribute('data-total-efc'));
        expect(efcAfter).toBeCloseTo(Number(efcBefore) + Number(efc.toFixed(2)), 2);
        expect(wearAfter).toBeGreaterThan(Number(wearBefore));
        expect(chartAfter).toBeCloseTo(Number(chartBefore) + Number(efc.toFixed(2)), 1);

        // a second report for the same day: refused on the date field, the counters stay
        await form.getByTestId('field-date').fill(today);
        await form.getByTestId('field-rounds').fill('3');
        await form.getByTestId('field-efc').fill('2.5');
        await form.getByTestId('usage-submit').click();
        await form.locator('#field-date-error').waitFor();
        expect(await form.getByTestId('field-date').getAttribute('aria-invalid')).toBe('true');
        expect(await form.getByTestId('usage-done').count()).toBe(0);
        const reports = await apiGet<Page_<{ efc: number }>>(
          page,
          `/api/v1/systems/${system.id}/usage-reports?from=${today}&to=${today}`,
        );
        expect(reports.items).toHaveLength(1);
        expect(reports.items[0].efc).toBeCloseTo(Number(efc.toFixed(2)), 2);
        expect(Number(await page.getByTestId('total-efc').getAttribute('data-value'))).toBeCloseTo(efcAfter, 2);
      } finally {
        await context.close();
      }
    },
  );

  it("a partner user sees only its own country's systems; another country's system is not found", async () => {
    // the partner's country and another country's system, looked up beforehand as an admin
    const admin = await newTabletPage(browser);
    const partner = await newTabletPage(browser);
    try {
      await login(partner.page, 'partner@jv.example');
      const { partnerId } = await me(partner.page);
      expect(partnerId).toBeTruthy();

      await login(admin.page, 'admin@jv.example');
      const all = await apiGet<Page_<SystemItem>>(admin.page, '/api/v1/systems?limit=200');
      const own = all.items.find((s) => s.donorPartnerId === partnerId);
      const foreign = all.items.find((s) => s.donorPartnerId !== partnerId);
      if (!own || !foreign) throw new Error('the demo seed should have systems of the partner country and of others');
      const theirs = own.donorPartnerCode;
      expect(theirs).toBe('LV');

      const { page } = partner;
      const api = await apiGet<Page_<SystemItem>>(page, '/api/v1/systems?limit=200');
      expect(api.items.length).toBeGreaterThan(0);
      expect(api.items.every((s) => s.donorPartnerCode === theirs)).toBe(true);

      await page.goto('/systems');
      await page.getByTestId('row').first().waitFor();
      const donors = await page.locator('[data-testid="row"] td:nth-child(3)').allInnerTexts();
      expect(donors.length).toBe(Math.min(api.items.length, 50));
      expect(donors.every((d) => d.trim() === theirs)).toBe(true);

      await page.goto(`/systems/${foreign.id}`);
      await page.getByTestId('not-found-page').waitFor();
      expect(await page.getByTestId('system-detail').count()).toBe(0);
      expect((await page.request.get(`/api/v1/systems/${foreign.id}`)).status()).toBe(404);
    } finally {
      await admin.context.close();
      await partner.context.close();
    }
  });

  it('an admin filters the list by status through the URL, and the readiness page shows the chart', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'admin@jv.example');
      await page.goto('/systems?status=in_repair');
      await page.getByTestId('row').first().waitFor();
      const statuses = await page
        .locator('[data-testid="row"] [data-testid="status-badge"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 'in_repair')).toBe(true);
      const api = await apiGet<Page_<SystemItem>>(page, '/api/v1/systems?status=in_repair&limit=50');
      expect(statuses.length).toBe(Math.min(api.items.length, 50));

      await page.goto('/systems/readiness');
      const chart = page.getByTestId('readiness-chart');
      await chart.waitFor();
      await chart.locator('svg.recharts-surface').first().waitFor();
      expect(Number(await chart.getAttribute('data-groups'))).toBeGreaterThan(0);
      expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await page.getByTestId('availability-rate').waitFor();
    } finally {
      await context.close();
    }
  });
});
