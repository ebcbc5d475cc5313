import { screen } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { NotificationBell } from './notification-bell';

describe('NotificationBell', () => {
  it('shows the unread count and says it in its accessible name (uk)', async () => {
    const fetch = mockFetch({ 'GET /notifications': { ...page([]), unreadCount: 3 } });
    renderWithProviders(<NotificationBell />, { user: 'partner', locale: 'uk' });

    expect(await screen.findByTestId('notification-count')).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'Сповіщення: 3 непрочитані' })).toHaveAttribute('href', '/notifications');
    const asked = fetch.requests.find((r) => r.path === '/notifications');
    expect(asked?.query.get('unread')).toBe('true');
    expect(asked?.query.get('limit')).toBe('1');
  });

  it('has no count when nothing is unread (en)', async () => {
    mockFetch({ 'GET /notifications': { ...page([]), unreadCount: 0 } });
    renderWithProviders(<NotificationBell />, { user: 'viewer', locale: 'en' });
    const bell = await screen.findByRole('link', { name: 'Notifications' });
    expect(bell).toHaveAttribute('data-count', '0');
    expect(screen.queryByTestId('notification-count')).not.toBeInTheDocument();
  });

  it('shows "1 unread" in English', async () => {
    mockFetch({ 'GET /notifications': { ...page([]), unreadCount: 1 } });
    renderWithProviders(<NotificationBell />, { user: 'admin', locale: 'en' });
    expect(await screen.findByRole('link', { name: 'Notifications: 1 unread' })).toBeInTheDocument();
  });
});
