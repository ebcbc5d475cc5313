import { AsyncLocalStorage } from 'node:async_hooks';
import type { CurrentUser } from '@jv/contracts';

/** What a request carries through every layer without threading it by hand: id, caller, address. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  user?: CurrentUser;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}
