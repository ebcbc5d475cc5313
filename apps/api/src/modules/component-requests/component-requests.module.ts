import { Module } from '@nestjs/common';
import { ComponentRequestsController } from './component-requests.controller';
import { ComponentRequestsService } from './component-requests.service';

/** Component requests: raising, editing drafts, the approval workflow, deliveries, list, CSV export, metrics. */
@Module({
  controllers: [ComponentRequestsController],
  providers: [ComponentRequestsService],
  exports: [ComponentRequestsService],
})
export class ComponentRequestsModule {}
