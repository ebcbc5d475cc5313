import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { ErrorCode } from '@jv/contracts';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './errors';
import { fieldErrorsFromIssues } from './field-errors';
import { rootLogger } from './logger';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './pg-errors';
import { currentContext } from './request-context';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The catalogue's code for an error raised outside the features (router, body parser, CSRF check). */
const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_BODY',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

/** The code's parameters and extra members go beside the standard members, never over them (`status` stays HTTP's). */
const problem = (status: number, code: ErrorCode, detail: string | undefined, more: Record<string, unknown> = {}) => ({
  ...more,
  type: `/problems/${kebab(code)}`,
  title: TITLES[status] ?? 'Error',
  status,
  code,
  ...(detail ? { detail } : {}),
});

/**
 * Every error leaves as RFC 9457 problem details with a `code` from the contracts' catalogue and that
 * code's parameters; unknown errors as a bare 500 with a correlation id, logged.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId = currentContext()?.requestId ?? (req.headers['x-request-id'] as string | undefined);
    let body: Record<string, unknown>;

    if (exception instanceof AppError) {
      body = problem(exception.status, exception.code, exception.message, { ...exception.params, ...exception.extra });
      if (exception.code === 'TOO_MANY_REQUESTS' || exception.code === 'DATABASE_UNAVAILABLE') {
        res.setHeader('Retry-After', String((exception.params as { retryAfterSeconds: number }).retryAfterSeconds));
      }
    } else if (exception instanceof ZodError) {
      body = problem(400, 'VALIDATION_FAILED', 'The request has invalid fields', {
        errors: fieldErrorsFromIssues(exception.issues),
      });
    } else if (exception instanceof HttpException && CODE_FOR_STATUS[exception.getStatus()]) {
      const status = exception.getStatus();
      body = problem(status, CODE_FOR_STATUS[status], exception.message);
    } else if (isClientHttpError(exception) && CODE_FOR_STATUS[exception.status]) {
      // body-parser and similar: malformed JSON (400), body too large (413), bad charset (415)
      const status = exception.status;
      body = problem(status, CODE_FOR_STATUS[status], exception.expose ? exception.message : TITLES[status]);
    } else if (isDatabaseUnavailable(exception)) {
      // a lost or restarting database: the client may retry (the pool reconnects by itself)
      rootLogger().warn(
        { errCode: (exception as { code?: unknown }).code, requestId: correlationId, path: req.originalUrl },
        'database unavailable',
      );
      const retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;
      res.setHeader('Retry-After', String(retryAfterSeconds));
      body = problem(503, 'DATABASE_UNAVAILABLE', 'The database does not answer; retry later', { retryAfterSeconds });
    } else {
      rootLogger().error(
        { err: exception, requestId: correlationId, method: req.method, path: req.originalUrl },
        'unhandled error',
      );
      body = { type: 'about:blank', title: TITLES[500], status: 500, code: 'INTERNAL', correlationId };
    }
    const status = body['status'] as number;
    if (status >= 500 && !('correlationId' in body)) body['correlationId'] = correlationId;
    if (res.headersSent) return;
    res
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...body, instance: req.originalUrl }));
  }
}

function isClientHttpError(e: unknown): e is { status: number; message: string; expose?: boolean } {
  if (typeof e !== 'object' || e === null) return false;
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' && s >= 400 && s < 500;
}
