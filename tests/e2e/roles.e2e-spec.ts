import type { Browser, Page } from 'playwright-core';
import { apiGet, me, runTag } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface SystemItem {
  id: string;
  serialNumber: string;
  status: string;
  donorPartnerCode: string;
}
interface SystemDetail extends SystemItem {
  modelId: string;
  donorPartnerId: string;
  unitId: string | null;
  unitName: string | null;
  openRepairJob: unknown;
}
interface UserItem {
  id: string;
  email: string;
  role: string;
  locale: string;
  active: boolean;
}
interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Chooses the first real option of a select (index 0 is the "not selected" placeholder) once the lookup has loaded;
 * returns its value and label.
 */
async function chooseFirstOption(page: Page, testId: string): Promise<{ value: string; label: string }> {
  const select = page.getByTestId(testId);
  const option = select.locator('option:nth-child(2)');
  await option.waitFor({ state: 'attached' });
  const value = (await option.getAttribute('value')) ?? '';
  const label = (await option.innerText()).trim();
  expect(value).not.toBe('');
  await select.selectOption(value);
  return { value, label };
}

describe('role journeys (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'an admin creates a logistics user who replaces the admin-set password, then works in English without ' +
      'admin navigation; ' +
      'disabling the user ends the session at once',
    async () => {
      const tag = runTag();
      const email = `e2e.logistics.${tag.toLowerCase()}@jv.example`;
      const displayName = `E2E logistics ${tag}`;
      const password = `e2e-pass-${tag}-long`;
      const admin = await newTabletPage(browser);
      const newcomer = await newTabletPage(browser);
      try {
        // the admin creates the user through the form
        const { page } = admin;
        await login(page, 'admin@jv.example');
        await page.goto('/admin/users');
        await page.getByTestId('new-button').click();
        await page.getByTestId('field-email').fill(email);
        await page.getByTestId('field-displayName').fill(displayName);
        await page.getByTestId('field-role').selectOption('logistics');
        await page.getByTestId('field-locale').selectOption('en');
        await page.getByTestId('field-password').fill(password);
        await page.getByTestId('save-button').click();
        await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
        await page.getByTestId('flash-notice').waitFor();
        const userId = page.url().split('/').pop() as string;

        // ... and finds it in the list
        await page.goto('/admin/users');
        await page.getByTestId('search-input').fill(email);
        const row = page.getByTestId('row').filter({ hasText: email });
        await row.waitFor();
        expect(await row.innerText()).toContain(displayName);
        const created = await apiGet<UserItem>(page, `/api/v1/users/${userId}`);
        expect(created).toMatchObject({ email, role: 'logistics', locale: 'en', active: true });

        // the new user, in a browser context of its own: an admin-set password must be replaced first
        const user = newcomer.page;
        await login(user, email, password);
        await user.locator('html[lang="en"]').waitFor({ state: 'attached' });
        await user.waitForURL('**/account');
        expect((await user.request.get('/api/v1/systems')).status()).toBe(403);
        await user.getByTestId('field-currentPassword').fill(password);
        await user.getByTestId('field-newPassword').fill(`${password}-own`);
        await user.getByTestId('field-repeatPassword').fill(`${password}-own`);
        await user.getByTestId('change-password-submit').click();
        await user.getByTestId('password-changed').waitFor();
        // then: English UI, no admin navigation
        await user.goto('/');
        await user.getByTestId('nav-home').waitFor();
        expect(await user.getByTestId('nav-systems').isVisible()).toBe(true);
        expect(await user.getByTestId('nav-users').count()).toBe(0);
        expect(await user.getByTestId('nav-audit').count()).toBe(0);
        expect((await me(user)).role).toBe('logistics');
        expect((await user.request.get('/api/v1/users')).status()).toBe(403);

        // the admin disables the user through the edit form
        await row.getByTestId('edit-button').click();
        await page.waitForURL(`**/admin/users/${userId}`);
        const active = page.getByTestId('field-active');
        await active.waitFor();
        expect(await active.isChecked()).toBe(true);
        await active.uncheck();
        await page.getByTestId('save-button').click();
        await page.waitForURL(/\/admin\/users$/);
        await page.getByTestId('flash-notice').waitFor();
        expect((await apiGet<UserItem>(page, `/api/v1/users/${userId}`)).active).toBe(false);

        // the user's very next call is refused: the session ended with the account
        expect((await user.request.get('/api/v1/auth/me')).status()).toBe(401);
      } finally {
        await admin.context.close();
        await newcomer.context.close();
      }
    },
  );

  it(
    'a logistics officer registers a system and marks it degraded with a reason; ' + 'badge and history follow',
    async () => {
      const tag = runTag();
      const serial = `E2E-${tag}`;
      const reason = `E2E ${tag}: recoil pressure low after transport`;
      const { context, page } = await newTabletPage(browser);
      try {
        await login(page, 'logistics@jv.example');

        // the new-system form
        await page.goto('/systems/new');
        await page.getByTestId('system-form').waitFor();
        const model = await chooseFirstOption(page, 'field-modelId');
        await page.getByTestId('field-serialNumber').fill(serial);
        const donor = await chooseFirstOption(page, 'field-donorPartnerId');
        const unit = await chooseFirstOption(page, 'field-unitId');
        await page.getByTestId('save-button').click();

        // lands on the new system's detail page
        await page.waitForURL(/\/systems\/[0-9a-f-]{36}$/);
        const detail = page.locator(`[data-testid="system-detail"][data-serial="${serial}"]`);
        await detail.waitFor();
        const systemId = page.url().split('/').pop() as string;
        expect(await page.getByTestId('fact-donor').innerText()).toBe(donor.label.split(' — ')[0]);
        expect(await page.getByTestId('fact-unit').innerText()).toBe(unit.label.split(' — ').slice(1).join(' — '));
        expect(model.label).toContain(await page.getByTestId('system-model').innerText());
        const created = await apiGet<SystemDetail>(page, `/api/v1/systems/${systemId}`);
        expect(created).toMatchObject({
          serialNumber: serial,
          modelId: model.value,
          donorPartnerId: donor.value,
          unitId: unit.value,
          status: 'operational',
        });
        const badge = detail.getByTestId('status-badge').first();
        expect(await badge.getAttribute('data-status')).toBe('operational');

        // the status form: degraded, with a reason
        const form = page.getByTestId('status-form');
        await form.getByTestId('field-status').selectOption('degraded');
        await form.getByTestId('field-reason').fill(reason);
        await form.getByTestId('status-submit').click();
        await form.getByTestId('status-done').waitFor();
        await detail.locator('[data-testid="status-badge"][data-status="degraded"]').waitFor();
        await page.locator('[data-testid="history-item"][data-kind="status"]').filter({ hasText: reason }).waitFor();
        expect((await apiGet<SystemDetail>(page, `/api/v1/systems/${systemId}`)).status).toBe('degraded');

        // control for the viewer's 403 below: a logistics officer may create, so an empty body is a 400
        expect((await page.request.post('/api/v1/systems', { data: {} })).status()).toBe(400);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'a viewer reads a system and the repair jobs but gets no forms or buttons to change them, ' +
      'and the API refuses a write with 403',
    async () => {
      const { context, page } = await newTabletPage(browser);
      try {
        await login(page, 'viewer@jv.example');
        expect((await me(page)).role).toBe('viewer');

        // an operational system: a writer would see the usage and status forms on it
        const systems = await apiGet<Paged<SystemItem>>(page, '/api/v1/systems?status=operational&limit=20');
        const system = systems.items[0];
        if (!system) throw new Error('the demo seed should have operational systems');

        await page.goto(`/systems/${system.id}`);
        await page.locator(`[data-testid="system-detail"][data-serial="${system.serialNumber}"]`).waitFor();
        // the page has rendered its panels (weekly usage loaded) before the absences are checked
        await page.getByTestId('usage-chart').waitFor();
        expect(await page.getByTestId('usage-form').count()).toBe(0);
        expect(await page.getByTestId('status-form').count()).toBe(0);
        expect(await page.getByTestId('edit-button').count()).toBe(0);

        // the repair jobs list: rows, but no "new job" button
        await page.getByTestId('nav-repair-jobs').click();
        await page.waitForURL(/\/repair-jobs(\?open=true)?$/);
        await page.getByTestId('row').first().waitFor();
        expect(await page.getByTestId('new-job-button').count()).toBe(0);

        // typing the URL of a write page gets the not-allowed page; the API refuses the write itself
        await page.goto('/systems/new');
        await page.getByTestId('forbidden-page').waitFor();
        expect(await page.getByTestId('system-form').count()).toBe(0);
        expect((await page.request.post('/api/v1/systems', { data: {} })).status()).toBe(403);
      } finally {
        await context.close();
      }
    },
  );
});
