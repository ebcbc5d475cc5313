import { useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';

/** Whether the browser has a network, as react-query sees it (queries pause while it is false). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => onlineManager.subscribe(onChange),
    () => onlineManager.isOnline(),
  );
}

let applyUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

/** A new version of the app is installed and waits; `apply` switches to it (apps/web/src/pwa/register.ts). */
export function offerUpdate(apply: () => void): void {
  applyUpdate = apply;
  for (const listener of listeners) listener();
}

/** The switch to a waiting new version, or null while there is none. */
export function useWaitingUpdate(): (() => void) | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => applyUpdate,
  );
}
