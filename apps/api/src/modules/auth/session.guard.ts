import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type CurrentUser, type EndpointDef, endpoints, type Role } from '@jv/contracts';
import type { Request } from 'express';
import { IS_PUBLIC, ROLES } from '../../common/auth.decorators';
import { ENDPOINT } from '../../common/endpoint';
import { AppError, Forbidden, Unauthorized } from '../../common/errors';
import { currentContext } from '../../common/request-context';
import { SessionsService } from './sessions.service';

/** What a session with setup still due (second factor, admin-set password) reaches: nothing else. */
const ALLOWED_DURING_SETUP: ReadonlySet<EndpointDef> = new Set<EndpointDef>([
  endpoints.auth.me,
  endpoints.auth.logout,
  endpoints.auth.updatePreferences,
  endpoints.auth.totpSetup,
  endpoints.auth.totpConfirm,
  endpoints.auth.changePassword,
]);

/**
 * Global guard: every route needs a live session unless its endpoint is public; an endpoint with a permission
 * needs one of the roles the permission table names (403 otherwise). A session whose user must still enrol a
 * second factor or change an admin-set password reaches only ALLOWED_DURING_SETUP (403 SETUP_REQUIRED).
 * Object scope is checked in the services, which answer 404 for objects outside the caller's facility or
 * partner.
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
    const token = req.cookies?.[this.sessions.cookieName];
    const user = token ? await this.sessions.resolve(token) : null;
    if (user) {
      req.user = user;
      const ctx = currentContext();
      if (ctx) ctx.user = user;
    }
    if (isPublic) return true;
    if (!user) throw new Unauthorized();
    if (user.setupRequired.length > 0) {
      const def = this.reflector.get<EndpointDef | undefined>(ENDPOINT, context.getHandler());
      if (!def || !ALLOWED_DURING_SETUP.has(def))
        throw new AppError(
          'SETUP_REQUIRED',
          { setupRequired: user.setupRequired },
          'Finish the set-up first: ' + user.setupRequired.join(', '),
        );
    }
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new Forbidden();
    return true;
  }
}
