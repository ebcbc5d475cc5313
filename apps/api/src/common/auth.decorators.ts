import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CurrentUser as CurrentUserShape } from '@jv/contracts';

export const IS_PUBLIC = 'jv:isPublic';
export const ROLES = 'jv:roles';

/** The route needs no session (the API documentation; endpoints say `permission: 'public'` instead). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The signed-in user, as the session guard put it on the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUserShape => {
  const req = ctx.switchToHttp().getRequest<{ user?: CurrentUserShape }>();
  return req.user as CurrentUserShape;
});
