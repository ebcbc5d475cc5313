import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { DomainError } from './errors';
import { rootLogger } from './logger';
import { currentContext } from './request-context';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error',
};

const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

/** Every error leaves as RFC 9457 problem details; unknown errors as a bare 500 with a correlation id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId = currentContext()?.requestId ?? (req.headers['x-request-id'] as string | undefined);
    let status = 500;
    let body: Record<string, unknown>;

    if (exception instanceof DomainError) {
      status = exception.status;
      body = { type: `/problems/${kebab(exception.code)}`, title: TITLES[status] ?? 'Error', status, detail: exception.message, code: exception.code, ...exception.extra };
      if (status === 429 && typeof exception.extra['retryAfterSeconds'] === 'number') res.setHeader('Retry-After', String(exception.extra['retryAfterSeconds']));
    } else if (exception instanceof ZodError) {
      status = 400;
      body = { type: '/problems/validation-failed', title: TITLES[400], status, code: 'VALIDATION_FAILED', detail: 'The request has invalid fields',
        errors: exception.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const code = status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : `HTTP_${status}`;
      body = { type: status === 404 ? '/problems/not-found' : 'about:blank', title: TITLES[status] ?? 'Error', status, code, detail: exception.message };
    } else if (isClientHttpError(exception)) {
      // body-parser and similar: malformed JSON (400), body too large (413), bad charset (415)
      status = exception.status;
      body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code: status === 400 ? 'MALFORMED_BODY' : `HTTP_${status}`, detail: exception.expose ? exception.message : TITLES[status] };
    } else {
      rootLogger().error({ err: exception, requestId: correlationId, method: req.method, path: req.originalUrl }, 'unhandled error');
      body = { type: 'about:blank', title: TITLES[500], status: 500, correlationId };
    }
    if (status >= 500 && !('correlationId' in body)) body['correlationId'] = correlationId;
    if (res.headersSent) return;
    res.status(status).type('application/problem+json').send(JSON.stringify({ ...body, instance: req.originalUrl }));
  }
}

function isClientHttpError(e: unknown): e is { status: number; message: string; expose?: boolean } {
  if (typeof e !== 'object' || e === null) return false;
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' && s >= 400 && s < 500;
}
