import type { Browser, Page } from 'playwright-core';
import { apiGet, runTag, utcToday } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}
interface Course {
  id: string;
  code: string;
  kind: 'operator' | 'maintainer' | 'commander' | 'instructor';
  systemModelId: string;
  modelDesignation: string;
  seats: number;
}
interface Facility {
  id: string;
  kind: string;
  trainingSeats: number;
}
interface Person {
  id: string;
  serviceNumber: string;
  fullName: string;
}
interface Qualification {
  personId: string;
}
type Kind = 'operator' | 'maintainer' | 'commander';
interface CoverageModel {
  systemModelId: string;
  modelDesignation: string;
  crewSize: number | null;
  crewsRequired: number;
  crewsCovered: number;
  gap: number;
  qualified: Record<Kind | 'instructor', number>;
}
interface Coverage {
  models: CoverageModel[];
}

/** Every page of a list endpoint. */
async function all<T>(page: Page, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: Paged<T> = await apiGet<Paged<T>>(
      page,
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor);
  return out;
}

/** People of `kind` a model needs for one more covered crew (0 when that kind is not what holds it back). */
function neededForOneMore(m: CoverageModel, kind: Kind): number {
  const crew = m.crewSize ?? 0;
  if (crew === 0 || m.gap === 0) return 0;
  const next = m.crewsCovered + 1;
  const missing = {
    operator: Math.max(0, crew * next - m.qualified.operator),
    maintainer: Math.max(0, next - m.qualified.maintainer),
    commander: Math.max(0, next - m.qualified.commander),
  };
  // only one kind short: trained people of that kind alone add a crew
  const short = (Object.keys(missing) as Kind[]).filter((k) => missing[k] > 0);
  return short.length === 1 && short[0] === kind ? missing[kind] : 0;
}

async function waitForCohortStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="cohort-detail"][data-status="${status}"]`).waitFor();
}

/** Enrolls a person found by service number from the cohort page's enroll panel. */
async function enrollBySearch(page: Page, person: Person): Promise<void> {
  const panel = page.getByTestId('enroll-panel');
  await panel.getByTestId('enroll-search-input').fill(person.serviceNumber);
  await panel.locator(`[data-testid="enroll-search-choose"][data-person-id="${person.id}"]`).click();
}

describe('training journey (browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'the coordinator plans a cohort, enrolls trainees, meets a conflict naming the trainee booked elsewhere, ' +
      'runs and completes it, and the crew coverage rises',
    async () => {
      const tag = runTag();
      const { context, page } = await newTabletPage(browser);
      try {
        await login(page, 'training@jv.example');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
        await page.getByTestId('nav-training').click();
        await page.waitForURL(/\/training$/);

        // a crew course whose kind alone holds back one more crew of its model, with few people needed
        const courses = await all<Course>(page, '/api/v1/courses');
        const before = await apiGet<Coverage>(page, '/api/v1/training/crew-coverage');
        const candidates = courses
          .filter((c): c is Course & { kind: Kind } => c.kind !== 'instructor')
          .map((c) => {
            const model = before.models.find((m) => m.systemModelId === c.systemModelId);
            return { course: c, model, needed: model ? neededForOneMore(model, c.kind) : 0 };
          })
          .filter((x) => x.model && x.needed > 0 && x.needed <= Math.min(6, x.course.seats - 1))
          .sort((a, b) => a.needed - b.needed);
        const pick =
          candidates[0] ??
          (() => {
            throw new Error('no crew course can raise a model coverage');
          })();
        const { course, needed } = pick;
        const model = pick.model as CoverageModel;
        const kind = course.kind as Kind;

        const base = (await all<Facility>(page, '/api/v1/facilities')).find(
          (f) => f.kind === 'training_base' && f.trainingSeats >= needed + 2,
        );
        if (!base) throw new Error('no training base with room');

        // trainees not yet qualified on that model in that kind
        const qualified = new Set(
          (
            await all<Qualification>(page, `/api/v1/qualifications?systemModelId=${course.systemModelId}&kind=${kind}`)
          ).map((q) => q.personId),
        );
        const free = (await all<Person>(page, '/api/v1/personnel')).filter((p) => !qualified.has(p.id));
        const trainees = free.slice(0, needed);
        const busy = free[needed];
        if (trainees.length < needed || !busy) throw new Error('not enough unqualified personnel');

        // a window after every seeded cohort; another cohort over the same days already holds `busy`
        const offset = 400 + Math.floor(Math.random() * 300);
        const startsOn = new Date(Date.parse(`${utcToday()}T00:00:00Z`) + offset * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const endsOn = new Date(Date.parse(`${startsOn}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10);
        const otherCode = `E2E-B${tag}`.slice(0, 20);
        const other = await page.request.post('/api/v1/cohorts', {
          data: { code: otherCode, courseId: course.id, facilityId: base.id, startsOn, endsOn, seats: 1 },
        });
        expect(other.status()).toBe(201);
        const otherId = ((await other.json()) as { id: string }).id;
        const booked = await page.request.post(`/api/v1/cohorts/${otherId}/enrollments`, {
          data: { personId: busy.id },
        });
        expect(booked.status()).toBe(201);

        // --- plan the cohort in the form ------------------------------------------------------------------
        await page.getByTestId('new-cohort').click();
        await page.waitForURL(/\/training\/cohorts\/new$/);
        const form = page.getByTestId('cohort-form');
        const code = `E2E-A${tag}`.slice(0, 20);
        await form.getByTestId('field-code').fill(code);
        await form
          .locator(`[data-testid="field-courseId"] option[value="${course.id}"]`)
          .waitFor({ state: 'attached' });
        await form.getByTestId('field-courseId').selectOption(course.id);
        await form
          .locator(`[data-testid="field-facilityId"] option[value="${base.id}"]`)
          .waitFor({ state: 'attached' });
        await form.getByTestId('field-facilityId').selectOption(base.id);
        await form.getByTestId('field-startsOn').fill(startsOn);
        await form.getByTestId('field-endsOn').fill(endsOn);
        await form.getByTestId('field-seats').fill(String(needed + 1));
        await form.getByTestId('save-button').click();
        await page.waitForURL(/\/training\/cohorts\/[0-9a-f-]{36}$/);
        await waitForCohortStatus(page, 'planned');

        // --- enroll the trainees; the one booked in the other cohort is refused, by name and cohort --------
        for (const [i, person] of trainees.entries()) {
          await enrollBySearch(page, person);
          await page.locator('[data-testid="enrollment-row"]').nth(i).waitFor();
        }
        await enrollBySearch(page, busy);
        const conflict = page.getByTestId('enroll-error');
        await conflict.waitFor();
        const sentence = await conflict.innerText();
        expect(sentence).toContain('Конфлікт розкладу');
        expect(sentence).toContain(busy.fullName);
        expect(sentence).toContain(otherCode);
        expect(await page.locator('[data-testid="enrollment-row"]').count()).toBe(trainees.length);

        // --- run it: open enrollment, start, record results, complete --------------------------------------
        await page.getByTestId('cohort-move-enrolling').click();
        await waitForCohortStatus(page, 'enrolling');
        await page.getByTestId('cohort-move-in_progress').click();
        await waitForCohortStatus(page, 'in_progress');

        // completing without results is refused in words
        await page.getByTestId('cohort-move-completed').click();
        await page.getByTestId('cohort-move-error').waitFor();
        expect(await page.getByTestId('cohort-move-error').innerText()).toContain('результати');

        for (let i = 0; i < trainees.length; i++) {
          const row = page.locator('[data-testid="enrollment-row"][data-status="enrolled"]').first();
          const result = row.getByTestId('result-form');
          await result.getByTestId('result-status').selectOption('completed');
          await result.getByTestId('result-score').fill('85');
          await result.getByTestId('result-submit').click();
          await page.locator('[data-testid="enrollment-row"][data-status="completed"]').nth(i).waitFor();
        }
        await page.getByTestId('cohort-move-completed').click();
        await waitForCohortStatus(page, 'completed');

        // --- the crew coverage of that model rises ---------------------------------------------------------
        await page.getByTestId('subnav-coverage').click();
        await page.waitForURL(/\/training\/coverage$/);
        const row = page.locator(`[data-testid="coverage-row"][data-model="${model.modelDesignation}"]`);
        await row.waitFor();
        expect(Number(await row.getAttribute('data-covered'))).toBe(model.crewsCovered + 1);
        const after = await apiGet<Coverage>(page, '/api/v1/training/crew-coverage');
        const afterModel = after.models.find((m) => m.systemModelId === model.systemModelId);
        expect(afterModel?.qualified[kind]).toBe(model.qualified[kind] + needed);
        expect(afterModel?.crewsCovered).toBe(model.crewsCovered + 1);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
