import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CurrentUser, Role } from '@jv/contracts';
import type { Request } from 'express';
import { IS_PUBLIC, ROLES } from '../../common/auth.decorators';
import { Forbidden, Unauthorized } from '../../common/errors';
import { currentContext } from '../../common/request-context';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

/**
 * Global guard: every route needs a live session unless its endpoint is public; an endpoint with a permission
 * needs one of the roles the permission table names (403 otherwise). Object scope is checked
 * in the services, which answer 404 for objects outside the caller's facility or partner.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = context.switchToHttp().getRequest<Request & { user?: CurrentUser; cookies?: Record<string, string> }>();
    const token = req.cookies?.[SESSION_COOKIE];
    const user = token ? await this.sessions.resolve(token) : null;
    if (user) {
      req.user = user;
      const ctx = currentContext();
      if (ctx) ctx.user = user;
    }
    if (isPublic) return true;
    if (!user) throw new Unauthorized();
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new Forbidden();
    return true;
  }
}
