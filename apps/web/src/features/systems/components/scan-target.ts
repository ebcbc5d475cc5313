const SYSTEM_PAGE = /^\/systems\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/**
 * The system id a scanned code names, or null when it is not a JV Tracker label: an http(s) URL whose path
 * is exactly `/systems/<uuid>` (what `GET /systems/{id}/label.svg` encodes), without a query, fragment or
 * credentials. The host is not compared: a tablet may reach the app under another name than the one
 * printed (PUBLIC_URL), and the scanner only ever opens that id inside this app, never the scanned host.
 */
export function systemIdFromCode(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.search || url.hash || url.username || url.password) return null;
  const match = SYSTEM_PAGE.exec(url.pathname);
  return match ? match[1].toLowerCase() : null;
}

export type CameraProblem = 'unsupported' | 'denied' | 'noCamera' | 'busy' | 'failed';

/** Why the camera could not start, from the DOMException getUserMedia rejects with. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
