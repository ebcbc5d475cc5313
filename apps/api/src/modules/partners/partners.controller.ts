import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { PartnersService } from './partners.service';

const ep = endpoints.partners;

@Controller()
export class PartnersController {
  constructor(@Inject(PartnersService) private readonly partners: PartnersService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.partners.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.partners.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.partners.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.partners.update(params.id, body);
  }
}
