import type { Browser, Locator, Page } from 'playwright-core';
import { apiGet, me } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface Job {
  id: string;
  number: string;
  status: string;
  version: number;
  technicianIds: string[];
}

/** A same-origin write from the page (the browser's own request, with its cookie and origin). */
async function apiWrite<T>(page: Page, method: string, path: string, body: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(p as string, {
        method: m as string,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(b),
      });
      return { status: r.status, body: await r.text() };
    },
    [method, path, body] as const,
  );
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Width and height of every visible button and link-button in `scope` that is smaller than 44×44 px. */
async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('button, a.btn'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.textContent?.trim()} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The workshop on a 1024×768 tablet, in Ukrainian: the home page is the facility's work with one-tap actions,
 * a forward move needs no dialog, "Complete" says why it is refused for whoever logged work, a colleague is
 * asked for the sign-off and finds it in the inbox, and the move dialog closes with the network off.
 */
describe('workshop on a tablet (1024×768, uk)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('home shows my work; one-tap move and log; sign-off asked of a colleague; dialog closes offline', async () => {
    const { context, page } = await newTabletPage(browser);
    await login(page, 'workshop@jv.example');
    await page.waitForFunction(() => document.documentElement.lang === 'uk');
    const self = await me(page);

    // a job in repair at my workshop (one moved there first on a kept database), assigned to me
    const open = await apiGet<{ items: Job[] }>(
      page,
      '/api/v1/repair-jobs?status=in_repair&status=awaiting_parts&status=diagnosing&status=reported&limit=50',
    );
    let job = open.items.find((j) => j.status === 'in_repair') ?? open.items[0];
    expect(job).toBeDefined();
    for (const to of { reported: ['diagnosing', 'in_repair'], diagnosing: ['in_repair'] }[job.status] ?? []) {
      job = await apiWrite<Job>(page, 'POST', `/api/v1/repair-jobs/${job.id}/transitions`, {
        to,
        version: job.version,
      });
    }
    if (job.status === 'awaiting_parts') {
      job = await apiWrite<Job>(page, 'POST', `/api/v1/repair-jobs/${job.id}/transitions`, {
        to: 'in_repair',
        version: job.version,
      });
    }
    await apiWrite(page, 'PATCH', `/api/v1/repair-jobs/${job.id}`, {
      technicianIds: [...new Set([...job.technicianIds, self.id])],
      version: job.version,
    });

    // the home page is my work, tablet-first
    await page.goto('/');
    const home = page.getByTestId('workshop-home');
    const row = page.getByTestId('workshop-mine').locator(`[data-testid="workshop-job"][data-number="${job.number}"]`);
    await row.waitFor();
    expect(await pageOverflow(page)).toBe(0);
    expect(await smallTargets(home)).toEqual([]);

    // log my usual hours today in one tap (2 h by default)
    await row.getByRole('button', { name: 'Внести 2 год за сьогодні' }).click();
    await row.getByTestId('quick-worklog-done').waitFor();

    // the forward move is the primary button and one tap: no dialog
    const forward = row.getByRole('button', { name: 'На контроль якості' });
    expect(await forward.getAttribute('class')).toContain('btn-primary');
    const moved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/repair-jobs/${job.id}/transitions`) && r.request().method() === 'POST',
    );
    await forward.click();
    expect((await moved).status()).toBe(200);
    expect(await page.getByTestId('transition-dialog').count()).toBe(0);
    await page
      .getByTestId('workshop-waiting')
      .locator(`[data-testid="workshop-job"][data-number="${job.number}"][data-status="quality_check"]`)
      .waitFor();

    // the job page: fault and diagnosis at the top; I logged work, so "Complete" is disabled with the reason
    await page.goto(`/repair-jobs/${job.id}`);
    const summary = page.getByTestId('job-summary-fault');
    await summary.waitFor();
    const box = await summary.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(768);
    const signOff = page.getByTestId('sign-off');
    const complete = signOff.getByRole('button', { name: 'Завершити (підпис контролю якості)' });
    await page.getByTestId('move-reason-completed').waitFor();
    expect(await complete.isDisabled()).toBe(true);
    expect(await page.getByTestId('move-reason-completed').textContent()).toContain('правило чотирьох очей');
    expect(await smallTargets(signOff)).toEqual([]);

    // ask a colleague
    await signOff.getByRole('button', { name: 'Попросити колегу підписати' }).click();
    const asked = signOff.getByTestId('sign-off-requested');
    await asked.waitFor();
    const notified = Number(await asked.getAttribute('data-notified'));
    expect(notified).toBeGreaterThan(0);
    expect(await asked.textContent()).toMatch(/^Попросили \d+ колег/);

    // the move dialog can be closed with the network off: a side step opens it, the confirm button has focus
    await page
      .getByRole('button', { name: /^Інші дії з ремонтом/ })
      .first()
      .waitFor();
    // the code that works offline (the dialog's form, the outbox) is fetched a moment after the page has loaded
    await page.locator('html[data-later-ready]').waitFor({ state: 'attached' });
    await context.setOffline(true);
    await page.locator('.job-detail-moves').getByRole('button', { name: 'У ремонт' }).click();
    const dialog = page.getByTestId('transition-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('transition-submit');
    await dialog.getByTestId('transition-submit').click();
    // offline, the move either waits in the outbox (the dialog closes) or says it was not saved; never spins
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="transition-dialog"]') ||
        !!document.querySelector('[data-testid="transition-error"], [data-testid="transition-offline"]'),
    );
    if (await dialog.count()) {
      expect(await dialog.getByRole('alert').first().textContent()).toContain('Немає звʼязку — не збережено');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    // and a dialog opened offline closes with its Close button
    await page
      .getByRole('button', { name: /^Інші дії з ремонтом/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Скасувати ремонт' }).click();
    await dialog.waitFor();
    await dialog.getByTestId('transition-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await context.setOffline(false);
    await context.close();

    // the request reaches a colleague of the workshop who logged no work on the job: in the inbox, linking it
    let reached = 0;
    for (const email of ['tech1.ws1@jv.example', 'tech2.ws1@jv.example', 'tech3.ws1@jv.example']) {
      const colleague = await newTabletPage(browser);
      await login(colleague.page, email);
      const inbox = await apiGet<{ items: Array<{ kind: string; subjectId: string }> }>(
        colleague.page,
        '/api/v1/notifications?limit=50',
      );
      if (inbox.items.some((n) => n.kind === 'sign_off_requested' && n.subjectId === job.id)) {
        reached += 1;
        await colleague.page.goto('/notifications');
        // the job may have other notifications too (its parts delivered): the sign-off request is the one asked
        const link = colleague.page
          .locator(`[data-testid="notification-link"][href="/repair-jobs/${job.id}"]`)
          .filter({ hasText: 'Просять підписати' });
        await link.waitFor();
        expect(await link.textContent()).toContain(job.number);
      }
      await colleague.context.close();
    }
    expect(reached).toBe(notified);
  }, 120_000);
});
