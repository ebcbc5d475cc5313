import { type ErrorCode, errorCatalog, type ErrorParams, type FieldRuleCode } from '@jv/contracts';
import { englishFieldMessage } from './field-errors';

/**
 * Typed domain errors. A feature throws an `AppError` with a code from the contracts' error catalogue
 * (libs/contracts/src/errors.ts) and that code's parameters; the HTTP status comes from the catalogue.
 * ProblemDetailsFilter turns it into RFC 9457 problem details with `code` and the parameters beside
 * it. `detail` is English for API clients; the web shows its own uk/en text for the code.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;

  constructor(
    readonly code: C,
    readonly params: ErrorParams<C>,
    detail: string,
    /** further members of the problem document (e.g. `errors` for field problems) */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = errorCatalog[code].status;
  }
}

/** One refused field as a service states it; the English message defaults from the rule's code. */
export interface FieldErrorInput {
  path: string;
  code: FieldRuleCode;
  params?: Record<string, unknown>;
  message?: string;
}

export interface CompleteFieldError {
  path: string;
  code: FieldRuleCode;
  message: string;
  params?: Record<string, unknown>;
}

/** Field errors as the problem document lists them: each with its code and an English message. */
export const fieldErrors = (errors: readonly FieldErrorInput[]): CompleteFieldError[] =>
  errors.map((e) => ({
    path: e.path,
    code: e.code,
    message: e.message ?? englishFieldMessage(e.code, e.params),
    ...(e.params && Object.keys(e.params).length ? { params: e.params } : {}),
  }));

export class ValidationFailed extends AppError<'VALIDATION_FAILED'> {
  readonly errors: CompleteFieldError[];

  constructor(errors: FieldErrorInput[], detail = 'The request has invalid fields') {
    const complete = fieldErrors(errors);
    super('VALIDATION_FAILED', {}, detail, { errors: complete });
    this.errors = complete;
  }
}

export class NotFound extends AppError<'NOT_FOUND'> {
  constructor(what = 'Resource') {
    super('NOT_FOUND', {}, `${what} not found`);
  }
}

export class Forbidden extends AppError<'FORBIDDEN'> {
  constructor(detail = 'Your role may not do this') {
    super('FORBIDDEN', {}, detail);
  }
}

export class Unauthorized extends AppError<'UNAUTHENTICATED' | 'BAD_CREDENTIALS'> {
  constructor(code: 'UNAUTHENTICATED' | 'BAD_CREDENTIALS' = 'UNAUTHENTICATED', detail = 'Sign in first') {
    super(code, {}, detail);
  }
}

export class StaleVersion extends AppError<'STALE_VERSION'> {
  constructor(current?: number) {
    super(
      'STALE_VERSION',
      current ? { currentVersion: current } : {},
      'The record was changed by someone else; reload it and try again',
    );
  }
}

export class TooManyRequests extends AppError<'TOO_MANY_REQUESTS'> {
  constructor(detail: string, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', { retryAfterSeconds }, detail);
  }
}

/** A 409 (or another status of the catalogue) with a code and its parameters. */
export class Conflict<C extends ErrorCode = ErrorCode> extends AppError<C> {
  constructor(code: C, detail: string, params: ErrorParams<C>, extra: Record<string, unknown> = {}) {
    super(code, params, detail, extra);
  }
}
