import type { TFunction } from 'i18next';
import type { ProblemDetails } from '@jv/contracts';
import { ApiError } from './api-client';
import { errorMessage, fieldMessage } from './messages';
import type { OutboxProblem } from './outbox/db';
import { DEPENDENCY_DROPPED } from './outbox/constants';

/**
 * The server's answer to an outbox entry in the user's language: its code's sentence, and each refused field's.
 * (Outside lib/outbox/: the outbox's chunk loads Dexie, and must not carry the API client and the contracts with it.)
 */
export function outboxProblemText(t: TFunction, problem: OutboxProblem): string {
  if (problem.code === DEPENDENCY_DROPPED) return t('outbox.dependencyDropped');
  const error = new ApiError(problem.status, { type: 'about:blank', ...problem } as ProblemDetails);
  const fields = error.fieldErrors.map((f) => `${f.path}: ${fieldMessage(t, f)}`);
  return [errorMessage(t, error), ...fields].join(' ');
}
