import { Controller, Inject, Req, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const ep = endpoints.auth;

@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  @Endpoint(ep.login)
  async login(@Input() { body }: In<typeof ep.login>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { user, token } = await this.auth.login(body, {
      ip: req.ip ?? 'unknown',
      userAgent: req.get('user-agent') ?? null,
    });
    res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
    return user;
  }

  @Endpoint(ep.logout)
  async logout(@Req() req: Request & { user?: CurrentUserShape }, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE], req.user);
    const { maxAge: _maxAge, ...opts } = this.sessions.cookieOptions();
    res.clearCookie(SESSION_COOKIE, opts);
  }

  @Endpoint(ep.me)
  me(@CurrentUser() user: CurrentUserShape) {
    return user;
  }

  @Endpoint(ep.updatePreferences)
  preferences(@CurrentUser() user: CurrentUserShape, @Input() { body }: In<typeof ep.updatePreferences>) {
    return this.auth.setLocale(user, body.locale);
  }
}
