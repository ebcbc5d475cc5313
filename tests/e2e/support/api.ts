import type { Page } from 'playwright-core';

/** GET an API path with the page's session (cookies of its context); fails loudly on a non-2xx answer. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Me {
  id: string;
  email: string;
  role: string;
  facilityIds: string[];
  partnerId: string | null;
  locale: 'uk' | 'en';
}

export const me = (page: Page) => apiGet<Me>(page, '/api/v1/auth/me');

/** Resolves once the server has stored `locale` as the signed-in user's language (the header's switch saves it). */
export const localeSaved = (page: Page, locale: Me['locale']) =>
  page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/auth/me/preferences') && r.ok() && r.request().postDataJSON()?.locale === locale,
  );

/** Today as the API counts it (UTC), YYYY-MM-DD. */
export const utcToday = () => new Date().toISOString().slice(0, 10);

/** A short marker that differs per run, for data the journeys create. */
export const runTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

/** Reads a numeric data attribute of the (first) element with the test id. */
export async function dataNumber(page: Page, testId: string, attribute: string): Promise<number> {
  const value = await page.getByTestId(testId).first().getAttribute(attribute);
  if (value === null || value === '') throw new Error(`${testId} has no ${attribute}`);
  return Number(value);
}
