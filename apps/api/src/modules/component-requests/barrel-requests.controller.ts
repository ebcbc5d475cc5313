import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint } from '../../common/endpoint';
import { BarrelRequestsService } from './barrel-requests.service';

const ep = endpoints.componentRequests;

@Controller()
export class BarrelRequestsController {
  constructor(@Inject(BarrelRequestsService) private readonly barrels: BarrelRequestsService) {}

  /** runs the barrel job now (it also runs daily by itself) */
  @Endpoint(ep.runBarrels)
  runBarrels() {
    return this.barrels.run();
  }
}
