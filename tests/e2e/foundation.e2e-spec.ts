import type { Browser } from 'playwright-core';
import { localeSaved, me } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

/** The demo accounts and the admin-only navigation each one must (not) see. */
const ACCOUNTS: Array<{ email: string; admin: boolean }> = [
  { email: 'admin@jv.example', admin: true },
  { email: 'workshop@jv.example', admin: false },
  { email: 'workshop2@jv.example', admin: false },
  { email: 'logistics@jv.example', admin: false },
  { email: 'logistics2@jv.example', admin: false },
  { email: 'training@jv.example', admin: false },
  { email: 'partner@jv.example', admin: false },
  { email: 'viewer@jv.example', admin: false },
];

describe('foundation journeys (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(ACCOUNTS)('$email signs in and sees the navigation of its role', async ({ email, admin }) => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, email);
      await page.getByTestId('nav-home').waitFor();
      expect(await page.getByTestId('nav-reference').isVisible()).toBe(true);
      expect(await page.getByTestId('nav-users').count()).toBe(admin ? 1 : 0);
      expect(await page.getByTestId('nav-audit').count()).toBe(admin ? 1 : 0);
    } finally {
      await context.close();
    }
  });

  it('shows an error on a wrong password and stays on the login page', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await page.goto('/login');
      await page.getByTestId('login-email').fill('viewer@jv.example');
      await page.getByTestId('login-password').fill('definitely-wrong-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      expect(page.url()).toContain('/login');
    } finally {
      await context.close();
    }
  });

  it('an admin creates a facility and finds it in the list', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'admin@jv.example');
      await page.getByTestId('nav-reference').click();
      await page.getByTestId('nav-ref-facilities').click();
      await page.getByTestId('new-button').click();
      await page.getByTestId('field-code').fill('E2E-DEPOT');
      await page.getByTestId('field-name').fill('E2E test depot');
      await page.getByTestId('field-kind').selectOption('depot');
      await page.getByTestId('field-oblast').selectOption('lvivska');
      await page.getByTestId('save-button').click();
      await page.getByTestId('search-input').waitFor();
      await page.getByTestId('search-input').fill('E2E-DEPOT');
      await page.getByTestId('row').filter({ hasText: 'E2E test depot' }).first().waitFor();
      // the API has it too
      const res = await page.request.get('/api/v1/facilities?q=E2E-DEPOT');
      const body = await res.json();
      expect(body.items.map((f: { code: string }) => f.code)).toContain('E2E-DEPOT');

      // the same code again: the server's 409 lands on the code field, and nothing is added
      await page.getByTestId('new-button').click();
      await page.getByTestId('field-code').fill('E2E-DEPOT');
      await page.getByTestId('field-name').fill('Second depot with a taken code');
      await page.getByTestId('field-kind').selectOption('depot');
      await page.getByTestId('field-oblast').selectOption('lvivska');
      await page.getByTestId('save-button').click();
      await page.locator('[data-testid="field-code"][aria-invalid="true"]').waitFor();
      expect(page.url()).toContain('/reference/facilities/new');
      const again = await (await page.request.get('/api/v1/facilities?q=E2E-DEPOT')).json();
      expect(again.items).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('a non-admin typing an admin URL gets the not-allowed page, and the API says 403', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      await page.goto('/admin/users');
      await page.getByTestId('forbidden-page').waitFor();
      expect((await page.request.get('/api/v1/users')).status()).toBe(403);
      expect((await page.request.get('/api/v1/audit-log')).status()).toBe(403);
    } finally {
      await context.close();
    }
  });

  it('switches the language and keeps it for the user', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'viewer@jv.example');
      // the choice is stored for the user: wait for the server to take it, not only the page
      await Promise.all([localeSaved(page, 'en'), page.getByTestId('lang-switch-en').click()]);
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const homeEn = await page.getByTestId('nav-home').innerText();
      await Promise.all([localeSaved(page, 'uk'), page.getByTestId('lang-switch-uk').click()]);
      await page.waitForFunction(() => document.documentElement.lang === 'uk');
      const homeUk = await page.getByTestId('nav-home').innerText();
      expect(homeUk).not.toBe(homeEn);
      // stored per user: a new session comes back in Ukrainian
      expect((await me(page)).locale).toBe('uk');
    } finally {
      await context.close();
    }
  });

  it('signing out ends the session', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'logistics@jv.example');
      await page.getByTestId('logout').click();
      await page.getByTestId('login-email').waitFor();
      expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
    } finally {
      await context.close();
    }
  });
});
