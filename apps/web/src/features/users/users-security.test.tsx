import { screen, waitFor } from '@testing-library/react';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { renderWithProviders } from '../../test/render';
import { ResetMfaButton } from './components/reset-mfa-button';
import { ResetPasswordForm } from './components/reset-password-form';

const USER_ID = '7c1d2e3f-0000-4000-8000-000000000042';

describe('Users admin: second factor and password reset', () => {
  it('resets the second factor after a confirmation', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const fetch = mockFetch({ [`POST /users/${USER_ID}/mfa/reset`]: new Response(null, { status: 204 }) });
    const { events } = renderWithProviders(<ResetMfaButton userId={USER_ID} userName="Олена Коваль" />);

    await events.click(screen.getByRole('button', { name: 'Скинути другий фактор' }));

    expect(confirm).toHaveBeenCalledWith('Скинути другий фактор користувача Олена Коваль?');
    expect(await screen.findByText('Другий фактор скинуто.')).toBeInTheDocument();
    expect(fetch.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /users/${USER_ID}/mfa/reset`]);
  });

  it('sends nothing when the confirmation is declined', async () => {
    jest.spyOn(window, 'confirm').mockReturnValue(false);
    const fetch = mockFetch({});
    const { events } = renderWithProviders(<ResetMfaButton userId={USER_ID} userName="Олена Коваль" />);
    await events.click(screen.getByRole('button', { name: 'Скинути другий фактор' }));
    expect(fetch.requests).toEqual([]);
  });

  it('says the user must change a reset password, and words a breached one in Ukrainian', async () => {
    mockFetch({
      [`POST /users/${USER_ID}/reset-password`]: jsonResponse(
        {
          type: 'about:blank',
          title: 'Validation',
          status: 400,
          code: 'VALIDATION',
          errors: [{ path: 'password', code: 'password_breached', message: 'english' }],
        },
        { status: 400 },
      ),
    });
    const { events } = renderWithProviders(<ResetPasswordForm userId={USER_ID} />);
    expect(screen.getByTestId('reset-password-must-change')).toHaveTextContent(
      'Під час наступного входу користувач має змінити цей пароль на власний.',
    );
    await events.type(screen.getByLabelText(/Новий пароль/), 'password1234');
    await events.click(screen.getByRole('button', { name: 'Встановити новий пароль' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Новий пароль/)).toHaveAccessibleDescription(
        'Цей пароль є у списку поширених або зламаних паролів; оберіть інший',
      ),
    );
  });
});
