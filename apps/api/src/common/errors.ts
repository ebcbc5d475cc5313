/**
 * Typed domain errors. A feature throws one with a code; ProblemDetailsFilter maps it to RFC 9457.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  path: string;
  message: string;
}

export class ValidationFailed extends DomainError {
  constructor(readonly errors: FieldError[], message = 'The request has invalid fields') {
    super('VALIDATION_FAILED', 400, message, { errors });
  }
}

export class NotFound extends DomainError {
  constructor(what = 'Resource') {
    super('NOT_FOUND', 404, `${what} not found`);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Your role may not do this') {
    super('FORBIDDEN', 403, message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', 401, message);
  }
}

export class StaleVersion extends DomainError {
  constructor(current?: number) {
    super('STALE_VERSION', 409, 'The record was changed by someone else; reload it and try again', current ? { currentVersion: current } : {});
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(code, 409, message, extra);
  }
}

export class TooManyRequests extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', 429, message, { retryAfterSeconds });
  }
}
