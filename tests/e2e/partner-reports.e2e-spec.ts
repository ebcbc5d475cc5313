import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newTabletPage } from './support/browser';

const PERIOD = '2026-Q3';
const PARTNER = 'LV';

/** The page fits the tablet's width (no sideways scrolling) and the role's sections stay on one line. */
async function expectTabletLayout(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    const nav = document.querySelector('.main-nav') as HTMLElement;
    const tops = Array.from(nav.querySelectorAll('.nav-link')).map((el) => Math.round(el.getBoundingClientRect().top));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      navOverflow: nav.scrollWidth - nav.clientWidth,
      navLines: new Set(tops).size,
    };
  });
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
  expect(layout.navOverflow).toBeLessThanOrEqual(0);
  expect(layout.navLines).toBe(1);
}

async function waitForReportStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="report-status"][data-status="${status}"]`).first().waitFor();
}

/** Opens a move's confirmation, checks what `check` wants of it, confirms and waits for the new status. */
async function moveReport(page: Page, to: string, check: (text: string) => void = () => undefined): Promise<void> {
  await page.getByTestId(`report-move-${to}`).click();
  const dialog = page.getByTestId('report-transition-dialog');
  await dialog.waitFor();
  check(await dialog.innerText());
  await dialog.getByTestId('transition-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await waitForReportStatus(page, to);
}

describe('partner report journey (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'logistics prepares the quarterly report for Latvia, a colleague approves it, the admin publishes it; ' +
      'the Latvian partner user is notified, opens it and downloads the PDF, which the release log then shows',
    async () => {
      const logistics = await newTabletPage(browser);
      const logistics2 = await newTabletPage(browser);
      const admin = await newTabletPage(browser);
      const partner = await newTabletPage(browser);
      try {
        // --- logistics@ prepares the draft, with a preview of its figures first ---------------------------
        const l1 = logistics.page;
        await login(l1, 'logistics@jv.example');
        expect(await l1.evaluate(() => document.documentElement.lang)).toBe('uk');
        await l1.getByTestId('nav-partner-reports').click();
        await l1.getByTestId('report-list').waitFor();
        await l1.getByTestId('prepare-report').click();
        await l1.waitForURL(/\/partner-reports\/new$/);
        const form = l1.getByTestId('report-create-form');
        const partnerSelect = form.getByTestId('field-partnerId');
        const option = partnerSelect.locator('option', { hasText: new RegExp(`^${PARTNER} —`) });
        await option.waitFor({ state: 'attached' });
        await partnerSelect.selectOption((await option.getAttribute('value')) ?? '');
        await form.getByTestId('field-period').fill(PERIOD);
        const preview = l1.getByTestId('report-preview');
        await preview.getByTestId('report-figures').waitFor();
        expect(await preview.getByTestId('figures-fleet').innerText()).toContain('Парк систем');
        await expectTabletLayout(l1);
        await form.getByTestId('save-button').click();
        await l1.waitForURL(/\/partner-reports\/[0-9a-f-]{36}$/);
        await waitForReportStatus(l1, 'draft');
        const reportId = l1.url().split('/').pop() as string;
        expect(await l1.getByTestId('report-title').innerText()).toBe(`Звіт для ${PARTNER} за ${PERIOD}`);
        expect(await l1.getByTestId('report-refresh').count()).toBe(1);
        await expectTabletLayout(l1);

        // --- logistics2@ is told it awaits approval, and approves it -------------------------------------
        const l2 = logistics2.page;
        await login(l2, 'logistics2@jv.example');
        await l2.goto('/notifications');
        const awaiting = l2
          .getByTestId('notification-link')
          .filter({ hasText: `Звіт для ${PARTNER} за ${PERIOD} очікує вашого затвердження` });
        await awaiting.first().click();
        await l2.waitForURL(`**/partner-reports/${reportId}`);
        await waitForReportStatus(l2, 'draft');
        await moveReport(l2, 'approved');
        expect(await l2.getByTestId('report-approved').innerText()).not.toBe('—');

        // --- admin@ publishes it, after a warning that publishing freezes it (in English, its own language) --
        const a = admin.page;
        await login(a, 'admin@jv.example');
        await expectTabletLayout(a);
        await a.goto(`/partner-reports/${reportId}`);
        await waitForReportStatus(a, 'approved');
        // (the demo admin's own language is English)
        await moveReport(a, 'published', (text) => expect(text).toContain('Publishing freezes the report'));
        const shaPdfUk = (await a.getByTestId('sha-pdf-uk').locator('code').innerText()).trim();
        expect(shaPdfUk).toMatch(/^[0-9a-f]{64}$/);
        await expectTabletLayout(a);

        // --- the Latvian partner user sees the notification, opens the report, downloads the PDF ---------
        const p = partner.page;
        await login(p, 'partner@jv.example');
        const bell = p.getByTestId('notification-bell');
        await p.locator('[data-testid="notification-count"]').waitFor();
        const count = Number(await bell.getAttribute('data-count'));
        expect(count).toBeGreaterThanOrEqual(1);
        expect(await bell.getAttribute('aria-label')).toContain(String(count));
        await expectTabletLayout(p);
        await bell.click();
        await p.waitForURL(/\/notifications$/);
        const published = p
          .getByTestId('notification')
          .filter({ hasText: `Опубліковано звіт для ${PARTNER} за ${PERIOD}` })
          .first();
        expect(await published.getAttribute('data-unread')).toBe('true');
        await expectTabletLayout(p);
        await published.getByTestId('notification-link').click();
        await p.waitForURL(`**/partner-reports/${reportId}`);
        await waitForReportStatus(p, 'published');
        // a partner user has nothing to move and no release log
        expect(await p.getByTestId('report-move-approved').count()).toBe(0);
        expect(await p.getByTestId('release-log').count()).toBe(0);
        expect((await p.getByTestId('sha-pdf-uk').locator('code').innerText()).trim()).toBe(shaPdfUk);
        await expectTabletLayout(p);

        const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('document-pdf-uk').click()]);
        const bytes = await readFile((await download.path()) as string);
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
        // the frozen document: the very bytes whose checksum the page shows
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(shaPdfUk);

        // --- the release log shows the partner's download ------------------------------------------------
        await a.reload();
        const log = a.getByTestId('release-log');
        await log.waitFor();
        const row = log
          .getByTestId('row')
          .filter({ has: a.locator('[data-testid="release-kind"][data-kind="download"]') });
        await row.first().waitFor();
        const documentCell = row.first().getByTestId('release-document');
        expect(await documentCell.getAttribute('data-format')).toBe('pdf');
        expect(await documentCell.getAttribute('data-lang')).toBe('uk');
      } finally {
        await Promise.all([logistics, logistics2, admin, partner].map((s) => s.context.close()));
      }
    },
  );
});
