import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { UnitsService } from './units.service';

const ep = endpoints.units;

@Controller()
export class UnitsController {
  constructor(@Inject(UnitsService) private readonly units: UnitsService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.units.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.units.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.units.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.units.update(params.id, body);
  }
}
