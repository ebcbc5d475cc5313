import type { EntityManager } from 'typeorm';
import type { Env } from '../../config/env';
import { TooManyRequests } from '../../common/errors';

/** An address failing on this many different accounts within the window is spraying: refused. */
export const SPRAY_ACCOUNTS = 10;
/** The longest delay: 15 minutes. */
export const MAX_DELAY_SECONDS = 15 * 60;

/**
 * The delay after `failures` failures when `threshold` are free: none below the threshold, then 4 s,
 * 8 s, 16 s … doubling with each further failure, capped at 15 minutes.
 */
export function delaySeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(2 ** Math.min(failures - threshold + 2, 30), MAX_DELAY_SECONDS);
}

interface Counts {
  pair_n: number;
  pair_since: number | null;
  addr_n: number;
  addr_since: number | null;
  spray_n: number;
  spray_left: number | null;
}

/**
 * Throttling without lock-out. Failures (wrong password, wrong second-factor code, wrong current password)
 * are counted in PostgreSQL per (account, address) — since that pair's last success — and per address,
 * within LOGIN_WINDOW_MINUTES. Past LOGIN_MAX_FAILURES_PER_ACCOUNT for the pair or LOGIN_MAX_FAILURES_PER_IP
 * for the address, the next try must wait a delay that doubles with each further failure (429 with
 * Retry-After); an address failing on SPRAY_ACCOUNTS different accounts is refused until they age out of
 * the window. Only the failing address slows down: the right password from another address still signs in.
 */
export async function checkLoginThrottle(m: EntityManager, env: Env, email: string, ip: string): Promise<void> {
  const [c]: Counts[] = await m.query(
    `WITH w AS (SELECT email, success, at FROM login_attempts
                 WHERE ip = $2 AND at > now() - $3 * interval '1 minute'),
          pair AS (SELECT count(*)::int AS n, max(at) AS last FROM w
                    WHERE email = $1 AND NOT success
                      AND at > coalesce((SELECT max(at) FROM w WHERE email = $1 AND success), '-infinity')),
          addr AS (SELECT count(*)::int AS n, max(at) AS last FROM w WHERE NOT success),
          per_email AS (SELECT max(at) AS last FROM w WHERE NOT success GROUP BY email)
     SELECT pair.n AS pair_n, extract(epoch FROM now() - pair.last)::float8 AS pair_since,
            addr.n AS addr_n, extract(epoch FROM now() - addr.last)::float8 AS addr_since,
            (SELECT count(*)::int FROM per_email) AS spray_n,
            (SELECT extract(epoch FROM min(last) + $3 * interval '1 minute' - now())::float8
               FROM (SELECT last FROM per_email ORDER BY last DESC LIMIT $4) t) AS spray_left
       FROM pair, addr`,
    [email, ip, env.LOGIN_WINDOW_MINUTES, SPRAY_ACCOUNTS],
  );
  if (!c) return;
  if (c.spray_n >= SPRAY_ACCOUNTS) {
    throw new TooManyRequests(
      'Too many failed sign-ins on different accounts from this address; try again later',
      Math.max(1, Math.ceil(c.spray_left ?? env.LOGIN_WINDOW_MINUTES * 60)),
    );
  }
  const wait = Math.max(
    delaySeconds(c.pair_n, env.LOGIN_MAX_FAILURES_PER_ACCOUNT) - (c.pair_since ?? 0),
    delaySeconds(c.addr_n, env.LOGIN_MAX_FAILURES_PER_IP) - (c.addr_since ?? 0),
  );
  if (wait > 0) throw new TooManyRequests('Too many failed sign-in attempts; try again later', Math.ceil(wait));
}

export async function recordLoginAttempt(m: EntityManager, email: string, ip: string, success: boolean): Promise<void> {
  await m.query(`INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)`, [email, ip, success]);
}

/** One sign-in step per account at a time, so parallel guesses cannot slip past the count. */
export async function lockAccount(m: EntityManager, email: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [email]);
}
