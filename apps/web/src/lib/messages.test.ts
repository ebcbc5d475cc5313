import { errorCodes, fieldRuleCodes, rule } from '@jv/contracts';
import { z } from 'zod';
import { i18n, setUiLocale } from '../i18n/i18n';
import { ApiError } from './api-client';
import { errorMessage, fieldMessage } from './messages';

const problem = (status: number, code: string, more: Record<string, unknown> = {}) =>
  new ApiError(status, { type: 'x', title: 'x', status, code, detail: 'English text from the server', ...more });

/** Codes and their parameters become uk/en sentences; the server's English never reaches the screen. */
describe('errorMessage', () => {
  it('says an invalid move in words, with the states by their labels, in uk and en', () => {
    const error = problem(409, 'INVALID_TRANSITION', {
      from: 'reported',
      to: 'completed',
      allowed: ['diagnosing', 'cancelled'],
    });
    setUiLocale('uk');
    expect(errorMessage(i18n.t, error)).toBe(
      'Перехід зі стану «Зареєстровано» у «Завершено» не дозволено. Можливі: Діагностика, Скасовано.',
    );
    setUiLocale('en');
    expect(errorMessage(i18n.t, error)).toBe(
      'A move from “Reported” to “Completed” is not allowed. Possible: Diagnosing, Cancelled.',
    );
  });

  it("names a request's states by the requests' labels (both workflows share INVALID_TRANSITION)", () => {
    const error = problem(409, 'INVALID_TRANSITION', { from: 'shipped', to: 'cancelled', allowed: [] });
    setUiLocale('uk');
    expect(errorMessage(i18n.t, error)).toBe('Перехід зі стану «Відправлено» у «Скасовано» не дозволено. Можливі: —.');
    setUiLocale('en');
    expect(
      errorMessage(
        i18n.t,
        problem(409, 'INVALID_TRANSITION', { from: 'draft', to: 'approved', allowed: ['submitted'] }),
      ),
    ).toBe('A move from “Draft” to “Approved” is not allowed. Possible: Submitted.');
    expect(errorMessage(i18n.t, problem(409, 'NOT_RECEIVING', { requestStatus: 'approved' }))).toBe(
      'Deliveries are received only for ordered or shipped requests (now: Approved).',
    );
    // a repair job's cancelled state is still a repair job's
    expect(
      errorMessage(i18n.t, problem(409, 'INVALID_TRANSITION', { from: 'cancelled', to: 'in_repair', allowed: [] })),
    ).toBe('A move from “Cancelled” to “In repair” is not allowed. Possible: —.');
  });

  it('never shows the server detail, and falls back to a generic sentence for an unknown code', () => {
    setUiLocale('uk');
    const four = errorMessage(i18n.t, problem(409, 'FOUR_EYES'));
    expect(four).toMatch(/Підписати контроль якості/);
    expect(four).not.toMatch(/English/);
    expect(errorMessage(i18n.t, problem(418, 'TEAPOT'))).toBe(i18n.t('errors.generic'));
    expect(errorMessage(i18n.t, problem(502, 'WHATEVER'))).toBe(i18n.t('errorCodes.INTERNAL'));
    expect(errorMessage(i18n.t, new Error('boom'))).toBe(i18n.t('errors.generic'));
  });

  it('turns Retry-After seconds into minutes and names the open job', () => {
    setUiLocale('en');
    expect(errorMessage(i18n.t, problem(429, 'TOO_MANY_REQUESTS', { retryAfterSeconds: 900 }))).toBe(
      'Too many attempts. Try again in 15 min.',
    );
    expect(errorMessage(i18n.t, problem(409, 'OPEN_JOB_EXISTS', { jobNumber: 'RJ-2026-00042' }))).toBe(
      'This system already has an open repair job RJ-2026-00042.',
    );
  });

  it('has a sentence in both languages for every code of the catalogue and every field rule', () => {
    for (const locale of ['uk', 'en'] as const) {
      setUiLocale(locale);
      for (const code of [...errorCodes, 'NETWORK_ERROR']) expect(i18n.exists(`errorCodes.${code}`)).toBe(true);
      for (const code of fieldRuleCodes) expect(i18n.exists(`fieldRules.${code}`)).toBe(true);
    }
  });
});

describe('fieldMessage', () => {
  it('words zod checks by what was checked: characters, numbers, items, required', () => {
    setUiLocale('uk');
    expect(fieldMessage(i18n.t, { code: 'too_small', params: { minimum: 3, origin: 'string' } })).toBe(
      'Щонайменше 3 символів',
    );
    expect(fieldMessage(i18n.t, { code: 'too_small', params: { minimum: 1, origin: 'string' } })).toBe(
      'Обовʼязкове поле',
    );
    expect(fieldMessage(i18n.t, { code: 'too_small', params: { minimum: 0, origin: 'number', inclusive: true } })).toBe(
      'Не менше 0',
    );
    expect(fieldMessage(i18n.t, { code: 'too_big', params: { maximum: 24, origin: 'number', inclusive: true } })).toBe(
      'Не більше 24',
    );
    setUiLocale('en');
    expect(fieldMessage(i18n.t, { code: 'too_big', params: { maximum: 20, origin: 'array' } })).toBe(
      'At most 20 items',
    );
    expect(fieldMessage(i18n.t, { code: 'invalid_format', params: { format: 'email' } })).toBe(
      'Enter an email address',
    );
    expect(fieldMessage(i18n.t, { code: 'before_job_opened' })).toBe('The date cannot be before the job was opened');
    expect(fieldMessage(i18n.t, { code: 'period_too_long', params: { maximum: 366 } })).toBe(
      'The period is at most 366 days',
    );
    expect(fieldMessage(i18n.t, { code: 'no_such_rule' })).toBe('Invalid value');
  });

  it("is what the forms' own zod validation says, in the UI language (no zod wording leaks)", () => {
    const schema = z.object({ efc: z.number().min(0), serial: z.string().regex(/^[A-Z]+$/, rule('serial_chars')) });
    setUiLocale('uk');
    const uk = schema.safeParse({ efc: -1, serial: 'a b' });
    expect(uk.success ? [] : uk.error.issues.map((i) => i.message)).toEqual([
      'Не менше 0',
      'Латинські літери, цифри, крапки, скісні риски або дефіси',
    ]);
    setUiLocale('en');
    const en = schema.safeParse({ serial: 'OK' });
    expect(en.success ? [] : en.error.issues.map((i) => i.message)).toEqual(['Required']);
  });
});

describe('schedule conflicts', () => {
  const conflict = problem(409, 'SCHEDULE_CONFLICT', {
    conflicts: [
      { kind: 'trainee_busy', personId: 'p1', personName: 'Петренко Іван', cohortId: 'c1', cohortCode: 'OP-2026-07' },
      { kind: 'base_capacity', day: '2026-07-03', seats: 30, capacity: 24 },
    ],
  });

  it('names the trainee already booked and the other cohort, in uk and en', () => {
    setUiLocale('uk');
    expect(errorMessage(i18n.t, conflict)).toBe(
      'Конфлікт розкладу: слухач Петренко Іван у ці дні вже навчається в групі OP-2026-07; ' +
        'навчальна база переповнена 2026-07-03 (30 місць при місткості 24).',
    );
    setUiLocale('en');
    expect(errorMessage(i18n.t, conflict)).toBe(
      'Schedule conflict: trainee Петренко Іван is already in cohort OP-2026-07 on these days; ' +
        'the training base is over capacity on 2026-07-03 (30 seats for a capacity of 24).',
    );
  });

  it('names a busy instructor and a full cohort, and leaves out a name the user may not see', () => {
    setUiLocale('en');
    const error = problem(409, 'SCHEDULE_CONFLICT', {
      conflicts: [
        { kind: 'instructor_busy', cohortCode: 'MT-01' },
        { kind: 'cohort_full', cohortCode: 'OP-02' },
      ],
    });
    expect(errorMessage(i18n.t, error)).toBe(
      'Schedule conflict: instructor already teaches cohort MT-01 on these days; cohort OP-02 has no free seats.',
    );
  });

  it("shows a closed cohort's status by its label", () => {
    setUiLocale('uk');
    expect(errorMessage(i18n.t, problem(409, 'COHORT_CLOSED', { cohortStatus: 'completed' }))).toBe(
      'Навчальна група в стані «Завершено» цього не приймає.',
    );
    setUiLocale('en');
    expect(
      errorMessage(
        i18n.t,
        problem(409, 'INVALID_TRANSITION', { from: 'planned', to: 'completed', allowed: ['enrolling'] }),
      ),
    ).toBe('A move from “Planned” to “Completed” is not allowed. Possible: Enrolling.');
  });
});
