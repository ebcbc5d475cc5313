import { Module } from '@nestjs/common';
import { ENV, type Env } from '../../config/env';
import { PreventivePlansController } from './preventive-plans.controller';
import { PreventivePlansService } from './preventive-plans.service';
import { PreventiveSchedulerService } from './preventive-scheduler.service';
import { RepairJobPhotosController } from './repair-job-photos.controller';
import { RepairJobPhotosService } from './repair-job-photos.service';
import { PHOTO_OBJECTS, photoObjectStore } from './repair-job-photos.store';
import { RepairJobWorkService } from './repair-job-work.service';
import { RepairJobsController } from './repair-jobs.controller';
import { RepairJobsService } from './repair-jobs.service';
import { RepairMetricsService } from './repair-metrics.service';

/**
 * Repair jobs at JV facilities: jobs and their workflow, work logs, parts used, photos, metrics, preventive plans
 * and their scheduler.
 */
@Module({
  controllers: [RepairJobsController, RepairJobPhotosController, PreventivePlansController],
  providers: [
    RepairJobsService,
    RepairJobWorkService,
    RepairJobPhotosService,
    { provide: PHOTO_OBJECTS, inject: [ENV], useFactory: (env: Env) => photoObjectStore(env) },
    RepairMetricsService,
    PreventivePlansService,
    PreventiveSchedulerService,
  ],
  exports: [RepairJobsService, PreventiveSchedulerService],
})
export class RepairJobsModule {}
