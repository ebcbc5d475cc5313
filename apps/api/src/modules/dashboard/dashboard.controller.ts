import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint } from '../../common/endpoint';
import { DashboardService } from './dashboard.service';

@Controller()
export class DashboardController {
  constructor(@Inject(DashboardService) private readonly dashboard: DashboardService) {}

  @Endpoint(endpoints.dashboard.get)
  get(@CurrentUser() user: CurrentUserShape) {
    return this.dashboard.get(user);
  }
}
