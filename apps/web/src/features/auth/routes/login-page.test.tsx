import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { LoginPage } from './login-page';

describe('LoginPage language switch (before sign-in)', () => {
  it('switches every visible text between Ukrainian and English and remembers the choice on this device', async () => {
    const { events } = renderWithProviders(<LoginPage />, { user: null, route: '/login', locale: 'uk' });
    expect(screen.getByRole('heading', { name: 'Вхід до JV Tracker' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Електронна пошта/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Увійти' })).toBeInTheDocument();

    await events.click(screen.getByRole('button', { name: 'English, EN' }));

    expect(screen.getByRole('heading', { name: 'Sign in to JV Tracker' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Password/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('Вхід до JV Tracker')).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('jv.locale')).toBe('en');

    await events.click(screen.getByRole('button', { name: 'Українська, UK' }));

    expect(screen.getByRole('heading', { name: 'Вхід до JV Tracker' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Увійти' })).toBeInTheDocument();
    expect(localStorage.getItem('jv.locale')).toBe('uk');
  });
});
