import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser } from '@jv/contracts';
import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { from, mergeMap, type Observable, of, catchError, throwError } from 'rxjs';
import type { DataSource } from 'typeorm';
import { AppError, ValidationFailed } from '../../common/errors';
import { ENV, type Env } from '../../config/env';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_HOURS = 24;

/** Fields never kept in a stored response (a replay shows them as `[redacted]`). */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'token',
  'secret',
  'otpauthUrl',
  'recoveryCodes',
  'recoveryCode',
]);

/** The response as stored: secret fields at any depth replaced. */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [storable(k), SECRET_FIELDS.has(k) ? '[redacted]' : withoutSecrets(v)]),
  );
}

/**
 * PostgreSQL's jsonb cannot hold U+0000, which an answer may echo from the request (a CSV import names the columns it
 * did not know): the stored copy carries U+FFFD there instead of failing the request that already succeeded.
 */
const storable = (text: string): string => (text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text);

/**
 * The stored fingerprint of a request: HMAC-SHA256 keyed with APP_SECRET, so a body with a password
 * (POST /users) cannot be guessed back from the database at hash speed without the server's secret.
 * `target` is the path with its query (a photo's work log and caption travel there); an uploaded image
 * is hashed as its bytes, not as a JSON rendering several times their size.
 */
export const requestFingerprint = (secret: string, method: string, target: string, body: unknown): string => {
  const hmac = createHmac('sha256', secret).update(`${method} ${target}\n`);
  return (Buffer.isBuffer(body) ? hmac.update(body) : hmac.update(JSON.stringify(body ?? null))).digest('hex');
};

/**
 * A POST with an `Idempotency-Key` header runs once per (user, key): a retry with the same body gets
 * the first response again (status and body), the same key with another body gets 422, and a retry
 * while the first is still running gets 409. Keys live in PostgreSQL for 24 h, so several API
 * processes behave as one. Expired keys are removed hourly by HousekeepingService.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Pick<Env, 'APP_SECRET'>,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.get(IDEMPOTENCY_HEADER);
    const path = req.originalUrl.split('?')[0];
    // sign-in, second factor and password: their answers carry secrets and are never kept
    if (req.method !== 'POST' || key === undefined || !req.user || path.startsWith('/api/v1/auth/'))
      return next.handle();
    if (!/^[A-Za-z0-9_\-:.]{8,200}$/.test(key)) {
      throw new ValidationFailed([{ path: 'Idempotency-Key', code: 'idempotency_key_format' }]);
    }
    const userId = req.user.id;
    const requestHash = requestFingerprint(this.env.APP_SECRET, req.method, req.originalUrl, req.body);

    await this.db.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at < now()`, [
      userId,
      key,
    ]);
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + interval '${TTL_HOURS} hours')
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, req.method, path, requestHash],
    );
    if (inserted.length === 0) {
      const [prior] = await this.db.query(
        `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      if (!prior || prior.request_hash !== requestHash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          {},
          'This Idempotency-Key was already used for a different request',
        );
      }
      if (prior.response_status === null) {
        throw new AppError(
          'IDEMPOTENCY_IN_PROGRESS',
          {},
          'The first request with this Idempotency-Key is still being processed; retry shortly',
        );
      }
      res.status(prior.response_status);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(prior.response_body);
    }
    return next.handle().pipe(
      // Nest sets the route's status (201, or @HttpCode) before the interceptors run, and a handler
      // may still set its own (e.g. a dry run answering 200): by now res.statusCode is the answer
      mergeMap((body) =>
        from(
          this.db
            .query(
              `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
              [userId, key, res.statusCode, JSON.stringify(withoutSecrets(body ?? null))],
            )
            .then(() => body),
        ),
      ),
      catchError((err) =>
        from(
          // a failed request is not remembered: the client may fix it and retry with the same key
          this.db.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]),
        ).pipe(mergeMap(() => throwError(() => err))),
      ),
    );
  }
}
