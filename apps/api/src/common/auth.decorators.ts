import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CurrentUser as CurrentUserShape } from '@jv/contracts';
import { type Action, type Resource, rolesFor } from '@jv/domain';

export const IS_PUBLIC = 'jv:isPublic';
export const ROLES = 'jv:roles';

/** The route needs no session (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs one of the roles the permission table gives to `resource`/`action`. */
export const Allow = (resource: Resource, action: Action) => SetMetadata(ROLES, rolesFor(resource, action));

/** The signed-in user, as the session guard put it on the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUserShape => {
  const req = ctx.switchToHttp().getRequest<{ user?: CurrentUserShape }>();
  return req.user as CurrentUserShape;
});
