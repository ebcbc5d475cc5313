import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * The `'sha256-…'` sources of the inline scripts of the web build's index.html, for the Content-Security-Policy's
 * `script-src`: the start-up script runs inline (apps/web/build/early-start.mts), so that its requests start as the
 * HTML is parsed; the policy allows that very script and no other inline one. Read once at start: a new build comes
 * with a restart. Empty without a build (API only, tests).
 */
export function inlineScriptHashes(indexHtml: string): string[] {
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
}
