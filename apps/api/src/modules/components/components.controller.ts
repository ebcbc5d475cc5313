import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { ComponentsService } from './components.service';

const ep = endpoints.components;

@Controller()
export class ComponentsController {
  constructor(@Inject(ComponentsService) private readonly components: ComponentsService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.components.list(query);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.components.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.components.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.components.update(params.id, body);
  }
}
