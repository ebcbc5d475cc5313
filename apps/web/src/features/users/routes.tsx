import type { RouteObject } from 'react-router';
import { Outlet } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { lazyPage } from '../../lib/lazy-page';

/** /admin/users/* — admins only; others get the "not allowed" page (the API refuses them anyway). */
export const usersRoutes: RouteObject = {
  path: 'admin/users',
  element: (
    <RequirePermission resource="users" action="read">
      <Outlet />
    </RequirePermission>
  ),
  children: [
    {
      index: true,
      lazy: lazyPage(
        () => import('./routes/users-page'),
        (m) => <m.UsersPage />,
      ),
    },
    {
      path: 'new',
      lazy: lazyPage(
        () => import('./routes/user-new-page'),
        (m) => <m.UserNewPage />,
      ),
    },
    {
      path: ':id',
      lazy: lazyPage(
        () => import('./routes/user-edit-page'),
        (m) => <m.UserEditPage />,
      ),
    },
  ],
};
