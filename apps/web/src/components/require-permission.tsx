import type { ReactNode } from 'react';
import type { Action, Resource } from '@jv/domain';
import { useCan } from '../lib/session';
import { ForbiddenPage } from './status-pages';

/**
 * Shows the "not allowed" page to a role without the permission. Only a convenience: the API refuses
 * the same requests anyway.
 */
export function RequirePermission({
  resource,
  action,
  children,
}: {
  resource: Resource;
  action: Action;
  children: ReactNode;
}) {
  return useCan(resource, action) ? <>{children}</> : <ForbiddenPage />;
}
