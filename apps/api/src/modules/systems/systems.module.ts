import { Module } from '@nestjs/common';
import { SystemLabelsService } from './system-labels.service';
import { SystemsImportService } from './systems-import.service';
import { SystemsController } from './systems.controller';
import { SystemsService } from './systems.service';
import { UsageReportsController } from './usage-reports.controller';
import { UsageReportsService } from './usage-reports.service';

/** Artillery systems: registry, status history, usage reports, readiness, CSV import and export, QR labels. */
@Module({
  controllers: [SystemsController, UsageReportsController],
  providers: [SystemsService, UsageReportsService, SystemsImportService, SystemLabelsService],
  exports: [SystemsService],
})
export class SystemsModule {}
