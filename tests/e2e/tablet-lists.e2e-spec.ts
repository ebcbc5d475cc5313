import type { Browser, Page } from 'playwright-core';
import { localeSaved, me, runTag } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

/** Every list of the app an administrator sees, with rows (`data-testid="row"`) once the demo data is in. */
const LISTS = [
  '/systems',
  '/repair-jobs',
  '/repair-jobs/plans',
  '/component-requests',
  '/component-requests/approvals',
  '/training',
  '/training/courses',
  '/training/personnel',
  '/partner-reports',
  '/admin/users',
  '/admin/audit',
  '/reference/partners',
  '/reference/joint-ventures',
  '/reference/facilities',
  '/reference/system-models',
  '/reference/components',
  '/reference/units',
];
/** Lists that may be empty in the demo data, or are not tables of rows: only the page's width is checked. */
const OTHER_PAGES = ['/supply-plans', '/notifications'];

async function setLocale(page: Page, locale: 'uk' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('jv.locale', l), locale);
}

/**
 * The header's language switch (after sign-in the user's saved language wins over the device's). The switch is
 * saved as the user's preference: this waits until the server has it, not only the page.
 */
async function switchLocale(page: Page, locale: 'uk' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) {
    const saved = localeSaved(page, locale);
    await page
      .locator('.app-header')
      .getByRole('button', { name: locale === 'en' ? /, EN$/ : /, UK$/ })
      .click();
    await saved;
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/** The page's own width beyond the viewport (a table may scroll inside its box; the page may not). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * A point of the row's cell that holds no link, button or field: where a gloved finger lands beside the
 * serial. Returns the row link's path, or null when the row has no link (nothing to open).
 */
async function plainCellOf(page: Page): Promise<{ index: number; path: string } | null> {
  return page.evaluate(() => {
    const row = document.querySelector('[data-testid="row"]');
    const link = row?.querySelector<HTMLAnchorElement>('a[data-row-link][href]') ?? row?.querySelector('a[href]');
    if (!row || !link) return null;
    const cells = Array.from(row.children);
    const index = cells.findIndex((c) => !c.querySelector('a, button, input, select, textarea, label'));
    return index < 0 ? null : { index, path: new URL(link.href).pathname };
  });
}

describe('lists at 1024×768 (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['uk', 'en'] as const)(
    'in %s, no list scrolls the page sideways, and a tap beside a row’s link opens the row',
    async (locale) => {
      const { context, page } = await newTabletPage(browser);
      let own: 'uk' | 'en' | undefined;
      try {
        await login(page, 'admin@jv.example');
        // the admin's own language, put back at the end: other journeys expect it (the demo admin's is English)
        own = (await me(page)).locale;
        await switchLocale(page, locale);
        const wide: string[] = [];
        const notOpened: string[] = [];
        for (const path of LISTS) {
          await page.goto(path);
          await page.getByTestId('row').first().waitFor();
          if ((await pageOverflow(page)) > 0) wide.push(`${path} +${await pageOverflow(page)}px`);
          const target = await plainCellOf(page);
          if (!target) continue;
          await page.getByTestId('row').first().locator(':scope > td').nth(target.index).click();
          try {
            await page.waitForURL((url) => url.pathname === target.path, { timeout: 5_000 });
          } catch {
            notOpened.push(`${path} → ${target.path}`);
          }
        }
        for (const path of OTHER_PAGES) {
          await page.goto(path);
          await page.locator('main h1').first().waitFor();
          if ((await pageOverflow(page)) > 0) wide.push(`${path} +${await pageOverflow(page)}px`);
        }
        expect(wide).toEqual([]);
        expect(notOpened).toEqual([]);
      } finally {
        // the switch is saved as the admin's preference: put it back for the other journeys
        if (own) await switchLocale(page, own).catch(() => undefined);
        await context.close();
      }
    },
    // seventeen lists, each loaded and tapped
    180_000,
  );

  it('the systems list shows wear and forecast at 1024 px; the column chooser brings a column back', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'admin@jv.example');
      await page.goto('/systems');
      await page.getByTestId('row').first().waitFor();
      const visible = async (testId: string) => {
        const box = await page.getByTestId(testId).first().boundingBox();
        return !!box && box.x >= 0 && box.x + box.width <= 1024 && box.y + box.height <= 768;
      };
      // the first row, its wear and forecast above the fold and inside the screen
      expect(await visible('row')).toBe(true);
      expect(await visible('forecast-date')).toBe(true);

      await page.getByTestId('column-chooser').click();
      await page.getByTestId('column-unit').check();
      await page.reload();
      await page.getByTestId('row').first().waitFor();
      // remembered on this device
      await page.getByTestId('column-chooser').click();
      expect(await page.getByTestId('column-unit').isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the header shows the whole name of the person signed in', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      const cut = await page
        .getByTestId('account-link')
        .evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight);
      expect(cut).toBe(false);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['uk', /Спробуйте знову через \d+ (секунд[уи]?|хвилин[уи]?)\./],
    ['en', /Try again in \d+ (seconds?|minutes?)\./],
  ] as const)('in %s, a throttled sign-in says how long to wait', async (locale, sentence) => {
    const { context, page } = await newTabletPage(browser);
    try {
      await page.goto('/login');
      await setLocale(page, locale);
      await page.reload();
      // an account of its own, so the hold-back touches no other test's sign-in
      const email = `lockout-${runTag().toLowerCase()}@jv.example`;
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill('not-the-password-x');
      const error = page.getByTestId('login-error');
      for (let attempt = 0; attempt < 12; attempt++) {
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await page.getByTestId('login-submit').click();
        if ((await answer).status() === 429) break;
      }
      // the answer's wait, worded (an earlier 401's sentence may still show for a moment)
      await error.filter({ hasText: sentence }).waitFor();
    } finally {
      await context.close();
    }
  });
});
