import { screen, waitFor, within } from '@testing-library/react';
import { ALL_ROLES, can, type Resource } from '@jv/domain';
import { mockFetch, jsonResponse } from '../test/fetch-mock';
import { testUser } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { AppLayout } from './layout';

/** The header's links and the resource each one needs to read (null: everybody). */
const NAV_LINKS: { testId: string; resource: Resource | null }[] = [
  { testId: 'nav-home', resource: null },
  { testId: 'nav-systems', resource: 'systems' },
  { testId: 'nav-repair-jobs', resource: 'repairJobs' },
  { testId: 'nav-supply', resource: 'componentRequests' },
  { testId: 'nav-training', resource: 'training' },
  { testId: 'nav-partner-reports', resource: 'partnerReports' },
  { testId: 'nav-reference', resource: 'referenceData' },
  { testId: 'nav-users', resource: 'users' },
  { testId: 'nav-audit', resource: 'audit' },
];

const mainNav = (name = 'Головна навігація') => screen.getByRole('navigation', { name });
const navTestIds = () =>
  within(mainNav())
    .getAllByRole('link')
    .map((link) => link.getAttribute('data-testid'));

describe('AppLayout navigation per role (libs/domain permission table)', () => {
  it.each(ALL_ROLES)('shows %s exactly the sections its role may read', (role) => {
    renderWithProviders(<AppLayout />, { user: role });
    const expected = NAV_LINKS.filter((link) => link.resource === null || can(role, link.resource, 'read')).map(
      (link) => link.testId,
    );
    expect(navTestIds()).toEqual(expected);
  });

  it('gives an admin Users and Audit log, and a viewer neither (but reference data)', () => {
    const { unmount } = renderWithProviders(<AppLayout />, { user: 'admin' });
    expect(within(mainNav()).getByRole('link', { name: 'Користувачі' })).toHaveAttribute('href', '/admin/users');
    expect(within(mainNav()).getByRole('link', { name: 'Журнал аудиту' })).toHaveAttribute('href', '/admin/audit');
    unmount();

    renderWithProviders(<AppLayout />, { user: 'viewer' });
    expect(within(mainNav()).queryByRole('link', { name: 'Користувачі' })).not.toBeInTheDocument();
    expect(within(mainNav()).queryByRole('link', { name: 'Журнал аудиту' })).not.toBeInTheDocument();
    expect(within(mainNav()).getByRole('link', { name: 'Довідники' })).toHaveAttribute('href', '/reference');
  });

  it('sends workshop users to their board and everybody else to the list of open jobs', () => {
    const { unmount } = renderWithProviders(<AppLayout />, { user: 'workshop' });
    expect(screen.getByTestId('nav-repair-jobs')).toHaveAttribute('href', '/repair-jobs/board');
    unmount();

    renderWithProviders(<AppLayout />, { user: 'logistics' });
    expect(screen.getByTestId('nav-repair-jobs')).toHaveAttribute('href', '/repair-jobs?open=true');
  });

  it('gives every role one supply entry (requests and plans), active on both, in its language', () => {
    for (const role of ALL_ROLES) {
      const { unmount } = renderWithProviders(<AppLayout />, { user: role, locale: 'uk' });
      expect(within(mainNav()).getByRole('link', { name: 'Постачання' })).toHaveAttribute(
        'href',
        '/component-requests',
      );
      unmount();
    }
    renderWithProviders(<AppLayout />, { user: 'partner', locale: 'en', route: '/supply-plans/plan-vs-actual' });
    expect(within(mainNav('Main navigation')).getByRole('link', { name: 'Supply' })).toHaveClass('active');
    expect(within(mainNav('Main navigation')).getByRole('link', { name: 'Home' })).not.toHaveClass('active');
  });

  it('shows who is signed in, with the role in the UI language', () => {
    const user = testUser('workshop', { displayName: 'Олена Коваль' });
    const { unmount } = renderWithProviders(<AppLayout />, { user, locale: 'uk' });
    expect(screen.getByTestId('current-user')).toHaveTextContent('Олена КовальМайстерня');
    unmount();

    renderWithProviders(<AppLayout />, { user, locale: 'en' });
    expect(screen.getByTestId('current-user')).toHaveTextContent('Олена КовальWorkshop');
  });
});

describe('AppLayout notification bell', () => {
  it('shows every role the bell with its unread count, linking to the inbox', async () => {
    mockFetch({ 'GET /notifications': { items: [], nextCursor: null, unreadCount: 2 } });
    renderWithProviders(<AppLayout />, { user: 'partner', locale: 'uk' });
    const bell = await screen.findByRole('link', { name: 'Сповіщення: 2 непрочитані' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(bell).getByTestId('notification-count')).toHaveTextContent('2');
    // the bell is not one of the sections
    expect(navTestIds()).not.toContain('notification-bell');
  });

  it('offers partner reports to the roles that read them, in their language', () => {
    const { unmount } = renderWithProviders(<AppLayout />, { user: 'logistics', locale: 'uk' });
    expect(screen.getByTestId('nav-partner-reports')).toHaveAttribute('href', '/partner-reports');
    expect(screen.getByTestId('nav-partner-reports')).toHaveTextContent('Звіти партнерам');
    unmount();
    renderWithProviders(<AppLayout />, { user: 'partner', locale: 'en' });
    expect(screen.getByTestId('nav-partner-reports')).toHaveTextContent('Partner reports');
  });
});

describe('AppLayout language switch', () => {
  it("turns the header English at once and saves the choice as the user's preference", async () => {
    const user = testUser('admin');
    const fetch = mockFetch({ 'PATCH /auth/me/preferences': { ...user, locale: 'en' } });
    const { events } = renderWithProviders(<AppLayout />, { user, locale: 'uk' });
    expect(within(mainNav()).getByRole('link', { name: 'Користувачі' })).toBeInTheDocument();

    await events.click(screen.getByRole('button', { name: 'English, EN' }));

    expect(within(mainNav('Main navigation')).getByRole('link', { name: 'Users' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English, EN' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() =>
      // (the bell asks for the unread count beside it)
      expect(fetch.requests.filter((r) => r.method !== 'GET')).toEqual([
        expect.objectContaining({ method: 'PATCH', path: '/auth/me/preferences', body: { locale: 'en' } }),
      ]),
    );
  });

  it('goes back to Ukrainian when the preference cannot be saved', async () => {
    let refuse: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    mockFetch({
      'PATCH /auth/me/preferences': async () => {
        await refused;
        return jsonResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, { status: 500 });
      },
    });
    const { events } = renderWithProviders(<AppLayout />, { user: 'viewer', locale: 'uk' });

    await events.click(screen.getByRole('button', { name: 'English, EN' }));
    // switched at once, while the server is still answering
    expect(within(mainNav('Main navigation')).getByRole('link', { name: 'Reference data' })).toBeInTheDocument();

    refuse();

    await waitFor(() => expect(within(mainNav()).getByRole('link', { name: 'Довідники' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Українська, UK' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('jv.locale')).toBe('uk');
  });
});
