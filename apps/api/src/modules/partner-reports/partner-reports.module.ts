import { Module } from '@nestjs/common';
import { PartnerReportsSchedulerService } from './partner-reports-scheduler.service';
import { PartnerReportsController } from './partner-reports.controller';
import { PartnerReportsService } from './partner-reports.service';

/** Partner reports: live figures, drafts (by hand, automatic), four-eyes approval, publishing, documents, releases. */
@Module({
  controllers: [PartnerReportsController],
  providers: [PartnerReportsService, PartnerReportsSchedulerService],
  exports: [PartnerReportsService, PartnerReportsSchedulerService],
})
export class PartnerReportsModule {}
