import { Module } from '@nestjs/common';
import { PreventivePlansController } from './preventive-plans.controller';
import { PreventivePlansService } from './preventive-plans.service';
import { PreventiveSchedulerService } from './preventive-scheduler.service';
import { RepairJobWorkService } from './repair-job-work.service';
import { RepairJobsController } from './repair-jobs.controller';
import { RepairJobsService } from './repair-jobs.service';
import { RepairMetricsService } from './repair-metrics.service';

/**
 * Repair jobs at JV facilities: jobs and their workflow, work logs, parts used, metrics, preventive plans
 * and their scheduler.
 */
@Module({
  controllers: [RepairJobsController, PreventivePlansController],
  providers: [
    RepairJobsService,
    RepairJobWorkService,
    RepairMetricsService,
    PreventivePlansService,
    PreventiveSchedulerService,
  ],
  exports: [RepairJobsService, PreventiveSchedulerService],
})
export class RepairJobsModule {}
