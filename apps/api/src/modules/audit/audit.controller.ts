import { Controller, Inject } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { AuditService } from './audit.service';

const ep = endpoints.audit;

@Controller()
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.audit.list(query);
  }
}
