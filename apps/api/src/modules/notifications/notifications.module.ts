import { Module } from '@nestjs/common';
import { CohortStartingService } from './cohort-starting.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The in-app inbox (list, read, read all) and the hourly "cohort starting soon" run. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, CohortStartingService],
  exports: [CohortStartingService],
})
export class NotificationsModule {}
