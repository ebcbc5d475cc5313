import { Module } from '@nestjs/common';
import { TrainingReportsController } from './training-reports.controller';
import { TrainingReportsService } from './training-reports.service';

/** Training reports computed in SQL: the calendar of the training bases, seat utilisation, crew coverage. */
@Module({
  controllers: [TrainingReportsController],
  providers: [TrainingReportsService],
})
export class TrainingReportsModule {}
