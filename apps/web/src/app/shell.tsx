import { SetupGate } from '../features/account/components/setup-gate';
import { AppLayout } from './layout';
import { RequireAuth } from './require-auth';

/** The signed-in part of the app around every page but the login page (a chunk of its own: app/router.tsx). */
export function SignedInShell() {
  return (
    <RequireAuth>
      <SetupGate>
        <AppLayout />
      </SetupGate>
    </RequireAuth>
  );
}
