import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { CohortsService } from './cohorts.service';

const ep = endpoints.cohorts;
const enrollments = endpoints.enrollments;

/** Cohorts, their moves and enrollments, and the results recorded on an enrollment. */
@Controller()
export class CohortsController {
  constructor(@Inject(CohortsService) private readonly cohorts: CohortsService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.list(query, user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.detail(params.id, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.create(body, user);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.update(params.id, body, user);
  }

  @Endpoint(ep.transition)
  transition(@Input() { params, body }: In<typeof ep.transition>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.transition(params.id, body, user);
  }

  @Endpoint(ep.enroll)
  enroll(@Input() { params, body }: In<typeof ep.enroll>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.enroll(params.id, body, user);
  }

  @Endpoint(enrollments.update)
  updateEnrollment(@Input() { params, body }: In<typeof enrollments.update>, @CurrentUser() user: CurrentUserShape) {
    return this.cohorts.updateEnrollment(params.id, body, user);
  }
}
