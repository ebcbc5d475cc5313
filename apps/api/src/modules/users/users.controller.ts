import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { UsersService } from './users.service';

const ep = endpoints.users;

@Controller()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.users.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.users.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.users.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() actor: CurrentUserShape) {
    return this.users.update(params.id, body, actor);
  }

  @Endpoint(ep.resetPassword)
  async resetPassword(@Input() { params, body }: In<typeof ep.resetPassword>) {
    await this.users.resetPassword(params.id, body);
  }

  @Endpoint(ep.resetMfa)
  async resetMfa(@Input() { params }: In<typeof ep.resetMfa>) {
    await this.users.resetMfa(params.id);
  }

  @Endpoint(ep.revokeSessions)
  async revokeSessions(@Input() { params }: In<typeof ep.revokeSessions>) {
    await this.users.revokeSessions(params.id);
  }
}
