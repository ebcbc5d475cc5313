let handler: (() => void) | null = null;

/** The app registers what to do when the session ends (clear the cache, go to the login page). */
export function setUnauthorizedHandler(next: (() => void) | null): void {
  handler = next;
}

/** Called by the API client on a 401 outside sign-in. */
export function onUnauthorized(): void {
  handler?.();
}
