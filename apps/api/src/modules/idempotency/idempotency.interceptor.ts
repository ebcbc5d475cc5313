import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser } from '@jv/contracts';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, mergeMap, type Observable, of, catchError, throwError } from 'rxjs';
import type { DataSource } from 'typeorm';
import { AppError, ValidationFailed } from '../../common/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const TTL_HOURS = 24;

/**
 * A POST with an `Idempotency-Key` header runs once per (user, key): a retry with the same body gets
 * the first response again (status and body), the same key with another body gets 422, and a retry
 * while the first is still running gets 409. Keys live in PostgreSQL for 24 h, so several API
 * processes behave as one. Expired keys are removed hourly by HousekeepingService.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.get(IDEMPOTENCY_HEADER);
    if (req.method !== 'POST' || key === undefined || !req.user) return next.handle();
    if (!/^[A-Za-z0-9_\-:.]{8,200}$/.test(key)) {
      throw new ValidationFailed([{ path: 'Idempotency-Key', code: 'idempotency_key_format' }]);
    }
    const userId = req.user.id;
    const path = req.originalUrl.split('?')[0];
    const requestHash = createHash('sha256')
      .update(`${req.method} ${path}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');

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
              [userId, key, res.statusCode, JSON.stringify(body ?? null)],
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
