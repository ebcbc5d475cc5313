import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { CoursesService } from './courses.service';

const ep = endpoints.courses;

@Controller()
export class CoursesController {
  constructor(@Inject(CoursesService) private readonly courses: CoursesService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.courses.list(query, user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.courses.get(params.id, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.courses.create(body, user);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() user: CurrentUserShape) {
    return this.courses.update(params.id, body, user);
  }
}
