import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { FacilitiesService } from './facilities.service';

const ep = endpoints.facilities;

@Controller()
export class FacilitiesController {
  constructor(@Inject(FacilitiesService) private readonly facilities: FacilitiesService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.facilities.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.facilities.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.facilities.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.facilities.update(params.id, body);
  }
}
