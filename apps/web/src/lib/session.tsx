import { createContext, useContext, type ReactNode } from 'react';
import type { CurrentUser } from '@jv/contracts';
import { can, type Action, type Resource } from '@jv/domain';

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; only valid below the app's auth guard. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside the signed-in part of the app');
  return user;
}

export function useCan(resource: Resource, action: Action): boolean {
  return can(useCurrentUser().role, resource, action);
}

/** Only same-site paths are accepted as a `next` target after login. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
