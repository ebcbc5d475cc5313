import type { RouteObject } from 'react-router';
import { Outlet } from 'react-router';
import { RequirePermission } from '../../components/require-permission';
import { UserEditPage } from './routes/user-edit-page';
import { UserNewPage } from './routes/user-new-page';
import { UsersPage } from './routes/users-page';

/** /admin/users/* — admins only; others get the "not allowed" page (the API refuses them anyway). */
export const usersRoutes: RouteObject = {
  path: 'admin/users',
  element: (
    <RequirePermission resource="users" action="read">
      <Outlet />
    </RequirePermission>
  ),
  children: [
    { index: true, element: <UsersPage /> },
    { path: 'new', element: <UserNewPage /> },
    { path: ':id', element: <UserEditPage /> },
  ],
};
