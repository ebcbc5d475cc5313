import { Controller, Inject, Req, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { AuthService, type RequestMeta } from './auth.service';
import { MFA_PENDING_MS, SessionsService } from './sessions.service';

const ep = endpoints.auth;

const requestMeta = (req: Request): RequestMeta => ({
  ip: req.ip ?? 'unknown',
  userAgent: req.get('user-agent') ?? null,
});

@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  @Endpoint(ep.login)
  async login(@Input() { body }: In<typeof ep.login>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.auth.login(body, requestMeta(req));
    if ('mfaRequired' in outcome) {
      // no session yet: only the short-lived pending cookie, with the session cookie's options
      res.cookie(this.sessions.pendingCookieName, outcome.pendingToken, {
        ...this.sessions.cookieOptions(),
        maxAge: MFA_PENDING_MS,
      });
      return { mfaRequired: true as const };
    }
    res.cookie(this.sessions.cookieName, outcome.token, this.sessions.cookieOptions());
    return outcome.user;
  }

  @Endpoint(ep.loginMfa)
  async loginMfa(
    @Input() { body }: In<typeof ep.loginMfa>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { user, token } = await this.auth.loginMfa(
      body,
      req.cookies?.[this.sessions.pendingCookieName],
      requestMeta(req),
    );
    const { maxAge: _maxAge, ...opts } = this.sessions.cookieOptions();
    res.clearCookie(this.sessions.pendingCookieName, opts);
    res.cookie(this.sessions.cookieName, token, this.sessions.cookieOptions());
    return user;
  }

  @Endpoint(ep.totpSetup)
  totpSetup(@CurrentUser() user: CurrentUserShape) {
    return this.auth.totpSetup(user);
  }

  @Endpoint(ep.totpConfirm)
  totpConfirm(@CurrentUser() user: CurrentUserShape, @Input() { body }: In<typeof ep.totpConfirm>) {
    return this.auth.totpConfirm(user, body.code);
  }

  @Endpoint(ep.changePassword)
  async changePassword(
    @CurrentUser() user: CurrentUserShape,
    @Input() { body }: In<typeof ep.changePassword>,
    @Req() req: Request,
  ) {
    await this.auth.changePassword(user, body, req.cookies?.[this.sessions.cookieName], requestMeta(req));
  }

  @Endpoint(ep.logout)
  async logout(@Req() req: Request & { user?: CurrentUserShape }, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(req.cookies?.[this.sessions.cookieName], req.user);
    const { maxAge: _maxAge, ...opts } = this.sessions.cookieOptions();
    res.clearCookie(this.sessions.cookieName, opts);
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
