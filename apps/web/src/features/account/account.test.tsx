import { screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { testUser } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { SetupGate } from './components/setup-gate';
import { AccountPage } from './routes/account-page';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  jsonResponse({ type: 'about:blank', title: code, status, code, ...extra }, { status });

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `code-${i}-abcdefgh`);

describe('My account: enrolling a TOTP second factor', () => {
  it('shows the QR code and the secret, then the ten recovery codes once', async () => {
    let enrolled = false;
    const fetch = mockFetch({
      'POST /auth/mfa/totp/setup': { secret: SECRET, otpauthUrl: `otpauth://totp/JV%20Tracker:admin?secret=${SECRET}` },
      'POST /auth/mfa/totp/confirm': ({ body }) => {
        if ((body as { code: string }).code !== '123456') return problem(401, 'MFA_CODE_INVALID');
        enrolled = true;
        return { recoveryCodes: CODES };
      },
      'GET /auth/me': () => testUser('admin', { mfaEnrolled: enrolled }),
    });
    const { events } = renderWithProviders(<AccountPage />, { route: '/account' });

    expect(screen.getByRole('heading', { name: 'Мій обліковий запис' })).toBeInTheDocument();
    expect(screen.getByTestId('mfa-off')).toHaveTextContent('Другий фактор не налаштовано');
    await events.click(screen.getByRole('button', { name: 'Налаштувати автентифікатор' }));

    const qr = await screen.findByRole('img', { name: 'QR-код для застосунку-автентифікатора' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(qr.getAttribute('src') ?? '')).toContain('<svg');
    expect(screen.getByTestId('totp-secret').textContent?.replace(/\s/g, '')).toBe(SECRET);

    const code = screen.getByLabelText(/Код із застосунку/);
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await events.type(code, '000000');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Код із застосунку/)).toHaveAccessibleDescription(
        'Код неправильний або вже використаний. Перевірте час на пристрої та спробуйте ще раз.',
      ),
    );

    await events.clear(screen.getByLabelText(/Код із застосунку/));
    await events.type(screen.getByLabelText(/Код із застосунку/), '123456');
    await events.click(screen.getByRole('button', { name: 'Підтвердити' }));

    const list = await screen.findByTestId('recovery-codes');
    expect(
      within(list)
        .getAllByTestId('recovery-code')
        .map((c) => c.textContent),
    ).toEqual(CODES);
    const done = screen.getByRole('button', { name: 'Готово' });
    expect(done).toBeDisabled();
    await events.click(screen.getByLabelText('Я зберіг(ла) резервні коди'));
    await events.click(done);

    expect(screen.queryByTestId('recovery-codes')).not.toBeInTheDocument();
    expect(screen.getByTestId('mfa-on')).toHaveTextContent('Другий фактор увімкнено');
    expect(fetch.unhandled).toEqual([]);
  });

  it('says the second factor is on for an enrolled user, with nothing to set up', () => {
    mockFetch({});
    renderWithProviders(<AccountPage />, { user: testUser('admin', { mfaEnrolled: true }), route: '/account' });
    expect(screen.getByTestId('mfa-on')).toHaveTextContent('Другий фактор увімкнено');
    expect(screen.queryByRole('button', { name: 'Налаштувати автентифікатор' })).not.toBeInTheDocument();
  });
});

describe('My account: changing the password', () => {
  const fill = async (events: ReturnType<typeof renderWithProviders>['events'], repeat = 'new-password-42') => {
    await events.type(screen.getByLabelText(/Поточний пароль/), 'old-password-1');
    await events.type(screen.getByLabelText(/^Новий пароль/), 'new-password-42');
    await events.type(screen.getByLabelText(/Повторіть новий пароль/), repeat);
    await events.click(screen.getByRole('button', { name: 'Змінити пароль' }));
  };

  it.each([
    ['currentPassword', 'password_wrong', /Поточний пароль/, 'Поточний пароль неправильний'],
    ['newPassword', 'password_unchanged', /^Новий пароль/, 'Новий пароль має відрізнятися від поточного'],
    [
      'newPassword',
      'password_breached',
      /^Новий пароль/,
      'Цей пароль є у списку поширених або зламаних паролів; оберіть інший',
    ],
  ])('puts the server refusal of %s (%s) on its field, in Ukrainian', async (path, code, label, sentence) => {
    mockFetch({
      'POST /auth/password': problem(400, 'VALIDATION', { errors: [{ path, code, message: 'english' }] }),
    });
    const { events } = renderWithProviders(<AccountPage />, { route: '/account' });
    await fill(events);
    await waitFor(() => expect(screen.getByLabelText(label)).toHaveAccessibleDescription(sentence));
    expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a repeat that differs, without asking the server', async () => {
    const fetch = mockFetch({});
    const { events } = renderWithProviders(<AccountPage />, { route: '/account' });
    await fill(events, 'something-else-9');
    expect(screen.getByLabelText(/Повторіть новий пароль/)).toHaveAccessibleDescription('Паролі не збігаються');
    expect(fetch.requests).toEqual([]);
  });

  it('changes it and reads the signed-in user again', async () => {
    const fetch = mockFetch({
      'POST /auth/password': new Response(null, { status: 204 }),
      'GET /auth/me': testUser('admin'),
    });
    const { events } = renderWithProviders(<AccountPage />, { route: '/account' });
    await fill(events);
    expect(await screen.findByTestId('password-changed')).toHaveTextContent('Пароль змінено.');
    expect(fetch.requests[0]?.body).toEqual({ currentPassword: 'old-password-1', newPassword: 'new-password-42' });
    expect(screen.getByLabelText(/Поточний пароль/)).toHaveValue('');
  });
});

describe('Setup gate', () => {
  const routes = [
    {
      path: '/',
      element: (
        <SetupGate>
          <Outlet />
        </SetupGate>
      ),
      children: [
        { path: 'systems', element: <p>systems page</p> },
        { path: 'account', element: <AccountPage /> },
      ],
    },
  ];

  it.each([
    ['mfa' as const, 'Ваша роль вимагає другого фактора входу.'],
    ['password' as const, 'Ваш пароль встановив адміністратор. Оберіть власний пароль'],
  ])('sends a user with %s setup pending from any page to My account, saying why', async (item, why) => {
    mockFetch({});
    const { router } = renderWithProviders(<p>unused</p>, {
      user: testUser('admin', { setupRequired: [item] }),
      route: '/systems',
      path: '/unused',
      routes,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    expect(screen.queryByText('systems page')).not.toBeInTheDocument();
    expect(screen.getByTestId(`setup-required-${item}`)).toHaveTextContent(why);
  });

  it('lets a user with nothing to set up go anywhere', async () => {
    mockFetch({});
    const { router } = renderWithProviders(<p>unused</p>, { route: '/systems', path: '/unused', routes });
    expect(await screen.findByText('systems page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/systems');
  });
});
