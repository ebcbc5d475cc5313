import { Controller, Inject } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { TrainingReportsService } from './training-reports.service';

const ep = endpoints.training;

@Controller()
export class TrainingReportsController {
  constructor(@Inject(TrainingReportsService) private readonly reports: TrainingReportsService) {}

  @Endpoint(ep.calendar)
  calendar(@Input() { query }: In<typeof ep.calendar>) {
    return this.reports.calendar(query);
  }

  @Endpoint(ep.utilisation)
  utilisation(@Input() { query }: In<typeof ep.utilisation>) {
    return this.reports.utilisation(query);
  }

  @Endpoint(ep.crewCoverage)
  crewCoverage(@Input() { query }: In<typeof ep.crewCoverage>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.crewCoverage(query, user);
  }
}
