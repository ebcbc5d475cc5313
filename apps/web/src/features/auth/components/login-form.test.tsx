import { act, screen } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { i18n } from '../../../i18n/i18n';
import { jsonResponse, mockFetch } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { LoginForm } from './login-form';

const LABELS: Record<Locale, { email: RegExp; password: RegExp; submit: string }> = {
  uk: { email: /Електронна пошта/, password: /Пароль/, submit: 'Увійти' },
  en: { email: /Email/, password: /Password/, submit: 'Sign in' },
};

/** The login form's client-side validation (zod schema of @jv/contracts through react-hook-form). */
describe('LoginForm validation messages', () => {
  // The email rule's wording is being reworked with the server's field messages (today zod's own:
  // "Неправильний адреса електронної пошти" / "Invalid email address"); what must hold is that it names
  // the email in the UI language. "Required" comes from the app's catalogue.
  it.each<[Locale, { email: RegExp; password: string }]>([
    ['uk', { email: /^[^a-z]*електронної пошти[^a-z]*$/i, password: 'Обовʼязкове поле' }],
    ['en', { email: /^[^а-яіїєґ]*email[^а-яіїєґ]*$/i, password: 'Required' }],
  ])('in %s, an empty form names what is wrong with each field and sends nothing', async (locale, expected) => {
    const fetch = mockFetch({});
    const onSignedIn = jest.fn();
    const { events } = renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, {
      user: null,
      route: '/login',
      locale,
    });

    await events.click(screen.getByRole('button', { name: LABELS[locale].submit }));

    const email = screen.getByLabelText(LABELS[locale].email);
    const password = screen.getByLabelText(LABELS[locale].password);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(expected.email);
    expect(password).toHaveAccessibleDescription(expected.password);
    expect(fetch.requests).toEqual([]);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('checks again in the new language after a language switch', async () => {
    mockFetch({});
    const { events } = renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, {
      user: null,
      route: '/login',
      locale: 'en',
    });
    await events.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText(LABELS.en.password)).toHaveAccessibleDescription('Required');

    await act(() => i18n.changeLanguage('uk'));
    await events.click(screen.getByRole('button', { name: 'Увійти' }));

    expect(screen.getByLabelText(LABELS.uk.password)).toHaveAccessibleDescription('Обовʼязкове поле');
    expect(screen.getByLabelText(LABELS.uk.email)).toHaveAccessibleDescription(/^[^a-z]*електронної пошти[^a-z]*$/i);
  });
});

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  jsonResponse({ type: 'about:blank', title: code, status, code, ...extra }, { status });

/** A throttled sign-in (429 with retryAfterSeconds) says how long to wait, in the language's plural forms. */
describe('LoginForm lockout message', () => {
  it.each<[Locale, number, string]>([
    ['uk', 60, 'Забагато спроб. Спробуйте знову через 1 хвилину.'],
    ['uk', 150, 'Забагато спроб. Спробуйте знову через 3 хвилини.'],
    ['uk', 900, 'Забагато спроб. Спробуйте знову через 15 хвилин.'],
    ['uk', 4, 'Забагато спроб. Спробуйте знову через 4 секунди.'],
    ['en', 60, 'Too many attempts. Try again in 1 minute.'],
    ['en', 900, 'Too many attempts. Try again in 15 minutes.'],
  ])('in %s, Retry-After %i s reads “%s”', async (locale, seconds, sentence) => {
    mockFetch({ 'POST /auth/login': problem(429, 'TOO_MANY_REQUESTS', { retryAfterSeconds: seconds }) });
    const { events } = renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, {
      user: null,
      route: '/login',
      locale,
    });
    await events.type(screen.getByLabelText(LABELS[locale].email), 'someone@test.example');
    await events.type(screen.getByLabelText(locale === 'uk' ? /^Пароль/ : /^Password/), 'wrong-password-x');
    await events.click(screen.getByRole('button', { name: LABELS[locale].submit }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent(sentence);
  });
});
