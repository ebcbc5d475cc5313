import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { PreventivePlansService } from './preventive-plans.service';
import { PreventiveSchedulerService } from './preventive-scheduler.service';

const ep = endpoints.preventivePlans;

@Controller()
export class PreventivePlansController {
  constructor(
    @Inject(PreventivePlansService) private readonly plans: PreventivePlansService,
    @Inject(PreventiveSchedulerService) private readonly scheduler: PreventiveSchedulerService,
  ) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.plans.list(query);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.plans.create(body);
  }

  /** runs the scheduler now (it also runs daily by itself) */
  @Endpoint(ep.run)
  run() {
    return this.scheduler.run();
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.plans.get(params.id);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.plans.update(params.id, body);
  }
}
