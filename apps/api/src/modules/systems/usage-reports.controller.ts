import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { UsageReportsService } from './usage-reports.service';

const ep = endpoints.systems;

/** Usage reports of one system: rounds fired per day, and the weekly totals for the chart. */
@Controller()
export class UsageReportsController {
  constructor(@Inject(UsageReportsService) private readonly usage: UsageReportsService) {}

  @Endpoint(ep.createUsageReport)
  create(@Input() { params, body }: In<typeof ep.createUsageReport>, @CurrentUser() user: CurrentUserShape) {
    return this.usage.create(params.id, body, user);
  }

  @Endpoint(ep.usageReports)
  list(@Input() { params, query }: In<typeof ep.usageReports>, @CurrentUser() user: CurrentUserShape) {
    return this.usage.list(params.id, query, user);
  }

  @Endpoint(ep.usageWeekly)
  weekly(@Input() { params, query }: In<typeof ep.usageWeekly>, @CurrentUser() user: CurrentUserShape) {
    return this.usage.weekly(params.id, query.weeks, user);
  }
}
