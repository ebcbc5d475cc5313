import { screen, within } from '@testing-library/react';
import { mockFetch } from '../test/fetch-mock';
import { testUser } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { AppLayout } from './layout';

describe('AppLayout: My account', () => {
  it("leads from the user's name in the header to My account", async () => {
    mockFetch({ 'GET /notifications/unread-count': { count: 0 } });
    const { events, router } = renderWithProviders(<AppLayout />, { user: testUser('viewer') });
    const link = within(screen.getByTestId('current-user')).getByRole('link', { name: 'Test Viewer' });
    expect(link).toHaveAttribute('href', '/account');
    expect(link).toHaveAttribute('title', 'Мій обліковий запис');
    await events.click(link);
    expect(router.state.location.pathname).toBe('/account');
  });

  it('shows no other sections while setup is required', () => {
    mockFetch({});
    renderWithProviders(<AppLayout />, { user: testUser('admin', { setupRequired: ['mfa'] }) });
    expect(within(screen.getByRole('navigation', { name: 'Головна навігація' })).queryAllByRole('link')).toEqual([]);
    expect(screen.getByTestId('account-link')).toBeInTheDocument();
  });
});
