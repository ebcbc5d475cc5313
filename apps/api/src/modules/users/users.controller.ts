import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  type CreateUserInput, createUserInputSchema, type CurrentUser as CurrentUserShape, idParamSchema, type ListUsersQuery,
  listUsersQuerySchema, type ResetPasswordInput, resetPasswordInputSchema, type UpdateUserInput, updateUserInputSchema,
} from '@jv/contracts';
import { Allow, CurrentUser } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { UsersService } from './users.service';

@Controller('v1/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @Allow('users', 'read')
  list(@Query(zodPipe(listUsersQuerySchema)) q: ListUsersQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  @Allow('users', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    return this.users.get(id);
  }

  @Post()
  @Allow('users', 'write')
  create(@Body(zodPipe(createUserInputSchema)) body: CreateUserInput) {
    return this.users.create(body);
  }

  @Patch(':id')
  @Allow('users', 'write')
  update(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(updateUserInputSchema)) body: UpdateUserInput,
    @CurrentUser() actor: CurrentUserShape,
  ) {
    return this.users.update(id, body, actor);
  }

  @Post(':id/reset-password')
  @Allow('users', 'write')
  @HttpCode(204)
  async resetPassword(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @Body(zodPipe(resetPasswordInputSchema)) body: ResetPasswordInput) {
    await this.users.resetPassword(id, body);
  }

  @Post(':id/revoke-sessions')
  @Allow('users', 'write')
  @HttpCode(204)
  async revokeSessions(@Param(zodPipe(idParamSchema)) { id }: { id: string }) {
    await this.users.revokeSessions(id);
  }
}
