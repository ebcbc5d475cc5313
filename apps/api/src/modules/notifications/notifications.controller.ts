import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { NotificationsService } from './notifications.service';

const ep = endpoints.notifications;

/** The static path (read-all) comes before `{id}` so it is never read as an id. */
@Controller()
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.notifications.list(query, user);
  }

  @Endpoint(ep.readAll)
  readAll(@CurrentUser() user: CurrentUserShape) {
    return this.notifications.readAll(user);
  }

  @Endpoint(ep.read)
  read(@Input() { params }: In<typeof ep.read>, @CurrentUser() user: CurrentUserShape) {
    return this.notifications.read(params.id, user);
  }
}
