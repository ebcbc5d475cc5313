import { Controller, Get, Inject, Query } from '@nestjs/common';
import { type ListAuditQuery, listAuditQuerySchema } from '@jv/contracts';
import { Allow } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { AuditService } from './audit.service';

@Controller('v1/audit-log')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  @Allow('audit', 'read')
  list(@Query(zodPipe(listAuditQuerySchema)) q: ListAuditQuery) {
    return this.audit.list(q);
  }
}
