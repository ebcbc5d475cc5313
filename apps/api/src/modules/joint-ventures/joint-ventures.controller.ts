import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { JointVenturesService } from './joint-ventures.service';

const ep = endpoints.jointVentures;

@Controller()
export class JointVenturesController {
  constructor(@Inject(JointVenturesService) private readonly jointVentures: JointVenturesService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.jointVentures.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.jointVentures.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.jointVentures.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.jointVentures.update(params.id, body);
  }
}
