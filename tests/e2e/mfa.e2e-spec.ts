import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { me, runTag } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

const PERIOD_SECONDS = 30;

/**
 * The code an authenticator app shows, computed by otplib (RFC 6238: SHA-1, 6 digits, 30 s). otplib's default
 * plugins are ES modules only, which Jest's CommonJS runtime cannot require: it runs in a child Node process.
 */
function totp(secret: string, epochSeconds: number): string {
  const script =
    "import { generate } from 'otplib';" +
    'process.stdout.write(await generate({ secret: process.env.OTP_SECRET, epoch: Number(process.env.OTP_EPOCH) }));';
  const code = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, OTP_SECRET: secret, OTP_EPOCH: String(epochSeconds) },
    encoding: 'utf8',
  }).trim();
  if (!/^\d{6}$/.test(code)) throw new Error(`otplib answered ${code}`);
  return code;
}

const currentStep = () => Math.floor(Date.now() / 1000 / PERIOD_SECONDS);

/**
 * A TOTP code of a time step after `usedStep`: the server refuses a code of a step it has already taken
 * (no replay), so this waits for the next 30-second step when needed.
 */
async function freshCode(secret: string, usedStep: number): Promise<{ code: string; step: number }> {
  while (currentStep() <= usedStep) await new Promise((r) => setTimeout(r, 500));
  const step = currentStep();
  return { code: totp(secret, step * PERIOD_SECONDS + 1), step };
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-email').waitFor();
}

/** The password step of a user with a second factor: it answers with the second step, not a session. */
async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-mfa-code').waitFor();
}

/**
 * The second factor in the browser. The e2e database is shared by every e2e file of a run, so the journey
 * runs as an administrator of its own (created by the demo admin through the API): the demo accounts keep
 * signing in with the password alone.
 */
describe('second factor journeys (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'an admin replaces the password an admin set, enrols TOTP, signs out, signs in with the code, and with a ' +
      'recovery code once',
    async () => {
      const tag = runTag();
      const email = `e2e.mfa.${tag.toLowerCase()}@jv.example`;
      const initialPassword = `e2e-initial-${tag}-Kp7q`;
      const password = `e2e-own-${tag}-Zr4w-long`;

      // the demo admin creates the new admin through the API
      const creator = await newTabletPage(browser);
      try {
        await login(creator.page, 'admin@jv.example');
        const created = await creator.page.request.post('/api/v1/users', {
          data: {
            email,
            displayName: `E2E MFA ${tag}`,
            role: 'admin',
            locale: 'uk',
            facilityIds: [],
            partnerId: null,
            password: initialPassword,
          },
        });
        expect(created.status()).toBe(201);
      } finally {
        await creator.context.close();
      }

      const { context, page } = await newTabletPage(browser);
      try {
        // the password was set by an admin: every page leads to My account until the user picks their own
        await login(page, email, initialPassword);
        await page.getByTestId('setup-required-password').waitFor();
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await page.getByTestId('nav-users').count()).toBe(0);
        await page.getByTestId('field-currentPassword').fill(initialPassword);
        await page.getByTestId('field-newPassword').fill(password);
        await page.getByTestId('field-repeatPassword').fill(password);
        await page.getByTestId('change-password-submit').click();
        await page.getByTestId('password-changed').waitFor();
        await page.getByTestId('setup-required').waitFor({ state: 'detached' });
        await page.getByTestId('nav-users').waitFor();

        // My account, from the user's name in the header: enrol TOTP
        await page.getByTestId('nav-home').click();
        await page.getByTestId('account-link').click();
        await page.getByTestId('account-page').waitFor();
        await page.getByTestId('mfa-off').waitFor();
        await page.getByTestId('mfa-start').click();
        await page.getByTestId('totp-qr').waitFor();
        const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        expect(((await page.getByTestId('totp-secret').innerText()) ?? '').replace(/\s/g, '')).toBe(secret);
        const enrolment = await freshCode(secret, -1);
        await page.getByTestId('mfa-confirm-code').fill(enrolment.code);
        await page.getByTestId('mfa-confirm').click();

        // the ten recovery codes, shown once; "I saved them" before they go
        await page.getByTestId('recovery-codes').waitFor();
        const recoveryCodes = (await page.getByTestId('recovery-code').allInnerTexts()).map((c) => c.trim());
        expect(recoveryCodes).toHaveLength(10);
        expect(new Set(recoveryCodes).size).toBe(10);
        expect(await page.getByTestId('recovery-codes-done').isDisabled()).toBe(true);
        await page.getByTestId('field-recoveryCodesSaved').check();
        await page.getByTestId('recovery-codes-done').click();
        await page.getByTestId('mfa-on').waitFor();
        expect(await page.getByTestId('recovery-code').count()).toBe(0);
        expect((await me(page)) as unknown).toMatchObject({ email, mfaEnrolled: true, setupRequired: [] });

        // signs out; the password alone no longer opens a session: the code from the app does
        await signOut(page);
        await passwordStep(page, email, password);
        expect(await page.getByTestId('current-user').count()).toBe(0);
        expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
        const signIn = await freshCode(secret, enrolment.step);
        await page.getByTestId('login-mfa-code').fill(signIn.code);
        await page.getByTestId('login-mfa-submit').click();
        await page.getByTestId('current-user').waitFor();
        expect((await me(page)).email).toBe(email);

        // signs out; a recovery code instead of the app, once
        await signOut(page);
        await passwordStep(page, email, password);
        await page.getByTestId('login-mfa-switch').click();
        await page.getByTestId('login-recovery-code').fill(recoveryCodes[0]);
        await page.getByTestId('login-mfa-submit').click();
        await page.getByTestId('current-user').waitFor();
        expect((await me(page)).email).toBe(email);

        // the same recovery code a second time is refused, in Ukrainian, and no session opens
        await signOut(page);
        await passwordStep(page, email, password);
        await page.getByTestId('login-mfa-switch').click();
        await page.getByTestId('login-recovery-code').fill(recoveryCodes[0]);
        await page.getByTestId('login-mfa-submit').click();
        const refused = page.getByTestId('login-error');
        await refused.waitFor();
        expect(await refused.innerText()).toContain('Код неправильний або вже використаний');
        expect(new URL(page.url()).pathname).toBe('/login');
        expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
      } finally {
        await context.close();
      }
    },
    150_000,
  );
});
