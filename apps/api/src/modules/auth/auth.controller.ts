import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import {
  type CurrentUser as CurrentUserShape, type LoginInput, loginInputSchema, type UpdateMyPreferencesInput,
  updateMyPreferencesInputSchema,
} from '@jv/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

@Controller('v1/auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body(zodPipe(loginInputSchema)) body: LoginInput, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { user, token } = await this.auth.login(body, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null });
    res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
    return user;
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() req: Request & { user?: CurrentUserShape }, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE], req.user);
    const { maxAge: _maxAge, ...opts } = this.sessions.cookieOptions();
    res.clearCookie(SESSION_COOKIE, opts);
  }

  @Get('me')
  me(@CurrentUser() user: CurrentUserShape) {
    return user;
  }

  @Patch('me/preferences')
  preferences(@CurrentUser() user: CurrentUserShape, @Body(zodPipe(updateMyPreferencesInputSchema)) body: UpdateMyPreferencesInput) {
    return this.auth.setLocale(user, body.locale);
  }
}
