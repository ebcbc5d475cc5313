import { screen, waitFor } from '@testing-library/react';
import { jsonResponse, mockFetch } from '../../../test/fetch-mock';
import { testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { LoginForm } from './login-form';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  jsonResponse({ type: 'about:blank', title: code, status, code, ...extra }, { status });

async function passPasswordStep(events: ReturnType<typeof renderWithProviders>['events']) {
  await events.type(screen.getByLabelText(/Електронна пошта/), 'admin@jv.example');
  await events.type(screen.getByLabelText(/^Пароль/), 'jv-demo-password');
  await events.click(screen.getByRole('button', { name: 'Увійти' }));
  return screen.findByLabelText(/Код підтвердження/);
}

/** Sign-in in two steps for a user with a second factor: the password, then a TOTP or a recovery code. */
describe('LoginForm with a second factor', () => {
  it('asks for the 6-digit code after the password, and signs in with it', async () => {
    const user = testUser('admin', { mfaEnrolled: true });
    const fetch = mockFetch({
      'POST /auth/login': { mfaRequired: true },
      'POST /auth/login/mfa': ({ body }) =>
        (body as { code?: string }).code === '123456' ? user : problem(401, 'MFA_CODE_INVALID'),
    });
    const onSignedIn = jest.fn();
    const { events } = renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, { user: null, route: '/login' });

    const code = await passPasswordStep(events);
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');

    // the client checks the format first: nothing is sent for five digits
    await events.type(code, '12345');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));
    expect(code).toHaveAccessibleDescription('Введіть 6 цифр');
    expect(fetch.requests.filter((r) => r.path === '/auth/login/mfa')).toHaveLength(0);

    await events.clear(code);
    await events.type(code, '654321');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent(
      'Код неправильний або вже використаний. Перевірте час на пристрої та спробуйте ще раз.',
    );
    expect(onSignedIn).not.toHaveBeenCalled();

    await events.clear(code);
    await events.type(code, '123456');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(fetch.requests.filter((r) => r.path === '/auth/login/mfa').map((r) => r.body)).toEqual([
      { code: '654321' },
      { code: '123456' },
    ]);
  });

  it('takes a recovery code instead', async () => {
    const user = testUser('admin', { mfaEnrolled: true });
    const fetch = mockFetch({ 'POST /auth/login': { mfaRequired: true }, 'POST /auth/login/mfa': user });
    const onSignedIn = jest.fn();
    const { events } = renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, { user: null, route: '/login' });

    await passPasswordStep(events);
    await events.click(screen.getByRole('button', { name: 'Використати резервний код' }));
    await events.type(screen.getByLabelText(/Резервний код/), ' abcd-efgh-2345 ');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(fetch.requests.at(-1)?.body).toEqual({ recoveryCode: 'abcd-efgh-2345' });
  });

  it.each([
    [30, 'Забагато спроб. Спробуйте знову через 30 секунд.'],
    [600, 'Забагато спроб. Спробуйте знову через 10 хвилин.'],
  ])('after too many wrong codes says how long to wait (Retry-After %i s)', async (seconds, sentence) => {
    mockFetch({
      'POST /auth/login': { mfaRequired: true },
      'POST /auth/login/mfa': problem(429, 'TOO_MANY_REQUESTS', { retryAfterSeconds: seconds }),
    });
    const { events } = renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, { user: null, route: '/login' });

    const code = await passPasswordStep(events);
    await events.type(code, '111111');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent(sentence);
  });

  it('goes back to the password when the pending sign-in has expired', async () => {
    mockFetch({
      'POST /auth/login': { mfaRequired: true },
      'POST /auth/login/mfa': problem(401, 'MFA_NOT_STARTED'),
    });
    const { events } = renderWithProviders(<LoginForm onSignedIn={jest.fn()} />, { user: null, route: '/login' });

    const code = await passPasswordStep(events);
    await events.type(code, '111111');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Спершу увійдіть із паролем.');
    expect(screen.getByLabelText(/Електронна пошта/)).toBeInTheDocument();
  });

  it('signs a user without a second factor in at once', async () => {
    const user = testUser('viewer');
    mockFetch({ 'POST /auth/login': user });
    const onSignedIn = jest.fn();
    const { events } = renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, { user: null, route: '/login' });

    await events.type(screen.getByLabelText(/Електронна пошта/), 'viewer@jv.example');
    await events.type(screen.getByLabelText(/^Пароль/), 'jv-demo-password');
    await events.click(screen.getByRole('button', { name: 'Увійти' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(screen.queryByLabelText(/Код підтвердження/)).not.toBeInTheDocument();
  });
});
