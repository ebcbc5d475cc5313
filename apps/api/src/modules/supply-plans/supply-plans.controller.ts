import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { SupplyPlansService } from './supply-plans.service';

const ep = endpoints.supplyPlans;

/** The static path (plan-vs-actual) comes before `{partnerId}/{month}`. */
@Controller()
export class SupplyPlansController {
  constructor(@Inject(SupplyPlansService) private readonly plans: SupplyPlansService) {}

  @Endpoint(ep.planVsActual)
  planVsActual(@Input() { query }: In<typeof ep.planVsActual>, @CurrentUser() user: CurrentUserShape) {
    return this.plans.planVsActual(query, user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.plans.get(params.partnerId, params.month, user);
  }

  @Endpoint(ep.put)
  put(@Input() { params, body }: In<typeof ep.put>, @CurrentUser() user: CurrentUserShape) {
    return this.plans.put(params.partnerId, params.month, body, user);
  }
}
